"""3D landmarks, derived muscle meshes (SCM divisions, temporalis) and trigger points.

Everything here is computed from BodyParts3D geometry (frame: +X subject's left, +Y posterior,
+Z superior, millimetres). Side 'right' means X < 0.
"""
from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from . import meshes
from .tables import VERTEBRAE_C, VERTEBRAE_T, VERTEBRAE_L

SGN = {"right": -1.0, "left": 1.0}  # sign of X on each side


def cat(ms):
    ms = [m for m in ms if m is not None]
    vs, fs, off = [], [], 0
    for v, f in ms:
        vs.append(v)
        fs.append(f + off)
        off += len(v)
    if not vs:
        return np.zeros((0, 3)), np.zeros((0, 3), dtype=np.int64)
    return np.concatenate(vs), np.concatenate(fs)


def mesh(ids, faces=3000):
    return cat([meshes.load(i, faces) for i in ids])


def full_verts(fma):
    """Full-resolution vertices (for landmarks)."""
    m = meshes.load_stl(fma)
    return m[0] if m is not None else np.zeros((0, 3))


def face_normals(v, f):
    n = np.cross(v[f[:, 1]] - v[f[:, 0]], v[f[:, 2]] - v[f[:, 0]])
    ln = np.linalg.norm(n, axis=1, keepdims=True)
    return n / np.maximum(ln, 1e-12)


