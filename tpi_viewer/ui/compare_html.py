"""The comparison table of two muscles as HTML (no Qt needed): fields row by row, shared things highlighted."""

from __future__ import annotations

from html import escape

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.compare import shared_areas, shared_conditions
from tpi_viewer.model.types import EVIDENCE_LABELS, Muscle, Zone

# the detail panel's renderers: the same citations, evidence markers and wording as the panel
from tpi_viewer.ui.panel_html import LATERALITY, cites, marker, statement, statement_list

SHARED = "#ffe27a"  # a marker-pen yellow: shared pain areas, conditions, area and depth
SHARED_ROW = "#fff6cc"
STRIPE = "#f4f6f9"
NOT_WRITTEN = '<span class="note">Anatomy only: not written yet.</span>'
CHOOSE = '<span class="note">Choose a muscle above to compare.</span>'

CLINICAL_ROWS = ("Where it is", "Attachments", "Trigger points (typical sites)", "Local pain", "Essential referred pain",
                 "Spillover referred pain", "Symptoms", "Related conditions", "Rule out first (red flags)",
                 "Injection safety", "Usual patient position")
ZONE_ROWS = ("Local pain", "Essential referred pain", "Spillover referred pain")


def _css(points: float) -> str:
    small = points * 0.85
    return (f"body {{ font-size: {points:.1f}pt; }} td {{ vertical-align: top; }}"
            f".label {{ font-weight: bold; color: #0b2f5e; }} .name {{ font-size: {points * 1.3:.1f}pt; font-weight: bold; }}"
            f".latin {{ font-style: italic; color: #444; }} .note {{ color: #555; font-size: {small:.1f}pt; }}"
            f".mark {{ color: #8a4b00; font-size: {small:.1f}pt; }} .cite {{ color: #0b5394; font-size: {small:.1f}pt; }}"
            f".same {{ color: #5c4700; font-size: {small:.1f}pt; font-weight: normal; }} ul {{ margin-left: 0px; }}")


def _mark(text: str, shared: bool) -> str:
    """Text, with a marker-pen background when both muscles share it."""
    return f'<span style="background-color: {SHARED}; font-weight: bold;">{text}</span>' if shared else text


def _region(catalog: Catalog, region: str, shared: set[str]) -> str:
    name = catalog.regions[region].name.lower() if region in catalog.regions else region
    return _mark(escape(name), region in shared)


def _zone(catalog: Catalog, muscle: Muscle, zone: Zone, shared: set[str]) -> str:
    regions = ", ".join(_region(catalog, r, shared) for r in zone.regions)
    return (f"<p>{escape(zone.text)}{marker(zone.evidence)}{cites(muscle, zone.sources)}"
            f'<br><span class="note">Areas:</span> {regions} <span class="note">({LATERALITY[zone.laterality]})</span></p>')


def _zones(catalog: Catalog, muscle: Muscle, zones: tuple[Zone, ...], shared: set[str], note: str | None = None) -> str:
    parts = [_zone(catalog, muscle, z, shared) for z in zones]
    if note:
        parts.append(f'<p class="note">{escape(note)}</p>')
    return "".join(parts) or '<p class="note">None recorded.</p>'


def _names(m: Muscle) -> str:
    abbrev = f" ({escape(', '.join(m.abbreviations))})" if m.abbreviations else ""
    return (f'<div class="name">{escape(m.name)}{abbrev}</div><div class="latin">{escape(m.latin)}</div>'
            f"<div>In plain words: {escape(m.lay_name)}</div>")


def _sources(m: Muscle) -> str:
    items = "".join(f'<li>{escape(s.title)}{" (low-authority)" if s.authority == "low" else ""}</li>' for s in m.sources)
    return f'<ol class="note">{items}</ol>'


def _cells(catalog: Catalog, m: Muscle, other: Muscle | None) -> list[tuple[str, str]]:
    """(row label, cell) for one muscle; `other` decides what is marked as shared."""
    areas = set(shared_areas(m, other)) if other is not None else set()
    conditions = set(shared_conditions(m, other)) if other is not None else set()
    same_area = other is not None and other.area == m.area
    same_depth = other is not None and other.depth == m.depth
    where = f"{_mark(escape(m.area.replace('_', ' ').capitalize()), same_area)}, {_mark(escape(m.depth), same_depth)}"
    cells = [("Names", _names(m)), ("Body area, depth", where)]
    written = m.complete and m.local_zone is not None
    if not written:
        cells += [(label, NOT_WRITTEN) for label in CLINICAL_ROWS]
    else:
        related = ", ".join(_mark(escape(catalog.condition(c).name), c in conditions) for c in m.conditions)
        tps = "".join(f"<li><b>{escape(t.name)}:</b> {escape(t.description)}{cites(m, t.sources)}</li>"
                      for t in m.trigger_points)
        cells += [
            ("Where it is", statement(m, m.location) if m.location else NOT_WRITTEN),
            ("Attachments", statement(m, m.attachments) if m.attachments else NOT_WRITTEN),
            ("Trigger points (typical sites)", f"<ul>{tps}</ul>" if tps else '<p class="note">None recorded.</p>'),
            ("Local pain", _zones(catalog, m, (m.local_zone,) if m.local_zone else (), areas)),
            ("Essential referred pain", _zones(catalog, m, m.essential_zones, areas)),
            ("Spillover referred pain", _zones(catalog, m, m.spillover_zones, areas, m.spillover_note)),
            ("Symptoms", statement_list(m, m.symptoms)),
            ("Related conditions", related or '<span class="note">None recorded.</span>'),
            ("Rule out first (red flags)", statement_list(m, m.red_flags)),
            ("Injection safety", statement_list(m, m.safety)),
            ("Usual patient position", statement(m, m.position) if m.position else NOT_WRITTEN),
        ]
    cells += [("Evidence", escape(EVIDENCE_LABELS[m.evidence].capitalize()) if written else NOT_WRITTEN),
              ("Sources", _sources(m))]
    return cells


