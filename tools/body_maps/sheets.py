"""Drawn sheets: muscles missing from the public mesh copy, built as 3D surfaces from bone
landmarks and the real neighbouring meshes, then projected like the others (drawn: true).

Each sheet lives in cylindrical coordinates around a vertical axis (the trunk's centre line, or
the femur's shaft for the thigh): azimuth phi (0 = front, 90 = side, 180 = back, on the
sheet's side of the body), height z and radius r. Its outline is a region of the (phi, z)
plane bounded by curves through bony landmarks (spinous processes, scapular angles, ribs,
costal cartilages, iliac crest, pubis, trochanter, patella) and the borders of real
neighbouring muscles; the outline is smoothed and triangulated. Its radius at every point is
taken from the real anatomy along the same ray: just under the skin, never inside the
structures it covers (ribs, deeper muscles) and under the muscles that cover it, so that the
ID buffer gives the right layering (e.g. latissimus dorsi under the lower trapezius, serratus
anterior under the scapula and pectoral muscles, the erector spinae over quadratus lumborum).
"""
from __future__ import annotations

import numpy as np
from scipy import ndimage

from . import anatomy, tables
from .sheet_geometry import Frame, bilinear, fill, region_polygon, slice_segments, smooth_curve, triangulate
from .sheet_thigh import build_vastus_lateralis

SGN = anatomy.SGN


# ----------------------------------------------------------------------------- the sheets
class Sheets:
    """Builds the drawn sheets of one side. `mesh(ids)` gives decimated real meshes."""

    ZS = np.arange(760.0, 1400.0, 4.0)
    PHIS = np.arange(-8.0, 189.0, 2.0)

    def __init__(self, lm, skin, side):
        self.lm, self.side, self.s = lm, side, SGN[side]
        self.d = lm[side]
        sv, sf = skin
        self.skin = skin
        # trunk axis: middle of the skin's slice near the midline, by height
        zs = self.ZS
        T = sv[sf]
        cy = []
        for z in zs:
            p = slice_segments(None, None, z, tri=T).reshape(-1, 2)
            p = p[np.abs(p[:, 0]) < 30]
            cy.append(0.5 * (p[:, 1].min() + p[:, 1].max()) if len(p) else np.nan)
        cy = np.array(cy)
        ok = ~np.isnan(cy)
        cy = ndimage.gaussian_filter1d(np.interp(zs, zs[ok], cy[ok]), 3.0, mode="nearest")
        self.frame = Frame(zs, np.zeros_like(zs), cy, side)
        self.PH, self.Z = np.meshgrid(self.PHIS, zs)
        self.r_skin = fill(self.frame.grid(sv, sf, zs, self.PHIS, "first"))
        self._grids = {}
        self.done = {}          # name -> (r grid, member grid)

    # -- helpers
    def g(self, key, ids, mode, faces=3000):
        k = (key, mode)
        if k not in self._grids:
            v, f = anatomy.mesh(ids, faces)
            self._grids[k] = self.frame.grid(v, f, self.ZS, self.PHIS, mode) if len(f) else \
                np.full(self.PH.shape, np.nan)
        return self._grids[k]

    def skin_xyz(self):
        P = self.frame.from_cyl(self.PH.ravel(), self.Z.ravel(), self.r_skin.ravel())
        return P.reshape(self.PH.shape + (3,))

    def cyl(self, p):
        ph, z, r = self.frame.to_cyl(np.asarray(p)[None, :])
        return float(ph[0]), float(z[0]), float(r[0])

    def ribs(self):
        """The rib cage's outer envelope (bridging the intercostal spaces), nan off the cage."""
        if "ribs_env" not in self._grids:
            rb = self.g("ribs", RIBS[self.side], "outer", 4000)
            on = ndimage.binary_closing(~np.isnan(rb), structure=np.ones((11, 3)), iterations=1)
            env = ndimage.maximum_filter(fill(rb), size=(11, 3))
            env = ndimage.gaussian_filter(env, (2.0, 1.0))
            self._grids["ribs_env"] = np.where(on, env, np.nan)
        return self._grids["ribs_env"]

    def radius(self, depth, under=(), cover=(), gap=1.5, min_depth=1.0):
        """Radius `depth` mm under the skin, not inside the `under` grids (outer surfaces) and
        under the `cover` grids (inner surfaces). Where the arm lies against the chest the
        skin ray runs on into the arm: the skin is taken at most 25 mm outside the ribs."""
        ribs = self.ribs()
        skin = np.where(np.isnan(ribs), self.r_skin, np.minimum(self.r_skin, ribs + 25.0))
        r = skin - depth
        for u in under:
            r = np.where(np.isnan(u), r, np.maximum(r, u + gap))
        for c in cover:
            r = np.where(np.isnan(c), r, np.minimum(r, c - gap))
        return np.minimum(r, skin - min_depth)

    def mesh(self, name, member, r, sigma=1.5, extra=None):
        """Triangulated sheet over the smoothed region; vertices on the radius grid r."""
        scale = np.pi / 180.0 * 110.0   # degrees -> about mm on the trunk
        poly = region_polygon(member, self.ZS, self.PHIS, scale, sigma)
        if poly.is_empty:
            return None
        uv, F = triangulate(poly, 5.0)
        phi, z = uv[:, 0] / scale, uv[:, 1]
        rr = bilinear(fill(r), self.ZS, self.PHIS, z, phi)
        V = self.frame.from_cyl(phi, z, rr)
        rg = np.where(member > 0.5, r, np.nan)
        self.done[name] = rg
        if extra is not None:
            V, F = extra(V, F, poly, scale)
        return V, F

    def drawn(self, name):
        return self.done.get(name, np.full(self.PH.shape, np.nan))


