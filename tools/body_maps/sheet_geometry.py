"""Geometry of the drawn sheets: slicing meshes, rays in cylindrical frames, outlines and triangulation."""
from __future__ import annotations

import numpy as np
from scipy import ndimage
from scipy.spatial import Delaunay
from shapely.geometry import Polygon, Point
from shapely import prepared

from . import anatomy

SGN = anatomy.SGN


# ----------------------------------------------------------------------------- slicing
def slice_segments(v, f, z, tri=None):
    """Segments (n, 2, 2) in (X, Y) where the mesh crosses the plane Z = z."""
    T = v[f] if tri is None else tri
    d = T[:, :, 2] - z
    cross = (d.min(1) < 0) & (d.max(1) > 0)
    T, d = T[cross], d[cross]
    if not len(T):
        return np.zeros((0, 2, 2))
    pts = []
    for i, j in ((0, 1), (1, 2), (2, 0)):
        di, dj = d[:, i], d[:, j]
        m = di * dj < 0
        w = np.where(m, di / np.where(m, di - dj, 1.0), 0.0)
        p = T[:, i, :2] + (T[:, j, :2] - T[:, i, :2]) * w[:, None]
        pts.append((m, p))
    out = np.zeros((len(T), 2, 2))
    k = np.zeros(len(T), int)
    for m, p in pts:
        sel = m & (k < 2)
        out[sel, k[sel]] = p[sel]
        k[sel] += 1
    return out[k == 2]


def ray_hits(segs, c, phis, s):
    """Distances along the rays from c (2,) in directions phi (deg; 0 = -Y, 90 = side) to the
    segments: (n_seg, n_phi) array, nan where a ray misses a segment."""
    if not len(segs):
        return np.full((0, len(phis)), np.nan)
    ph = np.radians(phis)
    u = np.stack([s * np.sin(ph), -np.cos(ph)], 1)                      # (m, 2)
    a = segs[:, 0, :] - c                                               # (n, 2)
    e = segs[:, 1, :] - segs[:, 0, :]                                   # (n, 2)
    den = u[None, :, 0] * e[:, None, 1] - u[None, :, 1] * e[:, None, 0]  # cross(u, e)
    den = np.where(np.abs(den) < 1e-12, np.nan, den)
    t = (a[:, None, 0] * e[:, None, 1] - a[:, None, 1] * e[:, None, 0]) / den
    w = (a[:, None, 0] * u[None, :, 1] - a[:, None, 1] * u[None, :, 0]) / den
    ok = (t > 0) & (w >= 0) & (w <= 1)
    return np.where(ok, t, np.nan)


class Frame:
    """Cylindrical frame around a vertical axis whose centre (cx, cy) varies with height."""

    def __init__(self, zs, cx, cy, side):
        self.zs, self.cx, self.cy = np.asarray(zs, float), np.asarray(cx, float), np.asarray(cy, float)
        self.side = side
        self.s = SGN[side]

    def centre(self, z):
        return np.interp(z, self.zs, self.cx), np.interp(z, self.zs, self.cy)

    def to_cyl(self, P):
        P = np.atleast_2d(P)
        cx, cy = self.centre(P[:, 2])
        dx, dy = P[:, 0] - cx, P[:, 1] - cy
        ph = np.degrees(np.arctan2(self.s * dx, -dy))
        return np.where(ph < -90, ph + 360, ph), P[:, 2], np.hypot(dx, dy)   # (-90, 270]

    def from_cyl(self, phi, z, r):
        cx, cy = self.centre(z)
        ph = np.radians(phi)
        return np.stack([cx + self.s * r * np.sin(ph), cy - r * np.cos(ph), np.asarray(z, float)], 1)

    def grid(self, v, f, zs, phis, mode):
        """Radius of the mesh along the rays of the (zs x phis) grid: 'first' (innermost hit),
        'outer' (outermost hit); nan where the ray misses."""
        T = v[f]
        zmin, zmax = T[:, :, 2].min(1), T[:, :, 2].max(1)
        out = np.full((len(zs), len(phis)), np.nan)
        for i, z in enumerate(zs):
            sel = (zmin < z) & (zmax > z)
            if not sel.any():
                continue
            segs = slice_segments(None, None, z, tri=T[sel])
            h = ray_hits(segs, np.array(self.centre(z)), phis, self.s)
            if not len(h):
                continue
            ok = ~np.isnan(h).all(0)
            if ok.any():
                hh = h[:, ok]
                out[i, ok] = np.nanmin(hh, 0) if mode == "first" else np.nanmax(hh, 0)
        return out


