"""Landmark helpers the region rules measure against (per scene, 3D)."""
from __future__ import annotations


import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

from . import anatomy, tables, temporalis


class Ctx:
    """Precomputed 3D helpers for the rules."""

    def __init__(self, scene):
        lm = scene["lm"]
        self.lm = lm
        parts = {
            "head": tables.SKULL + ["FMA52748"],
            "neck": tables.VERTEBRAE_C + ["FMA52749", "FMA55099", "FMA7394"],
            "trunk": tables.VERTEBRAE_T + tables.VERTEBRAE_L + ["FMA16202", "FMA7486", "FMA7487", "FMA7488",
                                                                  "FMA13322", "FMA13323", "FMA16586", "FMA16587"]
            + tables.RIBS_R + tables.RIBS_L + tables.CART_R + tables.CART_L,
            "arm": ["FMA23130", "FMA23131"],
            "forearm": ["FMA23464", "FMA23465", "FMA23467", "FMA23468"],
            "hand": tables.HAND_R + tables.HAND_L,
            "thigh": ["FMA24474", "FMA24475"],
            "leg": ["FMA24477", "FMA24478", "FMA24480", "FMA24481", "FMA24486", "FMA24487"],
            "foot": tables.FOOT_R + tables.FOOT_L,
        }
        # scapula is missing: its muscles stand in for it (they make the back 'trunk')
        parts["trunk"] += ["FMA32547", "FMA32548", "FMA32544", "FMA32545", "FMA13414", "FMA13415"]
        self.part_names = list(parts)
        pts, lab = [], []
        for k, (pn, ids) in enumerate(parts.items()):
            v, _ = anatomy.mesh(ids, 600 if pn in ("hand", "foot") else 1500)
            pts.append(v)
            lab.append(np.full(len(v), k))
        self.bone_pts = np.concatenate(pts)
        self.bone_lab = np.concatenate(lab)
        self.bone_tree = cKDTree(self.bone_pts)
        # thumb / little finger rays
        thumb = {"FMA24464", "FMA24465", "FMA24450", "FMA65470", "FMA24459", "FMA23951", "FMA24443", "FMA24444"}
        little = {"FMA24472", "FMA24473", "FMA24454", "FMA66791", "FMA24458", "FMA23944", "FMA24463", "FMA23959",
                  "FMA24448", "FMA24449", "FMA24441", "FMA24442"}
        hp, hl = [], []
        for fid in tables.HAND_R + tables.HAND_L:
            v, _ = anatomy.mesh([fid], 600)
            hp.append(v)
            hl.append(np.full(len(v), 1 if fid in thumb else (2 if fid in little else 0)))
        self.hand_pts, self.hand_lab = np.concatenate(hp), np.concatenate(hl)
        self.hand_tree = cKDTree(self.hand_pts)
        fp, fl = [], []
        for fid in tables.FOOT_R + tables.FOOT_L:
            v, _ = anatomy.mesh([fid], 600)
            fp.append(v)
            fl.append(np.full(len(v), 1 if fid in ("FMA24497", "FMA24498") else 0))
        self.foot_pts, self.foot_lab = np.concatenate(fp), np.concatenate(fl)
        self.foot_tree = cKDTree(self.foot_pts)
        ear = scene["others"]["ear"][0]
        self.ear_tree = cKDTree(ear)
        self.ut_tree = cKDTree(scene["others"]["upper_teeth"][0])
        self.lt_tree = cKDTree(scene["others"]["lower_teeth"][0])
        ut, lt = scene["others"]["upper_teeth"][0], scene["others"]["lower_teeth"][0]
        # crowns and the alveolar part (the roots reach down to the chin)
        self.ut_crown = cKDTree(ut[ut[:, 2] < ut[:, 2].min() + 14])
        self.lt_crown = cKDTree(lt[lt[:, 2] > lt[:, 2].max() - 14])
        self.ut_z = (ut[:, 2].min(), ut[:, 2].max())
        self.lt_z = (lt[:, 2].min(), lt[:, 2].max())
        self.incisor_y = min(ut[:, 1].min(), lt[:, 1].min())
        # spine line: vertebral centres by height
        vc = sorted([(c[0][2], c[0][1]) for c in lm["vert"].values()])
        self.spine_z = np.array([a for a, b in vc])
        self.spine_y = np.array([b for a, b in vc])
        # iliac crest polyline (per side): highest hip-bone point per Y bin
        self.crest = {}
        for side in ("right", "left"):
            hb = lm[side]["hip"]
            ys = np.linspace(hb[:, 1].min(), hb[:, 1].max(), 30)
            cr = []
            for a, b in zip(ys[:-1], ys[1:]):
                m = (hb[:, 1] >= a) & (hb[:, 1] < b)
                if m.sum():
                    p = hb[m][np.argmax(hb[m][:, 2])]
                    if p[2] > lm[side]["iliac_top"][2] - 60:
                        cr.append(p)
            self.crest[side] = cKDTree(np.array(cr))
        # neck half width and trunk half width by height from the skin
        sv, _ = scene["skin"]
        near_d, near_i = self.bone_tree.query(sv)
        part = self.bone_lab[near_i]
        cart4 = [anatomy.full_verts(i)[:, 2].mean() for i in ("FMA7976", "FMA8167", "FMA8070", "FMA8112")]
        self.nip_z = float(np.mean(cart4))
        self.zbins = np.arange(-20, 1700, 10.0)
        tw = np.zeros(len(self.zbins))
        trunk_k = self.part_names.index("trunk")
        for i, z in enumerate(self.zbins):
            m = (part == trunk_k) & (np.abs(sv[:, 2] - z) < 10)
            tw[i] = np.abs(sv[m, 0]).max() if m.sum() else 0
        self.trunk_w = tw
        c4 = lm["vert"]["C4"][0]
        m = np.abs(sv[:, 2] - c4[2]) < 8
        self.neck_r = np.abs(sv[m, 0]).max()
        self.neck_yc = 0.5 * (sv[m, 1].min() + sv[m, 1].max())
        self._curves(scene, sv, part)

    # ------------------------------------------------------------------ anatomical curves
    def _curves(self, scene, sv, part):
        """Smooth curves the region borders follow (all from bones and muscles)."""
        lm = self.lm
        trunk_k = self.part_names.index("trunk")
        gf = ndimage.gaussian_filter1d
        # ---- head: centre of the vault, temporal line, supraorbital margin, mandible border, nose
        ec = 0.5 * (lm["right"]["ear_canal"] + lm["left"]["ear_canal"])
        self.O = np.array([0.0, ec[1], ec[2] + 35.0])
        fr = anatomy.full_verts("FMA52734")
        md = anatomy.full_verts("FMA52748")
        nb = np.concatenate([anatomy.full_verts("FMA53647"), anatomy.full_verts("FMA53648")])
        self.nasion = nb[np.argmax(nb[:, 2])] + np.array([0.0, -4.0, 0.0])
        mid = sv[(np.abs(sv[:, 0]) < 8) & (sv[:, 2] < self.nasion[2] - 10) & (sv[:, 2] > self.ut_z[1])]
        self.pronasale = mid[np.argmin(mid[:, 1])]
        self.subnasale = self.pronasale + np.array([0.0, 14.0, -14.0])
        mf = md[(np.abs(md[:, 0]) < 8) & (md[:, 2] < lm["menton"][2] + 30)]
        self.pogonion = mf[np.argmin(mf[:, 1])] + np.array([0.0, -6.0, 0.0])
        self.head = {}
        for side, s in (("right", -1.0), ("left", 1.0)):
            d = lm[side]
            H = {"tl": temporalis.temporal_line(lm, side)}
            eye, ol = d["eye"], d["orbit_lat_top"]
            f = fr[fr[:, 0] * s > 0]
            xs, zs = [], []
            for x in np.arange(4.0, abs(ol[0]) + 6.0, 2.0):
                m = (np.abs(f[:, 0] * s - x) < 1.5) & (f[:, 1] < eye[1] + 2) & (f[:, 2] > eye[2])
                if m.sum() > 3:
                    p = f[m]
                    p = p[p[:, 1] < p[:, 1].min() + 12]
                    xs.append(x)
                    zs.append(p[:, 2].min())
            H["so"] = (np.array(xs), gf(np.array(zs), 2.0, mode="nearest"))
            m = md[md[:, 0] * s > 0]
            ys = np.arange(lm["menton"][1], d["gonion"][1] + 0.1, 2.0)
            mz = [m[np.abs(m[:, 1] - y) < 1.5][:, 2].min() for y in ys]
            H["mand"] = (ys, gf(np.array(mz), 2.0, mode="nearest"))
            self.head[side] = H
        # ---- neck: centre line, SCM and trapezius front borders (azimuth around the neck)
        notch = lm["sternal_notch"]
        zs = np.arange(notch[2] - 40, lm["right"]["mastoid_tip"][2] + 40, 5.0)
        yc = [_mid_y(sv, min(z, lm["hyoid"][2]), 20.0)[0] for z in zs]
        self.nz = zs
        self.nyc = gf(_fill_nan(zs, yc), 1.5, mode="nearest")
        self.neck = {}
        self._coronal = anatomy.coronal_mask(scene["skin"])
        for side, s in (("right", -1.0), ("left", 1.0)):
            d = lm[side]
            N = {}
            for key, fid in (("scm", "FMA13408" if side == "right" else "FMA13409"),
                             ("trap", "FMA33586" if side == "right" else "FMA33587")):
                v = anatomy.full_verts(fid)
                th = self.neck_theta(v)
                b = []
                for z in zs:
                    m = np.abs(v[:, 2] - z) < 4
                    b.append(th[m].min() if m.sum() > 3 else np.nan)
                b = np.array(b)
                ok = ~np.isnan(b)
                b = np.interp(zs, zs[ok], b[ok])
                N[key] = gf(b, 2.0, mode="nearest")
            cl = d["clavicle"]
            xs = np.arange(np.abs(cl[:, 0]).min(), np.abs(cl[:, 0]).max(), 3.0)
            cz = [cl[np.abs(np.abs(cl[:, 0]) - x) < 2][:, 2].max() for x in xs]
            N["clav"] = (xs, gf(np.array(cz), 1.5, mode="nearest"))
            # the neck-shoulder angle: the concave corner of the skin outline seen from behind,
            # between the side of the neck and the top of the shoulder
            N["J"], N["top"] = anatomy.neck_shoulder_corner(self._coronal, sv, lm, side, self.neck_r, self.neck_yc)
            self.neck[side] = N
        # ---- trunk: centre and half depth by height, rib cage lower border by azimuth
        zb = np.arange(600.0, 1420.0, 10.0)
        yh = np.array([_mid_y(sv, z, 30.0) for z in zb])
        self.tz = zb
        self.tyc = gf(_fill_nan(zb, yh[:, 0]), 2.0, mode="nearest")
        self.thd = gf(_fill_nan(zb, yh[:, 1]), 2.0, mode="nearest")
        self.ttw = np.interp(zb, self.zbins, gf(self.trunk_w, 2.0, mode="nearest"))
        ribs = np.concatenate([anatomy.full_verts(i) for i in tables.RIBS_R + tables.RIBS_L + tables.CART_R
                               + tables.CART_L + ["FMA7488"]])
        ph = self.trunk_phi(ribs)
        grid = np.arange(0.0, 181.0, 4.0)
        cm = []
        for a in grid:
            m = np.abs(ph - a) < 4
            cm.append(ribs[m][:, 2].min() if m.any() else np.nan)
        cm = np.array(cm)
        ok = ~np.isnan(cm)
        self.cm_phi = grid
        self.cm_z = gf(np.interp(grid, grid[ok], cm[ok]), 1.5, mode="nearest")
        # sternum half width by height
        st = np.concatenate([anatomy.full_verts(i) for i in ("FMA7486", "FMA7487", "FMA7488")])
        zz = np.arange(st[:, 2].min(), st[:, 2].max() + 1, 4.0)
        self.st_z = zz
        self.st_w = gf(np.array([np.abs(st[np.abs(st[:, 2] - z) < 3][:, 0]).max() if (np.abs(st[:, 2] - z) < 3).any()
                                 else 5.0 for z in zz]), 1.5, mode="nearest")
        # sacrum half width by height (back view)
        sa = anatomy.full_verts("FMA16202")
        sa = sa[sa[:, 1] > np.percentile(sa[:, 1], 40)]
        zz = np.arange(sa[:, 2].min(), sa[:, 2].max() + 1, 4.0)
        self.sa_z = zz
        self.sa_w = gf(np.array([np.abs(sa[np.abs(sa[:, 2] - z) < 3][:, 0]).max() if (np.abs(sa[:, 2] - z) < 3).any()
                                 else 5.0 for z in zz]), 2.0, mode="nearest")
        # per side: nipple, iliac crest top line, inguinal ligament, scapula outline, deltoid parts
        self.trunk = {}
        for side, s in (("right", -1.0), ("left", 1.0)):
            d = lm[side]
            Tt = {}
            cx = 0.5 * (abs(d["clav_med"][0]) + abs(d["clav_lat"][0]))
            fm = (np.abs(sv[:, 2] - self.nip_z) < 12) & (np.abs(np.abs(sv[:, 0]) - cx) < 8) & (sv[:, 0] * s > 0)
            Tt["nipple"] = sv[fm][np.argmin(sv[fm][:, 1])]
            hb = d["hip"]
            il = hb[hb[:, 2] > d["psis"][2] - 25]      # the ilium (not the pubis)
            xs = np.arange(np.abs(il[:, 0]).min() + 2, np.abs(il[:, 0]).max(), 3.0)
            top = [il[np.abs(np.abs(il[:, 0]) - x) < 2][:, 2].max() for x in xs]
            Tt["crest_x"] = (xs, gf(np.array(top), 1.5, mode="nearest"))
            r12 = anatomy.full_verts("FMA8533" if side == "right" else "FMA8534")
            xs = np.arange(0.0, np.abs(r12[:, 0]).max() + 8, 4.0)
            low = [r12[np.abs(np.abs(r12[:, 0]) - x) < 3][:, 2].min() if (np.abs(np.abs(r12[:, 0]) - x) < 3).any()
                   else np.nan for x in xs]
            low = np.array(low)
            low[xs < np.abs(r12[:, 0]).min()] = lm["vert"]["T12"][1]
            Tt["r12"] = (xs, gf(_fill_nan(xs, low), 1.0, mode="nearest"))
            # paraspinal strip: 3/4 of the width of the erector spinae (lateral edge of iliocostalis
            # thoracis), narrowing up between the scapulae
            ic = anatomy.full_verts("FMA22742" if side == "right" else "FMA22743")
            zz = np.arange(lm["vert"]["T12"][1] - 20, lm["vert"]["C7"][0][2] + 1, 6.0)
            w = np.array([np.abs(ic[np.abs(ic[:, 2] - z) < 5][:, 0]).max() if (np.abs(ic[:, 2] - z) < 5).any()
                          else np.nan for z in zz])
            w = 0.72 * _fill_nan(zz, w)
            w = np.minimum(w, 30 + 0.25 * np.maximum(lm["vert"]["C7"][0][2] - zz, 0))
            Tt["es"] = (zz, gf(w, 2.0, mode="nearest"))
            pub = hb[(np.abs(hb[:, 0]) > 18) & (np.abs(hb[:, 0]) < 40) & (hb[:, 2] > d["pubic_top_z"] - 20)]
            Tt["pubic_tubercle"] = pub[np.argmin(pub[:, 1])]
            # scapula outline in the back view (|x|, z): subscapularis + infraspinatus + supraspinatus
            # medial of the glenoid (the rotator cuff tendons run on to the humerus)
            sc = np.concatenate([anatomy.full_verts(i) for i in (
                ("FMA13414", "FMA32547", "FMA32544") if side == "right" else ("FMA13415", "FMA32548", "FMA32545"))])
            glen = abs(d["acromion"][0]) - 25
            sc = sc[np.abs(sc[:, 0]) < glen]
            zg = np.arange(sc[:, 2].min(), sc[:, 2].max() + 1, 3.0)
            lo, hi, zk = [], [], []
            for z in zg:
                m = np.abs(sc[:, 2] - z) < 2.5
                if m.sum() > 3:
                    lo.append(np.abs(sc[m, 0]).min())
                    hi.append(np.abs(sc[m, 0]).max())
                    zk.append(z)
            Tt["scap"] = (np.array(zk), gf(np.array(lo), 1.5, mode="nearest"), gf(np.array(hi), 1.5, mode="nearest"))
            dl = {}
            for k, fid in enumerate(("FMA34680", "FMA34682", "FMA34684") if side == "right"
                                    else ("FMA34681", "FMA34683", "FMA34685")):
                dl[k] = anatomy.mesh([fid], 1500)[0]
            Tt["deltoid"] = cKDTree(np.concatenate([dl[0], dl[1], dl[2]]))
            Tt["deltoid_lab"] = np.concatenate([np.full(len(dl[k]), k) for k in range(3)])
            # gluteus maximus (the buttock)
            Tt["gmax"] = cKDTree(anatomy.mesh(["FMA22328" if side == "right" else "FMA22329"], 1500)[0])
            self.trunk[side] = Tt

    def neck_theta(self, P):
        """Azimuth around the neck's axis: 0 front, 90 side, 180 back (degrees)."""
        yc = np.interp(P[:, 2], self.nz, self.nyc)
        return np.degrees(np.arctan2(np.abs(P[:, 0]), -(P[:, 1] - yc)))

    def trunk_phi(self, P):
        """Azimuth around the trunk on its elliptic cross-section: 0 front, 90 side, 180 back."""
        yc = np.interp(P[:, 2], self.tz, self.tyc)
        hd = np.interp(P[:, 2], self.tz, self.thd)
        hw = np.clip(np.interp(P[:, 2], self.tz, self.ttw), 60.0, 165.0)
        return np.degrees(np.arctan2(np.abs(P[:, 0]) / hw, -(P[:, 1] - yc) / hd))

    def spine_y_at(self, z):
        return np.interp(z, self.spine_z, self.spine_y)

    def trunk_w_at(self, z):
        return np.interp(z, self.zbins, self.trunk_w)


def _mid_y(sv, z, half_x):
    """Middle and half depth (Y) of the skin near the midline at height z (nan if no vertex)."""
    for dz in (6.0, 10.0, 16.0):
        m = (np.abs(sv[:, 2] - z) < dz) & (np.abs(sv[:, 0]) < half_x)
        if m.sum() >= 2 and sv[m, 1].max() - sv[m, 1].min() > 20:
            return 0.5 * (sv[m, 1].min() + sv[m, 1].max()), 0.5 * (sv[m, 1].max() - sv[m, 1].min())
    return np.nan, np.nan


def _fill_nan(x, y):
    y = np.asarray(y, float)
    ok = ~np.isnan(y)
    return np.interp(x, np.asarray(x)[ok], y[ok])
