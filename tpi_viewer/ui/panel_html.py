"""HTML for the detail panel, built from the model (no Qt needed)."""

from __future__ import annotations

from html import escape

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import EVIDENCE_LABELS, Muscle, Statement, Zone

_MARKERS = {"uncertain": "uncertain", "low_authority": "low-authority source", "inference": "inferred"}
LATERALITY = {
    "ipsilateral": "same side",
    "contralateral": "opposite side",
    "bilateral": "both sides",
    "midline": "midline",
}
CSS = """
body { font-size: 11pt; }
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 12.5pt; margin-top: 14px; margin-bottom: 3px; color: #0b2f5e; }
.latin { font-style: italic; color: #444; }
.lay { color: #333; }
.mark { color: #8a4b00; font-size: 9pt; }
.cite { color: #0b5394; font-size: 9pt; }
.note { color: #555; font-size: 9.5pt; }
.kind { font-weight: bold; }
"""


def cites(muscle: Muscle, source_ids: tuple[str, ...]) -> str:
    nums = sorted(muscle.source_number(s) for s in source_ids)
    return f' <span class="cite">[{", ".join(str(n) for n in nums)}]</span>' if nums else ""


def marker(evidence: str) -> str:
    label = _MARKERS.get(evidence)
    return f' <span class="mark" title="{escape(EVIDENCE_LABELS[evidence])}">({label})</span>' if label else ""


def statement(muscle: Muscle, s: Statement) -> str:
    return f"{escape(s.text)}{marker(s.evidence)}{cites(muscle, s.sources)}"


def statement_list(muscle: Muscle, items: tuple[Statement, ...]) -> str:
    if not items:
        return '<p class="note">None recorded.</p>'
    return "<ul>" + "".join(f"<li>{statement(muscle, s)}</li>" for s in items) + "</ul>"


def _zone(catalog: Catalog, muscle: Muscle, zone: Zone) -> str:
    regions = ", ".join(escape(catalog.regions[r].name.lower()) if r in catalog.regions else r for r in zone.regions)
    side = LATERALITY[zone.laterality]
    return (
        f"{escape(zone.text)}{marker(zone.evidence)}{cites(muscle, zone.sources)}"
        f'<br><span class="note">Areas: {regions} ({side}). In plain words: {escape(zone.lay_text)}</span>'
    )


def _header(muscle: Muscle) -> list[str]:
    abbrev = f" ({escape(', '.join(muscle.abbreviations))})" if muscle.abbreviations else ""
    return [
        f"<style>{CSS}</style>",
        f"<h1>{escape(muscle.name)}{abbrev}</h1>",
        f'<div class="latin">{escape(muscle.latin)}</div>',
        f'<div class="lay">In plain words: {escape(muscle.lay_name)}</div>',
    ]


def _sources(catalog: Catalog, muscle: Muscle) -> list[str]:
    parts = ["<h2>Sources</h2><ol>"]
    for source in muscle.sources:
        low = ' <span class="mark">(low-authority)</span>' if source.authority == "low" else ""
        parts.append(f'<li><a href="{escape(source.url)}">{escape(source.title)}</a>{low}</li>')
    parts.append("</ol>")
    parts.append(f'<p class="note">Data version {escape(catalog.data_version)}, reviewed {escape(catalog.reviewed)}. '
                 "tpi-viewer is a reference, not a diagnostic tool.</p>")
    return parts


def anatomy_only_html(catalog: Catalog, muscle: Muscle) -> str:
    """The panel for an entry whose clinical content is not written yet."""
    parts = _header(muscle)
    parts.append('<p class="note">Shown for its anatomy only: the pain zones, trigger points and injection '
                 "notes of this muscle have not been written and reviewed yet, so none are shown.</p>")
    if muscle.fma:
        parts.append(f'<p class="note">FMA: {escape(", ".join(muscle.fma))}</p>')
    return "".join(parts + _sources(catalog, muscle))


def muscle_html(catalog: Catalog, muscle: Muscle, clinician: bool = True) -> str:
    """The whole side-panel page for one muscle."""
    if not muscle.complete or muscle.location is None or muscle.attachments is None or muscle.local_zone is None or muscle.position is None:
        return anatomy_only_html(catalog, muscle)
    parts = _header(muscle) + [
        "<h2>Where it is</h2>",
        f"<p>{statement(muscle, muscle.location)}</p>",
        f"<p><b>Attachments:</b> {statement(muscle, muscle.attachments)}</p>",
        "<h2>Local pain</h2>",
        f"<p>{_zone(catalog, muscle, muscle.local_zone)}</p>",
        "<h2>Referred pain</h2>",
    ]
    for zone in muscle.essential_zones:
        parts.append(f'<p><span class="kind">Essential:</span> {_zone(catalog, muscle, zone)}</p>')
    for zone in muscle.spillover_zones:
        parts.append(f'<p><span class="kind">Spillover:</span> {_zone(catalog, muscle, zone)}</p>')
    if muscle.spillover_note:
        parts.append(f'<p><span class="kind">Spillover:</span> <span class="note">{escape(muscle.spillover_note)}</span></p>')
    parts.append("<h2>Trigger points (typical sites)</h2><ul>")
    for tp in muscle.trigger_points:
        parts.append(f"<li><b>{escape(tp.name)}:</b> {escape(tp.description)}{cites(muscle, tp.sources)}</li>")
    parts.append("</ul>")
    parts.append("<h2>Symptoms</h2>" + statement_list(muscle, muscle.symptoms))
    conditions = [catalog.condition(c).name for c in muscle.conditions]
    parts.append("<h2>Related conditions</h2>")
    parts.append(f"<p>{escape(', '.join(conditions))}</p>" if conditions else '<p class="note">None recorded.</p>')
    parts.append("<h2>Rule out first (red flags)</h2>" + statement_list(muscle, muscle.red_flags))
    if clinician:
        parts.append("<h2>Injection safety</h2>" + statement_list(muscle, muscle.safety))
        parts.append(f"<h2>Usual patient position</h2><p>{statement(muscle, muscle.position)}</p>")
    if muscle.self_care:
        parts.append("<h2>Self-care</h2>" + statement_list(muscle, muscle.self_care))
    if clinician and muscle.clinician_notes:
        parts.append("<h2>Clinician notes</h2>" + statement_list(muscle, muscle.clinician_notes))
    parts.append(f'<h2>Evidence</h2><p class="note">Overall: {escape(EVIDENCE_LABELS[muscle.evidence])}. '
                 "Referral maps are clinical patterns, not laws; trigger point sites are drawing guides, not injection targets.</p>")
    parts += _sources(catalog, muscle)
    return "".join(parts)


def empty_html() -> str:
    """What the panel shows before anything is selected."""
    return (
        f"<style>{CSS}</style><h1>tpi-viewer</h1>"
        "<p>Click a muscle on the body or in the list to see its pain zones, trigger points, "
        "related conditions, injection safety notes and sources. Ctrl-click adds more muscles.</p>"
        '<p class="note">tpi-viewer is a reference for clinicians and students, not a diagnostic tool. '
        "The referral maps are typical patterns from the trigger point literature.</p>"
    )