def in_common_html(catalog: Catalog, a: Muscle, b: Muscle) -> str:
    """What both muscles share, in words: pain areas, conditions, body area and depth."""
    areas = [catalog.regions[r].name.lower() if r in catalog.regions else r for r in shared_areas(a, b)]
    conditions = [catalog.condition(c).name for c in shared_conditions(a, b)]
    lines = [f"<b>Pain felt in both:</b> {_mark(escape(', '.join(areas)), True)}" if areas
             else "<b>Pain felt in both:</b> no area in common.",
             f"<b>Both related to:</b> {_mark(escape(', '.join(conditions)), True)}" if conditions
             else "<b>Both related to:</b> no condition in common."]
    same = [w for w, ok in (("body area", a.area == b.area), ("depth", a.depth == b.depth)) if ok]
    if same:
        lines.append(f"<b>Same {' and '.join(same)}.</b>")
    return "<br>".join(lines)


def _label(label: str, a: Muscle | None, b: Muscle | None) -> tuple[str, bool]:
    """The row's label cell, and whether the row holds something both muscles share."""
    if a is None or b is None:
        return f'<span class="label">{escape(label)}</span>', False
    count = 0
    if label in ZONE_ROWS:
        zones = {"Local pain": "local", "Essential referred pain": "essential", "Spillover referred pain": "spillover"}
        kind = zones[label]
        shared = set(shared_areas(a, b))
        mine = {r for z in a.zones if z.kind == kind for r in z.regions}
        theirs = {r for z in b.zones if z.kind == kind for r in z.regions}
        count = len((mine | theirs) & shared)
        words = f"{count} area{'s' if count != 1 else ''} in both" if count else ""
    elif label == "Related conditions":
        count = len(shared_conditions(a, b))
        words = f"{count} in both" if count else ""
    elif label == "Body area, depth":
        count = (a.area == b.area) + (a.depth == b.depth)
        words = "same area and depth" if count == 2 else ("same area" if a.area == b.area else "same depth") if count else ""
    else:
        return f'<span class="label">{escape(label)}</span>', False
    note = f'<br><span class="same">{escape(words)}</span>' if words else ""
    return f'<span class="label">{escape(label)}</span>{note}', count > 0


def compare_html(catalog: Catalog, a: Muscle | None, b: Muscle | None, points: float = 12.5) -> str:
    """The two muscles' fields aligned row by row; rows with something shared are tinted, shared items marked."""
    left = _cells(catalog, a, b) if a is not None else None
    right = _cells(catalog, b, a) if b is not None else None
    labels = [label for label, _ in (left or right or [])]
    parts = [f"<style>{_css(points)}</style>",
             '<table width="100%" cellspacing="0" cellpadding="7">']
    if a is not None and b is not None:
        parts.append(f'<tr><td width="18%" bgcolor="{SHARED_ROW}"><span class="label">In common</span></td>'
                     f'<td colspan="2" bgcolor="{SHARED_ROW}">{in_common_html(catalog, a, b)}</td></tr>')
    for i, label in enumerate(labels):
        head, shared = _label(label, a, b)
        colour = SHARED_ROW if shared else (STRIPE if i % 2 else "#ffffff")
        cell_a = left[i][1] if left is not None else (CHOOSE if i == 0 else "")
        cell_b = right[i][1] if right is not None else (CHOOSE if i == 0 else "")
        parts.append(f'<tr><td width="18%" bgcolor="{colour}">{head}</td><td width="41%" bgcolor="{colour}">{cell_a}</td>'
                     f'<td width="41%" bgcolor="{colour}">{cell_b}</td></tr>')
    if not labels:
        parts.append(f"<tr><td>{CHOOSE}</td></tr>")
    parts.append("</table>")
    parts.append('<p class="note">Highlighted: what both muscles share. Referral maps are typical patterns, not laws; '
                 "trigger point sites are drawing guides, not injection targets.</p>")
    return "".join(parts)
