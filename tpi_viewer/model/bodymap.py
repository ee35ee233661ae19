"""Body maps: per-view vector geometry (skin, bones, muscles, regions, trigger points)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tpi_viewer.model.errors import DataError, Problem, json_path
from tpi_viewer.model.geometry import MultiPolygon, Point, bounds, contains

FORMAT = "tpi-viewer-body-map"
REGIONS_FORMAT = "tpi-viewer-regions"


def _in_bbox(box: tuple[float, float, float, float], point: Point) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


@dataclass(frozen=True, slots=True)
class MuscleShape:
    """One muscle on one side in one view."""

    muscle: str
    side: str
    layer: str
    drawn: bool
    visible: MultiPolygon
    full: MultiPolygon
    label: Point
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def __post_init__(self) -> None:
        if self.outline:
            object.__setattr__(self, "bbox", bounds(self.outline))

    @property
    def outline(self) -> MultiPolygon:
        """What is drawn and clicked: the visible part, or the full silhouette if hidden."""
        return self.visible if self.visible else self.full

    def contains(self, point: Point) -> bool:
        return _in_bbox(self.bbox, point) and contains(self.outline, point)


@dataclass(frozen=True, slots=True)
class RegionShape:
    """One surface region on one side in one view."""

    region: str
    side: str
    polygons: MultiPolygon
    label: Point
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def __post_init__(self) -> None:
        if self.polygons:
            object.__setattr__(self, "bbox", bounds(self.polygons))

    def contains(self, point: Point) -> bool:
        return _in_bbox(self.bbox, point) and contains(self.polygons, point)


@dataclass(frozen=True, slots=True)
class TriggerPointMark:
    """Where a trigger point is drawn in one view."""

    muscle: str
    id: str
    side: str
    at: Point


@dataclass(frozen=True, slots=True)
class Bone:
    """A bone outline drawn for orientation."""

    id: str
    name: str
    polygons: MultiPolygon


@dataclass(frozen=True, slots=True)
class RegionInfo:
    """A surface region of the atlas: same id in every view."""

    id: str
    name: str
    area: str
    synonyms: tuple[str, ...]
    deep: bool
    bilateral: bool


@dataclass(frozen=True, slots=True)
class BodyMap:
    """The geometry of one view, in millimetres, x right and y down (patient's view)."""

    view: str
    title: str
    shows_side: str | None
    subject_right_on: str | None
    bounds: tuple[float, float, float, float]
    skin: MultiPolygon
    bones: tuple[Bone, ...]
    muscles: tuple[MuscleShape, ...]
    regions: tuple[RegionShape, ...]
    trigger_points: tuple[TriggerPointMark, ...]

    def muscle_shapes(self, muscle_id: str) -> tuple[MuscleShape, ...]:
        return tuple(s for s in self.muscles if s.muscle == muscle_id)

    def region_shapes(self, region_id: str) -> tuple[RegionShape, ...]:
        return tuple(r for r in self.regions if r.region == region_id)

    @property
    def muscle_ids(self) -> frozenset[str]:
        return frozenset(s.muscle for s in self.muscles)

    @property
    def region_ids(self) -> frozenset[str]:
        return frozenset(r.region for r in self.regions)

    def muscle_at(self, point: Point, candidates: frozenset[str] | None = None) -> MuscleShape | None:
        """The topmost muscle drawn at `point` (superficial before deep), optionally among ids."""
        hits = [s for s in self.muscles if (candidates is None or s.muscle in candidates) and s.contains(point)]
        hits.sort(key=lambda s: (s.layer != "superficial", not s.visible))
        return hits[0] if hits else None

    def region_at(self, point: Point) -> RegionShape | None:
        """The surface region at `point`, if any."""
        for r in self.regions:
            if r.contains(point):
                return r
        return None


class _Reader:
    """Reads JSON with typed accessors that collect problems instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def bad(self, where: tuple[object, ...], message: str) -> None:
        self.problems.append(Problem(self.file, json_path(where), message))

    def get(self, obj: Any, key: str, where: tuple[object, ...], kind: type | tuple[type, ...], default: Any = None) -> Any:
        if not isinstance(obj, dict) or key not in obj:
            if default is None:
                self.bad(where, f"missing required field '{key}'")
            return default
        value = obj[key]
        if not isinstance(value, kind):
            self.bad((*where, key), f"expected {_kind_name(kind)}, got {type(value).__name__}")
            return default
        return value

    def point(self, value: Any, where: tuple[object, ...]) -> Point:
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        ):
            return (float(value[0]), float(value[1]))
        self.bad(where, "expected a point [x, y]")
        return (0.0, 0.0)

    def multipolygon(self, value: Any, where: tuple[object, ...]) -> MultiPolygon:
        try:  # fast path for well-formed data; the checking path below names what is wrong
            shape = tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly) for poly in value)
            if all(poly and all(len(ring) >= 3 for ring in poly) for poly in shape):
                return shape
        except (TypeError, ValueError):
            pass
        if not isinstance(value, list):
            self.bad(where, "expected a list of polygons")
            return ()
        polys = []
        for i, poly in enumerate(value):
            if not isinstance(poly, list) or not poly:
                self.bad((*where, i), "expected a polygon (a list of rings)")
                continue
            rings = []
            for j, ring in enumerate(poly):
                if not isinstance(ring, list) or len(ring) < 3:
                    self.bad((*where, i, j), "expected a ring of at least 3 points")
                    continue
                rings.append(tuple(self.point(p, (*where, i, j, k)) for k, p in enumerate(ring)))
            polys.append(tuple(rings))
        return tuple(polys)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", list: "a list", dict: "an object", bool: "true or false", int: "a number", float: "a number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(str(path), "$", "file not found")]) from None
    except OSError as exc:
        raise DataError([Problem(str(path), "$", f"cannot read file: {exc.strerror}")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError([Problem(str(path), "$", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]) from None


def load_body_map(path: Path) -> BodyMap:
    """Load one `<view>.json`; DataError naming every problem."""
    raw = read_json(path)
    r = _Reader(str(path))
    if not isinstance(raw, dict):
        raise DataError([Problem(str(path), "$", "expected a JSON object")])
    if raw.get("format") != FORMAT:
        r.bad(("format",), f"expected '{FORMAT}'")
    if raw.get("format_version") != 1:
        r.bad(("format_version",), "unsupported format version (expected 1)")
    bounds_raw = r.get(raw, "bounds", (), list, [])
    if len(bounds_raw) != 4 or not all(isinstance(v, (int, float)) for v in bounds_raw):
        r.bad(("bounds",), "expected [xmin, ymin, xmax, ymax]")
        bounds_raw = [0, 0, 1, 1]
    muscles = []
    for i, m in enumerate(r.get(raw, "muscles", (), list, [])):
        w = ("muscles", i)
        side = r.get(m, "side", w, str, "right")
        if side not in ("right", "left", "midline"):
            r.bad((*w, "side"), f"unknown side '{side}'")
        muscles.append(
            MuscleShape(
                muscle=r.get(m, "muscle", w, str, "?"),
                side=side,
                layer=r.get(m, "layer", w, str, "superficial"),
                drawn=bool(m.get("drawn", False)) if isinstance(m, dict) else False,
                visible=r.multipolygon(m.get("visible", []) if isinstance(m, dict) else [], (*w, "visible")),
                full=r.multipolygon(r.get(m, "full", w, list, []), (*w, "full")),
                label=r.point(r.get(m, "label", w, list, []), (*w, "label")),
            )
        )
    regions = []
    for i, g in enumerate(r.get(raw, "regions", (), list, [])):
        w = ("regions", i)
        regions.append(
            RegionShape(
                region=r.get(g, "region", w, str, "?"),
                side=r.get(g, "side", w, str, "midline"),
                polygons=r.multipolygon(r.get(g, "polygons", w, list, []), (*w, "polygons")),
                label=r.point(r.get(g, "label", w, list, []), (*w, "label")),
            )
        )
    marks = []
    for i, t in enumerate(raw.get("trigger_points", []) if isinstance(raw.get("trigger_points", []), list) else []):
        w = ("trigger_points", i)
        marks.append(
            TriggerPointMark(
                muscle=r.get(t, "muscle", w, str, "?"),
                id=r.get(t, "id", w, str, "?"),
                side=r.get(t, "side", w, str, "right"),
                at=r.point(r.get(t, "at", w, list, []), (*w, "at")),
            )
        )
    bones = []
    for i, b in enumerate(raw.get("bones", []) if isinstance(raw.get("bones", []), list) else []):
        w = ("bones", i)
        bones.append(
            Bone(
                id=r.get(b, "id", w, str, "?"),
                name=str(b.get("name", "")) if isinstance(b, dict) else "",
                polygons=r.multipolygon(r.get(b, "polygons", w, list, []), (*w, "polygons")),
            )
        )
    body_map = BodyMap(
        view=r.get(raw, "view", (), str, path.stem),
        title=str(raw.get("title", path.stem)),
        shows_side=raw.get("shows_side"),
        subject_right_on=raw.get("subject_right_on"),
        bounds=tuple(float(v) for v in bounds_raw),  # type: ignore[arg-type]
        skin=r.multipolygon(r.get(raw, "skin", (), list, []), ("skin",)),
        bones=tuple(bones),
        muscles=tuple(muscles),
        regions=tuple(regions),
        trigger_points=tuple(marks),
    )
    if body_map.view != path.stem:
        r.bad(("view",), f"view id '{body_map.view}' does not match the file name '{path.name}'")
    if r.problems:
        raise DataError(r.problems)
    return body_map


def load_regions(path: Path) -> dict[str, RegionInfo]:
    """Load the region atlas vocabulary `regions.json`."""
    raw = read_json(path)
    r = _Reader(str(path))
    if not isinstance(raw, dict) or raw.get("format") != REGIONS_FORMAT:
        raise DataError([Problem(str(path), "$.format", f"expected '{REGIONS_FORMAT}'")])
    out: dict[str, RegionInfo] = {}
    for i, g in enumerate(r.get(raw, "regions", (), list, [])):
        w = ("regions", i)
        rid = r.get(g, "id", w, str, "?")
        if rid in out:
            r.bad((*w, "id"), f"duplicate region id '{rid}'")
        syn = g.get("synonyms", []) if isinstance(g, dict) else []
        out[rid] = RegionInfo(
            id=rid,
            name=r.get(g, "name", w, str, rid),
            area=str(g.get("area", "")) if isinstance(g, dict) else "",
            synonyms=tuple(s for s in syn if isinstance(s, str)),
            deep=bool(g.get("deep", False)) if isinstance(g, dict) else False,
            bilateral=bool(g.get("bilateral", True)) if isinstance(g, dict) else True,
        )
    if r.problems:
        raise DataError(r.problems)
    return out
