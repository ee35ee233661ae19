"""Label images made smooth: per-label Gaussian-blurred masks (majority with shared borders) and their tracing."""
from __future__ import annotations


import numpy as np
from scipy import ndimage

from . import raster


def _crop(shape, rr, cc, margin):
    return (max(0, rr.min() - margin), min(shape[0], rr.max() + margin + 1),
            max(0, cc.min() - margin), min(shape[1], cc.max() + margin + 1))


class Soft:
    """Per-label Gaussian-blurred one-hot masks (cropped), their top-2 and the label image."""

    def __init__(self, code, sigma_px):
        self.shape = code.shape
        self.sigma = sigma_px
        self.m = int(np.ceil(4 * sigma_px)) + 2
        self.b = {}
        for lab in np.unique(code[code >= 0]).tolist():
            rr, cc = np.nonzero(code == lab)
            r0, r1, c0, c1 = _crop(code.shape, rr, cc, self.m)
            one = (code[r0:r1, c0:c1] == lab).astype(np.float32)
            self.b[lab] = ((r0, r1, c0, c1), ndimage.gaussian_filter(one, sigma_px, mode="constant"))
        self.top2()

    def top2(self):
        best = np.zeros(self.shape, np.float32)
        second = np.zeros(self.shape, np.float32)
        lab_img = np.full(self.shape, -1)
        for lab in sorted(self.b):
            (r0, r1, c0, c1), a = self.b[lab]
            bw, sw, lw = best[r0:r1, c0:c1], second[r0:r1, c0:c1], lab_img[r0:r1, c0:c1]
            up = a > bw
            mid = ~up & (a > sw)
            sw[up] = bw[up]
            sw[mid] = a[mid]
            bw[up] = a[up]
            lw[up] = lab
        self.best, self.second, self.lab = best, second, lab_img

    def suppress(self, lab, mask):
        """Remove label `lab` where mask (full-size bool) is set (its neighbours take over)."""
        (r0, r1, c0, c1), a = self.b[lab]
        mm = mask[r0:r1, c0:c1]
        a[mm] = 0.0
        if not (a > 0).any():
            del self.b[lab]

    def field(self, lab):
        """Signed field: > 0 where lab wins, 0 on its border (shared exactly with the neighbour)."""
        (r0, r1, c0, c1), a = self.b[lab]
        bl = self.lab[r0:r1, c0:c1]
        f = np.where(bl == lab, a - self.second[r0:r1, c0:c1], a - self.best[r0:r1, c0:c1])
        return (r0, c0), f


def field_to_geom(canvas, origin, f):
    from skimage import measure
    from shapely.geometry import Polygon
    from shapely import make_valid
    fp = np.pad(f, 1, constant_values=-1.0)
    polys = []
    for cont in measure.find_contours(fp, 0.0):
        if len(cont) < 4:
            continue
        pts = np.stack([cont[:, 1] - 1 + origin[1], cont[:, 0] - 1 + origin[0]], axis=1)
        p = Polygon(canvas.px_to_mm(pts))
        if not p.is_valid:
            p = raster.only_polys(make_valid(p))
        if p.area > 0:
            polys.append(p)
    polys.sort(key=lambda p: -p.area)
    g = None
    for p in polys:
        g = p if g is None else g.symmetric_difference(p)
    return raster.only_polys(make_valid(g)) if g is not None else Polygon()


def neighbour_index(part, others):
    """Index of the geometry in `others` sharing the longest border with `part` (else nearest)."""
    ring = part.exterior.buffer(0.4)
    best, bi = 0.0, None
    for i, g in enumerate(others):
        if g is None or g.is_empty or not g.intersects(ring):
            continue
        a = g.intersection(ring).area
        if a > best:
            best, bi = a, i
    if bi is None:
        ds = [(g.distance(part) if g is not None and not g.is_empty else 1e18) for g in others]
        bi = int(np.argmin(ds))
    return bi
