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

    def spine_y_at(self, z):
        return np.interp(z, self.spine_z, self.spine_y)

    def trunk_w_at(self, z):
        return np.interp(z, self.zbins, self.trunk_w)


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


def classify(P, ctx: Ctx, is_ear=None):
    """P (n,3) skin points -> (region index, side code 0=right 1=left 2=midline)."""
    lm = ctx.lm
    n = len(P)
    reg = np.full(n, -1)
    X, Y, Z = P[:, 0], P[:, 1], P[:, 2]
    side = np.where(X < 0, 0, 1)
    xa = np.abs(X)
    _, ni = ctx.bone_tree.query(P)
    part = np.array(ctx.part_names)[ctx.bone_lab[ni]]

    def setr(mask, rid):
        m = mask & (reg < 0)
        reg[m] = RINDEX[rid]

    def setf(mask, rid):  # force (carve)
        reg[mask] = RINDEX[rid]

    R, Lf = lm["right"], lm["left"]
    sd = lambda key: np.where(side[:, None] == 0, R[key], Lf[key]) if np.ndim(R[key]) else np.where(side == 0, R[key], Lf[key])
    # ---------------- head / neck boundary (piecewise in Y)
    ment, gon, mas, ini = lm["menton"], sd("gonion"), sd("mastoid_tip"), lm["inion"]
    zhead = np.where(Y < gon[:, 1],
                     np.interp(Y, [ment[1], -1e9], [ment[2], ment[2]]) * 0 + ment[2]
                     + (gon[:, 2] - ment[2]) * np.clip((Y - ment[1]) / (gon[:, 1] - ment[1]), 0, 1),
                     np.where(Y < mas[:, 1],
                              gon[:, 2] + (mas[:, 2] - gon[:, 2]) * np.clip((Y - gon[:, 1]) / (mas[:, 1] - gon[:, 1] + 1e-6), 0, 1),
                              mas[:, 2] + (ini[2] - 12 - mas[:, 2]) * np.clip((Y - mas[:, 1]) / (ini[1] - mas[:, 1] + 1e-6), 0, 1)))
    head = (Z > zhead - 4) & np.isin(part, ["head", "neck", "trunk"]) & (Z > lm["sternal_notch"][2] + 60)
    # ---------------- neck
    c7 = lm["vert"]["C7"]
    notch = lm["sternal_notch"]
    clav_top = np.where(side == 0, R["clavicle"][:, 2].max(), Lf["clavicle"][:, 2].max())
    zneck_bot = np.where(Y < ctx.neck_yc, np.maximum(notch[2], clav_top - 8), c7[3][2] - 5)
    neck = ~head & (Z > zneck_bot) & (xa < ctx.neck_r + 10) & np.isin(part, ["head", "neck", "trunk"])
    # ---------------- head regions
    d_ear, _ = ctx.ear_tree.query(P)
    ec = sd("ear_canal")
    setf_mask = {}
    eye = sd("eye")
    cond = sd("condyle")
    emin, emax = sd("ear_min"), sd("ear_max")
    orb = sd("orbit_lat_top")
    arch = np.where(side == 0, R["arch_top_z"], Lf["arch_top_z"])
    vz = lm["vertex_z"]
    h = head
    if is_ear is None:
        is_ear = d_ear < 4.0
    setr(h & is_ear, "outer_ear")
    setr(h & (Z > vz - 24) & (Y > orb[:, 1] + 25), "vertex")
    setr(h & (xa < 24) & (Y < lm["skull_front_y"] + 10) & (Z < eye[:, 2] + 12) & (Z > ctx.ut_z[1] + 6), "nose")
    brow_z = sd("eye_max")[:, 2]
    front = Y < orb[:, 1] + 12
    setr(h & front & (Z > brow_z - 3) & (Z < brow_z + 13) & (xa > 6) & (xa < np.abs(orb[:, 0]) + 6), "eyebrow")
    setr(h & front & (Z >= brow_z + 13), "forehead")
    setr(h & front & (xa < 12) & (Z > brow_z - 3), "forehead")
    # temple: above the arch, between the orbital rim and the front of the ear
    setr(h & (Y >= orb[:, 1] + 12 - 20) & (Y < emin[:, 1] + 5) & (Z > arch - 2) & (Z < arch + 62), "temple")
    setr(h & (Y < emin[:, 1] + 5) & (Z >= arch + 62) & (Y < orb[:, 1] + 40), "forehead")
    setr(h & (Y < emin[:, 1] + 5) & (Z >= arch + 62), "side_of_head")
    mastoid = h & (Y > emax[:, 1] - 8) & (Y < emax[:, 1] + 26) & (Z > mas[:, 2] - 8) & (Z < emax[:, 2] - 8)
    setr(mastoid, "mastoid")
    setr(h & (Y > emax[:, 1] + 8) & (Z > ini[2] - 25), "occiput")
    setr(h & (Y >= emin[:, 1] - 5) & (Z > emax[:, 2] - 12), "side_of_head")
    setr(h & (Y > emax[:, 1]), "occiput")
    gd = np.linalg.norm(P - gon, axis=1)
    setr(h & (gd < 20), "angle_of_jaw")
    setr(h & (xa < 24) & (Z < ctx.lt_z[1] - 10) & (Y < gon[:, 1] - 30), "chin")
    setr(h & (Y < emin[:, 1] + 3) & (Z > emin[:, 2]), "cheek")
    setr(h & (Y < mas[:, 1] - 12) & (Z <= emin[:, 2]) & (Y > cond[:, 1] - 25), "angle_of_jaw")
    setr(h & (Y < emin[:, 1] + 3), "cheek")
    setr(h & (Z <= emin[:, 2]), "mastoid")
    setr(h, "side_of_head")
    # carved deep / small regions
    d_ut, _ = ctx.ut_tree.query(P)
    d_lt, _ = ctx.lt_tree.query(P)
    face = h & (Y < cond[:, 1] - 12) & (Z < eye[:, 2] - 12) & (Z > ctx.lt_z[0] - 8)
    occl = 0.5 * (ctx.ut_z[0] + ctx.lt_z[1])
    near_t = np.minimum(d_ut, d_lt) < 18
    setf(face & near_t & (Z >= occl) & (Z < occl + 18), "upper_teeth")
    setf(face & near_t & (Z < occl) & (Z > occl - 18), "lower_teeth")
    setf(h & (np.linalg.norm(P - eye, axis=1) < 16), "behind_eye")
    tmj = cond + np.array([0, -8.0, -2.0])
    setf(h & (np.hypot(Y - tmj[:, 1], Z - tmj[:, 2]) < 10) & (d_ear > 2.5) & (xa > np.abs(cond[:, 0])), "jaw_joint")
    setf(h & (np.hypot(Y - ec[:, 1], Z - ec[:, 2]) < 8) & (xa > np.abs(cond[:, 0]) + 5), "inside_ear")
    # ---------------- neck regions
    th = np.degrees(np.arctan2(xa, -(Y - ctx.neck_yc)))
    c4z = lm["vert"]["C4"][0][2]
    setr(neck & (th < 24) & (Z > notch[2] + 15) & (Z < lm["hyoid"][2] + 6), "throat")
    setr(neck & (th < 52), "front_of_neck")
    setr(neck & (th < 122), "side_of_neck")
    setr(neck & (Z > c4z), "back_of_neck")
    setr(neck, "lower_back_of_neck")
    # ---------------- trunk
    trunk = (reg < 0) & (part == "trunk") | ((reg < 0) & np.isin(part, ["head", "neck"]))
    ymid = ctx.spine_y_at(Z) - 25.0
    back = Y > ymid
    tw = ctx.trunk_w_at(Z)
    acx = np.abs(sd("acromion")[:, 0])
    acz = sd("acromion")[:, 2]
    nr = ctx.neck_r
    t = trunk
    setr(t & (Z > clav_top - 6) & (xa < nr + 0.45 * (acx - nr)), "neck_shoulder_angle")
    setr(t & (Z > clav_top - 6), "top_of_shoulder")
    setr(t & (Z > acz - 28) & (xa > acx - 30), "top_of_shoulder")
    sup_z = sd("sup_angle")[:, 2]
    spine_z = np.where(side == 0, R["spine_root_z"], Lf["spine_root_z"])
    inf = sd("inf_angle")
    mbx = np.where(side == 0, _mb(R, Z), _mb(Lf, Z))
    latb = np.abs(inf[:, 0]) + 0.55 * (acx - np.abs(inf[:, 0]))
    infd = np.hypot(xa - np.abs(inf[:, 0]), Z - inf[:, 2])
    tb = t & back
    setr(tb & (infd < 26), "inferior_scapular_angle")
    setr(tb & (np.abs(xa - mbx) < 13) & (Z < sup_z + 12) & (Z > inf[:, 2]), "medial_scapular_border")
    setr(tb & (xa > mbx) & (Z >= spine_z) & (xa < acx + 10), "suprascapular")
    setr(tb & (xa > mbx) & (Z > inf[:, 2]) & (Z < spine_z) & (xa < latb + 25), "scapula")
    setr(tb & (xa > latb + 20) & (Z > inf[:, 2] + 40), "back_of_shoulder")
    setr(tb & (xa > mbx) & (Z > inf[:, 2]) & (Z < spine_z), "lateral_chest_wall")
    setr(tb & (xa <= mbx) & (xa > 24) & (Z > inf[:, 2]), "interscapular")
    t12 = lm["vert"]["T12"]
    il = sd("iliac_top")
    psis = sd("psis")
    crest_d = np.where(side == 0, ctx.crest["right"].query(P)[0], ctx.crest["left"].query(P)[0])
    sac_lo = lm["vert"]["L5"][1] - 110
    setr(tb & (np.linalg.norm(P - psis, axis=1) < 26), "sacroiliac")
    setr(tb & (xa < 38) & (Z < lm["vert"]["L5"][1]) & (Z > sac_lo), "sacrum")
    setr(t & (crest_d < 35) & (Z > il[:, 2] - 45) & (Y > sd("asis")[:, 1] + 25), "iliac_crest")
    setr(tb & (Z > t12[1]) & (xa < 62), "thoracic_paraspinal")
    setr(tb & (Z > t12[1] - 40), "lateral_chest_wall")
    setr(tb & (Z > il[:, 2]) & (xa < 68), "lumbar")
    setr(t & (Z > il[:, 2] - 10) & (Z < t12[1] + 30) & (xa > 0.72 * tw), "flank")
    setr(tb & (Z > il[:, 2] - 5), "lumbar")
    # front
    tf = t & ~back
    xi = lm["xiphoid"]
    umb = 0.5 * (lm["vert"]["L3"][0][2] + lm["vert"]["L4"][0][2])
    pub = np.where(side == 0, R["pubic_top_z"], Lf["pubic_top_z"])
    nip_z = ctx.nip_z
    setr(tf & (xa < 20) & (Z < notch[2] + 5) & (Z > xi[2] + 5), "sternum")
    setr(tf & (Z > xi[2] - 70) & (Z < notch[2]) & (xa > 0.8 * tw), "lateral_chest_wall")
    setr(tf & (Z > nip_z - 45) & (Z < nip_z + 30) & (xa > 40) & (xa < 0.8 * tw), "breast")
    setr(tf & (Z >= nip_z + 30), "pectoral")
    setr(tf & (Z > xi[2]) & (xa < 0.8 * tw), "breast")
    setr(tf & (Z > umb) & (Z >= xi[2] - 70), "upper_abdomen")
    setr(tf & (Z > pub + 40), "lower_abdomen")
    setr(tf, "groin")
    setr(t & (Z > il[:, 2] - 15), "flank")
    # ---------------- lower limb and buttock
    gt = sd("trochanter")
    isch = sd("ischial")
    fold = isch[:, 2] - 30
    lower = (reg < 0) & np.isin(part, ["trunk", "thigh", "leg", "foot"])
    setr(lower & (np.linalg.norm(P - gt, axis=1) < 45) & (Y > gt[:, 1] - 30), "greater_trochanter")
    postp = lower & (Y > np.where(side == 0, R["femur_head"][1], Lf["femur_head"][1]) + 5) & (Z > fold)
    setr(postp & (Z < isch[:, 2] + 25) & (xa < np.abs(gt[:, 0]) - 15), "lower_buttock")
    setr(postp & (xa < np.abs(gt[:, 0]) + 5), "buttock")
    setr(lower & (Z > pub - 5) & (part == "trunk") & ~back, "groin")
    setr(lower & (part == "trunk") & (Z > fold), "buttock")
    fh = sd("femur_head")
    knee = np.stack([np.where(side == 0, R["patella"][0], Lf["patella"][0]),
                     np.where(side == 0, R["patella"][1], Lf["patella"][1]) + 25,
                     np.where(side == 0, R["tibia_top_z"], Lf["tibia_top_z"])], 1)
    ang, tt = _axis_angle_rows(P, fh, knee, side)
    pat = sd("patella")
    thigh = (reg < 0) & (part == "thigh") | ((reg < 0) & (part == "trunk"))
    setr(thigh & (np.linalg.norm(P - pat, axis=1) < 40) & (np.abs(ang) < 80), "front_of_knee")
    setr(thigh & (np.abs(ang) < 50), "front_of_thigh")
    setr(thigh & (ang >= 50) & (ang < 140), "outer_thigh")
    setr(thigh & (ang <= -50) & (ang > -140), "inner_thigh")
    setr(thigh & (tt > 0.85), "back_of_knee")
    setr(thigh, "back_of_thigh")
    tib_low = np.where(side == 0, R["tibia_low_z"], Lf["tibia_low_z"])
    ank = np.stack([np.where(side == 0, R["tibia"][:, 0].mean(), Lf["tibia"][:, 0].mean()),
                    np.where(side == 0, R["tibia"][:, 1].mean(), Lf["tibia"][:, 1].mean()) + 5, tib_low], 1)
    ang2, t2 = _axis_angle_rows(P, knee, ank, side)
    leg = (reg < 0) & (part == "leg")
    setr(leg & (np.linalg.norm(P - pat, axis=1) < 42) & (np.abs(ang2) < 90), "front_of_knee")
    setr(leg & (t2 < 0.12) & (np.abs(ang2) > 110), "back_of_knee")
    setr(leg & (t2 > 0.9) & (np.abs(ang2) < 70), "front_of_ankle")
    setr(leg & (ang2 >= 55) & (ang2 < 125), "outer_calf")
    setr(leg & (ang2 > -110) & (ang2 < 55), "shin")
    setr(leg, "calf")
    foot = (reg < 0) & (part == "foot")
    fdist, fi = ctx.foot_tree.query(P)
    flab = ctx.foot_lab[fi]
    fpt = ctx.foot_pts[fi]
    setr(foot & (flab == 1) & ((Y > fpt[:, 1]) | (Z < fpt[:, 2] - 4)), "heel")
    setr(foot & (Z < fpt[:, 2] - 3), "sole")
    setr(foot & (Z > np.where(side == 0, R["talus_top_z"], Lf["talus_top_z"]) - 15) & (fdist < 40), "front_of_ankle")
    setr(foot, "top_of_foot")
    # ---------------- upper limb
    arm = (reg < 0) & (part == "arm")
    ht = sd("humerus_top")
    el = 0.5 * (sd("epicondyle_lat") + sd("epicondyle_med"))
    ang3, t3 = _axis_angle_rows(P, ht, el, side)
    ell = np.linalg.norm(P - sd("epicondyle_lat"), axis=1)
    elm = np.linalg.norm(P - sd("epicondyle_med"), axis=1)
    fore = (reg < 0) & np.isin(part, ["arm", "forearm"])
    setr(fore & (ell < 28), "lateral_elbow")
    setr(fore & (elm < 28), "medial_elbow")
    setr(arm & (t3 < 0.3) & (np.abs(ang3) < 55), "front_of_shoulder")
    setr(arm & (t3 < 0.3) & (ang3 >= 55) & (ang3 < 130), "outer_shoulder")
    setr(arm & (t3 < 0.3) & (np.abs(ang3) >= 130), "back_of_shoulder")
    setr(arm & (np.abs(ang3) < 95), "front_of_upper_arm")
    setr(arm, "back_of_upper_arm")
    wr = sd("wrist")
    ang4, t4 = _axis_angle_rows(P, el, wr, side)
    fa = (reg < 0) & (part == "forearm")
    setr(fa & (t4 > 0.88) & (np.abs(ang4) > 90), "back_of_wrist_and_hand")
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


