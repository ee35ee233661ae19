"""3D landmarks and derived meshes (SCM divisions); the temporalis and trigger points have their own modules.

Everything here is computed from BodyParts3D geometry (frame: +X subject's left, +Y posterior,
+Z superior, millimetres). Side 'right' means X < 0.
"""
from __future__ import annotations

import numpy as np

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