RIBS = {"right": tables.RIBS_R + tables.CART_R, "left": tables.RIBS_L + tables.CART_L}


def _vert_tip(lm, k):
    return lm["vert"][k][3]


def build_side(lm, skin, side, log=lambda *a: None):
    """All drawn sheets of one side: {muscle id: (V, F)}."""
    S = Sheets(lm, skin, side)
    s, d = S.s, lm[side]
    R = lambda l, r_: l if side == "right" else r_
    PH, Z = S.PH, S.Z
    out = {}
    ribs = S.ribs()
    cyl = S.cyl
    # ---------------------------------------------------------------- landmarks (phi, z)
    t7, t12, l5 = cyl(_vert_tip(lm, "T7")), cyl(_vert_tip(lm, "T12")), cyl(_vert_tip(lm, "L5"))
    inf, sup = cyl(d["inf_angle"]), cyl(d["sup_angle"])
    psis, asis, crest_top = cyl(d["psis"]), cyl(d["asis"]), cyl(d["iliac_top"])
    rib_lat = [cyl(anatomy.full_verts(f)[np.argmax(np.abs(anatomy.full_verts(f)[:, 0]))]) for f in RIBS[side][:12]]
    rib_front = [cyl(anatomy.full_verts(f)[np.argmin(anatomy.full_verts(f)[:, 1])]) for f in RIBS[side][:12]]
    # the scapula's medial border (lateral edge of the rhomboids) by height
    rh = np.concatenate([anatomy.full_verts(f) for f in R(("FMA13381", "FMA13383"), ("FMA13382", "FMA13384"))])
    mbz, mbp = [], []
    for z in np.arange(inf[1], sup[1] + 1, 6.0):
        b = rh[np.abs(rh[:, 2] - z) < 4]
        if len(b):
            mbz.append(z)
            mbp.append(cyl(b[np.argmax(np.abs(b[:, 0]))])[0])
    mb_phi = smooth_curve(mbz, ndimage.gaussian_filter1d(np.array(mbp), 1.5, mode="nearest"))
    # the iliac crest (top of the ilium) as phi -> z
    hb = d["hip"]
    il = hb[hb[:, 2] > d["psis"][2] - 25]
    ph_il, z_il, _ = S.frame.to_cyl(il)
    cp = np.arange(asis[0], psis[0] + 1, 3.0)
    cz = np.array([z_il[np.abs(ph_il - p) < 2.5].max() if (np.abs(ph_il - p) < 2.5).any() else np.nan for p in cp])
    crest = smooth_curve(cp, ndimage.gaussian_filter1d(np.interp(cp, cp[~np.isnan(cz)], cz[~np.isnan(cz)]), 1.0))
    # the rib cage's lower border by azimuth (costal margin in front, ribs 10-12 at the side)
    cm = np.nanmin(np.where(np.isnan(ribs), np.inf, Z), axis=0)
    cm = np.where(np.isinf(cm), np.nan, cm)
    cmf = smooth_curve(S.PHIS[~np.isnan(cm)], ndimage.gaussian_filter1d(cm[~np.isnan(cm)], 1.5, mode="nearest"))
    skin_xyz = S.skin_xyz()
    XA = np.abs(skin_xyz[..., 0])          # |X| of the skin point of each grid ray

    # ---------------------------------------------------------------- erector spinae columns
    # (over quadratus lumborum, multifidus; under the trapezius, rhomboids, serratus post. sup.)
    under_es = [S.g("mf", [R("FMA22878", "FMA22879")], "outer"), S.g("ql", [R("FMA22348", "FMA22349")], "outer"),
                S.g("sp", [R("FMA22779", "FMA22780")], "outer"), ribs]
    cover_es = [S.g(k, [f], "first") for k, f in (("lt", R("FMA33581", "FMA33583")), ("mt", R("FMA33584", "FMA33585")),
                                                   ("rmaj", R("FMA13381", "FMA13382")), ("rmin", R("FMA13383", "FMA13384")),
                                                   ("sps", R("FMA13403", "FMA13404")))]
    r_es = S.radius(6.0, under_es, cover_es)
    z_sac = lm["vert"]["L5"][1] - 40           # the sacrum's middle (S2)
    z_t1 = lm["vert"]["T1"][0][2]
    back = PH > 120
    # longissimus thoracis: the medial column, sacrum -> upper thorax, 12-45 mm from the midline
    w_l = np.interp(Z, [z_sac, lm["vert"]["L3"][0][2], t12[1], z_t1], [32, 46, 40, 26])
    m_lt = back & (Z > z_sac) & (Z < z_t1) & (XA > 11) & (XA < w_l)
    res = S.mesh("longissimus_thoracis", m_lt, r_es)
    if res:
        out["longissimus_thoracis"] = res
    # iliocostalis lumborum: the lateral column, iliac crest / sacrum -> angles of the lower ribs
    z_crest_back = np.interp(XA, [20, abs(d["psis"][0]), 80, 100], [z_sac + 20, d["psis"][2] + 5,
                                                                     d["iliac_top"][2] - 15, d["iliac_top"][2]])
    w_i = np.interp(Z, [z_sac, psis[1], lm["vert"]["L3"][0][2], t12[1], 1200.0], [40, 70, 84, 88, 78])
    z_top_i = 1215.0
    m_il = back & (Z > z_crest_back) & (Z < z_top_i) & (XA > w_l - 2) & (XA < w_i)
    res = S.mesh("iliocostalis_lumborum", m_il, r_es)
    if res:
        out["iliocostalis_lumborum"] = res

    # ---------------------------------------------------------------- serratus anterior
    # digitations from ribs 1-9 on the side of the chest -> the medial border of the scapula,
    # on the ribs, under the scapula (subscapularis) and the pectoral muscles
    r9 = rib_lat[8]
    front_sa = smooth_curve([rib_lat[8][1] - 10, rib_lat[6][1], rib_lat[4][1], rib_lat[2][1], rib_lat[0][1] + 5],
                            [r9[0] - 6, rib_front[6][0] + 18, rib_front[4][0] + 24, rib_front[2][0] + 30,
                             rib_front[0][0] + 18])
    z_low_sa = smooth_curve([r9[0] - 8, r9[0], 120.0, mb_phi(inf[1] + 10) + 2],
                            [r9[1] - 12, r9[1] - 8, (r9[1] + inf[1]) / 2, inf[1] + 4])
    top_sa = smooth_curve([rib_front[0][0], 100.0, mb_phi(sup[1] - 8)], [rib_front[0][1] + 10, sup[1] + 4, sup[1] + 2])
    # the serrated front border: a digitation (tongue) on each of ribs 2-9
    bumps = np.zeros_like(Z)
    for k in range(1, 9):
        zk = 0.5 * (rib_front[k][1] + rib_lat[k][1])
        bumps += 9.0 * np.exp(-((Z - zk) / 7.0) ** 2)
    m_sa = (PH > front_sa(Z) - bumps) & (PH < mb_phi(Z) + 2) & (Z > z_low_sa(PH)) & (Z < top_sa(PH))
    cover_sa = [S.g(k, [f], "first") for k, f in (("ssc", R("FMA13414", "FMA13415")), ("pmaj", R("FMA34690", "FMA34691")),
                                                   ("pmaj2", R("FMA79979", "FMA79980")), ("pmaj3", R("FMA45874", "FMA45875")),
                                                   ("pmin", R("FMA13375", "FMA13376")), ("tmaj", R("FMA32551", "FMA32552")))]
    r_sa = S.radius(30.0, [ribs], cover_sa, gap=1.5)
    r_sa = np.where(np.isnan(ribs), r_sa, np.minimum(r_sa, ribs + 4.0))
    res = S.mesh("serratus_anterior", m_sa, r_sa)
    if res:
        out["serratus_anterior"] = res

    # ---------------------------------------------------------------- latissimus dorsi
    # from the spinous processes T7-T12 and (by the thoracolumbar fascia) the posterior iliac
    # crest, over the lower ribs and the inferior angle of the scapula, to the axilla; its
    # tendon converges on the humerus (floor of the intertubercular groove)
    ax = (max(rib_lat[3][0], 96.0) + 8, d["humerus_top"][2] - 70)        # the posterior axillary fold
    med_ld = smooth_curve([crest(135.0) - 5, t12[1] + 10, t7[1]], [135.0, 168.0, 172.0])
    lat_ld = smooth_curve([crest_top[1] - 5, rib_lat[9][1], rib_lat[6][1], ax[1]], [crest_top[0] - 2, 97.0, 95.0, ax[0]])
    top_ld = smooth_curve([ax[0], inf[0], 172.0], [ax[1], inf[1] + 14, t7[1]])
    m_ld = (PH > lat_ld(Z)) & (PH < med_ld(Z)) & (Z < top_ld(PH)) & (Z > crest(np.clip(PH, cp[0], cp[-1])) - 4)
    under_ld = [ribs, S.drawn("serratus_anterior"), S.drawn("iliocostalis_lumborum"), S.drawn("longissimus_thoracis"),
                S.g("tmaj", [R("FMA32551", "FMA32552")], "outer"), S.g("inf", [R("FMA32547", "FMA32548")], "outer"),
                S.g("ilt", [R("FMA22742", "FMA22743")], "outer")] + under_es
    r_ld = S.radius(3.0, under_ld, [S.g("lt", [R("FMA33581", "FMA33583")], "first")], gap=1.5)
    hu = d["humerus"]
    top = d["humerus_top"][2]
    b = hu[(hu[:, 2] > top - 80) & (hu[:, 2] < top - 45)]
    H = b[np.argmin(b[:, 1] + 0.5 * s * b[:, 0])]

    def tendon(V, F, poly, scale):
        """A fan from the upper lateral border (above the inferior angle) to the humerus."""
        ring = np.array(poly.exterior.coords)[:-1]
        ph_r, z_r = ring[:, 0] / scale, ring[:, 1]
        sel = np.nonzero((z_r > inf[1] + 5) & (ph_r < inf[0] - 8))[0]
        if len(sel) < 3:
            return V, F
        # the contiguous run along the ring
        order = np.argsort(z_r[sel])
        chain = sel[order]
        chain = chain[np.argsort(ph_r[chain])]
        C = S.frame.from_cyl(ph_r[chain], z_r[chain], bilinear(fill(r_ld), S.ZS, S.PHIS, z_r[chain], ph_r[chain]))
        k = 6
        rows = [C + (H - C) * (j / k) for j in range(k + 1)]
        Vt = np.concatenate(rows[:-1] + [H[None, :]])
        n = len(C)
        Ft = []
        for j in range(k - 1):
            for i in range(n - 1):
                a, b_, c_, d_ = j * n + i, j * n + i + 1, (j + 1) * n + i, (j + 1) * n + i + 1
                Ft += [[a, b_, d_], [a, d_, c_]]
        hi = k * n
        for i in range(n - 1):
            Ft.append([(k - 1) * n + i, (k - 1) * n + i + 1, hi])
        return np.vstack([V, Vt]), np.vstack([F, np.array(Ft) + len(V)])
    res = S.mesh("latissimus_dorsi", m_ld, r_ld, extra=tendon)
    if res:
        out["latissimus_dorsi"] = res

    # ---------------------------------------------------------------- external oblique
    # fleshy part: from the outer surfaces of ribs 5-12 to the anterior half of the iliac crest;
    # in front it turns into its aponeurosis along a line from the 5th-6th cartilage down to
    # the ASIS (lateral to the rectus)
    up_eo = smooth_curve([rib_front[4][0] + 8] + [rib_lat[k][0] for k in (5, 6, 7, 8, 9, 10)] + [rib_lat[11][0]],
                         [rib_front[4][1] - 5] + [rib_lat[k][1] - 5 for k in (5, 6, 7, 8, 9, 10)] + [rib_lat[11][1] - 10])
    post_eo = rib_lat[11][0] - 2
    front_eo = smooth_curve([asis[1] - 10, asis[1] + 60, rib_front[6][1], rib_front[4][1]],
                            [asis[0] - 4, 44.0, 40.0, rib_front[4][0] + 6])
    m_eo = (PH > front_eo(Z)) & (PH < post_eo) & (Z < up_eo(PH)) & (Z > crest(np.clip(PH, cp[0], cp[-1])) - 4)
    m_eo &= ~((PH < asis[0]) & (Z < asis[1] + (asis[0] - PH) * 1.2))     # the inguinal part is aponeurosis
    cover_eo = [S.drawn("latissimus_dorsi"), S.g("pmaj", [R("FMA34690", "FMA34691")], "first"),
                S.g("pmaj3", [R("FMA45874", "FMA45875")], "first")]
    r_eo = S.radius(4.0, [ribs, S.drawn("serratus_anterior")], cover_eo, gap=1.5)
    res = S.mesh("external_oblique", m_eo, r_eo)
    if res:
        out["external_oblique"] = res

    # ---------------------------------------------------------------- internal oblique (deep)
    # from the iliac crest (anterior two thirds), the lateral inguinal ligament and the
    # thoracolumbar fascia to the lower borders of ribs 10-12 and the costal margin
    top_io = lambda ph: cmf(np.clip(ph, S.PHIS[0], S.PHIS[-1])) + 2
    front_io = smooth_curve([asis[1] - 30, asis[1] + 40, 1100.0], [asis[0] - 22, 36.0, 34.0])
    m_io = (PH > front_io(Z)) & (PH < 128.0) & (Z < top_io(PH)) & \
        (Z > np.where(PH > asis[0], crest(np.clip(PH, cp[0], cp[-1])) - 4, asis[1] - 28 + (PH - asis[0] + 22) * 0.9))
    r_io = np.minimum(S.radius(10.0, [ribs], []), np.where(np.isnan(S.drawn("external_oblique")), np.inf,
                                                        S.drawn("external_oblique") - 4.0))
    res = S.mesh("internal_oblique", m_io, r_io)
    if res:
        out["internal_oblique"] = res

    # ---------------------------------------------------------------- rectus abdominis
    # pubic crest -> 5th-7th costal cartilages and xiphoid, either side of the linea alba;
    # lateral border the linea semilunaris
    ptb = hb[(np.abs(hb[:, 0]) > 18) & (np.abs(hb[:, 0]) < 40) & (hb[:, 2] > d["pubic_top_z"] - 20)]
    ptb = ptb[np.argmin(ptb[:, 1])]
    umb = 0.5 * (lm["vert"]["L3"][0][2] + lm["vert"]["L4"][0][2])
    c5 = anatomy.full_verts(R("FMA8070", "FMA8112"))
    x5 = np.abs(c5[np.argmax(np.abs(c5[:, 0]))][0]) * 0.85
    lat_ra = np.interp(Z, [d["pubic_top_z"] - 5, d["pubic_top_z"] + 60, umb, lm["xiphoid"][2], 1210.0],
                       [abs(ptb[0]) + 4, 62, 76, 86, x5])
    top_ra = lm["xiphoid"][2] + 4 + (d["clav_med"][2] * 0 + 1) * 0.42 * XA
    m_ra = (PH < 80) & (XA > 5) & (XA < lat_ra) & (Z > d["pubic_top_z"] - 6) & (Z < top_ra)
    cart = S.g("cart", (tables.CART_R if side == "right" else tables.CART_L), "outer")
    r_ra = S.radius(5.0, [cart], [])
    res = S.mesh("rectus_abdominis", m_ra, r_ra)
    if res:
        out["rectus_abdominis"] = res
    res = build_vastus_lateralis(lm, skin, side)
    if res:
        out["vastus_lateralis"] = res
    return out
