"""Trigger points of non-core muscles from a spec file (tools/body_maps/trigger_point_specs.json):

    {"<muscle_id>": {"<tp_id>": {"along": 0..1, "across": 0..1, "view": "<view id>",
                                 "views": ["<view id>", ...]}}}

`along` runs on the principal axis of the muscle's full silhouette from its superior end (a
horizontal muscle: its medial end; in side views, its posterior end) to the other end; `across`
runs on the chord perpendicular to it from the medial (side views: anterior) edge to the lateral
(posterior) edge, kept 8 % off the edges. The point is then snapped at least 0.8 mm inside the
silhouette. Placed in every view that exports the muscle (or only in `views` when given: a
muscle wrapping round the trunk must not get its front points on its strip seen from behind), for each side it is drawn on. Core
muscles (placed from landmarks, `tables.TP_VIEWS`) are never touched. Used by the build and by
`place_trigger_points` (which re-applies it to built maps).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

SPECS = Path(__file__).resolve().parent / "trigger_point_specs.json"


def load(path: Path = SPECS) -> dict:
    """The specs, or {} when the file does not exist."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def shape(multi: list) -> MultiPolygon:
    """A JSON multipolygon (rounded, as written) as shapely."""
    polys = [Polygon(p[0], p[1:]) for p in multi if len(p[0]) >= 3]
    return MultiPolygon([p.buffer(0) if not p.is_valid else p for p in polys])


def place(geom, along: float, across: float, view: str, midline_x: float) -> tuple[float, float]:
    """The point at (along, across) of the muscle's silhouette."""
    pts = np.array([c for g in geom.geoms for c in g.exterior.coords])
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
    chord = LineString([tuple(at - perp * span), tuple(at + perp * span)]).intersection(geom)
    pieces = [chord] if chord.geom_type == "LineString" else [g for g in getattr(chord, "geoms", [])
                                                             if g.geom_type == "LineString"]
    pieces = [p for p in pieces if p.length > 0]
    if not pieces:
        p = geom.representative_point()
        return (round(p.x, 1), round(p.y, 1))
    piece = min(pieces, key=lambda g: g.distance(Point(*at)))
    a, b = np.array(piece.coords[0]), np.array(piece.coords[-1])
    if np.dot(b - a, perp) < 0:
        a, b = b, a
    p = a + (b - a) * (0.08 + 0.84 * across)  # keep off the very edge
    return (round(float(p[0]), 1), round(float(p[1]), 1))


def marks(muscles: list, view: str, bounds, specs: dict, core=()) -> list:
    """Marks {muscle, id, side, at} for the spec'd non-core muscles among `muscles` (view
    document entries with a JSON `full`)."""
    from .geom import snap_inside
    x0, _, x1, _ = bounds
    out = []
    for m in muscles:
        tps = specs.get(m["muscle"])
        if not tps or m["muscle"] in core:
            continue
        g = shape(m["full"])
        if g.is_empty:
            continue
        for tp_id, spec in sorted(tps.items()):
            if view not in spec.get("views", [view]):
                continue  # e.g. a front-of-trunk point must not show through on the back
            at = place(g, float(spec["along"]), float(spec["across"]), view, (x0 + x1) / 2)
            at = snap_inside([at[0], at[1]], g, margin=0.8)
            out.append({"muscle": m["muscle"], "id": tp_id, "side": m["side"],
                        "at": [round(float(at[0]), 1) + 0.0, round(float(at[1]), 1) + 0.0]})
    return out