class Landmarks:
    """Bony and muscular landmarks per side."""

    def __init__(self):
        L = {}
        skull_top = full_verts("FMA52789")
        pr, pl = full_verts("FMA52788"), full_verts("FMA52789")
        L["vertex_z"] = max(pr[:, 2].max(), pl[:, 2].max())
        occ = full_verts("FMA52735")
        i = np.argmax(occ[:, 1])
        L["inion"] = occ[i]
        frontal = full_verts("FMA52734")
        L["skull_front_y"] = frontal[:, 1].min()
        mand = full_verts("FMA52748")
        L["menton"] = mand[np.argmin(mand[:, 2] + 0.0 * mand[:, 1])]
        L["mandible_low_z"] = mand[:, 2].min()
        hy = full_verts("FMA52749")
        L["hyoid"] = hy.mean(0)
        thy = full_verts("FMA55099")
        L["thyroid"] = thy.mean(0)
        L["thyroid_top"] = thy[:, 2].max()
        man = full_verts("FMA7486")
        L["sternal_notch"] = man[np.argmax(man[:, 2])]
        xi = full_verts("FMA7488")
        L["xiphoid"] = xi[np.argmin(xi[:, 2])]
        body = full_verts("FMA7487")
        L["sternum_low_z"] = body[:, 2].min()
        ear = full_verts("FMA52780")
        for side, s in SGN.items():
            d = {}
            sel = lambda a: a[a[:, 0] * s > 0]
            tb = sel(full_verts("FMA52738" if side == "right" else "FMA52739"))
            # mastoid tip: lowest point of the temporal bone behind the ear canal
            post = tb[tb[:, 1] > np.percentile(tb[:, 1], 60)]
            d["mastoid_tip"] = post[np.argmin(post[:, 2])]
            e = sel(ear)
            d["ear_min"], d["ear_max"] = e.min(0), e.max(0)
            d["ear_center"] = (e.min(0) + e.max(0)) / 2
            m = sel(mand)
            # ear canal: behind the mandibular condyle, at its height (porion region)
            cnd = m[m[:, 1] > np.percentile(m[:, 1], 85)]
            cnd = cnd[np.argmax(cnd[:, 2])]
            d["ear_canal"] = np.array([e[np.argmax(e[:, 0] * s)][0], cnd[1] + 13.0, cnd[2] - 4.0])
            m = sel(mand)
            # condyle: highest point of the posterior ramus
            back = m[m[:, 1] > np.percentile(m[:, 1], 85)]
            d["condyle"] = back[np.argmax(back[:, 2])]
            # coronoid: highest point of the anterior ramus (in front of the condyle)
            ram = m[(m[:, 1] > d["condyle"][1] - 45) & (m[:, 1] < d["condyle"][1] - 15)]
            d["coronoid"] = ram[np.argmax(ram[:, 2])]
            # gonion: the most posterior-inferior point of the mandible
            sc = m[:, 1] - m[:, 2]
            d["gonion"] = m[np.argmax(sc)]
            zb = sel(full_verts("FMA52892" if side == "right" else "FMA52893"))
            d["zygomatic"] = zb
            d["zyg_lateral"] = zb[np.argmax(zb[:, 0] * s)]
            d["orbit_lat_top"] = zb[np.argmax(zb[:, 2])]  # frontal process of zygomatic
            # temporal bone zygomatic process + zygomatic bone: arch top height at the arch middle
            # zygomatic arch: top of the zygomatic bone's temporal process (posterior 40 %)
            yr = zb[:, 1].min() + 0.75 * (zb[:, 1].max() - zb[:, 1].min())
            d["arch_top_z"] = np.percentile(zb[zb[:, 1] > yr][:, 2], 95) + 3.0
            ey = sel(full_verts("FMA46785" if side == "right" else "FMA46786"))
            d["eye"] = ey.mean(0)
            d["eye_min"], d["eye_max"] = ey.min(0), ey.max(0)
            cl = full_verts("FMA13322" if side == "right" else "FMA13323")
            d["clavicle"] = cl
            d["clav_lat"] = cl[np.argmax(cl[:, 0] * s)]
            d["clav_med"] = cl[np.argmin(cl[:, 0] * s)]
            # acromion ~ just lateral of the clavicle's lateral end (scapula mesh missing)
            d["acromion"] = d["clav_lat"] + np.array([s * 10.0, 8.0, 0.0])
            # scapula from its muscles
            sup = full_verts("FMA32544" if side == "right" else "FMA32545")
            inf = full_verts("FMA32547" if side == "right" else "FMA32548")
            tmaj = full_verts("FMA32551" if side == "right" else "FMA32552")
            lev = full_verts("FMA32540" if side == "right" else "FMA32541")
            rmaj = full_verts("FMA13381" if side == "right" else "FMA13382")
            d["spine_root_z"] = (sup[:, 2].min() + inf[:, 2].max()) / 2
            d["sup_angle"] = lev[np.argmin(lev[:, 2])]
            d["inf_angle"] = tmaj[np.argmin(tmaj[:, 2] - 0.3 * np.abs(tmaj[:, 0]))]
            d["inf_angle"] = np.concatenate([inf, tmaj])[np.argmin(np.concatenate([inf, tmaj])[:, 2])]
            # medial border: lateral edge of rhomboids as function of z
            d["rhomboid"] = rmaj
            d["infra"] = inf
            d["supra"] = sup
            hb = full_verts("FMA16586" if side == "right" else "FMA16587")
            d["hip"] = hb
            d["iliac_top"] = hb[np.argmax(hb[:, 2])]
            d["psis"] = hb[np.argmax(hb[:, 1] + 0.3 * hb[:, 2])]
            d["asis"] = hb[np.argmin(hb[:, 1] - 0.3 * hb[:, 2])]
            d["ischial"] = hb[np.argmin(hb[:, 2] - 0.5 * hb[:, 1])]
            d["pubic_top_z"] = hb[np.abs(hb[:, 0]) < 30][:, 2].max()
            fe = full_verts("FMA24474" if side == "right" else "FMA24475")
            top = fe[fe[:, 2] > fe[:, 2].max() - 90]
            d["trochanter"] = top[np.argmax(top[:, 0] * s)]
            d["femur_head"] = top[np.argmin(top[:, 0] * s)]
            d["femur_low_z"] = fe[:, 2].min()
            pa = full_verts("FMA24486" if side == "right" else "FMA24487")
            d["patella"] = pa.mean(0)
            ti = full_verts("FMA24477" if side == "right" else "FMA24478")
            d["tibia_top_z"] = ti[:, 2].max()
            d["tibia_low_z"] = ti[:, 2].min()
            d["tibia"] = ti
            ta = full_verts("FMA24482" if side == "right" else "FMA24483")
            d["talus_top_z"] = ta[:, 2].max()
            hu = full_verts("FMA23130" if side == "right" else "FMA23131")
            d["humerus"] = hu
            d["humerus_top"] = hu[np.argmax(hu[:, 2])]
            low = hu[hu[:, 2] < hu[:, 2].min() + 40]
            d["epicondyle_lat"] = low[np.argmax(low[:, 0] * s)]
            d["epicondyle_med"] = low[np.argmin(low[:, 0] * s)]
            ra = full_verts("FMA23464" if side == "right" else "FMA23465")
            d["wrist"] = ra[np.argmin(ra[:, 2])]
            L[side] = d
        # vertebrae centres
        lv = {}
        for name, ids in (("C", VERTEBRAE_C), ("T", VERTEBRAE_T), ("L", VERTEBRAE_L)):
            for k, fid in enumerate(ids):
                vv = full_verts(fid)
                lv[f"{name}{k + 1}"] = (vv.mean(0), vv[:, 2].min(), vv[:, 2].max(), vv[np.argmax(vv[:, 1])])
        L["vert"] = lv
        self.d = L

    def __getitem__(self, k):
        return self.d[k]