def fill(grid):
    """nan cells take the nearest value."""
    bad = np.isnan(grid)
    if bad.all():
        return np.zeros_like(grid)
    if bad.any():
        _, (ir, ic) = ndimage.distance_transform_edt(bad, return_indices=True)
        grid = grid[ir, ic]
    return grid


# ----------------------------------------------------------------------------- meshing
def region_polygon(member, zs, phis, scale, sigma=1.5):
    """The smoothed region (member: float grid over zs x phis, > 0.5 inside) as a polygon in
    (u = phi * scale, z)."""
    from skimage import measure
    m = ndimage.gaussian_filter(member.astype(float), sigma, mode="constant")
    cs = measure.find_contours(np.pad(m, 1), 0.5)
    polys = []
    for c in cs:
        if len(c) < 8:
            continue
        zi = np.interp(c[:, 0] - 1, np.arange(len(zs)), zs)
        pi = np.interp(c[:, 1] - 1, np.arange(len(phis)), phis)
        p = Polygon(np.stack([pi * scale, zi], 1)).buffer(0)
        if p.area > 0:
            polys.append(p)
    if not polys:
        return Polygon()
    return max(polys, key=lambda p: p.area).simplify(0.4)


def triangulate(poly, h=5.0):
    """Vertices (n, 2) and faces of a triangulation of the polygon: its densified outline and
    an interior grid of spacing h."""
    ring = np.array(poly.exterior.coords)[:-1]
    pts = []
    for a, b in zip(ring, np.roll(ring, -1, 0)):
        n = max(1, int(np.ceil(np.linalg.norm(b - a) / (h * 0.6))))
        pts.append(a + np.outer(np.arange(n) / n, b - a))
    B = np.concatenate(pts)
    x0, y0, x1, y1 = poly.bounds
    gx, gy = np.meshgrid(np.arange(x0 + h / 2, x1, h), np.arange(y0 + h / 2, y1, h))
    G = np.stack([gx.ravel(), gy.ravel()], 1)
    inner = prepared.prep(poly.buffer(-h * 0.4))
    G = G[[inner.contains(Point(p)) for p in G]]
    V = np.concatenate([B, G])
    tri = Delaunay(V).simplices
    pp = prepared.prep(poly.buffer(0.01))
    cen = V[tri].mean(1)
    keep = np.array([pp.contains(Point(p)) for p in cen])
    return V, tri[keep]


def bilinear(grid, zs, phis, z, phi):
    zi = np.clip(np.interp(z, zs, np.arange(len(zs))), 0, len(zs) - 1.0001)
    pi = np.clip(np.interp(phi, phis, np.arange(len(phis))), 0, len(phis) - 1.0001)
    z0, p0 = np.floor(zi).astype(int), np.floor(pi).astype(int)
    fz, fp = zi - z0, pi - p0
    g = grid
    return ((1 - fz) * (1 - fp) * g[z0, p0] + fz * (1 - fp) * g[z0 + 1, p0]
            + (1 - fz) * fp * g[z0, p0 + 1] + fz * fp * g[z0 + 1, p0 + 1])


def smooth_curve(xp, fp):
    """A function interpolating the control points (xp increasing) linearly; the region's
    Gaussian smoothing rounds its corners."""
    xp, fp = np.asarray(xp, float), np.asarray(fp, float)
    return lambda x: np.interp(x, xp, fp)
