"""The drawn vastus lateralis, around the femur's shaft."""
from __future__ import annotations

import numpy as np
from scipy import ndimage

from . import anatomy
from .sheet_geometry import Frame, bilinear, fill, region_polygon, triangulate

SGN = anatomy.SGN


def build_vastus_lateralis(lm, skin, side, debug=None):
    """Vastus lateralis: the lateral thigh from the greater trochanter to the patella, lateral
    to rectus femoris and in front of biceps femoris (the lateral intermuscular septum), over
    vastus intermedius and the femur, under tensor fasciae latae and gluteus maximus above.
    Frame: the femur's shaft (centre of its slice by height)."""
    d = lm[side]
    s = SGN[side]
    R = lambda l, r_: l if side == "right" else r_
    fe = anatomy.full_verts(R("FMA24474", "FMA24475"))
    pat = d["patella"]
    pa = anatomy.full_verts(R("FMA24486", "FMA24487"))
    z0, z1 = pa[:, 2].max() + 4.0, d["trochanter"][2] - 8.0
    zs = np.arange(pa[:, 2].min(), d["trochanter"][2] + 20.0, 4.0)
    cx, cy = [], []
    for z in zs:
        b = fe[np.abs(fe[:, 2] - z) < 3]
        cx.append(b[:, 0].mean() if len(b) else np.nan)
        cy.append(b[:, 1].mean() if len(b) else np.nan)
    cx, cy = np.array(cx), np.array(cy)
    ok = ~np.isnan(cx)
    cx = ndimage.gaussian_filter1d(np.interp(zs, zs[ok], cx[ok]), 4.0, mode="nearest")
    cy = ndimage.gaussian_filter1d(np.interp(zs, zs[ok], cy[ok]), 4.0, mode="nearest")
    fr = Frame(zs, cx, cy, side)
    phis = np.arange(-20.0, 200.0, 2.0)
    PH, Z = np.meshgrid(phis, zs)
    sv, sf = skin
    g = lambda ids, mode: fr.grid(*anatomy.mesh(ids, 3000), zs, phis, mode)
    r_skin = fill(fr.grid(sv, sf, zs, phis, "first"))

    def edge(ids, pick):
        v = anatomy.full_verts(ids)
        ph, z, _ = fr.to_cyl(v)
        out = []
        for zz in zs:
            m = np.abs(z - zz) < 4
            out.append(pick(ph[m]) if m.sum() > 3 else np.nan)
        out = np.array(out)
        ok_ = ~np.isnan(out)
        return np.interp(zs, zs[ok_], out[ok_]) if ok_.any() else np.full(len(zs), np.nan)
    rf_lat = ndimage.gaussian_filter1d(edge(R("FMA38928", "FMA38929"), np.max), 2.0, mode="nearest")
    bf_front = ndimage.gaussian_filter1d(edge(R("FMA45888", "FMA45889"), np.min), 2.0, mode="nearest")
    ph_gt = fr.to_cyl(d["trochanter"][None, :])[0][0]
    ph_pat = fr.to_cyl(np.array([[pat[0] + s * 18.0, pat[1], z0]]))[0][0]   # superolateral patella
    # the front border: the rectus femoris' lateral edge, meeting the trochanter above and the
    # patella's superolateral corner below; the back border: the septum in front of biceps
    t = np.clip((Z - z0) / (z1 - z0), 0, 1)
    front = np.interp(Z, zs, rf_lat) - 4
    front = np.where(t > 0.85, front + (ph_gt - 20 - front) * ((t - 0.85) / 0.15), front)
    back = np.minimum(np.interp(Z, zs, bf_front) + 4, 140.0)
    taper = np.clip(t / 0.22, 0, 1) ** 0.6
    back = ph_pat + (back - ph_pat) * taper
    # above: narrowing onto the trochanter's lower, anterior border (origin)
    top = np.clip((t - 0.8) / 0.2, 0, 1)
    back = back + (ph_gt + 25 - back) * top ** 1.5
    front = np.where(t < 0.22, ph_pat - 25 + (front - ph_pat + 25) * taper, front)
    member = (Z > z0) & (Z < z1) & (PH > front) & (PH < back)
    if debug is not None:
        debug.update(zs=zs, rf_lat=rf_lat, bf_front=bf_front, ph_gt=ph_gt, ph_pat=ph_pat, front=front, back=back,
                     member=member, z0=z0, z1=z1)
    under = [g([R("FMA38934", "FMA38935")], "outer"), g([R("FMA24474", "FMA24475")], "outer")]
    cover = [g([R("FMA22425", "FMA22426")], "first"), g([R("FMA22328", "FMA22329")], "first")]
    r = r_skin - 4.0
    for u in under:
        r = np.where(np.isnan(u), r, np.maximum(r, u + 1.5))
    for c in cover:
        r = np.where(np.isnan(c), r, np.minimum(r, c - 1.5))
    r = np.minimum(r, r_skin - 1.0)
    scale = np.pi / 180.0 * 70.0
    poly = region_polygon(member, zs, phis, scale, 1.5)
    if poly.is_empty:
        return None
    uv, F = triangulate(poly, 5.0)
    phi, z = uv[:, 0] / scale, uv[:, 1]
    V = fr.from_cyl(phi, z, bilinear(fill(r), zs, phis, z, phi))
    return V, F
