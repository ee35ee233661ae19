"""Re-place the spec'd trigger points of non-core muscles on built 2D maps (idempotent).

The build itself places them (see `tp_specs`); this re-applies tools/body_maps/trigger_point_specs.json
to the maps in assets/body_maps/ after the spec file changed, without a rebuild. Marks of core
muscles (placed from landmarks by the build) are left alone.
    python -m tools.body_maps.place_trigger_points
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tools.body_maps import tp_specs
from tools.body_maps.build import dump  # the build's own deterministic layout
from tools.body_maps.tables import TP_VIEWS

ROOT = Path(__file__).resolve().parents[2]
MAPS = ROOT / "assets" / "body_maps"
VIEWS = ("anterior", "posterior", "lateral_right", "lateral_left", "head_lateral", "head_posterior")


def main() -> int:
    specs = tp_specs.load()
    if not specs:
        print(f"no {tp_specs.SPECS.name}; nothing to place", file=sys.stderr)
        return 0
    placed = 0
    for view in VIEWS:
        path = MAPS / f"{view}.json"
        if not path.exists():
            continue
        doc = json.loads(path.read_text())
        keep = [t for t in doc.get("trigger_points", []) if t["muscle"] not in specs or t["muscle"] in TP_VIEWS]
        new = tp_specs.marks(doc["muscles"], view, doc["bounds"], specs, core=TP_VIEWS)
        placed += len(new)
        doc["trigger_points"] = sorted(keep + new, key=lambda t: (t["muscle"], t["id"], t["side"]))
        path.write_text(dump(doc), encoding="utf-8")
    print(f"placed {placed} trigger point marks", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
