"""Shapely helpers: simplification, rounding, canonical JSON output."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon, MultiPolygon, Point
from shapely.geometry.polygon import orient
from shapely.ops import unary_union, polylabel

from .raster import only_polys, drop_small


def parts(g):
    g = only_polys(g)
    if g.is_empty:
        return []
    return list(g.geoms) if isinstance(g, MultiPolygon) else [g]


def clean(g, tol, min_area, open_r=0.0):
    g = only_polys(g)
    if g.is_empty:
        return Polygon()
    if open_r > 0:
        g = g.buffer(-open_r, join_style="round").buffer(open_r, join_style="round")
    g = g.simplify(tol, preserve_topology=True)
    g = shapely.make_valid(g)
    g = drop_small(g, min_area)
    return only_polys(g)


def _ring(coords):
    pts = [(round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for x, y in coords[:-1]]
    # remove consecutive duplicates after rounding
    out = []
    for p in pts:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    k = min(range(len(out)), key=lambda i: out[i])
    out = out[k:] + out[:k]
    return [[x, y] for x, y in out]


def _to_json_raw(g):
    """Canonical multipolygon: rounded 0.1, exterior CCW in (x right, y down) numbers as
    given by shapely orient(sign=1), rings start at the smallest point, polygons sorted."""
    out = []
    for p in parts(g):
        p = orient(p, 1.0)
        ext = _ring(list(p.exterior.coords))
        if ext is None:
            continue
        holes = [h for h in (_ring(list(r.coords)) for r in p.interiors) if h is not None]
        holes.sort()
        out.append([ext] + holes)
    out.sort()
    return out


def round_geom(g):
    """Geometry after rounding to 0.1 mm (for validity checks)."""
    polys = []
    for poly in _to_json_raw(g):
        try:
            p = Polygon(poly[0], poly[1:])
        except Exception:
            continue
        if not p.is_valid:
            p = only_polys(shapely.make_valid(p))
        if not p.is_empty:
            polys.append(p)
    if not polys:
        return Polygon()
    try:
        return only_polys(unary_union(polys))
    except shapely.errors.GEOSException:
        return only_polys(unary_union([p.buffer(0) for p in polys]))


def label_point(vis, full, min_vis_area):
    src = vis if (not vis.is_empty and vis.area >= min_vis_area) else full
    ps = parts(src)
    if not ps:
        return None
    big = max(ps, key=lambda p: p.area)
    pt = polylabel(big, tolerance=0.2)
    out = [round(pt.x, 1) + 0.0, round(pt.y, 1) + 0.0]
    if not big.contains(Point(out)):
        q = big.representative_point()
        out = [round(q.x, 1) + 0.0, round(q.y, 1) + 0.0]
    return out


def snap_inside(pt, g, margin=0.6):
    """pt moved (if needed) to lie at least `margin` inside g, after rounding to 0.1 mm."""
    from shapely.ops import nearest_points
    p = Point(round(pt[0], 1), round(pt[1], 1))
    if g.is_empty:
        return pt
    if g.contains(p) and g.boundary.distance(p) >= 0.25:
        return [p.x, p.y]
    for m in (margin, margin / 2, 0.3):
        inner = g.buffer(-m)
        if inner.is_empty:
            continue
        q = nearest_points(inner, Point(pt))[0]
        q = Point(round(q.x, 1), round(q.y, 1))
        if g.contains(q):
            return [q.x, q.y]
    q = g.representative_point()
    return [round(q.x, 1), round(q.y, 1)]


def to_json_multipolygon(g, min_area=0.0):
    """Rounded, valid (re-validated after rounding, until rounding changes nothing), canonical
    multipolygon; parts under min_area (mm2) left out."""
    for _ in range(4):
        g = round_geom(g)
        raw = _to_json_raw(g)
        ps = [Polygon(p[0], p[1:]) for p in raw]
        if all(p.is_valid for p in ps):
            break
    return [r for r, p in zip(raw, ps) if p.is_valid and p.area >= min_area]
