"""Build assets/body_maps/<view>.json from BodyParts3D meshes.

    python -m tools.body_maps.build [--views head_lateral,posterior] [--fetch-only] [--previews]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "tools.body_maps"

import numpy as np
from shapely.geometry import box, Polygon
from shapely.ops import unary_union

from tools.body_maps import meshes, raster, anatomy, geom, regions, tables, tp_specs, smooth, temporalis, trigger_sites
from tools.body_maps.tables import MUSCLES, BONES, CONTEXT_MUSCLES

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "body_maps"

VIEW_ORDER = ["head_lateral", "posterior", "anterior", "head_posterior", "lateral_right", "lateral_left"]
VIEWS = {
    "anterior": dict(proj="anterior", ppmm=2.0, tol=1.0, title="Front of the body", shows_side=None,
                     right_on="left", head=False),
    "posterior": dict(proj="posterior", ppmm=2.0, tol=1.0, title="Back of the body", shows_side=None,
                      right_on="right", head=False),
    "lateral_right": dict(proj="lateral_right", ppmm=2.0, tol=1.0, title="Right side of the body",
                          shows_side="right", right_on=None, head=False),
    "lateral_left": dict(proj="lateral_left", ppmm=2.0, tol=1.0, title="Left side of the body",
                         shows_side="left", right_on=None, head=False),
    "head_lateral": dict(proj="lateral_right", ppmm=4.0, tol=0.35, title="Head and neck, right side",
                         shows_side="right", right_on=None, head=True),
    "head_posterior": dict(proj="posterior", ppmm=4.0, tol=0.35, title="Back of the head, neck and shoulders",
                           shows_side=None, right_on="right", head=True),
}
THIN_SHEETS = {"platysma", "frontalis", "occipitalis"}
MUSCLE_FACES = 3000
BONE_FACES = {"hand": 300, "foot": 300, "ribs": 800, "cervical_spine": 1200, "thoracic_spine": 1200,
              "lumbar_spine": 1500, "skull": 3000}


class Item:
    def __init__(self, kind, key, side, v, f, layer=None, drawn=False):
        self.kind, self.key, self.side, self.v, self.f = kind, key, side, v, f
        self.layer, self.drawn = layer, drawn


def log(*a):
    print(f"[{time.strftime('%H:%M:%S')}]", *a, flush=True)


# ----------------------------------------------------------------------------- scene
def build_scene():
    lm = anatomy.Landmarks()
    items = []
    sides = ("right", "left")
    # bones
    bone_items = {}
    for bid, (name, r, l, m, views) in BONES.items():
        nf = BONE_FACES.get(bid, 2000)
        for side, ids in (("right", r), ("left", l), ("midline", m)):
            if ids:
                v, f = anatomy.mesh(ids, nf)
                it = Item("bone", bid, side, v, f)
                items.append(it)
                bone_items[(bid, side)] = it
    # muscles
    tp_src = {s: {} for s in sides}
    for mid, (r, l, layer, views, name) in MUSCLES.items():
        if mid in ("temporalis", "scm_sternal", "scm_clavicular"):
            continue
        for side, ids in (("right", r), ("left", l)):
            ids = [i for i in ids if meshes.stl_path(i).exists()]
            if not ids:
                continue
            v, f = anatomy.mesh(ids, MUSCLE_FACES)
            if mid == "scm":
                fs, fc, info = anatomy.split_scm(v, f, side)
                items.append(Item("muscle", "scm_sternal", side, v, fs, "superficial"))
                items.append(Item("muscle", "scm_clavicular", side, v, fc, "superficial"))
                tp_src[side]["scm_sternal"] = v[np.unique(fs)]
                tp_src[side]["scm_clavicular"] = v[np.unique(fc)]
                tp_src[side]["scm_info"] = info
                continue
            items.append(Item("muscle", mid, side, v, f, layer))
            tp_src[side][mid] = anatomy.cat([meshes.load_stl(i) for i in ids])[0]
    for side in sides:
        sup = "FMA49004" if side == "right" else "FMA49005"   # labelled "deep" in BodyParts3D
        dp = "FMA49001" if side == "right" else "FMA49002"    # labelled "superficial"
        tp_src[side]["masseter_superficial"] = meshes.load_stl(sup)[0]
        tp_src[side]["masseter_deep"] = meshes.load_stl(dp)[0]
    # drawn sheets (muscles missing from the mesh copy), from landmarks and neighbouring meshes
    from tools.body_maps import sheets
    skin = meshes.load_skin()
    for side in sides:
        built = sheets.build_side(lm, skin, side)
        for mid in tables.DRAWN_SHEETS:
            if mid in built:
                v, f = built[mid]
                items.append(Item("muscle", mid, side, v, f, MUSCLES[mid][2], drawn=True))
                tp_src[side][mid] = v
    # context occluders
    for fid in CONTEXT_MUSCLES:
        m = meshes.load(fid, 1500)
        if m is not None:
            items.append(Item("context", fid, None, m[0], m[1]))
    # temporalis from the skull (needs skull visibility from each side)
    skv, skf = anatomy.mesh(tables.SKULL, 6000)
    for side in sides:
        v, f, info = temporalis.temporalis_mesh(side, lm, skv, skf)
        items.append(Item("muscle", "temporalis", side, v, f, "superficial", drawn=True))
        tp_src[side]["temporalis"] = v
    # the angle of the neck (skin outline corner), for the levator scapulae trigger point
    sv, sf = meshes.load_skin()
    c4 = lm["vert"]["C4"][0]
    m = np.abs(sv[:, 2] - c4[2]) < 8
    neck_r, neck_yc = np.abs(sv[m, 0]).max(), 0.5 * (sv[m, 1].min() + sv[m, 1].max())
    cm = anatomy.coronal_mask((sv, sf))
    for side in sides:
        tp_src[side]["neck_angle"] = anatomy.neck_shoulder_corner(cm, sv, lm, side, neck_r, neck_yc)[0]
    tps = {}
    for side in sides:
        for (mid, tid), p in trigger_sites.trigger_points(side, lm, tp_src[side]).items():
            tps[(mid, tid, side)] = p
    others = {k: anatomy.mesh(v, 800) for k, v in (
        ("ear", ["FMA52780"]), ("upper_teeth", tables.UPPER_TEETH), ("lower_teeth", tables.LOWER_TEETH))}
    return dict(lm=lm, items=items, tps=tps, skin=(sv, sf), others=others)


# ----------------------------------------------------------------------------- view
def view_bounds(scene, name, cfg):
    lm = scene["lm"]
    sv, sf = scene["skin"]
    P = raster.project(sv, cfg["proj"])
    if name == "head_lateral":
        ztop = lm["vertex_z"] + 25
        zbot = min(lm["right"]["clavicle"][:, 2].min(), lm["sternal_notch"][2]) - 35
    elif name == "head_posterior":
        ztop = lm["vertex_z"] + 25
        zbot = lm["right"]["spine_root_z"] - 40
    else:
        return (P[:, 0].min() - 5, P[:, 1].min() - 5, P[:, 0].max() + 5, P[:, 1].max() + 5)
    m = (sv[:, 2] > zbot) & (sv[:, 2] < ztop)
    x0, x1 = P[m, 0].min() - 5, P[m, 0].max() + 5
    if name == "head_posterior":
        xa = abs(lm["right"]["acromion"][0]) + 45
        x0, x1 = max(x0, -xa), min(x1, xa)
    return (x0, -ztop, x1, -zbot)


def tris_of(v, f, proj, canvas):
    P = raster.project(v, proj)
    T = P[f]
    px = canvas.to_px(T[:, :, :2].reshape(-1, 2)).reshape(-1, 3, 2)
    return px, T[:, :, 2].mean(1), T


def in_canvas(px, canvas):
    mn, mx = px.min(1), px.max(1)
    return (mx[:, 0] >= -1) & (mn[:, 0] <= canvas.w + 1) & (mx[:, 1] >= -1) & (mn[:, 1] <= canvas.h + 1)


def skin_geometry(scene, cfg, canvas, clip_box):
    lm = scene["lm"]
    sv, sf = scene["skin"]
    px, _, _ = tris_of(sv, sf, cfg["proj"], canvas)
    mask = raster.draw_mask(canvas, px)
    g = raster.mask_to_geom(canvas, mask, 20.0)
    # hair: replace the skin over the cranial vault by the skull outline + 6 mm (scalp);
    # the face (maxilla, nose, zygomatic, mandible) and the ears keep the skin outline.
    vault_ids = ["FMA52734", "FMA52735", "FMA52788", "FMA52789", "FMA52738", "FMA52739"]
    face_ids = ["FMA53649", "FMA53650", "FMA53647", "FMA53648", "FMA52892", "FMA52893", "FMA52748"]
    vault = sil(anatomy.mesh(vault_ids, 3000), cfg["proj"], canvas)
    face = sil(anatomy.mesh(face_ids, 2000), cfg["proj"], canvas)
    ear = sil(scene["others"]["ear"], cfg["proj"], canvas)
    hair_zone = vault.buffer(30).difference(face.buffer(18))
    # below the mastoid tips there is no hair
    zcut = -(lm["right"]["mastoid_tip"][2] + 5)
    hair_zone = hair_zone.intersection(box(-5000, -5000, 5000, zcut))
    head = vault.buffer(6.0, join_style="round").union(ear)
    g = g.difference(hair_zone).union(head.intersection(hair_zone))
    g = g.buffer(1.5).buffer(-1.5)
    g = raster.drop_small(g, 200.0)
    if clip_box is not None:
        g = g.intersection(clip_box)
    return raster.only_polys(g)


def sil(m, proj, canvas):
    v, f = m
    px, _, _ = tris_of(v, f, proj, canvas)
    sel = in_canvas(px, canvas)
    return raster.mask_to_geom(canvas, raster.draw_mask(canvas, px[sel]), 1.0)


def build_view(scene, name):
    cfg = VIEWS[name]
    t0 = time.time()
    b = view_bounds(scene, name, cfg)
    canvas = raster.Canvas(b, cfg["ppmm"])
    clip = box(*b) if cfg["head"] else None
    proj = cfg["proj"]
    tol = cfg["tol"]
    min_area = 3.0 if cfg["head"] else 12.0
    open_r = 0.4 if cfg["head"] else 0.9
    skin = skin_geometry(scene, cfg, canvas, clip)
    skin = geom.clean(skin, tol * 0.8, 50.0)
    log(name, "skin", round(time.time() - t0, 1), "s")
    shown = cfg["shows_side"]
    # ---- every item rasterised on its own and smoothed (smooth.py); muscles (except thin
    # sheets), bones and context muscles occlude
    items = scene["items"]
    sm = smooth.Smoother(canvas, cfg["head"])
    stol = sm.prm["tol"]
    tri = {}
    for k, it in enumerate(items):
        exported = it.kind == "muscle" and name in MUSCLES[it.key][3] and not (shown and it.side != shown)
        sheet = it.kind == "muscle" and it.key in THIN_SHEETS
        outline = it.kind == "bone" and it.key in tables.OUTLINE_ONLY_BONES
        if sheet and not exported:
            continue
        T = raster.project(it.v, proj)[it.f]
        tri[k] = T
        sm.add(k, T, bone=it.kind == "bone", occludes=not (sheet or outline))
    vis_parts = sm.visible([k for k, it in enumerate(items) if it.kind == "muscle"])
    log(name, "smoothed", len(sm.items), "items", round(time.time() - t0, 1), "s")
    # ---- muscles
    muscles = []
    sheets = []
    for k, it in enumerate(items):
        if it.kind != "muscle":
            continue
        views = MUSCLES[it.key][3]
        if name not in views:
            continue
        if shown and it.side != shown:
            continue
        full = sm.full(k)
        if full is None:
            continue
        if it.key in THIN_SHEETS:
            T = tri[k]
            n = np.cross(T[:, 1] - T[:, 0], T[:, 2] - T[:, 0])
            # front-facing in picture coords (x right, y down, depth towards observer)
            front = n[:, 2] > 0
            vis = (sm.patch(T[front]) if front.any() else None) or Polygon()
        else:
            vis = vis_parts.get(k, Polygon())
        full = geom.clean(full.intersection(skin), stol, min_area, open_r * 0.5)
        full = smooth.drop_fragments(full, sm.prm["fragment"])
        if full.is_empty or full.area < 4 * min_area:
            continue
        vis = geom.clean(vis.intersection(full), stol, min_area, open_r * 0.5)
        vis = smooth.drop_fragments(vis, sm.prm["fragment"])
        vis = geom.round_geom(vis).intersection(geom.round_geom(full))
        vis = geom.clean(vis, stol * 0.3, min_area)
        layer = it.layer
        if it.key in THIN_SHEETS:
            sheets.append(len(muscles))
        muscles.append(dict(muscle=it.key, side=it.side, layer=layer, drawn=bool(it.drawn), visible=None,
                            full=geom.to_json_multipolygon(full, min_area), label=None, _full=full, _vis=vis))
    # visible parts do not overlap (simplification may have moved shared borders apart):
    # later entries give way to earlier ones; thin sheets are see-through: their visible part
    # excludes the other muscles' visible parts
    solid = [m for i, m in enumerate(muscles) if i not in sheets]

    def others(m, upto):
        """Union of the visible parts of solid[:upto] (but m) whose boxes meet m's full outline."""
        x0, y0, x1, y1 = m["_full"].bounds
        gs = [o["_vis"] for o in solid[:upto] if o is not m and not o["_vis"].is_empty and
              not (o["_vis"].bounds[0] > x1 + 1 or o["_vis"].bounds[2] < x0 - 1 or
                   o["_vis"].bounds[1] > y1 + 1 or o["_vis"].bounds[3] < y0 - 1)]
        return unary_union(gs) if gs else Polygon()

    # hairline slivers between a visible part and its own outline (not under another muscle's
    # visible part) join the visible part
    grown = [smooth.fill_slivers(m["_vis"], m["_full"].difference(others(m, len(solid)).buffer(0.08, quad_segs=2)),
                                 sm.prm["sigma"], min_area) for m in solid]
    for m, vis in zip(solid, grown):
        m["_vis"] = vis
    for i, m in enumerate(solid):
        vis = geom.round_geom(m["_vis"])
        before = others(m, i)
        if not before.is_empty and not vis.is_empty:
            vis = geom.round_geom(geom.clean(vis.difference(before.buffer(0.08, quad_segs=2)), 0.0,
                                             min_area, 0.05))
        m["_vis"] = vis
    taken = unary_union([m["_vis"] for m in solid])
    for i in sheets:
        m = muscles[i]
        m["_vis"] = geom.clean(geom.round_geom(m["_vis"]).difference(taken.buffer(0.08, quad_segs=2)),
                               stol * 0.3, min_area, open_r * 0.5)
    for m in muscles:
        m["visible"] = geom.to_json_multipolygon(m["_vis"], min_area)
        m["label"] = geom.label_point(m["_vis"], m["_full"], 40.0 if cfg["head"] else 150.0)
    log(name, "muscles", len(muscles), round(time.time() - t0, 1), "s")
    # ---- bones (union of sides per bone id)
    bones = []
    for bid, (bname, r, l, m, views) in BONES.items():
        if name not in views:
            continue
        gs = []
        for k, it in enumerate(items):
            if it.kind == "bone" and it.key == bid:
                if shown and it.side not in (shown, "midline"):
                    continue
                g = sm.full(k)
                if g is not None:
                    gs.append(g)
        if not gs:
            continue
        g = geom.clean(unary_union(gs).intersection(skin), stol, min_area * 2, open_r * 0.5)
        if not g.is_empty:
            bones.append(dict(id=bid, name=bname, polygons=geom.to_json_multipolygon(g)))
    log(name, "bones", round(time.time() - t0, 1), "s")
    # ---- trigger points
    fulls = {(m["muscle"], m["side"]): m["_full"] for m in muscles}
    tps = []
    for (mid, tid, side), p in sorted(scene["tps"].items()):
        if (mid, side) not in fulls:
            continue
        xy = raster.project(p[None, :], proj)[0, :2]
        if name not in tables.TP_VIEWS.get(mid, ()):
            continue
        fr = geom.round_geom(fulls[(mid, side)])
        xy = geom.snap_inside([float(xy[0]), float(xy[1])], fr, margin=0.8)
        if clip is not None and not clip.contains(__import__("shapely").geometry.Point(xy)):
            continue
        tps.append(dict(muscle=mid, id=tid, side=side, at=[round(xy[0], 1) + 0.0, round(xy[1], 1) + 0.0]))
    # ---- trigger points of the other muscles, from the spec file (if any)
    sk = geom.round_geom(skin)
    bounds = [round(b, 1) + 0.0 for b in sk.bounds]
    specs = tp_specs.load()
    if specs:
        shapes = [dict(muscle=m["muscle"], side=m["side"], full=m["full"]) for m in muscles]
        tps += tp_specs.marks(shapes, name, bounds, specs, core=tables.TP_VIEWS)
    # ---- regions
    regs = regions.build_regions(scene, name, cfg, canvas, skin, tol, min_area)
    log(name, "regions", len(regs), round(time.time() - t0, 1), "s")
    for m in muscles:
        del m["_full"], m["_vis"]
    muscles.sort(key=lambda m: (m["muscle"], m["side"]))
    bones.sort(key=lambda b: b["id"])
    tps.sort(key=lambda t: (t["muscle"], t["id"], t["side"]))
    regs.sort(key=lambda r: (r["region"], r["side"]))
    return {
        "format": "tpi-viewer-body-map",
        "format_version": 1,
        "view": name,
        "title": cfg["title"],
        "shows_side": cfg["shows_side"],
        "subject_right_on": cfg["right_on"],
        "bounds": bounds,
        "skin": geom.to_json_multipolygon(skin),
        "bones": bones,
        "muscles": muscles,
        "regions": regs,
        "trigger_points": tps,
    }