def build_regions(scene, name, cfg, canvas_hi, skin, tol, min_area):
    if "ctx" not in _CTX:
        _CTX["ctx"] = Ctx(scene)
    ctx = _CTX["ctx"]
    proj = cfg["proj"]
    ppmm = 3.0 if cfg["head"] else 1.0
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
    X3 = raster.UNPROJ[proj](x, y, dep)
    reg, sc = classify(X3, ctx, is_ear=ids[rr, cc] > len(sf))
    code = np.full(ids.shape, -1)
    code[rr, cc] = reg * 3 + sc
    # pixels inside the skin outline without a skin face (head outline): nearest label
    from PIL import Image, ImageDraw
    inside = np.zeros(ids.shape, bool)
    img = Image.new("L", (c.w, c.h), 0)
    dr = ImageDraw.Draw(img)
    for p in geom.parts(skin):
        dr.polygon([tuple(q) for q in c.to_px(np.array(p.exterior.coords))], fill=1)
        for h in p.interiors:
            dr.polygon([tuple(q) for q in c.to_px(np.array(h.coords))], fill=0)
    inside = np.asarray(img, bool) | (code >= 0)
    _, (ir, ic) = ndimage.distance_transform_edt(code < 0, return_indices=True)
    code = np.where(inside, code[ir, ic], -1)
    # majority smoothing
    sigma = 2.5 * ppmm if cfg["head"] else 3.0 * ppmm
    labels = np.unique(code[code >= 0])
    best = np.full(code.shape, -1.0)
    out = np.full(code.shape, -1)
    for lab in labels:
        sm = ndimage.gaussian_filter((code == lab).astype(np.float32), sigma)
        upd = sm > best
        best[upd] = sm[upd]
        out[upd] = lab
    out[~inside] = -1
    # polygons
    res = []
    taken = None
    order = sorted(labels, key=lambda l: (RIDS[l // 3] in PRIORITY and -1 or 0, l))
    order = [l for l in labels if RIDS[l // 3] in PRIORITY] + [l for l in labels if RIDS[l // 3] not in PRIORITY]
    rtol = tol * 1.5
    skin_r = geom.round_geom(skin)
    ra = 25.0 if cfg["head"] else 100.0
    for lab in order:
        rid, scode = RIDS[lab // 3], ["right", "left", "midline"][lab % 3]
        if cfg["shows_side"] and scode not in (cfg["shows_side"], "midline"):
            # far side of a lateral view: only where it really shows (e.g. the far cheek)
            pass
        g = raster.mask_to_geom(c, out == lab)
        g = g.intersection(skin)
        g = geom.clean(g, rtol, ra)
        if taken is not None:
            g = geom.clean(g.difference(taken), rtol * 0.3, ra)
        if g.is_empty:
            continue
        g = geom.round_geom(g.intersection(skin_r))
        if taken is not None:
            g = geom.round_geom(geom.clean(g.difference(taken.buffer(0.12, join_style="mitre")), 0.05, ra)
                                .intersection(skin_r))
        g = geom.clean(g, 0.0, ra)
        if g.is_empty:
            continue
        taken = g if taken is None else unary_union([taken, g])
        res.append((rid, scode, g))
    # merge entries with same (rid, side)
    merged = {}
    for rid, scode, g in res:
        k = (rid, scode)
        merged[k] = g if k not in merged else unary_union([merged[k], g])
    out_list = []
    for (rid, scode), g in merged.items():
        if cfg["shows_side"] and scode not in (cfg["shows_side"], "midline") and g.area < (300 if cfg["head"] else 2500):
            continue
        lab = geom.label_point(g, g, 0)
        out_list.append(dict(region=rid, side=scode, polygons=geom.to_json_multipolygon(g), label=lab))
    return out_list
