"""Merge reviewed records from data/staging/*.json into data/muscles.json.

A staged record replaces the anatomy-only entry of the same id (or is added). Records whose
views have no geometry yet, or whose trigger points are not marked in any of their views,
stay staged and are listed. New conditions are added. Run from the repository root:
    python -m tools.catalog.merge_staging data/staging/extended_muscles.json [...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "muscles.json"
MAPS = ROOT / "assets" / "body_maps"


def _maps() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in MAPS.glob("*.json") if p.stem != "regions"}


def ready(record: dict, maps: dict[str, dict]) -> str | None:
    """Why the record cannot be merged yet, or None when it can."""
    for view in record["views"]:
        if view not in maps or not any(m["muscle"] == record["id"] for m in maps[view]["muscles"]):
            return f"no geometry in view '{view}'"
    marked = {t["id"] for v in record["views"] for t in maps[v].get("trigger_points", []) if t["muscle"] == record["id"]}
    unmarked = [t["id"] for t in record.get("trigger_points", []) if t["id"] not in marked]
    return f"trigger points not marked: {', '.join(unmarked)}" if unmarked else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("staged", nargs="+", type=Path)
    args = parser.parse_args(argv)
    data = json.loads(DATA.read_text())
    maps = _maps()
    index = {m["id"]: i for i, m in enumerate(data["muscles"])}
    known_conditions = {c["id"] for c in data["conditions"]}
    merged, waiting = [], []
    new_conditions: dict[str, dict] = {}
    for path in args.staged:
        staged = json.loads(path.read_text())
        for c in staged.get("conditions", []):
            if c["id"] not in known_conditions:
                new_conditions.setdefault(c["id"], c)
        for record in staged["muscles"]:
            why = ready(record, maps)
            if why:
                waiting.append(f"{record['id']}: {why}")
                continue
            if record["id"] in index:
                data["muscles"][index[record["id"]]] = record
            else:
                index[record["id"]] = len(data["muscles"])
                data["muscles"].append(record)
            merged.append(record["id"])
    used = {c for m in data["muscles"] for c in m.get("conditions", [])}
    data["conditions"] += [c for cid, c in new_conditions.items() if cid in used]
    complete = [m for m in data["muscles"] if m.get("content", "complete") == "complete"]
    stubs = [m for m in data["muscles"] if m.get("content") == "anatomy_only"]
    data["muscles"] = complete + sorted(stubs, key=lambda m: m["id"])
    DATA.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"merged {len(merged)}: {', '.join(merged)}", file=sys.stderr)
    for line in waiting:
        print(f"still staged: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
