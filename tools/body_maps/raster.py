"""Orthographic projection, painter's-algorithm ID buffers (Pillow), contours -> shapely."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from shapely.geometry import Polygon, MultiPolygon
from shapely import make_valid
from shapely.ops import unary_union
from skimage import measure

# picture x, picture y (down), depth (towards the observer = larger)
PROJ = {
    "anterior": lambda v: (v[:, 0], -v[:, 2], -v[:, 1]),
    "posterior": lambda v: (-v[:, 0], -v[:, 2], v[:, 1]),
    "lateral_right": lambda v: (-v[:, 1], -v[:, 2], -v[:, 0]),
    "lateral_left": lambda v: (v[:, 1], -v[:, 2], v[:, 0]),
}


def project(v, proj):
    x, y, d = PROJ[proj](v)
    return np.stack([x, y, d], axis=1)


class Canvas:
    """Pixel grid covering bounds (mm) at `ppmm` pixels per mm."""

    def __init__(self, bounds, ppmm):
        self.x0, self.y0, x1, y1 = bounds
        self.ppmm = ppmm
        self.w = int(np.ceil((x1 - self.x0) * ppmm)) + 1
        self.h = int(np.ceil((y1 - self.y0) * ppmm)) + 1

    def to_px(self, xy):
        return np.stack([(xy[:, 0] - self.x0) * self.ppmm, (xy[:, 1] - self.y0) * self.ppmm], axis=1)

    def px_to_mm(self, pts):
        # pts as (col, row)
        return np.stack([pts[:, 0] / self.ppmm + self.x0, pts[:, 1] / self.ppmm + self.y0], axis=1)


def draw_ids(canvas, tris_px, depth, ids, background=0):
    """Painter's algorithm: tris_px (n,3,2) pixel coords, depth (n,), ids (n,) ints > 0.
    Returns int32 image (h, w)."""
    img = Image.new("I", (canvas.w, canvas.h), background)
    dr = ImageDraw.Draw(img)
    order = np.lexsort((np.arange(len(depth)), depth))  # far first, stable
    t = tris_px[order].tolist()
    idl = ids[order].tolist()
    for tri, i in zip(t, idl):
        dr.polygon([tuple(p) for p in tri], fill=int(i), outline=int(i))
    return np.asarray(img, dtype=np.int32)


def draw_mask(canvas, tris_px):
    img = Image.new("L", (canvas.w, canvas.h), 0)
    dr = ImageDraw.Draw(img)
    for tri in tris_px.tolist():
        dr.polygon([tuple(p) for p in tri], fill=1, outline=1)
    return np.asarray(img, dtype=bool)


def mask_to_geom(canvas, mask, min_area_mm2=0.0):
    """Binary mask -> shapely (Multi)Polygon in mm (even-odd of contour rings)."""
    if not mask.any():
        return Polygon()
    m = np.pad(mask.astype(np.float32), 1)
    cs = measure.find_contours(m, 0.5)
    geom = None
    polys = []
    for c in cs:
        if len(c) < 4:
            continue
        pts = np.stack([c[:, 1] - 1, c[:, 0] - 1], axis=1)
        pts = canvas.px_to_mm(pts + 0.0)
        p = Polygon(pts)
        if not p.is_valid:
            p = make_valid(p)
        if p.area <= 0:
            continue
        polys.append(p)
    polys.sort(key=lambda p: -p.area)
    for p in polys:
        geom = p if geom is None else geom.symmetric_difference(p)
    if geom is None:
        return Polygon()
    geom = make_valid(geom)
    geom = only_polys(geom)
    if min_area_mm2 > 0:
        geom = drop_small(geom, min_area_mm2)
    return geom


def only_polys(g):
    if g.is_empty:
        return Polygon()
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    parts = [p for p in getattr(g, "geoms", []) if isinstance(p, (Polygon, MultiPolygon))]
    return unary_union(parts) if parts else Polygon()


def drop_small(g, min_area):
    g = only_polys(g)
    if g.is_empty:
        return g
    parts = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
    keep = []
    for p in parts:
        if p.area < min_area:
            continue
        holes = [h for h in p.interiors if Polygon(h).area >= min_area]
        keep.append(Polygon(p.exterior, holes))
    return unary_union(keep) if keep else Polygon()


def pixel_points(canvas, idimg, T, id_offset=1):
    """For each pixel with id>0: interpolate the projected triangle T[id-1] (n,3,3: x,y,depth)
    at the pixel centre. Returns (rows, cols, x, y, depth)."""
    rr, cc = np.nonzero(idimg > 0)
    k = idimg[rr, cc] - id_offset
    x = cc / canvas.ppmm + canvas.x0
    y = rr / canvas.ppmm + canvas.y0
    A, B, C = T[k, 0], T[k, 1], T[k, 2]
    v0 = B[:, :2] - A[:, :2]
    v1 = C[:, :2] - A[:, :2]
    v2 = np.stack([x, y], 1) - A[:, :2]
    den = v0[:, 0] * v1[:, 1] - v1[:, 0] * v0[:, 1]
    den = np.where(np.abs(den) < 1e-9, 1e-9, den)
    b1 = (v2[:, 0] * v1[:, 1] - v1[:, 0] * v2[:, 1]) / den
    b2 = (v0[:, 0] * v2[:, 1] - v2[:, 0] * v0[:, 1]) / den
    b1 = np.clip(b1, 0, 1)
    b2 = np.clip(b2, 0, 1 - b1)
    dep = A[:, 2] + b1 * (B[:, 2] - A[:, 2]) + b2 * (C[:, 2] - A[:, 2])
    return rr, cc, x, y, dep


UNPROJ = {
    # picture x, y, depth -> X, Y, Z
    "anterior": lambda x, y, d: np.stack([x, -d, -y], 1),
    "posterior": lambda x, y, d: np.stack([-x, d, -y], 1),
    "lateral_right": lambda x, y, d: np.stack([-d, -x, -y], 1),
    "lateral_left": lambda x, y, d: np.stack([d, x, -y], 1),
}
