"""Schema and semantic validation of the muscle catalogue against the body maps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema

from tpi_viewer.model.bodymap import BodyMap, RegionInfo
from tpi_viewer.model.errors import Problem, json_path
from tpi_viewer.model.matching import did_you_mean


def schema_problems(raw: Any, schema: dict[str, Any], file: str) -> list[Problem]:
    """Every JSON Schema violation, with its JSON path, in document order."""
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path])
    problems = [Problem(file, json_path(tuple(e.absolute_path)), _schema_message(e)) for e in errors]
    return list(dict.fromkeys(problems))  # a rule met in two branches of the schema is one problem


def _schema_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing (required)")
    return error.message


def semantic_problems(
    raw: dict[str, Any],
    file: str,
    regions: dict[str, RegionInfo],
    body_maps: dict[str, BodyMap],
) -> list[Problem]:
    """Cross-reference checks the schema cannot express."""
    out: list[Problem] = []

    def bad(where: tuple[object, ...], message: str) -> None:
        out.append(Problem(file, json_path(where), message))

    conditions = raw.get("conditions", [])
    condition_ids = [c["id"] for c in conditions]
    for cid, count in Counter(condition_ids).items():
        if count > 1:
            bad(("conditions", condition_ids.index(cid), "id"), f"duplicate condition id '{cid}'")

    muscles = raw.get("muscles", [])
    muscle_ids = [m["id"] for m in muscles]
    for mid, count in Counter(muscle_ids).items():
        if count > 1:
            bad(("muscles", len(muscle_ids) - 1 - muscle_ids[::-1].index(mid), "id"), f"duplicate muscle id '{mid}'")

    for i, m in enumerate(muscles):
        w: tuple[object, ...] = ("muscles", i)
        source_ids = [s["id"] for s in m["sources"]]
        for sid, count in Counter(source_ids).items():
            if count > 1:
                bad((*w, "sources"), f"duplicate source id '{sid}'")
        tp_ids = [t["id"] for t in m.get("trigger_points", [])]
        for tid, count in Counter(tp_ids).items():
            if count > 1:
                bad((*w, "trigger_points"), f"duplicate trigger point id '{tid}'")

        for where, item in _cited_items(m, w):
            for k, sid in enumerate(item.get("sources", [])):
                if sid not in source_ids:
                    bad((*where, "sources", k), f"unknown source '{sid}'{did_you_mean(sid, source_ids)}")

        for where, zone in _zones(m, w):
            for k, rid in enumerate(zone["regions"]):
                if rid not in regions:
                    bad((*where, "regions", k), f"unknown region '{rid}'{did_you_mean(rid, regions)}")
            for k, tid in enumerate(zone.get("trigger_points", [])):
                if tid not in tp_ids:
                    bad((*where, "trigger_points", k), f"unknown trigger point '{tid}'{did_you_mean(tid, tp_ids)}")

        referred = m.get("referred_zones")
        if referred is not None and not referred["spillover"] and "spillover_note" not in referred:
            bad((*w, "referred_zones"), "no spillover zone and no 'spillover_note' saying why")

        for k, cid in enumerate(m.get("conditions", [])):
            if cid not in condition_ids:
                bad((*w, "conditions", k), f"unknown condition '{cid}'{did_you_mean(cid, condition_ids)}")

        marked: set[str] = set()
        for k, view in enumerate(m["views"]):
            body_map = body_maps.get(view)
            if body_map is None:
                bad((*w, "views", k), f"no body map for view '{view}'")
                continue
            if not body_map.muscle_shapes(m["id"]):
                bad((*w, "views", k), f"view '{view}' has no geometry for muscle '{m['id']}'")
            marked |= {t.id for t in body_map.trigger_points if t.muscle == m["id"]}
        for k, tid in enumerate(tp_ids):
            if tid not in marked and all(v in body_maps for v in m["views"]):
                bad((*w, "trigger_points", k, "id"), f"trigger point '{tid}' is not marked in any of the muscle's views")

    known = set(muscle_ids)
    for view, body_map in sorted(body_maps.items()):
        for t in body_map.trigger_points:
            if t.muscle in known:
                m = muscles[muscle_ids.index(t.muscle)]
                if t.id not in {p["id"] for p in m.get("trigger_points", [])}:
                    out.append(Problem(f"{view}.json", "$.trigger_points", f"mark '{t.id}' of '{t.muscle}' is not a trigger point of that muscle in {Path(file).name}"))
        for g in body_map.regions:
            if g.region not in regions:
                out.append(Problem(f"{view}.json", "$.regions", f"region '{g.region}' is not in regions.json"))
    return out


def _cited_items(m: dict[str, Any], w: tuple[object, ...]) -> list[tuple[tuple[object, ...], dict[str, Any]]]:
    items: list[tuple[tuple[object, ...], dict[str, Any]]] = [((*w, k), m[k]) for k in ("attachments", "location", "position") if k in m]
    for key in ("symptoms", "red_flags", "safety", "self_care", "clinician_notes", "trigger_points"):
        items += [((*w, key, k), s) for k, s in enumerate(m.get(key, []))]
    items += _zones(m, w)
    return items


def _zones(m: dict[str, Any], w: tuple[object, ...]) -> list[tuple[tuple[object, ...], dict[str, Any]]]:
    zones: list[tuple[tuple[object, ...], dict[str, Any]]] = [((*w, "local_zone"), m["local_zone"])] if "local_zone" in m else []
    for kind in ("essential", "spillover"):
        zones += [((*w, "referred_zones", kind, k), z) for k, z in enumerate(m.get("referred_zones", {}).get(kind, []))]
    return zones
