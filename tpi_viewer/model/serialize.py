"""Plain-JSON shapes of model objects for the CLI's --json output."""

from __future__ import annotations

from typing import Any

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import Muscle, Statement, Zone


def statement_dict(s: Statement | None) -> dict[str, Any] | None:
    if s is None:
        return None
    out: dict[str, Any] = {"text": s.text, "evidence": s.evidence, "sources": list(s.sources)}
    if s.lay_text:
        out["lay_text"] = s.lay_text
    return out


def zone_dict(z: Zone | None) -> dict[str, Any] | None:
    if z is None:
        return None
    return {
        "kind": z.kind,
        "regions": list(z.regions),
        "laterality": z.laterality,
        "text": z.text,
        "lay_text": z.lay_text,
        "evidence": z.evidence,
        "doubtful": z.doubtful,
        "trigger_points": list(z.trigger_points),
        "sources": list(z.sources),
    }


def muscle_summary(m: Muscle) -> dict[str, Any]:
    return {"id": m.id, "name": m.name, "latin": m.latin, "lay_name": m.lay_name, "area": m.area, "views": list(m.views)}


def muscle_dict(catalog: Catalog, m: Muscle) -> dict[str, Any]:
    return {
        **muscle_summary(m),
        "content": "complete" if m.complete else "anatomy_only",
        "abbreviations": list(m.abbreviations),
        "depth": m.depth,
        "location": statement_dict(m.location),
        "attachments": statement_dict(m.attachments),
        "local_zone": zone_dict(m.local_zone),
        "referred_zones": {
            "essential": [zone_dict(z) for z in m.essential_zones],
            "spillover": [zone_dict(z) for z in m.spillover_zones],
            "spillover_note": m.spillover_note,
        },
        "trigger_points": [{"id": t.id, "name": t.name, "description": t.description, "sources": list(t.sources)} for t in m.trigger_points],
        "symptoms": [statement_dict(s) for s in m.symptoms],
        "conditions": [{"id": c, "name": catalog.condition(c).name} for c in m.conditions],
        "red_flags": [statement_dict(s) for s in m.red_flags],
        "safety": [statement_dict(s) for s in m.safety],
        "position": statement_dict(m.position),
        "self_care": [statement_dict(s) for s in m.self_care],
        "clinician_notes": [statement_dict(s) for s in m.clinician_notes],
        "evidence": m.evidence,
        "sources": [{"id": s.id, "number": i, "title": s.title, "url": s.url, "authority": s.authority} for i, s in enumerate(m.sources, start=1)],
        "fma": list(m.fma),
    }
