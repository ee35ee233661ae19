"""Place spec'd trigger points of non-core muscles on the built 2D maps (idempotent post-step).

Reads tools/body_maps/trigger_point_specs.json ({muscle: {tp: {along, across, view}}}) and, in
every view that draws the muscle, puts each trigger point on the muscle's silhouette, per side:
`along` runs on the silhouette's principal axis from its superior end (a horizontal muscle: its
medial end; in side views, its posterior end) to the other end; `across` runs from the medial
(side views: anterior) edge to the lateral (posterior) edge on the perpendicular chord. Marks
already written by the build (core muscles, placed from landmarks) are left alone.
    python -m tools.body_maps.place_trigger_points
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from tools.body_maps.build import dump  # the build's own deterministic layout

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "assets" / "body_maps"
SPECS = Path(__file__).resolve().parent / "trigger_point_specs.json"
VIEWS = ("anterior", "posterior", "lateral_right", "lateral_left", "head_lateral", "head_posterior")


def _shape(multi: list) -> MultiPolygon:
    polys = [Polygon(p[0], p[1:]) for p in multi if len(p[0]) >= 3]
    return MultiPolygon([p.buffer(0) if not p.is_valid else p for p in polys])


def place(shape: MultiPolygon, along: float, across: float, view: str, midline_x: float) -> tuple[float, float]:
    """The point at (along, across) of the muscle's silhouette, snapped inside it."""
    pts = np.array([c for g in shape.geoms for c in g.exterior.coords])
    centre = pts.mean(axis=0)
    _, _, vt = np.linalg.svd(pts - centre, full_matrices=False)
    axis = vt[0]
    lateral_view = view.startswith("lateral") or view == "head_lateral"
    posterior_dir = np.array([-1.0, 0.0]) if view in ("lateral_right", "head_lateral") else np.array([1.0, 0.0])
    if abs(axis[1]) >= abs(axis[0]):  # vertical muscle: start at its superior (top, y down) end
        axis = axis if axis[1] > 0 else -axis
    elif lateral_view:  # horizontal in a side view: start at its posterior end
        axis = axis if float(np.dot(axis, -posterior_dir)) > 0 else -axis
    else:  # horizontal in front/back views: start at its medial end
        outward = 1.0 if centre[0] >= midline_x else -1.0
        axis = axis if axis[0] * outward > 0 else -axis
    proj = (pts - centre) @ axis
    lo, hi = proj.min(), proj.max()
    at = centre + axis * (lo + along * (hi - lo))
    perp = np.array([-axis[1], axis[0]])
    if lateral_view:  # 0 = anterior edge
        perp = perp if float(np.dot(perp, posterior_dir)) > 0 else -perp
    else:  # 0 = medial edge
        outward = 1.0 if at[0] >= midline_x else -1.0
        perp = perp if perp[0] * outward > 0 or (perp[0] == 0 and perp[1] > 0) else -perp
    span = float(hi - lo) * 4 + 1000
    chord = LineString([tuple(at - perp * span), tuple(at + perp * span)]).intersection(shape)
    pieces = [chord] if chord.geom_type == "LineString" else [g for g in getattr(chord, "geoms", []) if g.geom_type == "LineString"]
    pieces = [p for p in pieces if p.length > 0]
    if not pieces:
        p = shape.representative_point()
        return (round(p.x, 1), round(p.y, 1))
    piece = min(pieces, key=lambda g: g.distance(Point(*at)))
    a, b = np.array(piece.coords[0]), np.array(piece.coords[-1])
    if np.dot(b - a, perp) < 0:
        a, b = b, a
    inset = 0.08 + 0.84 * across  # keep off the very edge
    p = a + (b - a) * inset
    return (round(float(p[0]), 1), round(float(p[1]), 1))


def main() -> int:
    if not SPECS.exists():
        print(f"no {SPECS.name}; nothing to place", file=sys.stderr)
        return 0
    specs = json.loads(SPECS.read_text())
    placed = 0
    for view in VIEWS:
        path = MAPS / f"{view}.json"
        if not path.exists():
            continue
        doc = json.loads(path.read_text())
        x0, _, x1, _ = doc["bounds"]
        marks = [t for t in doc.get("trigger_points", []) if t["muscle"] not in specs]
        for shape in doc["muscles"]:
            tps = specs.get(shape["muscle"])
            if not tps:
                continue
            geom = _shape(shape["full"])
            if geom.is_empty:
                continue
            for tp_id, spec in sorted(tps.items()):
                at = place(geom, float(spec["along"]), float(spec["across"]), view, (x0 + x1) / 2)
                marks.append({"muscle": shape["muscle"], "id": tp_id, "side": shape["side"], "at": list(at)})
                placed += 1
        doc["trigger_points"] = sorted(marks, key=lambda t: (t["muscle"], t["id"], t["side"]))
        path.write_text(dump(doc), encoding="utf-8")
    print(f"placed {placed} trigger point marks", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
