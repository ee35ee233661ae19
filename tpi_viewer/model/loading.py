"""Load and validate the catalogue and body maps once, at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tpi_viewer import paths
from tpi_viewer.model.bodymap import (
    BodyMap,
    RegionInfo,
    load_body_map,
    load_regions,
    read_json,
)
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.errors import DataError, Problem
from tpi_viewer.model.types import (
    Condition,
    Muscle,
    Source,
    Statement,
    TriggerPoint,
    Zone,
    ZoneKind,
)
from tpi_viewer.model.validated import (
    LazyBodyMaps,
    fingerprint,
    is_known_valid,
    load_parsed,
    remember_valid,
    save_parsed,
)
from tpi_viewer.model.views import VIEW_IDS


def load_body_maps(maps_dir: Path) -> tuple[dict[str, BodyMap], dict[str, RegionInfo]]:
    """Every view's map found in `maps_dir`, and the region atlas; DataError on any problem."""
    problems: list[Problem] = []
    regions: dict[str, RegionInfo] = {}
    try:
        regions = load_regions(maps_dir / "regions.json")
    except DataError as exc:
        problems += exc.problems
    maps: dict[str, BodyMap] = {}
    for view in VIEW_IDS:
        path = maps_dir / f"{view}.json"
        if not path.exists():
            continue
        try:
            maps[view] = load_body_map(path)
        except DataError as exc:
            problems += exc.problems
    if not maps and not problems:
        problems.append(Problem(str(maps_dir), "$", "no body map files found (expected e.g. anterior.json)"))
    if problems:
        raise DataError(problems)
    return maps, regions


def check_catalog_file(muscles_file: Path, maps_dir: Path | None = None, schema_file: Path | None = None) -> list[Problem]:
    """All problems of a catalogue file (empty when valid); never raises DataError."""
    try:
        load_catalog(muscles_file, maps_dir, schema_file)
    except DataError as exc:
        return exc.problems
    return []


def load_catalog(muscles_file: Path | None = None, maps_dir: Path | None = None, schema_file: Path | None = None) -> Catalog:
    """Load, validate and build the catalogue; DataError naming file, JSON path and problem.

    Validation runs in full the first time a given set of files is seen; a success is
    remembered by content hash, so unchanged data starts fast and its maps load per view.
    """
    muscles_file = Path(muscles_file or paths.muscles_path())
    maps_dir = Path(maps_dir or paths.body_maps_dir())
    schema_file = Path(schema_file or paths.schema_path())
    stamp = fingerprint(muscles_file, schema_file, maps_dir)
    known = stamp is not None and is_known_valid(stamp)
    if known and stamp is not None:  # unchanged, validated data: reuse what was parsed from it before
        cached = load_parsed(stamp, "catalog")
        if isinstance(cached, Catalog):
            maps = LazyBodyMaps(maps_dir, VIEW_IDS, stamp)
            return Catalog(cached.data_version, cached.reviewed, cached.muscles, cached.conditions, maps, cached.regions)
    raw = read_json(muscles_file)
    if known and isinstance(raw, dict):
        body_maps: Mapping[str, BodyMap] = LazyBodyMaps(maps_dir, VIEW_IDS, stamp)
        regions = load_regions(maps_dir / "regions.json")
    else:
        from tpi_viewer.model.validation import schema_problems, semantic_problems

        schema = read_json(schema_file)
        problems = schema_problems(raw, schema, str(muscles_file))
        if problems:
            raise DataError(problems)
        body_maps, regions = load_body_maps(maps_dir)
        problems = semantic_problems(raw, str(muscles_file), regions, body_maps)
        if problems:
            raise DataError(problems)
        if stamp is not None:
            remember_valid(stamp)
    catalog = Catalog(
        data_version=raw["data_version"],
        reviewed=raw["reviewed"],
        muscles=tuple(_muscle(m) for m in raw["muscles"]),
        conditions=tuple(
            Condition(c["id"], c["name"], c["lay_name"], tuple(c.get("synonyms", []))) for c in raw["conditions"]
        ),
        body_maps=body_maps,
        regions=regions,
    )
    if stamp is not None:
        save_parsed(stamp, "catalog", Catalog(catalog.data_version, catalog.reviewed, catalog.muscles, catalog.conditions, {}, catalog.regions))
    return catalog


def _statement(d: dict[str, Any]) -> Statement:
    return Statement(d["text"], tuple(d["sources"]), d.get("lay_text"), d.get("evidence", "established"))


def _optional_statement(d: dict[str, Any] | None) -> Statement | None:
    return _statement(d) if d is not None else None


def _zone(kind: ZoneKind, d: dict[str, Any]) -> Zone:
    return Zone(
        kind=kind,
        regions=tuple(d["regions"]),
        laterality=d["laterality"],
        text=d["text"],
        lay_text=d["lay_text"],
        evidence=d["evidence"],
        sources=tuple(d["sources"]),
        trigger_points=tuple(d.get("trigger_points", [])),
        doubtful=d.get("doubtful", False),
    )


def _muscle(d: dict[str, Any]) -> Muscle:
    referred = d.get("referred_zones", {"essential": [], "spillover": []})
    return Muscle(
        id=d["id"],
        name=d["name"],
        latin=d["latin"],
        lay_name=d["lay_name"],
        area=d["area"],
        depth=d["depth"],
        views=tuple(d["views"]),
        sources=tuple(Source(s["id"], s["title"], s["url"], s.get("authority", "secondary")) for s in d["sources"]),
        evidence=d.get("evidence", "established"),
        complete=d.get("content", "complete") == "complete",
        attachments=_optional_statement(d.get("attachments")),
        location=_optional_statement(d.get("location")),
        trigger_points=tuple(TriggerPoint(t["id"], t["name"], t["description"], tuple(t["sources"])) for t in d.get("trigger_points", [])),
        local_zone=_zone("local", d["local_zone"]) if "local_zone" in d else None,
        essential_zones=tuple(_zone("essential", z) for z in referred["essential"]),
        spillover_zones=tuple(_zone("spillover", z) for z in referred["spillover"]),
        spillover_note=referred.get("spillover_note"),
        symptoms=tuple(_statement(s) for s in d.get("symptoms", [])),
        conditions=tuple(d.get("conditions", [])),
        red_flags=tuple(_statement(s) for s in d.get("red_flags", [])),
        safety=tuple(_statement(s) for s in d.get("safety", [])),
        position=_optional_statement(d.get("position")),
        self_care=tuple(_statement(s) for s in d.get("self_care", [])),
        clinician_notes=tuple(_statement(s) for s in d.get("clinician_notes", [])),
        abbreviations=tuple(d.get("abbreviations", [])),
        synonyms=tuple(d.get("synonyms", [])),
        fma=tuple(d.get("fma", [])),
    )
