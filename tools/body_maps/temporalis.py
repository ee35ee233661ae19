"""The temporalis, drawn from the skull: the temporal line, the fossa and the fan of fibres to the coronoid."""
from __future__ import annotations

import numpy as np

from .anatomy import SGN


def temporal_line(lm, side):
    """The (inferior) temporal line and the temporal fossa in the side view (Y, Z), per side.

    The line starts at the zygomatic process of the frontal bone (just behind and above the
    frontozygomatic suture, the top of the zygomatic bone's frontal process), arches up and
    back over the side of the skull and comes down behind the ear to the supramastoid crest.
    It is modelled as the upper half of an ellipse: front end just behind the orbital rim,
    back end 22 mm behind the back of the auricle, centre at the height of the front end,
    apex at 64 % of the height from the zygomatic arch to the vertex (about 8 cm above the
    arch in this skull). Below the centre height the back limb goes on down to the
    supramastoid crest (10 mm above the arch), curving forward. Returns dict(yc, zc, a, b, z_front, z_back,
    y_front, arch_z)."""
    d = lm[side]
    arch_z = d["arch_top_z"]
    y_front = d["orbit_lat_top"][1] + 3.0
    z_front = d["orbit_lat_top"][2] + 4.0
    y_far = d["ear_max"][1] + 22.0
    apex = arch_z + 0.64 * (lm["vertex_z"] - arch_z)
    yc = 0.5 * (y_front + y_far)
    a = 0.5 * (y_far - y_front)
    return dict(yc=yc, zc=z_front, a=a, b=apex - z_front, z_front=z_front, z_back=arch_z + 10.0,
                y_front=y_front, arch_z=arch_z)


def in_temporal_fossa(Y, Z, tl, margin=0.0):
    """Inside the temporal line (ellipse) and above the arch / supramastoid crest, in the side
    view; `margin` (mm) grows (+) or shrinks (-) the ellipse."""
    u = (Y - tl["yc"]) / (tl["a"] + margin)
    w = (Z - tl["zc"]) / (tl["b"] + margin)
    inside_upper = (Z >= tl["zc"]) & (u * u + w * w <= 1.0)
    # below the centre height: between the orbital rim (its posterior border curving back
    # into the arch) and the back limb
    h = np.clip((tl["zc"] - Z) / max(tl["zc"] - tl["arch_z"], 1.0), 0.0, 1.0)
    y_f = tl["y_front"] - margin + 7.0 * h ** 1.5
    inside_lower = (Z < tl["zc"]) & (Y >= y_f) & ((Y <= tl["yc"]) | (u * u + w * w <= 1.0))
    t = np.clip((Y - tl["yc"]) / (0.6 * tl["a"]), 0.0, 1.0)
    # the arch's upper border: a shallow curve, lowest in its middle
    ua = (Y - (tl["y_front"] + 0.45 * tl["a"])) / (0.45 * tl["a"])
    floor = tl["arch_z"] + 3.0 * np.minimum(ua * ua, 1.5) + (tl["z_back"] - tl["arch_z"]) * t * t * (3 - 2 * t)
    return (inside_upper | inside_lower) & (Z > floor - margin)


def temporalis_outline(lm, side, n=120):
    """The upper border of the temporalis in the side view (Y, Z): up the front of the fossa
    (posterior border of the zygomatic bone's frontal process) from the arch to the zygomatic
    process of the frontal bone, along the temporal line (ellipse of `temporal_line`) over the
    ear, and down its back limb to the supramastoid crest. Ordered front -> back."""
    tl = temporal_line(lm, side)
    # front edge: from just above the arch up to the start of the line
    zf = np.linspace(tl["arch_z"] + 2.0, tl["zc"], 12)[:-1]
    h = (tl["zc"] - zf) / max(tl["zc"] - tl["arch_z"], 1.0)
    front = np.stack([tl["y_front"] + 7.0 * h ** 1.5, zf], 1)
    # the arc (upper half ellipse), parametrised by angle from the front
    t = np.linspace(np.pi, 0.0, n)
    arc = np.stack([tl["yc"] + tl["a"] * np.cos(t), tl["zc"] + tl["b"] * np.sin(t)], 1)
    # the back limb: the same ellipse, curving forward down to the supramastoid crest
    t_end = np.arcsin(max(-1.0, (tl["z_back"] - tl["zc"]) / tl["b"]))
    t = np.linspace(0.0, t_end, 12)[1:]
    back = np.stack([tl["yc"] + tl["a"] * np.cos(t), tl["zc"] + tl["b"] * np.sin(t)], 1)
    return np.concatenate([front, arc, back]), tl


