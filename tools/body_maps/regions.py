"""Surface-region atlas: every skin point is labelled by anatomical rules (positions relative
to bony landmarks), per pixel of each view, then smoothed into polygons that tile the skin."""
from __future__ import annotations

import json

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree
from shapely.geometry import box
from shapely.ops import unary_union

from . import anatomy, raster, geom, tables

# id: (name, area, synonyms, deep, bilateral)
REGIONS = {
    # head
    "forehead": ("Forehead", "head", ["brow", "front of the head"], False, True),
    "eyebrow": ("Eyebrow", "head", ["above the eye", "brow ridge"], False, True),
    "temple": ("Temple", "head", ["side of the forehead", "temporal region"], False, True),
    "vertex": ("Top of the head", "head", ["crown", "top of the skull", "vertex"], False, False),
    "side_of_head": ("Side of the head above the ear", "head", ["above the ear", "parietal region"], False, True),
    "occiput": ("Back of the head", "head", ["occiput", "back of the skull"], False, True),
    "mastoid": ("Behind the ear", "head", ["mastoid", "bone behind the ear"], False, True),
    "outer_ear": ("Ear", "head", ["ear", "earlobe", "auricle"], False, True),
    "inside_ear": ("Inside the ear", "head", ["deep in the ear", "earache", "ear canal"], True, True),
    "jaw_joint": ("Jaw joint", "head", ["TMJ", "in front of the ear", "temporomandibular joint"], False, True),
    "cheek": ("Cheek", "head", ["face", "cheekbone", "side of the face"], False, True),
    "nose": ("Nose", "head", ["nose", "bridge of the nose", "sinus"], False, False),
    "upper_teeth": ("Upper teeth", "head", ["upper jaw", "upper molars", "toothache above"], True, True),
    "lower_teeth": ("Lower teeth", "head", ["lower jaw", "lower molars", "toothache below"], True, True),
    "angle_of_jaw": ("Angle of the jaw", "head", ["jaw angle", "corner of the jaw"], False, True),
    "chin": ("Chin", "head", ["chin", "point of the jaw"], False, False),
    "behind_eye": ("Behind the eye", "head", ["eye", "in the eye", "eye socket"], True, True),
    # neck
    "throat": ("Throat", "neck", ["throat", "voice box", "larynx", "swallowing"], True, False),
    "front_of_neck": ("Front of the neck", "neck", ["under the jaw", "front of throat"], False, True),
    "side_of_neck": ("Side of the neck", "neck", ["side of the throat", "neck side"], False, True),
    "back_of_neck": ("Upper back of the neck", "neck", ["base of the skull", "nape", "suboccipital"], False, True),
    "lower_back_of_neck": ("Lower back of the neck", "neck", ["lower neck", "base of the neck"], False, True),
    # trunk
    "neck_shoulder_angle": ("Where the neck meets the shoulder", "trunk", ["shoulder-neck angle", "top of the shoulder blade"], False, True),
    "top_of_shoulder": ("Top of the shoulder", "trunk", ["shoulder top", "acromion", "point of the shoulder"], False, True),
    "suprascapular": ("Above the shoulder blade", "trunk", ["upper shoulder blade", "supraspinous area"], False, True),
    "interscapular": ("Between the shoulder blades", "trunk", ["between the shoulder blades", "upper back"], False, True),
    "medial_scapular_border": ("Inner edge of the shoulder blade", "trunk", ["edge of the shoulder blade", "medial border of the scapula"], False, True),
    "scapula": ("Shoulder blade", "trunk", ["shoulder blade", "scapula"], False, True),
    "inferior_scapular_angle": ("Bottom tip of the shoulder blade", "trunk", ["lower tip of the shoulder blade"], False, True),
    "thoracic_paraspinal": ("Beside the spine, mid back", "trunk", ["mid back", "along the spine"], False, True),
    "lumbar": ("Low back", "trunk", ["lower back", "small of the back", "lumbar"], False, True),
    "flank": ("Flank", "trunk", ["side of the waist", "loin"], False, True),
    "iliac_crest": ("Top of the hip bone", "trunk", ["hip bone", "iliac crest", "belt line"], False, True),
    "sacroiliac": ("Sacroiliac area", "trunk", ["SI joint", "dimple of the low back"], False, True),
    "sacrum": ("Sacrum", "trunk", ["tailbone area", "base of the spine"], False, False),
    "buttock": ("Buttock", "trunk", ["bottom", "seat", "gluteal region"], False, True),
    "lower_buttock": ("Lower buttock", "trunk", ["buttock crease", "sitting bone"], False, True),
    "pectoral": ("Upper chest", "trunk", ["chest", "pectoral region"], False, True),
    "sternum": ("Breastbone", "trunk", ["breastbone", "sternum", "centre of the chest"], False, False),
    "breast": ("Breast", "trunk", ["nipple area", "breast"], False, True),
    "lateral_chest_wall": ("Side of the chest", "trunk", ["ribs at the side", "under the arm"], False, True),
    "upper_abdomen": ("Upper abdomen", "trunk", ["upper belly", "stomach area", "pit of the stomach"], False, True),
    "lower_abdomen": ("Lower abdomen", "trunk", ["lower belly", "below the navel"], False, True),
    "groin": ("Groin", "trunk", ["groin", "inguinal area"], False, True),
    # upper limb
    "front_of_shoulder": ("Front of the shoulder", "upper_limb", ["front shoulder"], False, True),
    "outer_shoulder": ("Outer shoulder", "upper_limb", ["side of the shoulder", "deltoid area"], False, True),
    "back_of_shoulder": ("Back of the shoulder", "upper_limb", ["rear shoulder"], False, True),
    "front_of_upper_arm": ("Front of the upper arm", "upper_limb", ["biceps area", "inner arm"], False, True),
    "back_of_upper_arm": ("Back of the upper arm", "upper_limb", ["triceps area", "back of the arm"], False, True),
    "lateral_elbow": ("Outer elbow", "upper_limb", ["tennis elbow area", "outside of the elbow"], False, True),
    "medial_elbow": ("Inner elbow", "upper_limb", ["golfer's elbow area", "inside of the elbow", "funny bone"], False, True),
    "front_of_forearm": ("Front of the forearm", "upper_limb", ["palm side of the forearm", "inner forearm"], False, True),
    "back_of_forearm": ("Back of the forearm", "upper_limb", ["outer forearm", "top of the forearm"], False, True),
    "back_of_wrist_and_hand": ("Back of the wrist and hand", "upper_limb", ["back of the hand", "wrist"], False, True),
    "palm": ("Palm", "upper_limb", ["palm", "inside of the hand"], False, True),
    "thumb_side": ("Thumb side of the hand", "upper_limb", ["thumb", "base of the thumb"], False, True),
    "little_finger_side": ("Little-finger side of the hand", "upper_limb", ["little finger", "pinky side"], False, True),
    # lower limb
    "greater_trochanter": ("Side of the hip", "lower_limb", ["hip", "outer hip", "greater trochanter"], False, True),
    "front_of_thigh": ("Front of the thigh", "lower_limb", ["front thigh", "quadriceps area"], False, True),
    "outer_thigh": ("Outer thigh", "lower_limb", ["side of the thigh"], False, True),
    "back_of_thigh": ("Back of the thigh", "lower_limb", ["hamstrings area"], False, True),
    "inner_thigh": ("Inner thigh", "lower_limb", ["groin side of the thigh"], False, True),
    "front_of_knee": ("Front of the knee", "lower_limb", ["kneecap", "knee"], False, True),
    "back_of_knee": ("Back of the knee", "lower_limb", ["hollow of the knee"], False, True),
    "calf": ("Calf", "lower_limb", ["back of the leg", "calf"], False, True),
    "shin": ("Shin", "lower_limb", ["front of the leg", "shin"], False, True),
    "outer_calf": ("Outer calf", "lower_limb", ["side of the leg"], False, True),
    "front_of_ankle": ("Front of the ankle", "lower_limb", ["ankle"], False, True),
    "heel": ("Heel", "lower_limb", ["heel", "back of the heel"], False, True),
    "sole": ("Sole of the foot", "lower_limb", ["sole", "bottom of the foot", "arch"], False, True),
    "top_of_foot": ("Top of the foot", "lower_limb", ["top of the foot", "instep"], False, True),
}
RIDS = list(REGIONS)
RINDEX = {r: i for i, r in enumerate(RIDS)}
# deep regions are carved out of their neighbours: draw them last (on top)
PRIORITY = ["inside_ear", "behind_eye", "upper_teeth", "lower_teeth", "throat", "jaw_joint"]


