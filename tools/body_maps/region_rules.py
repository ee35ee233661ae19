"""The region rules: every skin point gets a region and a side from its position relative to the anatomy."""
from __future__ import annotations


import numpy as np
from scipy.spatial import cKDTree

from . import anatomy, temporalis
from .region_landmarks import Ctx
from .region_table import REGIONS, RINDEX


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
    fossa = ps(lambda sn, m: temporalis.in_temporal_fossa(Y[m], Z[m], ctx.head[sn]["tl"]).astype(float)) > 0.5
    arch_z = sd("arch_top_z")
    # temple: the front of the fossa, within the arc from the lateral orbital rim to the ear's top
    ct_y, ct_z = ol[:, 1], arch_z
    rt = np.hypot(emin[:, 1] + 8 - ct_y, emax[:, 2] - 4 - ct_z)
    fossa_t = ps(lambda sn, m: temporalis.in_temporal_fossa(
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
