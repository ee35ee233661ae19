"""Smooth muscle and bone outlines. The BodyParts3D meshes end in torn, saw-tooth edges at their
attachments; textbook plates (and clinicians) expect smooth curves.

Each item (muscle, bone, context occluder) is rasterised on its own, on a canvas enlarged by a
margin (so the clipped edges of the head views are not eroded):
- its silhouette is closed, then opened with a disk of radius `r` (notches and teeth narrower
  than 2 r go), except that notches reaching deeper than `gap` stay open (the gap between two
  heads, between fingers) and pieces sticking out further than `tip` stay on (pointed ends,
  tendon slips), as do necks holding two parts together;
- its depth is interpolated per pixel on its frontmost triangle and extended into the filled notches.
The frontmost smoothed item per pixel gives the label image (visible parts); it is smoothed with
the surface regions' Gaussian majority (`soft_labels.Soft`: every pixel takes the label with the
largest blurred mask); items showing less than `fragment` mm2, detached pieces under it and small
holes go to their neighbours; each label is traced as the zero level of (its blurred mask - the
best other one), so neighbours share their border. Silhouettes (`full`) are traced as the 0.5
level of their blurred smoothed mask. Every item is smoothed on its own, so separate meshes (the
SCM's two divisions, trapezius and deltoid) keep the gaps between them.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import ndimage
from shapely.ops import unary_union

from . import geom, raster
from .soft_labels import Soft, field_to_geom

# mm: closing/opening radius (muscles, bones), depth of notches left open (`gap`) and length of
# tips left on (`tip`), blur sigma of the label majority and of the silhouettes (smaller: thin
# necks stay connected), working margin, simplification tolerance; mm2: detached pieces (other
# than the largest) smaller than `fragment` are dropped (visible parts: to their neighbours)
PARAMS = {True: dict(r=1.5, r_bone=0.5, gap=3.0, tip=2.0, sigma=0.75, sigma_full=0.5, margin=6.0, tol=0.15,
                     fragment=20.0),
          False: dict(r=2.5, r_bone=0.75, gap=5.0, tip=3.0, sigma=1.0, sigma_full=0.5, margin=12.0, tol=0.5,
                      fragment=60.0)}


def drop_fragments(g, fragment):
    """g without its detached pieces (other than the largest) under `fragment` mm2."""
    ps = geom.parts(g)
    if len(ps) < 2:
        return g
    big = max(ps, key=lambda p: p.area)
    return unary_union([p for p in ps if p is big or p.area >= fragment])


def fill_slivers(vis, free, w, min_area):
    """vis plus the slivers of `free` (its outline minus the other muscles' visible parts) that
    are narrower than 2 w all along and touch it (hairlines where two traced outlines run side
    by side)."""
    if vis.is_empty:
        return vis
    rest = free.difference(vis)
    if rest.is_empty:
        return vis
    core = rest.buffer(-w, quad_segs=4).buffer(w, quad_segs=4)
    thin = rest.difference(core)
    near, core = vis.buffer(0.05, quad_segs=2), core.buffer(0.05, quad_segs=2)
    # only slivers thin all along (not the tapering ends of a wider hidden part: that would
    # leave a step in the outline)
    add = [p for p in geom.parts(thin) if p.area >= 0.2 and p.intersects(near) and not p.intersects(core)]
    if not add:
        return vis
    return geom.clean(unary_union([vis] + add), 0.0, min_area)


def _dilate(m, r):
    return ndimage.distance_transform_edt(~m) <= r


def _erode(m, r):
    return ndimage.distance_transform_edt(m) > r


def _deep(pieces, dist, keep_px):
    """The connected pieces of `pieces` reaching a distance `dist` of at least keep_px."""
    lab, n = ndimage.label(pieces)
    if n == 0:
        return np.zeros_like(pieces)
    mx = ndimage.maximum(dist, lab, index=np.arange(1, n + 1))
    ids = [i + 1 for i, v in enumerate(mx) if v >= keep_px]
    return np.isin(lab, ids) if ids else np.zeros_like(pieces)


def _bridges(cut, rest):
    """The connected pieces of `cut` that touch two or more pieces of `rest`."""
    lr, _ = ndimage.label(rest)
    lc, _ = ndimage.label(cut)
    ids = []
    for i, s in enumerate(ndimage.find_objects(lc)):
        sl = tuple(slice(max(0, a.start - 1), a.stop + 1) for a in s)
        ring = ndimage.binary_dilation(lc[sl] == i + 1)
        if len(np.unique(lr[sl][ring & (lr[sl] > 0)])) > 1:
            ids.append(i + 1)
    return np.isin(lc, ids) if ids else np.zeros_like(cut)


def close_open(m, r_px, gap_px, tip_px):
    """Closing then opening of bool mask m with a Euclidean disk of radius r_px. A notch the
    closing would fill stays open when it reaches more than gap_px deep into the closed shape
    (a real gap: between two heads, between fingers); a piece the opening would cut stays when
    it sticks out more than tip_px (a pointed end, a tendon slip) or holds two parts together."""
    if r_px <= 0 or not m.any():
        return m
    p = math.ceil(2 * r_px) + 2
    m = np.pad(m, p)
    c = _erode(_dilate(m, r_px), r_px) | m
    c &= ~_deep(c & ~m, ndimage.distance_transform_edt(c), gap_px)
    o = _dilate(_erode(c, r_px), r_px) & c
    if not o.any():     # thinner than 2 r everywhere: left as it is
        return c[p:-p, p:-p]
    o |= _deep(c & ~o, ndimage.distance_transform_edt(~o), tip_px)
    o |= _bridges(c & ~o, o)
    return o[p:-p, p:-p]


def _canvas(x0, y0, ppmm, w, h):
    c = raster.Canvas.__new__(raster.Canvas)
    c.x0, c.y0, c.ppmm, c.w, c.h = x0, y0, ppmm, w, h
    return c


class Smoother:
    """Per-view smoothing of item silhouettes and of the visible-label image."""

    def __init__(self, canvas, head):
        self.prm = PARAMS[bool(head)]
        mg = self.prm["margin"]
        pp = canvas.ppmm
        self.ppmm = pp
        self.mpx = math.ceil(mg * pp)
        self.c = _canvas(canvas.x0 - self.mpx / pp, canvas.y0 - self.mpx / pp, pp,
                         canvas.w + 2 * self.mpx, canvas.h + 2 * self.mpx)
        self.items = {}    # key -> (r0, c0, smoothed mask, depth)
        self.occluders = []

    def _px(self, T):
        return np.stack([(T[:, :, 0] - self.c.x0) * self.ppmm, (T[:, :, 1] - self.c.y0) * self.ppmm], axis=2)

    def _raster(self, T, r_mm, depth=True):
        """Smoothed mask (and depth) of triangles T (n,3,3 mm: x, y, depth) in their crop box."""
        px = self._px(T)
        mn, mx = px.min(1), px.max(1)
        sel = (mx[:, 0] >= -1) & (mn[:, 0] <= self.c.w + 1) & (mx[:, 1] >= -1) & (mn[:, 1] <= self.c.h + 1)
        if not sel.any():
            return None
        px, T = px[sel], T[sel]
        pad = math.ceil((2 * r_mm + 4 * self.prm["sigma"]) * self.ppmm) + 3
        c0 = max(0, int(np.floor(px[:, :, 0].min())) - pad)
        r0 = max(0, int(np.floor(px[:, :, 1].min())) - pad)
        c1 = min(self.c.w, int(np.ceil(px[:, :, 0].max())) + pad + 1)
        r1 = min(self.c.h, int(np.ceil(px[:, :, 1].max())) + pad + 1)
        sub = _canvas(self.c.x0 + c0 / self.ppmm, self.c.y0 + r0 / self.ppmm, self.ppmm, c1 - c0, r1 - r0)
        q = px - np.array([c0, r0], float)
        ids = raster.draw_ids(sub, q, T[:, :, 2].mean(1), np.arange(1, len(T) + 1))
        raw = ids > 0
        sm = close_open(raw, r_mm * self.ppmm, self.prm["gap"] * self.ppmm, self.prm["tip"] * self.ppmm)
        if not depth:
            return r0, c0, sm, None
        rr, cc, _, _, dep = raster.pixel_points(sub, ids, T)
        D = np.zeros(raw.shape, np.float32)
        D[rr, cc] = dep
        if (sm & ~raw).any():
            _, (ir, ic) = ndimage.distance_transform_edt(~raw, return_indices=True)
            D = D[ir, ic]
        return r0, c0, sm, D

    def add(self, key, T, bone=False, occludes=True):
        """Item `key` with projected triangles T (n,3,3; x, y in mm, depth towards the viewer)."""
        r = self.prm["r_bone" if bone else "r"]
        got = self._raster(T, r, depth=occludes)
        if got is None:
            return
        self.items[key] = got
        if occludes:
            self.occluders.append(key)

    def mask_geom(self, r0, c0, m):
        f = ndimage.gaussian_filter(m.astype(np.float32), self.prm["sigma_full"] * self.ppmm, mode="constant") - 0.5
        return field_to_geom(self.c, (r0, c0), f)

    def full(self, key):
        """Smoothed silhouette (shapely, mm) of item `key`."""
        if key not in self.items:
            return None
        r0, c0, m, _ = self.items[key]
        return self.mask_geom(r0, c0, m)

    def patch(self, T, r_mm=None):
        """Smoothed outline of a set of triangles that does not enter the label image."""
        got = self._raster(T, self.prm["r"] if r_mm is None else r_mm, depth=False)
        return None if got is None else self.mask_geom(got[0], got[1], got[2])

    def visible(self, keys):
        """{key: smoothed visible part} for the given occluder keys: the frontmost smoothed item
        per pixel, Gaussian majority; items showing less than `fragment` mm2 in all, and detached
        pieces (also holes: pieces of the background) other than the largest under `fragment`,
        go to their neighbours."""
        best = np.full((self.c.h, self.c.w), -np.inf, np.float32)
        lab = np.zeros((self.c.h, self.c.w), np.int32)
        code = {}
        for i, key in enumerate(self.occluders):
            r0, c0, m, D = self.items[key]
            h, w = m.shape
            bw, lw = best[r0:r0 + h, c0:c0 + w], lab[r0:r0 + h, c0:c0 + w]
            up = m & (D > bw)
            bw[up] = D[up]
            lw[up] = i + 1
            code[i + 1] = key
        soft = Soft(lab, self.prm["sigma"] * self.ppmm)
        px_area = 1.0 / self.ppmm ** 2
        for _ in range(4):
            changed = False
            for k in sorted(soft.b):
                r0, r1, c0, c1 = soft.b[k][0]
                m = soft.lab[r0:r1, c0:c1] == k
                cl, n = ndimage.label(m)
                sizes = ndimage.sum(m, cl, range(1, n + 1)) * px_area if n else []
                top = int(np.argmax(sizes)) if n else -1
                whole = k != 0 and sum(sizes) < self.prm["fragment"]   # 0: nothing in front
                small = [j + 1 for j, s in enumerate(sizes)
                         if whole or (j != top and s < self.prm["fragment"])]
                if small:
                    gone = np.zeros(lab.shape, bool)
                    gone[r0:r1, c0:c1] = ndimage.binary_dilation(np.isin(cl, small), iterations=2) & m
                    soft.suppress(k, gone)
                    changed = True
            if not changed:
                break
            soft.top2()
        want = set(keys)
        out = {}
        for k in sorted(soft.b):
            if k == 0 or code[k] not in want:
                continue
            origin, f = soft.field(k)
            if (f > 0).any():
                out[code[k]] = field_to_geom(self.c, origin, f)
        return out
