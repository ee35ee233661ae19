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
def temporalis_mesh(side, lm, skull_v, skull_f, step=1.0):
    """Temporalis drawn from the skull (its mesh is missing from the public copy).

    In the side view of the skull, the temporal fossa is the part of the skull wall that faces
    sideways (outward normal within ~60 degrees of lateral), above the upper border of the
    zygomatic arch, behind the orbital rim (frontal process of the zygomatic bone) and in front
    of the supramastoid crest (back of the ear). Where the wall turns to face forwards
    (forehead) or upwards (vault), i.e. at the temporal line, the region ends. The region is
    smoothed, lifted off the bone by 4 mm and triangulated on a 2 mm grid; a fan of faces
    joins its lower border, deep to the arch, to the coronoid process (insertion)."""
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
    X = raster.UNPROJ[proj](x, y, dep)
    n = face_normals(skull_v, F)[ids[rr, cc] - 1]
    lat = n[:, 0] * s
    arch_z = d["arch_top_z"]
    y_front = d["orbit_lat_top"][1] + 4.0
    y_back = d["ear_max"][1] - 0.2 * (d["ear_max"][1] - d["ear_min"][1])
    ztop = arch_z + 0.75 * (lm["vertex_z"] - arch_z)
    # apex height: top of the continuous laterally-facing wall (lat > 0.88) above the arch,
    # at 55 % of the way from the orbital rim to the back of the ear
    yA = y_front + 3.0
    zA = d["orbit_lat_top"][2] + 4.0
    yB = y_back
    zB = arch_z + 6.0
    yC = yA + 0.55 * (yB - yA)
    col = (np.abs(X[:, 1] - yC) < 3) & (lat > 0.88) & (X[:, 2] > arch_z)
    zs = np.sort(X[col, 2])
    gaps = np.nonzero(np.diff(zs) > 6)[0]
    zC = zs[gaps[0]] if len(gaps) else zs[-1]
    zC = min(zC, ztop)
    # the temporal line: the parabola z(y) through A, C, B
    Mq = np.array([[yA ** 2, yA, 1], [yC ** 2, yC, 1], [yB ** 2, yB, 1]])
    coef = np.linalg.solve(Mq, np.array([zA, zC, zB]))
    zline = coef[0] * X[:, 1] ** 2 + coef[1] * X[:, 1] + coef[2]
    ok = (X[:, 2] > arch_z - 1) & (X[:, 2] < zline) & (X[:, 1] > y_front) & (X[:, 1] < y_back)
    m = np.zeros(ids.shape, bool)
    m[rr[ok], cc[ok]] = True
    m = ndimage.binary_opening(m, iterations=3)
    lab, nl = ndimage.label(m)
    if nl > 1:
        sizes = ndimage.sum(m, lab, range(1, nl + 1))
        m = lab == (1 + int(np.argmax(sizes)))
    m = ndimage.binary_fill_holes(m)
    m = ndimage.gaussian_filter(m.astype(float), 2.0) > 0.5
    depth = np.full(ids.shape, np.nan)
    depth[rr, cc] = dep
    m &= ~np.isnan(depth)
    gi = -np.ones(ids.shape, int)
    pr, pc = np.nonzero(m)
    gi[pr, pc] = np.arange(len(pr))
    V = raster.UNPROJ[proj](pc / c.ppmm + c.x0, pr / c.ppmm + c.y0, depth[pr, pc] + 4.0)
    faces = []
    a = gi[:-1, :-1]; b = gi[:-1, 1:]; cq = gi[1:, :-1]; dq = gi[1:, 1:]
    for p0, p1, p2 in ((a, b, cq), (b, dq, cq)):
        ok3 = (p0 >= 0) & (p1 >= 0) & (p2 >= 0)
        faces.append(np.stack([p0[ok3], p1[ok3], p2[ok3]], 1))
    faces = np.concatenate(faces)
    low = []
    for col in range(m.shape[1]):
        rows = np.nonzero(gi[:, col] >= 0)[0]
        if len(rows):
            low.append(gi[rows.max(), col])
    cor = d["coronoid"].copy()
    cor[0] += s * 2.0
    V = np.vstack([V, cor[None, :]])
    ci = len(V) - 1
    fan = np.array([[low[i], low[i + 1], ci] for i in range(len(low) - 1)], dtype=np.int64)
    F2 = np.vstack([faces, fan])
    return V, F2, dict(arch_z=arch_z, y_front=y_front, y_back=y_back)


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
    # neck angle: where the muscle emerges from under the anterior border of the upper trapezius
    # (first level, going up, at which no trapezius lies lateral to the levator's surface)
    trap = np.concatenate([M["upper_trapezius"], M["middle_trapezius"]])
    covered = []
    ts = np.arange(0.05, 0.95, 0.02)
    for t in ts:
        p = _surface_near(lv, _along(lv, lo, hi, t), np.array([s, 0.0, 0]))
        near = trap[(np.abs(trap[:, 1] - p[1]) < 4) & (np.abs(trap[:, 2] - p[2]) < 4)]
        covered.append(bool((near[:, 0] * s > p[0] * s).any()))
    covered = np.array(covered)
    t_em = 0.5
    for i in range(len(ts) - 5):
        if covered[:i + 1].any() and not covered[i:i + 5].any():
            t_em = ts[i]
            break
    out[("levator_scapulae", "neck_angle")] = _surface_near(lv, _along(lv, lo, hi, t_em + 0.04),
                                                            np.array([s * 0.8, 0.6, 0]))
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