def temporalis_mesh(side, lm, skull_v, skull_f, step=1.0, n_s=140, n_r=36):
    """Temporalis drawn from the skull (its mesh is missing from the public copy): a fan.

    The fleshy part fills the temporal fossa of the real skull, from the temporal line
    (`temporalis_outline`) down to the zygomatic arch, filling the fossa (its surface 4 mm off
    the wall's 15 mm envelope, so it bridges the deep lower fossa);
    its fibres converge downward, pass deep to the arch and end on the coronoid process.
    Built as a fan of rays from the coronoid tip to the upper border, so the outline is the
    smooth temporal line plus the two edge rays; the depth (X) of each vertex is the skull
    wall's (from a depth map of the skull seen from the side) above the arch, and runs down
    to the coronoid below it. Being a 3D mesh it is projected like the other muscles (hidden
    under the arch and the masseter below)."""
    from scipy import ndimage
    from . import raster
    s = SGN[side]
    d = lm[side]
    proj = "lateral_right" if side == "right" else "lateral_left"
    keep = skull_v[skull_f].mean(1)[:, 0] * s > -10
    F = skull_f[keep]
    P = raster.project(skull_v, proj)
    T = P[F]
    c = raster.Canvas((P[:, 0].min() - 2, P[:, 1].min() - 2, P[:, 0].max() + 2, P[:, 1].max() + 2), 1.0 / step)
    tri = c.to_px(T[:, :, :2].reshape(-1, 2)).reshape(-1, 3, 2)
    ids = raster.draw_ids(c, tri, T[:, :, 2].mean(1), np.arange(1, len(F) + 1))
    rr, cc, x, y, dep = raster.pixel_points(c, ids, T)
    depth = np.full(ids.shape, np.nan)
    depth[rr, cc] = dep
    C, tl = temporalis_outline(lm, side)
    # the wall's depth: rows above the arch only (the arch stands off the wall), carried down
    # below it column by column, then smoothed (nan-aware)
    to_yz = lambda col, row: (-(col / c.ppmm + c.x0) if proj == "lateral_right" else col / c.ppmm + c.x0,
                              -(row / c.ppmm + c.y0))
    rows = np.arange(ids.shape[0])
    zrow = -(rows / c.ppmm + c.y0)
    wall = depth.copy()
    wall[zrow < tl["arch_z"] + 4, :] = np.nan
    r_arch = int(np.argmin(np.abs(zrow - (tl["arch_z"] + 5))))
    below = zrow < tl["arch_z"] + 4
    wall[below, :] = wall[r_arch, :][None, :]
    ok = ~np.isnan(wall)
    _, (ir, ic) = ndimage.distance_transform_edt(~ok, return_indices=True)
    wall = wall[ir, ic]
    # the muscle fills the fossa: its surface bridges the dips of the wall (deep near the arch)
    wall = ndimage.gaussian_filter(ndimage.maximum_filter(wall, size=int(round(15 / step))), 4.0 / step)
    cor = d["coronoid"].copy()
    cor[0] += s * 2.0
    q = np.array([cor[1], cor[2] + 4.0])          # convergence point in (Y, Z)
    # fan vertices
    from scipy.interpolate import interp1d
    seg = np.r_[0.0, np.cumsum(np.linalg.norm(np.diff(C, axis=0), axis=1))]
    Cs = interp1d(seg / seg[-1], C, axis=0)(np.linspace(0.0, 1.0, n_s))
    r = np.linspace(0.0, 1.0, n_r)
    YZ = q[None, None, :] + r[None, :, None] * (Cs[:, None, :] - q[None, None, :])    # (n_s, n_r, 2)
    Yv, Zv = YZ[..., 0].ravel(), YZ[..., 1].ravel()
    px = (-Yv if proj == "lateral_right" else Yv)
    col = np.clip(np.round((px - c.x0) * c.ppmm).astype(int), 0, ids.shape[1] - 1)
    row = np.clip(np.round((-Zv - c.y0) * c.ppmm).astype(int), 0, ids.shape[0] - 1)
    dw = wall[row, col] + 4.0
    # below the arch the fibres run deep to it and converge on the coronoid process
    floor = tl["arch_z"] + 2.0
    dcor = raster.project(cor[None, :], proj)[0, 2]
    rr_ = np.broadcast_to(r[None, :], (n_s, n_r)).ravel()
    zf = np.broadcast_to(Cs[:, None, 1], (n_s, n_r)).ravel()
    r_floor = np.clip((floor - q[1]) / np.maximum(zf - q[1], 1e-6), 0.0, 1.0)
    wgt = np.clip(rr_ / np.maximum(r_floor, 1e-6), 0.0, 1.0)
    dep_v = np.where(Zv >= floor, dw, dcor + (dw - dcor) * wgt ** 1.5)
    V = raster.UNPROJ[proj](px, -Zv, dep_v)
    idx = np.arange(n_s * n_r).reshape(n_s, n_r)
    a_, b_, c_, d_ = idx[:-1, :-1], idx[1:, :-1], idx[:-1, 1:], idx[1:, 1:]
    faces = np.concatenate([np.stack([a_.ravel(), b_.ravel(), d_.ravel()], 1),
                            np.stack([a_.ravel(), d_.ravel(), c_.ravel()], 1)])
    # drop the degenerate faces at the apex (all of column r = 0 is the same point)
    faces = faces[~((faces % n_r == 0).sum(1) >= 2)]
    return V, faces.astype(np.int64), dict(arch_z=tl["arch_z"], y_front=tl["y_front"], y_back=tl["yc"] + tl["a"])


def _vertex_normals(v, f):
    n = np.cross(v[f[:, 1]] - v[f[:, 0]], v[f[:, 2]] - v[f[:, 0]])
    vn = np.zeros_like(v)
    for k in range(3):
        np.add.at(vn, f[:, k], n)
    ln = np.linalg.norm(vn, axis=1, keepdims=True)
    return vn / np.maximum(ln, 1e-12)


def _largest_component(f):
    if len(f) == 0:
        return f
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    nv = f.max() + 1
    rows = np.concatenate([f[:, 0], f[:, 1], f[:, 2]])
    cols = np.concatenate([f[:, 1], f[:, 2], f[:, 0]])
    g = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(nv, nv))
    _, lab = connected_components(g, directed=False)
    fl = lab[f[:, 0]]
    vals, counts = np.unique(fl, return_counts=True)
    return f[fl == vals[np.argmax(counts)]]