def dump(doc):
    """Deterministic JSON: one list entry per line."""
    lines = ["{"]
    keys = list(doc.keys())
    for i, k in enumerate(keys):
        v = doc[k]
        end = "," if i < len(keys) - 1 else ""
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines.append(f"  {json.dumps(k)}: [")
            for j, e in enumerate(v):
                lines.append("    " + json.dumps(e, separators=(",", ":"), ensure_ascii=False)
                             + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + end)
        else:
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'), ensure_ascii=False)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--views", default=",".join(VIEW_ORDER))
    ap.add_argument("--fetch-only", action="store_true")
    ap.add_argument("--no-fetch", action="store_true")
    ap.add_argument("--previews", default="", help="also write PNG previews into this folder")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    if not a.no_fetch:
        meshes.fetch(tables.all_fma_ids())
    if a.fetch_only:
        return
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    log("loading meshes")
    scene = build_scene()
    log("scene ready:", len(scene["items"]), "meshes")
    regions.write_vocabulary(out / "regions.json")
    for name in [v.strip() for v in a.views.split(",") if v.strip()]:
        doc = build_view(scene, name)
        (out / f"{name}.json").write_text(dump(doc), encoding="utf-8")
        from tools.body_maps import preview
        (out / "previews").mkdir(exist_ok=True)
        (out / "previews" / f"{name}.svg").write_text(preview.svg(doc), encoding="utf-8")
        if a.previews:
            Path(a.previews).mkdir(parents=True, exist_ok=True)
            preview.png(doc, Path(a.previews) / f"{name}.png")
            preview.png(doc, Path(a.previews) / f"{name}_regions.png", mode="regions")
        log("wrote", name, (out / f"{name}.json").stat().st_size // 1024, "KiB")
    from tools.body_maps import attribution
    attribution.write(out / "ATTRIBUTION.md")


if __name__ == "__main__":
    main()
