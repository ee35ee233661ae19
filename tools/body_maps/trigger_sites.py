"""Trigger points of the core muscles, computed in 3D on the muscle surface from its own geometry and landmarks."""
from __future__ import annotations

import numpy as np

from .anatomy import SGN, medial_border_x


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