def coronal_mask(skin):
    from . import raster
    """The skin seen from the front, as a 1 px/mm mask over (X, Z)."""
    sv, sf = skin
    c = raster.Canvas((sv[:, 0].min() - 2, -sv[:, 2].max() - 2, sv[:, 0].max() + 2, -sv[:, 2].min() + 2), 1.0)
    P = raster.project(sv, "anterior")
    px = c.to_px(P[sf][:, :, :2].reshape(-1, 2)).reshape(-1, 3, 2)
    return c, raster.draw_mask(c, px)


def outline_top(cm, x, zcap):
    """Highest skin height at X = x below zcap (nan if none)."""
    c, mask = cm
    col = int(round((x - c.x0) * c.ppmm))
    if col < 0 or col >= mask.shape[1]:
        return np.nan
    r0 = int(round((-zcap - c.y0) * c.ppmm))
    rows = np.nonzero(mask[max(r0, 0):, col])[0]
    return zcap - rows[0] / c.ppmm if len(rows) else np.nan


def neck_shoulder_corner(cm, sv, lm, side, neck_r, neck_yc):
    """The angle of the neck: the concave corner of the skin outline seen from the front/back
    between the side of the neck and the top of the shoulder (the point of the outline farthest
    below the chord from the neck, at the mastoid level - 15 mm, to the acromion). Returns the
    3D point (Y: middle of the skin ridge there) and the outline's top profile (|X|, Z)."""
    from scipy.ndimage import gaussian_filter1d
    s = SGN[side]
    d = lm[side]
    acx = abs(d["acromion"][0])
    zcap = d["mastoid_tip"][2] - 15.0
    xs = np.arange(neck_r - 6, acx + 25, 2.0)
    tz = np.array([outline_top(cm, s * x, zcap) for x in xs])
    ok = ~np.isnan(tz)
    tz = gaussian_filter1d(np.interp(xs, xs[ok], tz[ok]), 1.5, mode="nearest")
    sel = xs <= acx
    a_, b_ = np.array([xs[0], tz[0]]), np.array([xs[sel][-1], tz[sel][-1]])
    u = (b_ - a_) / np.linalg.norm(b_ - a_)
    dist = np.where(sel, (xs - a_[0]) * u[1] - (tz - a_[1]) * u[0], -1e9)  # below the chord
    k = int(np.argmax(dist))
    ridge = sv[(np.abs(np.abs(sv[:, 0]) - xs[k]) < 10) & (np.abs(sv[:, 2] - tz[k]) < 15)]
    J = np.array([s * xs[k], np.median(ridge[:, 1]) if len(ridge) else neck_yc, tz[k]])
    return J, (xs, tz)


# ------------------------------------------------------------------ SCM split
def split_scm(v, f, side):
    """Split one SCM mesh into (sternal, clavicular) face subsets by a plane through the
    muscle axis separating the two inferior attachments."""
    z = v[:, 2]
    zmin, zmax = z.min(), z.max()
    low = v[z < zmin + 0.12 * (zmax - zmin)]
    # two clusters along |X|: sternal head medial, clavicular head lateral
    ax = np.abs(low[:, 0])
    c1, c2 = np.percentile(ax, 15), np.percentile(ax, 85)
    for _ in range(20):
        lab = np.abs(ax - c1) > np.abs(ax - c2)
        c1, c2 = ax[~lab].mean(), ax[lab].mean()
    stern = low[~lab].mean(0)
    clav = low[lab].mean(0)
    top = v[z > zmax - 0.1 * (zmax - zmin)].mean(0)
    bottom = (stern + clav) / 2
    axis = top - bottom
    axis /= np.linalg.norm(axis)
    d = clav - stern
    d -= axis * (d @ axis)
    d /= np.linalg.norm(d)
    cen = v[f].mean(1)
    t = (cen - bottom) @ axis
    # the plane passes through the axis line; bias slightly towards the clavicular side so the
    # clavicular division (smaller) keeps about 40 % of the faces
    off = (cen - bottom - np.outer(t, axis)) @ d
    thr = np.percentile(off, 58)
    is_clav = off > thr
    return f[~is_clav], f[is_clav], dict(stern=stern, clav=clav, top=top, axis=axis)


