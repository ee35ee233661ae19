"""Sanity checks of the generated files: python -m tools.body_maps.check [--dir DIR] [view ...]"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import Polygon, Point
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "body_maps"


def mp(m):
    ps = [Polygon(p[0], p[1:]) for p in m]
    return ps


THIN_SHEETS = {"platysma", "frontalis", "occipitalis"}   # see-through: may lie over other muscles


def check(view, out=OUT):
    doc = json.loads((out / f"{view}.json").read_text())
    regs = {r["id"] for r in json.loads((out / "regions.json").read_text())["regions"]}
    errs = []
    skin = unary_union(mp(doc["skin"]))
    sk = skin.buffer(0.3)
    for kind in ("bones", "muscles", "regions"):
        for e in doc[kind]:
            keys = ["polygons"] if kind != "muscles" else ["visible", "full"]
            for k in keys:
                for p in mp(e[k]):
                    if not p.is_valid:
                        errs.append(f"{kind} {e.get('id') or e.get('muscle') or e.get('region')} {e.get('side')} {k}: invalid")
                    if not sk.contains(p):
                        errs.append(f"{kind} {e.get('id') or e.get('muscle') or e.get('region')} {e.get('side')} {k}: outside skin by {p.difference(sk).area:.1f} mm2")
    for m in doc["muscles"]:
        full = unary_union(mp(m["full"]))
        vis = unary_union(mp(m["visible"])) if m["visible"] else Polygon()
        if vis.difference(full.buffer(0.2)).area > 1:
            errs.append(f"muscle {m['muscle']} {m['side']}: visible not inside full")
        if m["label"] and not full.buffer(0.2).contains(Point(m["label"])):
            errs.append(f"muscle {m['muscle']} {m['side']}: label outside")
    vis = [(m["muscle"], m["side"], unary_union(mp(m["visible"]))) for m in doc["muscles"]
           if m["visible"] and m["muscle"] not in THIN_SHEETS]
    for i in range(len(vis)):
        for j in range(i + 1, len(vis)):
            if vis[i][2].intersects(vis[j][2]):
                a = vis[i][2].intersection(vis[j][2]).area
                if a > 0.5:
                    errs.append(f"visible {vis[i][:2]} and {vis[j][:2]} overlap {a:.1f} mm2")
    fulls = {(m["muscle"], m["side"]): unary_union(mp(m["full"])) for m in doc["muscles"]}
    for t in doc["trigger_points"]:
        f = fulls.get((t["muscle"], t["side"]))
        if f is None or not f.buffer(0.2).contains(Point(t["at"])):
            errs.append(f"tp {t['muscle']} {t['id']} {t['side']}: outside the muscle")
    rg = [(r["region"], r["side"], unary_union(mp(r["polygons"]))) for r in doc["regions"]]
    for r, s, g in rg:
        if r not in regs:
            errs.append(f"region {r}: not in regions.json")
    for i in range(len(rg)):
        for j in range(i + 1, len(rg)):
            a = rg[i][2].intersection(rg[j][2]).area
            if a > 0.5:
                errs.append(f"regions {rg[i][:2]} and {rg[j][:2]} overlap {a:.1f} mm2")
    cover = unary_union([g for _, _, g in rg]).area / skin.area
    print(f"{view}: {len(doc['muscles'])} muscles, {len(doc['bones'])} bones, {len(doc['regions'])} regions, "
          f"{len(doc['trigger_points'])} trigger points, regions cover {cover:.1%} of the skin, {len(errs)} problems")
    for e in errs[:40]:
        print("  ", e)
    return errs


if __name__ == "__main__":
    args = sys.argv[1:]
    out = OUT
    if args[:1] == ["--dir"]:
        out, args = Path(args[1]), args[2:]
    views = args or [p.stem for p in sorted(out.glob("*.json")) if p.stem != "regions"]
    bad = sum(len(check(v, out)) for v in views)
    sys.exit(1 if bad else 0)