def write_vocabulary(path):
    regs = []
    for rid in sorted(REGIONS):
        name, area, syn, deep, bil = REGIONS[rid]
        regs.append({"id": rid, "name": name, "area": area, "synonyms": syn, "deep": deep, "bilateral": bil})
    doc = {"format": "tpi-viewer-regions", "format_version": 1, "regions": regs}
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- rules
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
            H = {"tl": anatomy.temporal_line(lm, side)}
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


def smoothstep(a, b, x):
    t = np.clip((x - a) / (b - a), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def _axis_angle(P, a, b, s):
    """Angle around the axis a->b (deg): 0 = anterior (-Y), +90 = lateral (away from the
    midline), +-180 = posterior, -90 = medial. Also the axial parameter t (0 at a, 1 at b)."""
    ab = b - a
    L2 = ab @ ab
    t = ((P - a) @ ab) / L2
    foot = a + np.outer(t, ab)
    v = P - foot
    ant = -v[:, 1]
    latc = v[:, 0] * s
    return np.degrees(np.arctan2(latc, ant)), t


def _seg_dist(P, a, b):
    """Distance of points P to the segment a-b and the parameter t (0 at a, 1 at b)."""
    ab = b - a
    t = np.clip(((P - a) @ ab) / (ab @ ab), 0.0, 1.0)
    return np.linalg.norm(P - (a + np.outer(t, ab)), axis=1), t


def classify(P, ctx: Ctx, is_ear=None, view=None):
    """P (n,3) skin points -> (region index, side code 0=right 1=left 2=midline).

    Borders are smooth functions of the anatomy (curves through bony landmarks, distances to
    bones and muscles, azimuths around the neck and trunk), never single-coordinate cuts, so
    that they come out as curves in every view."""
    lm = ctx.lm
    n = len(P)
    reg = np.full(n, -1)
    X, Y, Z = P[:, 0], P[:, 1], P[:, 2]
    side = np.where(X < 0, 0, 1)
    sides = ("right", "left")
    xa = np.abs(X)
    _, ni = ctx.bone_tree.query(P)
    part = np.array(ctx.part_names)[ctx.bone_lab[ni]]

    def setr(mask, rid):
        m = mask & (reg < 0)
        reg[m] = RINDEX[rid]

    def setf(mask, rid):  # force (carve)
        reg[mask] = RINDEX[rid]

    R, Lf = lm["right"], lm["left"]

    def sd(key):
        if np.ndim(R[key]):
            return np.where(side[:, None] == 0, R[key], Lf[key])
        return np.where(side == 0, R[key], Lf[key])

    def ps(fn, dim=None):
        """Per-side evaluation: fn(side name, mask) -> values for those points."""
        out = np.zeros(n) if dim is None else np.zeros((n, dim))
        for k, sn in enumerate(sides):
            m = side == k
            if m.any():
                out[m] = fn(sn, m)
        return out

    def dist(Q):
        return np.linalg.norm(P - Q, axis=1)

    # ================= head / neck boundary: mandible border, back of the ramus, superior nuchal line
    ment, gon, mas, ini = lm["menton"], sd("gonion"), sd("mastoid_tip"), lm["inion"]
    zmand = ps(lambda sn, m: np.interp(Y[m], *ctx.head[sn]["mand"]))
    t1 = np.clip((Y - gon[:, 1]) / (mas[:, 1] - gon[:, 1]), 0, 1)
    z_ram = gon[:, 2] + (mas[:, 2] - gon[:, 2]) * t1
    t2 = np.clip((Y - mas[:, 1]) / (ini[1] - mas[:, 1]), 0, 1)
    z_snl = mas[:, 2] + (ini[2] - 12 - mas[:, 2]) * (1 - (1 - t2) ** 2)
    zhead = np.where(Y < gon[:, 1], zmand - 3, np.where(Y < mas[:, 1], z_ram, z_snl))
    head = (Z > zhead - 4) & np.isin(part, ["head", "neck", "trunk"]) & (Z > lm["sternal_notch"][2] + 60)
    # ================= neck base: clavicle in front, C7 -> neck-shoulder angle behind
    notch = lm["sternal_notch"]
    c7z = lm["vert"]["C7"][3][2]
    J = ps(lambda sn, m: ctx.neck[sn]["J"], 3)
    zcl = ps(lambda sn, m: np.interp(xa[m], *ctx.neck[sn]["clav"]))
    th = ctx.neck_theta(P)
    zb_back = c7z - 6 + (J[:, 2] - c7z + 6) * np.clip(xa / J[:, 0].__abs__(), 0, 1.4) ** 1.6
    wb = smoothstep(60.0, 120.0, th)
    zbase = (1 - wb) * (zcl + 4) + wb * zb_back
    nt = np.isin(part, ["head", "neck", "trunk"])
    # neck-shoulder angle: the skin around the concave corner J of the outline, front to back
    ej = ((xa - np.abs(J[:, 0])) / 36.0) ** 2 + ((Z - J[:, 2] + 4) / 36.0) ** 2 + ((Y - J[:, 1]) / 60.0) ** 2
    setr(~head & nt & (ej < 1.0), "neck_shoulder_angle")
    neck = ~head & (Z > zbase) & (xa < np.abs(J[:, 0]) + 6) & nt
    # ================= head
    h = head
    O = ctx.O
    phi_h = np.degrees(np.arctan2(xa, -(Y - O[1])))
    elev = np.degrees(np.arctan2(Z - O[2], np.hypot(xa, Y - O[1])))
    if is_ear is None:
        d_ear, _ = ctx.ear_tree.query(P)
        is_ear = d_ear < 4.0
    setr(h & is_ear, "outer_ear")
    eye = sd("eye")
    ol = sd("orbit_lat_top")
    emin, emax = sd("ear_min"), sd("ear_max")
    cond = sd("condyle")
    # eyebrow: a band along the supraorbital margin, nose root -> lateral end of the orbit
    so_z = ps(lambda sn, m: np.interp(xa[m], *ctx.head[sn]["so"]))
    x0e, x1e = 9.0, np.abs(ol[:, 0]) + 5.0
    u = (xa - 0.5 * (x0e + x1e)) / (0.5 * (x1e - x0e))
    half = 7.0 * np.sqrt(np.clip(1 - u ** 4, 0, 1))
    setr(h & (phi_h < 80) & (Y < eye[:, 1] + 15) & (np.abs(Z - (so_z + 5.0)) < half), "eyebrow")
    # nose: around the ridge nasion -> tip -> base, widening downwards
    Nn, Pn, Sn = ctx.nasion * [0, 1, 1], ctx.pronasale * [0, 1, 1], ctx.subnasale * [0, 1, 1]
    d1, u1 = _seg_dist(P, Nn, Pn)
    d2, _ = _seg_dist(P, Pn, Sn)
    setr(h & ((d1 < 8 + 9 * u1) | (d2 < 17)), "nose")
    # mastoid: over the mastoid process behind the ear
    mc = mas + np.array([0, 4.0, 12.0])
    setr(h & (np.hypot(Y - mc[:, 1], Z - mc[:, 2]) < 19) & (phi_h > 95) & ~is_ear, "mastoid")
    # temporal fossa (inside the temporal line, above the arch)
    fossa = ps(lambda sn, m: anatomy.in_temporal_fossa(Y[m], Z[m], ctx.head[sn]["tl"]).astype(float)) > 0.5
    arch_z = sd("arch_top_z")
    # temple: the front of the fossa, within the arc from the lateral orbital rim to the ear's top
    ct_y, ct_z = ol[:, 1], arch_z
    rt = np.hypot(emin[:, 1] + 8 - ct_y, emax[:, 2] - 4 - ct_z)
    fossa_t = ps(lambda sn, m: anatomy.in_temporal_fossa(
        Y[m], Z[m], dict(ctx.head[sn]["tl"], y_front=ctx.head[sn]["tl"]["y_front"] - 9.0)).astype(float)) > 0.5
    setr(h & fossa_t & (phi_h > 30) & (np.hypot(Y - ct_y, Z - ct_z) < rt), "temple")
    # forehead: above the eyebrows up to the hairline, in front of the temporal line
    so_mid = ps(lambda sn, m: ctx.head[sn]["so"][1].max())
    z_hair = so_mid + 62 - 14 * (np.clip(phi_h, 0, 80) / 75.0) ** 2
    setr(h & (phi_h < 75) & ~fossa & (Z < z_hair) & (Z > so_z - 3) & (Y < eye[:, 1] + 40), "forehead")
    # occiput: from the mastoid level up to ~3 cm above the external occipital protuberance,
    # its upper border curving down to behind the top of the ear
    def _el(y, z):
        return np.degrees(np.arctan2(z - O[2], np.abs(y - O[1])))
    e_ini = _el(ini[1], ini[2] + 30)
    e_ear = _el(emax[:, 1] + 15, emax[:, 2] - 4)
    e_occ = e_ear + (e_ini - e_ear) * smoothstep(105.0, 180.0, phi_h)
    setr(h & (phi_h > 100) & (elev < e_occ), "occiput")
    # vertex: the crown; meets the forehead at the hairline and the occiput at the back
    e_v = np.maximum(np.interp(phi_h, [60, 100, 130, 160], [48, 46, 36, e_ini]), e_occ)
    e_v = np.where(phi_h > 165, e_occ, e_v)
    setr(h & (((phi_h < 75) & (Z >= z_hair) & (Y < eye[:, 1] + 60)) | (elev > e_v)), "vertex")
    # side of the head: the rest of the skull's side above the ear
    setr(h & (phi_h > 50) & (Z > np.minimum(emax[:, 2], arch_z + 20) - 6) & (Y > ol[:, 1] + 5), "side_of_head")
    # face
    setr(h & (dist(gon + np.array([0, 4.0, 4.0])) < 22), "angle_of_jaw")
    pog = ctx.pogonion
    setr(h & (dist(pog) < 24), "chin")
    setr(h & (Y < emin[:, 1] + 6), "cheek")
    setr(h & (Y < mas[:, 1] - 10) & (Z < emin[:, 2]), "angle_of_jaw")
    setr(h, "mastoid")
    # deep / small regions carved out of their neighbours
    d_ut, _ = ctx.ut_crown.query(P)
    d_lt, _ = ctx.lt_crown.query(P)
    face = h & (phi_h < 95)
    setf(face & (d_ut < 16) & (d_ut <= d_lt), "upper_teeth")
    setf(face & (d_lt < 14) & (d_lt < d_ut), "lower_teeth")
    setf(h & (dist(pog) < 24) & (d_lt > 11), "chin")
    setf(h & (dist(eye + np.array([0, 6.0, 0])) < 18), "behind_eye")
    tmj = cond + np.array([0, -8.0, -2.0])
    d_ear, _ = ctx.ear_tree.query(P)
    setf(h & (np.hypot(Y - tmj[:, 1], Z - tmj[:, 2]) < 10) & (d_ear > 2.5) & (xa > np.abs(cond[:, 0])), "jaw_joint")
    ec = sd("ear_canal")
    setf(h & (np.hypot(Y - ec[:, 1], Z - ec[:, 2]) < 8) & (xa > np.abs(cond[:, 0]) + 5), "inside_ear")
    # ================= neck: anterior triangle / SCM / posterior triangle / trapezius
    lar, _ = _seg_dist(P, lm["hyoid"] + np.array([0, -8.0, 0]), lm["thyroid"] + np.array([0, -8.0, -24.0]))
    setr(neck & (lar < 19) & (th < 35), "throat")
    scm_b = ps(lambda sn, m: np.interp(Z[m], ctx.nz, ctx.neck[sn]["scm"]))
    trap_b = ps(lambda sn, m: np.interp(Z[m], ctx.nz, ctx.neck[sn]["trap"]))
    setr(neck & (th < scm_b + 3), "front_of_neck")
    setr(neck & (th < trap_b), "side_of_neck")
    # upper / lower back of the neck: a line parallel to the base of the neck, 45 % of the way up
    h_neck = 0.45 * ((ini[2] - 12) - (c7z - 6))
    setr(neck & (Z > zbase + h_neck), "back_of_neck")
    setr(neck, "lower_back_of_neck")
    # ================= trunk
    t = (reg < 0) & ((part == "trunk") | np.isin(part, ["head", "neck"]))
    ymid = ctx.spine_y_at(Z) - 25.0
    back = Y > ymid
    phi = ctx.trunk_phi(P)
    acx = np.abs(sd("acromion")[:, 0])
    acz = sd("acromion")[:, 2]
    ztop = ps(lambda sn, m: np.interp(xa[m], *ctx.neck[sn]["top"]))
    setr(t & (xa > np.abs(J[:, 0]) - 5) & (xa < acx + 5) & (Z > ztop - 24) & (Z > zcl - 8), "top_of_shoulder")
    # back: scapula (outline from its muscles), its spine, borders and angles
    tb = t & back
    inf = sd("inf_angle")
    sup = sd("sup_angle")
    zk_lo = ps(lambda sn, m: np.full(m.sum(), ctx.trunk[sn]["scap"][0].min()))
    zk_hi = ps(lambda sn, m: np.full(m.sum(), ctx.trunk[sn]["scap"][0].max()))
    mb = ps(lambda sn, m: np.interp(Z[m], ctx.trunk[sn]["scap"][0], ctx.trunk[sn]["scap"][1]))
    lb = ps(lambda sn, m: np.interp(Z[m], ctx.trunk[sn]["scap"][0], ctx.trunk[sn]["scap"][2]))
    in_scap = (Z > zk_lo) & (Z < zk_hi) & (xa > mb) & (xa < lb)
    root_z = np.where(side == 0, R["spine_root_z"], Lf["spine_root_z"])
    root_x = ps(lambda sn, m: np.interp(lm[sn]["spine_root_z"], ctx.trunk[sn]["scap"][0], ctx.trunk[sn]["scap"][1]))
    z_spine = root_z + (acz - root_z) * np.clip((xa - root_x) / (acx - root_x), 0, 1.2) ** 0.8
    setr(tb & (dist(inf) < 26), "inferior_scapular_angle")
    zm_b = 0.5 * (inf[:, 2] + 12 + sup[:, 2] + 8)
    hz = 0.5 * ((sup[:, 2] + 8) - (inf[:, 2] + 12))
    hw_b = 12.0 * np.sqrt(np.clip(1 - ((Z - zm_b) / hz) ** 4, 0, 1))
    setr(tb & (np.abs(xa - mb) < hw_b), "medial_scapular_border")
    setr(tb & (xa > mb) & (Z >= z_spine) & (xa < acx + 10), "suprascapular")
    setr(tb & in_scap, "scapula")
    setr(tb & (xa > lb - 5) & (Z > inf[:, 2] + 40), "back_of_shoulder")
    zr12 = ps(lambda sn, m: np.interp(xa[m], *ctx.trunk[sn]["r12"]))
    ps_w = ps(lambda sn, m: np.interp(Z[m], *ctx.trunk[sn]["es"]))
    setr(tb & (xa <= mb) & (xa > ps_w) & (Z > inf[:, 2] - 10), "interscapular")
    setr(tb & (Z > zr12) & (xa < ps_w), "thoracic_paraspinal")
    # low back: sacroiliac, sacrum, iliac crest, lumbar (erector spinae), flank
    psis = sd("psis")
    setr(tb & (dist(psis + np.array([0, 8.0, 0])) < 26), "sacroiliac")
    saw = np.interp(Z, ctx.sa_z, ctx.sa_w, left=0, right=0)
    setr(tb & (xa < saw - 2) & (Z < lm["vert"]["L5"][1] + 5), "sacrum")
    crest_d = np.where(side == 0, ctx.crest["right"].query(P)[0], ctx.crest["left"].query(P)[0])
    zcr = ps(lambda sn, m: np.interp(xa[m], *ctx.trunk[sn]["crest_x"]))
    setr(t & (crest_d < 40) & (phi > 64) & (Z > zcr - 45), "iliac_crest")
    # lumbar: over the erector spinae, its lateral border converging from the 12th rib to the PSIS
    zps = psis[:, 2]
    lw = np.abs(psis[:, 0]) + 12 + (84 - np.abs(psis[:, 0]) - 12) * np.clip((Z - zps) / (lm["vert"]["T12"][1] + 20 - zps), 0, 1) ** 0.6
    setr(tb & (Z <= zr12 + 2) & (xa < lw) & (Z > zps - 20), "lumbar")
    # front: sternum, breast, pectoral, side of the chest
    tf = t & ~back
    xi = lm["xiphoid"]
    stw = np.interp(Z, ctx.st_z, ctx.st_w, left=0, right=0)
    setr(tf & (stw > 0) & (xa < stw + 6) & (Z < notch[2] + 3) & (Z > xi[2] - 4), "sternum")
    zcm = np.interp(phi, ctx.cm_phi, ctx.cm_z)
    nip = ps(lambda sn, m: ctx.trunk[sn]["nipple"], 3)
    dn = np.hypot(xa - np.abs(nip[:, 0]), Z - nip[:, 2])
    setr(tf & (phi < 62) & (Z > zcm) & ((dn < 64) | (Z < nip[:, 2])), "breast")
    setr(tf & (phi < 62) & (Z > zcm), "pectoral")
    setr(t & (Z > zcm) & (phi < 130), "lateral_chest_wall")
    setr(tb & (Z > zcm), "lateral_chest_wall")
    # abdomen: costal margin -> umbilical line (rising to the sides like the T10 dermatome) ->
    # inguinal ligament (ASIS -> pubic tubercle, sagging)
    umb = 0.5 * (lm["vert"]["L3"][0][2] + lm["vert"]["L4"][0][2])
    zu = umb + 40 * (np.clip(phi, 0, 100) / 90.0) ** 1.6
    asis = sd("asis")
    ptb = ps(lambda sn, m: ctx.trunk[sn]["pubic_tubercle"], 3)
    s_ = np.linspace(0, 1, 25)
    d_ing = np.full(n, 1e9)
    z_ing = np.zeros(n)
    for k, sn in enumerate(sides):
        m = side == k
        if not m.any():
            continue
        a, b = lm[sn]["asis"], ctx.trunk[sn]["pubic_tubercle"]
        C = a + np.outer(s_, b - a) + np.outer(4 * s_ * (1 - s_), [0, 0, -10.0])
        tr = cKDTree(C[:, [0, 2]])   # in the front view (the crease lies in front of the ligament)
        d_ing[m] = tr.query(P[m][:, [0, 2]])[0]
        cx = np.abs(C[::-1, 0])
        z_ing[m] = np.interp(xa[m], cx, C[::-1, 2], left=lm[sn]["pubic_top_z"] + 4, right=C[0, 2])
    phi_fl = 66.0
    pubz = np.where(side == 0, R["pubic_top_z"], Lf["pubic_top_z"])
    setr(t & (d_ing < 24) & (phi < 80), "groin")
    setr(t & ~back & (xa < 34) & (Z < pubz + 6) & (Z > pubz - 60), "groin")
    setr(t & (phi < phi_fl) & (Z > zu), "upper_abdomen")
    setr(t & (phi < phi_fl) & (Z > z_ing), "lower_abdomen")
    setr(t & (Z > zcr - 10) & (phi < 150) & (Z > z_ing), "flank")
    setr(tb & (Z > zcr - 10), "lumbar")
    # ================= buttock and lower limb
    gt = sd("trochanter")
    isch = sd("ischial")
    gtx = np.abs(gt[:, 0])
    z_fold = isch[:, 2] - 28 + 60 * np.clip((xa - 10) / (gtx - 10), 0, 1.2) ** 2
    lower = (reg < 0) & np.isin(part, ["trunk", "thigh", "leg", "foot"])
    fh = sd("femur_head")
    knee = np.stack([np.where(side == 0, R["patella"][0], Lf["patella"][0]),
                     np.where(side == 0, R["patella"][1], Lf["patella"][1]) + 25,
                     np.where(side == 0, R["tibia_top_z"], Lf["tibia_top_z"])], 1)
    ang, tt = _axis_angle_rows(P, fh, knee, side)
    setr(lower & (dist(gt + np.outer(np.where(side == 0, -8.0, 8.0), [1, 0, 0])) < 46) & (ang > 30) & (ang < 160),
         "greater_trochanter")
    d_gm = ps(lambda sn, m: ctx.trunk[sn]["gmax"].query(P[m])[0])
    fh_y = np.where(side == 0, R["femur_head"][1], Lf["femur_head"][1])
    postp = lower & (Y > fh_y + 5) & (Z > z_fold) & ((d_gm < 30) | (part == "trunk"))
    h_b = np.maximum(zcr - z_fold, 60.0)
    setr(postp & (Z < z_fold + h_b / 3.2), "lower_buttock")
    setr(postp, "buttock")
    setr(lower & (part == "trunk") & back & (Z > z_fold), "buttock")
    pat = sd("patella")
    pop = knee + np.array([0, 45.0, 0])
    thigh = (reg < 0) & ((part == "thigh") | (part == "trunk"))
    legm = (reg < 0) & (part == "leg")
    setr((thigh | legm) & (dist(pat + np.array([0, 0, -8.0])) < 42) & (np.abs(ang) < 85), "front_of_knee")
    setr((thigh | legm) & (dist(pop) < 62) & (np.abs(ang) > 110), "back_of_knee")
    setr(thigh & (np.abs(ang) < 50), "front_of_thigh")
    setr(thigh & (ang >= 50) & (ang < 140), "outer_thigh")
    setr(thigh & (ang <= -50) & (ang > -140), "inner_thigh")
    setr(thigh, "back_of_thigh")
    tib_low = np.where(side == 0, R["tibia_low_z"], Lf["tibia_low_z"])
    ank = np.stack([np.where(side == 0, R["tibia"][:, 0].mean(), Lf["tibia"][:, 0].mean()),
                    np.where(side == 0, R["tibia"][:, 1].mean(), Lf["tibia"][:, 1].mean()) + 5, tib_low], 1)
    ang2, t2 = _axis_angle_rows(P, knee, ank, side)
    leg = (reg < 0) & (part == "leg")
    setr(leg & (dist(ank + np.array([0, -30.0, 5.0])) < 42) & (np.abs(ang2) < 80), "front_of_ankle")
    setr(leg & (ang2 >= 55) & (ang2 < 125), "outer_calf")
    setr(leg & (ang2 > -110) & (ang2 < 55), "shin")
    setr(leg, "calf")
    foot = (reg < 0) & (part == "foot")
    fdist, fi = ctx.foot_tree.query(P)
    flab = ctx.foot_lab[fi]
    fpt = ctx.foot_pts[fi]
    setr(foot & (flab == 1) & ((Y > fpt[:, 1]) | (Z < fpt[:, 2] - 4)), "heel")
    setr(foot & (Z < fpt[:, 2] - 3), "sole")
    setr(foot & (dist(ank + np.array([0, -30.0, 5.0])) < 45), "front_of_ankle")
    setr(foot, "top_of_foot")
    # ================= upper limb
    ht = sd("humerus_top")
    el = 0.5 * (sd("epicondyle_lat") + sd("epicondyle_med"))
    ang3, t3 = _axis_angle_rows(P, ht, el, side)
    ell = dist(sd("epicondyle_lat"))
    elm = dist(sd("epicondyle_med"))
    fore = (reg < 0) & np.isin(part, ["arm", "forearm"])
    setr(fore & (ell < 28), "lateral_elbow")
    setr(fore & (elm < 28), "medial_elbow")
    # the shoulder: skin over the deltoid, by its nearest part (clavicular / acromial / spinal)
    dd = np.full(n, 1e9)
    dlab = np.zeros(n, int)
    for k, sn in enumerate(sides):
        m = side == k
        if m.any():
            dd[m], ii = ctx.trunk[sn]["deltoid"].query(P[m])
            dlab[m] = ctx.trunk[sn]["deltoid_lab"][ii]
    sh = (reg < 0) & np.isin(part, ["arm", "trunk"]) & (dd < 16) & (t3 < 0.45)
    setr(sh & (dlab == 0), "front_of_shoulder")
    setr(sh & (dlab == 1), "outer_shoulder")
    setr(sh & (dlab == 2), "back_of_shoulder")
    arm = (reg < 0) & (part == "arm")
    setr(arm & (np.abs(ang3) < 95), "front_of_upper_arm")
    setr(arm, "back_of_upper_arm")
    wr = sd("wrist")
    ang4, t4 = _axis_angle_rows(P, el, wr, side)
    fa = (reg < 0) & (part == "forearm")
    setr(fa & (dist(wr) < 34) & (np.abs(ang4) > 90), "back_of_wrist_and_hand")
    setr(fa & (np.abs(ang4) <= 90), "front_of_forearm")
    setr(fa, "back_of_forearm")
    hand = (reg < 0) & (part == "hand")
    hd, hi = ctx.hand_tree.query(P)
    hl = ctx.hand_lab[hi]
    hp = ctx.hand_pts[hi]
    setr(hand & (hl == 1), "thumb_side")
    setr(hand & (hl == 2), "little_finger_side")
    setr(hand & (Y < hp[:, 1]), "palm")
    setr(hand, "back_of_wrist_and_hand")
    setr(reg < 0, "flank")
    sidecode = side.copy()
    for rid in REGIONS:
        if not REGIONS[rid][4]:
            sidecode[reg == RINDEX[rid]] = 2
    return reg, sidecode


def _mb(d, z):
    r = d["rhomboid"]
    zs = np.linspace(r[:, 2].min(), r[:, 2].max(), 20)
    xs = [anatomy.medial_border_x(d, zz) for zz in zs]
    return np.interp(z, zs, xs)


def _axis_angle_rows(P, a, b, side):
    s = np.where(side == 0, -1.0, 1.0)
    ab = b - a
    L2 = np.einsum("ij,ij->i", ab, ab)
    t = np.einsum("ij,ij->i", P - a, ab) / L2
    foot = a + ab * t[:, None]
    v = P - foot
    return np.degrees(np.arctan2(v[:, 0] * s, -v[:, 1])), t


# ----------------------------------------------------------------------------- per view
_CTX = {}

# smoothing: Gaussian sigma (mm) of the label majority filter, minimum region area (mm2),
# simplification tolerance (mm)
SMOOTH = {True: dict(ppmm=3.0, sigma=3.0, min_area=40.0, tol=0.25, far_min=300.0),
          False: dict(ppmm=1.0, sigma=7.0, min_area=150.0, tol=0.6, far_min=2500.0)}
FRAGMENT = 0.03   # detached pieces under 3 % of their region's area merge into their neighbours


def _crop(shape, rr, cc, margin):
    return (max(0, rr.min() - margin), min(shape[0], rr.max() + margin + 1),
            max(0, cc.min() - margin), min(shape[1], cc.max() + margin + 1))


class _Soft:
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


def _field_to_geom(canvas, origin, f):
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


def _neighbour(part, others):
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


VAULT = ["FMA52734", "FMA52735", "FMA52788", "FMA52789", "FMA52738", "FMA52739"]


def _scalp_depth(ctx, c, proj, rr, cc, dep, is_ear):
    """The skin mesh carries spiky hair over the cranial vault: where the frontmost bone under a
    pixel is a vault bone and the skin lies more than 10 mm above it, put the point 7 mm above
    the bone (scalp) instead."""
    if "skull_tris" not in _CTX:
        vs, fs, vault = [], [], []
        off = 0
        for fid in tables.SKULL + ["FMA52748"]:
            v, f = anatomy.mesh([fid], 1500)
            vs.append(v)
            fs.append(f + off)
            vault.append(np.full(len(f), fid in VAULT))
            off += len(v)
        _CTX["skull_tris"] = (np.concatenate(vs), np.concatenate(fs), np.concatenate(vault))
    v, f, vault = _CTX["skull_tris"]
    T = raster.project(v, proj)[f]
    px = c.to_px(T[:, :, :2].reshape(-1, 2)).reshape(-1, 3, 2)
    ids = raster.draw_ids(c, px, T[:, :, 2].mean(1), np.arange(1, len(T) + 1))
    br, bc, _, _, bdep = raster.pixel_points(c, ids, T)
    D = np.full(ids.shape, np.nan)
    V = np.zeros(ids.shape, bool)
    D[br, bc] = bdep
    V[br, bc] = vault[ids[br, bc] - 1]
    d_sk = D[rr, cc]
    hair = V[rr, cc] & ~is_ear & (dep - d_sk > 10.0)
    out = dep.copy()
    out[hair] = d_sk[hair] + 7.0
    return out


def build_regions(scene, name, cfg, canvas_hi, skin, tol, min_area):
    """Label every skin pixel by the rules, smooth the label map (Gaussian majority on one-hot
    masks, labels extended beyond the outline so the skin edge does not erode them), drop
    detached fragments (< 3 % of their region) into their neighbours, trace each label as the
    zero level of (its blurred mask - the best other one), so that neighbours share their
    border, then re-tile inside the skin: overlaps go to the first, gaps to the neighbour with
    the longest shared border."""
    from shapely.geometry import Polygon
    if "ctx" not in _CTX:
        _CTX["ctx"] = Ctx(scene)
    ctx = _CTX["ctx"]
    sm = SMOOTH[bool(cfg["head"])]
    proj = cfg["proj"]
    ppmm = sm["ppmm"]
    x0, y0 = canvas_hi.x0, canvas_hi.y0
    x1 = x0 + (canvas_hi.w - 1) / canvas_hi.ppmm
    y1 = y0 + (canvas_hi.h - 1) / canvas_hi.ppmm
    c = raster.Canvas((x0, y0, x1, y1), ppmm)
    sv, sf = scene["skin"]
    ev, ef = scene["others"]["ear"]
    # skin and auricles together (the skin mesh's ears are crude)
    T = np.concatenate([raster.project(sv, proj)[sf], raster.project(ev, proj)[ef]])
    px = c.to_px(T[:, :, :2].reshape(-1, 2)).reshape(-1, 3, 2)
    ids = raster.draw_ids(c, px, T[:, :, 2].mean(1), np.arange(1, len(T) + 1))
    rr, cc, x, y, dep = raster.pixel_points(c, ids, T)
    is_ear = ids[rr, cc] > len(sf)
    dep = _scalp_depth(ctx, c, proj, rr, cc, dep, is_ear)
    X3 = raster.UNPROJ[proj](x, y, dep)
    reg, sc = classify(X3, ctx, is_ear=is_ear, view=name)
    code = np.full(ids.shape, -1)
    code[rr, cc] = reg * 3 + sc
    # the skin polygon as a mask
    from PIL import Image, ImageDraw
    img = Image.new("L", (c.w, c.h), 0)
    dr = ImageDraw.Draw(img)
    for p in geom.parts(skin):
        dr.polygon([tuple(q) for q in c.to_px(np.array(p.exterior.coords))], fill=1)
        for h in p.interiors:
            dr.polygon([tuple(q) for q in c.to_px(np.array(h.coords))], fill=0)
    inside = np.asarray(img, bool)
    # every pixel (also outside the outline) gets the nearest label
    _, (ir, ic) = ndimage.distance_transform_edt(code < 0, return_indices=True)
    code = code[ir, ic]
    px_area = 1.0 / ppmm ** 2
    # lateral views: far-side regions only where they really show
    if cfg["shows_side"]:
        near = 0 if cfg["shows_side"] == "right" else 1
        for lab in np.unique(code).tolist():
            if lab % 3 not in (near, 2) and (code[inside] == lab).sum() * px_area < sm["far_min"]:
                code[code == lab] = -1
        _, (ir, ic) = ndimage.distance_transform_edt(code < 0, return_indices=True)
        code = code[ir, ic]
    soft = _Soft(code, sm["sigma"] * ppmm)
    # fragments and tiny regions -> neighbours
    for _ in range(4):
        changed = False
        labimg = np.where(inside, soft.lab, -1)
        for lab in sorted(soft.b):
            m = labimg == lab
            tot = m.sum() * px_area
            if tot < sm["min_area"]:
                soft.suppress(lab, soft.lab == lab)
                changed = True
                continue
            cl, n = ndimage.label(m, structure=np.ones((3, 3)))
            if n < 2:
                continue
            sizes = ndimage.sum(m, cl, range(1, n + 1)) * px_area
            for k, sz in enumerate(sizes):
                if sz < FRAGMENT * tot or sz < sm["min_area"]:
                    comp = ndimage.binary_dilation(cl == k + 1, iterations=2) & (soft.lab == lab)
                    soft.suppress(lab, comp)
                    changed = True
        if not changed:
            break
        soft.top2()
    # trace
    order = sorted(soft.b, key=lambda l: (0 if RIDS[l // 3] in PRIORITY else 1, l))
    geoms = []
    for lab in order:
        origin, f = soft.field(lab)
        if not (f > 0).any():
            continue
        g = geom.clean(_field_to_geom(c, origin, f), sm["tol"], 1.0).intersection(skin)
        g = geom.clean(g, 0.0, 1.0)
        if not g.is_empty:
            geoms.append([lab, g])
    # re-tile: overlaps to the first, gaps to the longest shared border
    taken = Polygon()
    for e in geoms:
        e[1] = raster.only_polys(e[1].difference(taken))
        taken = taken.union(e[1])
    gaps = raster.only_polys(skin.difference(taken))
    gs = [e[1] for e in geoms]
    for part in geom.parts(gaps):
        if part.area < 1e-4:
            continue
        i = _neighbour(part, gs)
        gs[i] = gs[i].union(part)
    # detached fragments left by the clipping -> neighbours
    for _ in range(2):
        for i in range(len(gs)):
            ps = geom.parts(gs[i])
            if len(ps) < 2:
                continue
            tot = sum(p.area for p in ps)
            keep = [p for p in ps if p.area >= FRAGMENT * tot and p.area >= sm["min_area"]]
            if not keep:
                keep = [max(ps, key=lambda p: p.area)]
            small = [p for p in ps if not any(p is k for k in keep)]
            gs[i] = unary_union(keep)
            for p in small:
                j = _neighbour(p, gs[:i] + [None] + gs[i + 1:])
                gs[j] = gs[j].union(p)
    # round to 0.1 mm; later entries give way to earlier ones
    out_list = []
    skin_r = geom.round_geom(skin)
    taken_r = Polygon()
    merged = {}
    for (lab, _), g in zip(geoms, gs):
        rid, scode = RIDS[lab // 3], ["right", "left", "midline"][lab % 3]
        g = geom.round_geom(geom.clean(g, 0.0, 0.5)).intersection(skin_r)
        if not taken_r.is_empty:
            g = g.difference(taken_r.buffer(0.1, join_style="mitre"))
        g = geom.round_geom(geom.clean(g, 0.0, 0.5))
        if g.is_empty:
            continue
        taken_r = taken_r.union(g)
        k = (rid, scode)
        merged[k] = g if k not in merged else unary_union([merged[k], g])
    for (rid, scode), g in merged.items():
        # slivers left by the rounding
        ps_ = geom.parts(g)
        tot = sum(p.area for p in ps_)
        g = unary_union([p for p in ps_ if p.area >= max(FRAGMENT * tot, sm["min_area"] * 0.5)] or
                        [max(ps_, key=lambda p: p.area)])
        lab = geom.label_point(g, g, 0)
        out_list.append(dict(region=rid, side=scode, polygons=geom.to_json_multipolygon(g), label=lab))
    return out_list