# ------------------------------------------------------------------ temporalis
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


# ------------------------------------------------------------------ trigger points
def _surface_near(v, target, outward, radius=8.0):
    """The vertex of v near `target` (within radius, else nearest) that is farthest along
    `outward` (a unit vector): a point on the muscle's outer surface."""
    d = np.linalg.norm(v - target, axis=1)
    r = radius
    m = d < r
    while m.sum() < 3 and r < 200:
        r *= 1.5
        m = d < r
    cand = v[m]
    return cand[np.argmax(cand @ outward)]


def _along(v, a, b, t, width_frac=None):
    """Centroid of the vertices whose projection on a->b is near parameter t."""
    ab = b - a
    L = np.linalg.norm(ab)
    u = ab / L
    s = (v - a) @ u / L
    m = np.abs(s - t) < 0.05
    if m.sum() < 3:
        m = np.abs(s - t) < 0.12
    return v[m].mean(0)


def trigger_points(side, lm, M):
    """M: dict name -> vertices (full resolution where available). Returns {(muscle, id): xyz}."""
    s = SGN[side]
    d = lm[side]
    lat = np.array([s, 0, 0.0])
    post = np.array([0, 1.0, 0])
    out = {}
    # --- masseter: superficial = large anterior sheet (BodyParts3D's "deep part", see README)
    sup = M["masseter_superficial"]
    dp = M["masseter_deep"]
    z0, z1 = sup[:, 2].max(), sup[:, 2].min()
    for tid, t, yb in (("superficial_upper", 0.22, 0.0), ("superficial_mid", 0.5, 0.0),
                       ("superficial_lower", 0.82, 0.25)):
        z = z0 + t * (z1 - z0)
        band = sup[np.abs(sup[:, 2] - z) < 3]
        ymid = band[:, 1].min() + (0.5 + yb * 0.6) * (band[:, 1].max() - band[:, 1].min())
        out[("masseter", tid)] = _surface_near(sup, np.array([band[:, 0].mean(), ymid, z]), lat)
    top = dp[dp[:, 2] > dp[:, 2].max() - 0.3 * (dp[:, 2].max() - dp[:, 2].min())]
    back = top[top[:, 1] > np.percentile(top[:, 1], 70)]
    out[("masseter", "deep")] = _surface_near(dp, back.mean(0), lat)
    # --- temporalis: belly 25 mm above the arch, front / middle / back fibres
    tv = M["temporalis"]
    z = d["arch_top_z"] + 25.0
    band = tv[np.abs(tv[:, 2] - z) < 4]
    y0, y1 = band[:, 1].min(), band[:, 1].max()
    for tid, t in (("anterior", 0.18), ("middle", 0.5), ("posterior", 0.82)):
        out[("temporalis", tid)] = _surface_near(tv, np.array([band[:, 0].mean(), y0 + t * (y1 - y0), z]), lat,
                                                 radius=4.0)
    # --- SCM
    st, info = M["scm_sternal"], M["scm_info"]
    a, b = info["stern"], info["top"]
    outward = np.array([s * 0.6, -0.8, 0.0])
    for tid, t in (("lower", 0.2), ("middle", 0.5), ("upper", 0.8)):
        out[("scm_sternal", tid)] = _surface_near(st, _along(st, a, b, t), outward)
    cl = M["scm_clavicular"]
    out[("scm_clavicular", "middle")] = _surface_near(cl, _along(cl, info["clav"], b, 0.45),
                                                      np.array([s * 0.9, 0.3, 0]))
    # --- upper trapezius: tp1 on the upper (anterior) free border, midway neck -> acromion
    ut = M["upper_trapezius"]
    xn = np.abs(lm["vert"]["C7"][0][0]) + 40.0
    xa = np.abs(d["acromion"][0])
    xm = s * (xn + 0.5 * (xa - xn))
    slab = ut[np.abs(ut[:, 0] - xm) < 6]
    topz = slab[:, 2].max()
    fr = slab[slab[:, 2] > topz - 15]
    p1 = fr[np.argmin(fr[:, 1])]  # front of the fold
    tp1 = _surface_near(ut, p1 + np.array([0, 6, -4]), np.array([0, -0.3, 1.0]) / np.hypot(0.3, 1))
    out[("upper_trapezius", "tp1")] = tp1
    out[("upper_trapezius", "tp2")] = _surface_near(ut, tp1 + np.array([s * 8, 22, -18]), np.array([0, 0.7, 0.7]))
    # --- middle trapezius
    mt = M["middle_trapezius"]
    mb = medial_border_x(d, d["sup_angle"][2] - 15) * s
    zt = d["spine_root_z"] + 0.35 * (d["sup_angle"][2] - d["spine_root_z"])
    out[("middle_trapezius", "medial")] = _surface_near(mt, np.array([0.5 * (mb + s * 10), 0, zt]) * np.array([1, 0, 1])
                                                        + np.array([0, mt[:, 1].max(), 0]), post, radius=10)
    xl = mt[:, 0] * s
    lateral_end = mt[xl > np.percentile(xl, 92)]
    out[("middle_trapezius", "lateral")] = _surface_near(mt, lateral_end.mean(0) - np.array([s * 12, 0, 0]), post)
    # --- lower trapezius tp3: crossing the medial scapular border below the spine
    lt = M["lower_trapezius"]
    z = d["spine_root_z"] - 0.25 * (d["spine_root_z"] - d["inf_angle"][2])
    xb = medial_border_x(d, z) * s
    out[("lower_trapezius", "tp3")] = _surface_near(lt, np.array([xb, lt[:, 1].max(), z]), post, radius=12)
    # --- levator scapulae
    lv = M["levator_scapulae"]
    lo = lv[np.argmin(lv[:, 2])]
    hi = lv[lv[:, 2] > lv[:, 2].max() - 15].mean(0)
    out[("levator_scapulae", "superior_angle")] = _surface_near(lv, _along(lv, lo, hi, 0.1), np.array([s * 0.3, 0.95, 0]))
    # neck angle: at the angle of the neck (the corner where the side of the neck meets the top
    # of the shoulder, from the skin outline), 6 mm below the corner's height, where the muscle
    # comes out from under the front edge of the upper trapezius: the levator's lateral surface
    # next to the trapezius' most anterior fibres at that height
    J = M["neck_angle"]
    zt = J[2] - 6.0
    band = lv[np.abs(lv[:, 2] - zt) < 3]
    if len(band) < 5:
        band = lv[np.argsort(np.abs(lv[:, 2] - zt))[:20]]
    tr = M["upper_trapezius"]
    tb = tr[(np.abs(tr[:, 2] - zt) < 4) & (tr[:, 0] * s > 0)]
    cand = band
    if len(tb):
        y_edge = tb[:, 1].min()
        near = band[np.abs(band[:, 1] - y_edge) < 8]
        cand = near if len(near) >= 3 else band
    out[("levator_scapulae", "neck_angle")] = cand[np.argmax(cand[:, 0] * s)]
    # --- quadratus lumborum
    q = M["quadratus_lumborum"]
    zq0, zq1 = q[:, 2].min(), q[:, 2].max()
    for tid, t in (("superficial_upper", 0.85), ("superficial_lower", 0.17)):
        z = zq0 + t * (zq1 - zq0)
        band = q[np.abs(q[:, 2] - z) < 4]
        xe = band[np.argmax(band[:, 0] * s)][0]
        out[("quadratus_lumborum", tid)] = _surface_near(q, np.array([xe - s * 8, band[:, 1].mean(), z]), post)
    zl = 0.5 * (lm["vert"]["L3"][0][2] + lm["vert"]["L4"][0][2])
    band = q[np.abs(q[:, 2] - zl) < 5]
    xm_ = band[np.argmin(band[:, 0] * s)][0]
    out[("quadratus_lumborum", "deep")] = _surface_near(q, np.array([xm_ + s * 6, band[:, 1].mean(), zl]), post)
    # --- piriformis
    pf = M["piriformis"]
    ax = pf[:, 0] * s
    med = pf[ax < np.percentile(ax, 8)].mean(0)
    latp = pf[ax > np.percentile(ax, 92)].mean(0)
    out[("piriformis", "medial")] = _surface_near(pf, _along(pf, med, latp, 0.15), post)
    out[("piriformis", "lateral")] = _surface_near(pf, _along(pf, med, latp, 0.42), post)
    return out


def medial_border_x(d, z):
    """|X| of the scapula's medial border at height z: the lateral edge of the rhomboids
    (their scapular attachment) or the medial edge of infraspinatus/supraspinatus."""
    r = d["rhomboid"]
    band = r[np.abs(r[:, 2] - z) < 8]
    if len(band) > 5:
        return np.abs(band[:, 0]).max()
    m = np.concatenate([d["infra"], d["supra"]])
    band = m[np.abs(m[:, 2] - z) < 8]
    if len(band) > 5:
        return np.abs(band[:, 0]).min()
    return np.abs(r[:, 0]).max()
