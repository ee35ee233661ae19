"""Add anatomy-only entries to data/muscles.json for mapped muscles that have none yet.

An anatomy-only entry carries names, FMA ids and the views it is drawn in (best first), and
no clinical claim; the content issue replaces it with a complete record. Run from the
repository root:  python -m tools.catalog.add_anatomy_entries [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tools.body_maps.tables import MUSCLES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "muscles.json"
MAPS = ROOT / "assets" / "body_maps"
VIEWS = ("anterior", "posterior", "lateral_right", "lateral_left", "head_lateral", "head_posterior")
HEAD_VIEWS = ("head_lateral", "head_posterior")

SOURCE = {
    "id": "bodyparts3d_fma",
    "title": "BodyParts3D 3.0 meshes with their FMA labels (DBCLS; STL set by K. M. Moerman)",
    "url": "https://github.com/Kevin-Mattheus-Moerman/BodyParts3D",
    "authority": "primary",
}

# id: (Latin name, plain-language name, area)
NAMES: dict[str, tuple[str, str, str]] = {
    "adductor_magnus": ("Musculus adductor magnus", "The large muscle on the inner side of your thigh", "thigh"),
    "biceps_brachii": ("Musculus biceps brachii", "The muscle at the front of your upper arm", "arm"),
    "brachialis": ("Musculus brachialis", "The muscle under the biceps that bends your elbow", "arm"),
    "digastric": ("Musculus digastricus", "The small two-part muscle under your jaw", "neck"),
    "extensor_digitorum_longus": ("Musculus extensor digitorum longus", "The muscle on the outer front of your shin that lifts your toes", "leg"),
    "fibularis_longus": ("Musculus fibularis longus (peroneus longus)", "The muscle on the outer side of your lower leg", "leg"),
    "flexor_carpi_radialis": ("Musculus flexor carpi radialis", "A muscle on the palm side of your forearm that bends the wrist", "arm"),
    "frontalis": ("Venter frontalis musculi occipitofrontalis", "The muscle of your forehead that raises the eyebrows", "head"),
    "gluteus_maximus": ("Musculus gluteus maximus", "The large muscle of your buttock", "hip"),
    "gracilis": ("Musculus gracilis", "The long thin muscle on the inner side of your thigh", "thigh"),
    "iliocostalis_thoracis": ("Musculus iliocostalis thoracis", "A long back muscle beside the spine at chest level", "upper_back"),
    "obturator_internus": ("Musculus obturator internus", "A deep hip muscle that turns your leg outward", "hip"),
    "occipitalis": ("Venter occipitalis musculi occipitofrontalis", "The thin muscle at the back of your head", "head"),
    "pectineus": ("Musculus pectineus", "A small muscle at the top of your inner thigh, in the groin", "thigh"),
    "platysma": ("Platysma", "The thin sheet of muscle under the skin of the front of your neck", "neck"),
    "popliteus": ("Musculus popliteus", "The small muscle at the back of your knee", "leg"),
    "pronator_teres": ("Musculus pronator teres", "The muscle below the inner elbow that turns your palm down", "arm"),
    "quadratus_femoris": ("Musculus quadratus femoris", "A deep square muscle low in the buttock that turns the leg outward", "hip"),
    "sartorius": ("Musculus sartorius", "The long strap muscle crossing the front of your thigh", "thigh"),
    "semispinalis_capitis": ("Musculus semispinalis capitis", "A deep muscle at the back of your neck that tilts the head back", "neck"),
    "serratus_posterior_superior": ("Musculus serratus posterior superior", "A thin muscle of the upper back, under the shoulder blade", "upper_back"),
    "spinalis_thoracis": ("Musculus spinalis thoracis", "A thin back muscle right beside the spine at chest level", "upper_back"),
    "supinator": ("Musculus supinator", "The small muscle below the outer elbow that turns your palm up", "arm"),
    "triceps_brachii": ("Musculus triceps brachii", "The muscle at the back of your upper arm", "arm"),
    "vastus_medialis": ("Musculus vastus medialis", "The thigh muscle just above and inside your kneecap", "thigh"),
    "zygomaticus_major": ("Musculus zygomaticus major", "The smiling muscle of your cheek", "head"),
}


def _area(ring: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _poly_area(multi: list) -> float:
    return sum(_area(p[0]) - sum(_area(h) for h in p[1:]) for p in multi)


def best_views(muscle_id: str, area: str, maps: dict[str, dict]) -> list[str]:
    """Views drawing the muscle, ordered by its share of the view (visible part counts most)."""
    scored = []
    for view, doc in maps.items():
        shapes = [m for m in doc["muscles"] if m["muscle"] == muscle_id]
        if not shapes or (view in HEAD_VIEWS and area not in ("head", "neck")):
            continue
        skin = _poly_area(doc["skin"])
        score = sum(_poly_area(s["visible"]) + 0.25 * _poly_area(s["full"]) for s in shapes) / skin
        if view == "lateral_left":
            score *= 0.98  # a mirror image of lateral_right: prefer the right side on ties
        scored.append((-score, VIEWS.index(view), view))
    return [v for _, _, v in sorted(scored)]


def synced_views(muscle: dict, maps: dict[str, dict]) -> list[str]:
    """The muscle's listed views that draw it, then every other view drawing it, best first."""
    drawn = [v for v, doc in maps.items() if any(s["muscle"] == muscle["id"] for s in doc["muscles"])]
    listed = [v for v in muscle.get("views", []) if v in drawn]
    ranked = [v for v in best_views(muscle["id"], "head" if muscle["area"] in ("head", "neck") else "body", maps)]
    rest = [v for v in ranked if v not in listed] + [v for v in drawn if v not in listed and v not in ranked]
    return listed + rest


def entry(muscle_id: str, maps: dict[str, dict]) -> dict:
    latin, lay, area = NAMES[muscle_id]
    right, left, layer, _views, name = MUSCLES[muscle_id]
    return {
        "id": muscle_id, "name": name, "latin": latin, "lay_name": lay, "area": area,
        "depth": "deep" if layer == "deep" else "superficial", "content": "anatomy_only",
        "views": best_views(muscle_id, area, maps), "fma": sorted(right + left), "sources": [dict(SOURCE)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report which entries are missing")
    parser.add_argument("--sync-views", action="store_true",
                        help="also make every entry's views the views drawing it (its listed order first)")
    args = parser.parse_args(argv)
    maps = {v: json.loads((MAPS / f"{v}.json").read_text()) for v in VIEWS if (MAPS / f"{v}.json").exists()}
    data = json.loads(DATA.read_text())
    if args.sync_views:
        for m in data["muscles"]:
            m["views"] = synced_views(m, maps)
    have = {m["id"] for m in data["muscles"]}
    drawn = {m["muscle"] for doc in maps.values() for m in doc["muscles"]}
    missing = sorted(drawn - have)
    unnamed = [m for m in missing if m not in NAMES]
    if unnamed:
        print(f"no names in NAMES for: {', '.join(unnamed)}", file=sys.stderr)
    todo = [m for m in missing if m in NAMES]
    if args.check:
        print("\n".join(missing))
        return 1 if missing else 0
    data["muscles"] += [entry(m, maps) for m in todo]
    DATA.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"added {len(todo)} anatomy-only entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
