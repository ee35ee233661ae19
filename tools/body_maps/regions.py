"""Surface-region atlas: every skin point is labelled by anatomical rules (positions relative
to bony landmarks), per pixel of each view, then smoothed into polygons that tile the skin."""
from __future__ import annotations

import numpy as np
from scipy import ndimage
from shapely.ops import unary_union

from . import anatomy, raster, geom, tables
from .region_landmarks import Ctx
from .region_rules import classify
from .region_table import PRIORITY, RIDS, write_vocabulary  # noqa: F401  (build.py calls regions.write_vocabulary)
from .soft_labels import Soft, field_to_geom, neighbour_index

# ----------------------------------------------------------------------------- per view
_CTX = {}

# smoothing: Gaussian sigma (mm) of the label majority filter, minimum region area (mm2),
# simplification tolerance (mm)
SMOOTH = {True: dict(ppmm=3.0, sigma=3.0, min_area=40.0, tol=0.25, far_min=300.0),
          False: dict(ppmm=1.0, sigma=7.0, min_area=150.0, tol=0.6, far_min=2500.0)}
FRAGMENT = 0.03   # detached pieces under 3 % of their region's area merge into their neighbours


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
    soft = Soft(code, sm["sigma"] * ppmm)
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
        g = geom.clean(field_to_geom(c, origin, f), sm["tol"], 1.0).intersection(skin)
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
        i = neighbour_index(part, gs)
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
                j = neighbour_index(p, gs[:i] + [None] + gs[i + 1:])
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
