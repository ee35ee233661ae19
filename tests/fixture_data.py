"""A tiny synthetic catalogue (two muscles, one view) for tests of mechanisms, not content."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

SRC = [{"id": "src_a", "title": "Source A", "url": "https://example.org/a", "authority": "primary"}]


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[list[list[float]]]:
    return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]]


def _statement(text: str) -> dict[str, Any]:
    return {"text": text, "sources": ["src_a"]}


def _zone(regions: list[str], laterality: str = "ipsilateral") -> dict[str, Any]:
    return {"regions": regions, "laterality": laterality, "text": "Clinician text.", "lay_text": "Plain text.",
            "evidence": "established", "sources": ["src_a"]}


def muscle(mid: str, name: str, local: str, essential: list[str], spill: list[str], depth: str = "superficial") -> dict[str, Any]:
    return {
        "id": mid, "name": name, "latin": f"Musculus {mid}", "lay_name": f"the {mid} muscle", "area": "neck",
        "depth": depth, "views": ["anterior"], "attachments": _statement("From here to there."),
        "location": _statement("In the test body."),
        "trigger_points": [{"id": "tp1", "name": "Central", "description": "Middle of the belly.", "sources": ["src_a"]}],
        "local_zone": _zone([local]),
        "referred_zones": {"essential": [_zone(essential)], "spillover": [_zone(spill)] if spill else [],
                           **({} if spill else {"spillover_note": "Not separated in the sources."})},
        "symptoms": [_statement("Aches.")], "conditions": ["neck_pain"], "red_flags": [],
        "safety": [_statement("Mind the vessels.")], "position": _statement("Lying down."),
        "evidence": "established", "sources": copy.deepcopy(SRC),
    }


MUSCLES: dict[str, Any] = {
    "schema_version": 1, "data_version": "test", "reviewed": "2026-01-01",
    "conditions": [{"id": "neck_pain", "name": "Neck pain", "lay_name": "sore neck"}],
    "muscles": [
        muscle("alpha", "Alpha", "upper", ["lower"], ["middle"]),
        muscle("beta", "Beta", "middle", ["upper"], [], depth="deep"),
        {"id": "gamma", "name": "Gamma", "latin": "Musculus gamma", "lay_name": "the gamma muscle", "area": "leg",
         "depth": "superficial", "views": ["anterior"], "content": "anatomy_only", "fma": ["FMA1"],
         "sources": copy.deepcopy(SRC)},
    ],
}

REGIONS: dict[str, Any] = {"format": "tpi-viewer-regions", "format_version": 1, "regions": [
    {"id": "upper", "name": "Upper part", "area": "trunk", "synonyms": ["top"], "deep": False, "bilateral": True},
    {"id": "middle", "name": "Middle part", "area": "trunk", "synonyms": [], "deep": False, "bilateral": True},
    {"id": "lower", "name": "Lower part", "area": "trunk", "synonyms": [], "deep": False, "bilateral": True},
]}


def body_map() -> dict[str, Any]:
    """A 200 x 300 mm body; subject's right on the picture's left (x < 100)."""
    regions, muscles, marks = [], [], []
    for side, (x0, x1) in (("right", (0, 100)), ("left", (100, 200))):
        for rid, (y0, y1) in (("upper", (0, 100)), ("middle", (100, 200)), ("lower", (200, 300))):
            regions.append({"region": rid, "side": side, "polygons": [_rect(x0, y0, x1, y1)], "label": [(x0 + x1) / 2, (y0 + y1) / 2]})
        cx = (x0 + x1) / 2
        muscles.append({"muscle": "alpha", "side": side, "layer": "superficial", "drawn": False,
                        "visible": [_rect(cx - 30, 20, cx + 30, 80)], "full": [_rect(cx - 30, 20, cx + 30, 80)], "label": [cx, 50]})
        muscles.append({"muscle": "beta", "side": side, "layer": "deep", "drawn": False,
                        "visible": [], "full": [_rect(cx - 30, 120, cx + 30, 180)], "label": [cx, 150]})
        muscles.append({"muscle": "context_muscle", "side": side, "layer": "superficial", "drawn": False,
                        "visible": [_rect(cx - 40, 230, cx + 40, 270)], "full": [_rect(cx - 40, 230, cx + 40, 270)], "label": [cx, 250]})
        muscles.append({"muscle": "gamma", "side": side, "layer": "superficial", "drawn": False,
                        "visible": [_rect(cx - 20, 280, cx + 20, 295)], "full": [_rect(cx - 20, 280, cx + 20, 295)], "label": [cx, 287]})
        marks += [{"muscle": "alpha", "id": "tp1", "side": side, "at": [cx + 15, 35]},
                  {"muscle": "beta", "id": "tp1", "side": side, "at": [cx + 15, 135]}]
    return {"format": "tpi-viewer-body-map", "format_version": 1, "view": "anterior", "title": "Front",
            "shows_side": None, "subject_right_on": "left", "bounds": [0, 0, 200, 300],
            "skin": [_rect(0, 0, 200, 300)], "bones": [], "muscles": muscles, "regions": regions, "trigger_points": marks}


GUIDE: dict[str, Any] = {"guide_version": 1, "sources": copy.deepcopy(SRC), "pages": [
    {"id": "patient_what_is_tpi", "audience": "patient", "title": "What is a trigger point injection?",
     "sections": [{"heading": "In short", "items": [{"text": "A thin needle is placed in the sore spot.", "sources": ["src_a"]}]}]},
    {"id": "clinician_contraindications", "audience": "clinician", "title": "Contraindications",
     "sections": [{"heading": "Debated", "items": [{"text": "Recent aspirin use.", "debated": True, "evidence": "uncertain",
                                                      "sources": ["src_a"]}]}]},
]}


def write(root: Path, muscles: dict[str, Any] | None = None) -> Path:
    """Write data/ and assets/body_maps/ under `root` (usable as TPI_VIEWER_RESOURCES)."""
    schema = Path(__file__).resolve().parents[1] / "data" / "muscles.schema.json"
    (root / "data").mkdir(parents=True, exist_ok=True)
    maps = root / "assets" / "body_maps"
    maps.mkdir(parents=True, exist_ok=True)
    (root / "data" / "muscles.schema.json").write_text(schema.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "data" / "muscles.json").write_text(json.dumps(muscles or MUSCLES, indent=1), encoding="utf-8")
    (root / "data" / "guide.json").write_text(json.dumps(GUIDE), encoding="utf-8")
    guide_schema = schema.with_name("guide.schema.json")
    (root / "data" / "guide.schema.json").write_text(guide_schema.read_text(encoding="utf-8"), encoding="utf-8")
    (maps / "regions.json").write_text(json.dumps(REGIONS), encoding="utf-8")
    (maps / "anterior.json").write_text(json.dumps(body_map()), encoding="utf-8")
    return root
