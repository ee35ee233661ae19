"""Presentation mode's parts: the patient's text in large plain words, and the legend in patient words."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from tpi_viewer.export.handout_layout import swatch_image
from tpi_viewer.export.handout_text import (
    NO_PATIENT_TEXT,
    PATIENT_LEGEND,
    ZONE_LABELS,
    MuscleText,
    side_title,
)
from tpi_viewer.model.types import SideChoice


def patient_html(m: MuscleText, side: SideChoice, points: float) -> str:
    """One muscle for the patient: lay name first, then the common name, the side and the zones in plain words."""
    body = points * 0.8
    css = (f"body, p, li {{ font-size: {body:.0f}pt; color: #1a1a1a; }}"
           f".lay {{ font-size: {points * 1.3:.0f}pt; font-weight: bold; color: #0b2f5e; }}"
           f".name {{ font-size: {points * 1.15:.0f}pt; }} .side {{ font-size: {points * 1.15:.0f}pt; font-weight: bold; }}"
           f".h {{ font-size: {points:.0f}pt; font-weight: bold; margin-top: {points * 0.9:.0f}px; margin-bottom: 0px; color: #0b2f5e; }}"
           f"li {{ margin-bottom: {points * 0.3:.0f}px; }}")
    lay = m.lay_name[:1].upper() + m.lay_name[1:]
    parts = [f"<style>{css}</style>", f'<div class="lay">{escape(lay)}</div>',
             f'<p class="name">{escape(m.name)}: <span class="side">{escape(side_title(side).lower())}</span></p>']
    if m.anatomy_only or not m.zones:
        parts.append(f"<p>{escape(NO_PATIENT_TEXT)}</p>")
    for kind in ("local", "essential", "spillover"):
        lines = [x.text for x in m.zones if x.label == ZONE_LABELS[kind]]
        if lines:
            parts.append(f'<p class="h">{escape(ZONE_LABELS[kind])}</p><ul>' + "".join(f"<li>{escape(t)}</li>" for t in lines) + "</ul>")
    if m.self_care:
        parts.append('<p class="h">What helps</p><ul>' + "".join(f"<li>{escape(x.text)}</li>" for x in m.self_care) + "</ul>")
    return "".join(parts)


class PatientLegend(QWidget):
    """The styles the picture uses, in patient words, with swatches drawn like the canvas draws them."""

    def __init__(self, points: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(12, 6, 12, 6)
        self.grid.setHorizontalSpacing(10)
        self.entries: dict[str, tuple[QLabel, QLabel]] = {}
        h = round(points * 1.5)
        for kind, text in PATIENT_LEGEND:
            icon = QLabel()
            icon.setPixmap(QPixmap.fromImage(swatch_image(kind, round(h * 1.7), h, self.devicePixelRatioF())))
            label = QLabel(text)
            font = label.font()
            font.setPointSizeF(points * 0.8)
            label.setFont(font)
            self.entries[kind] = (icon, label)

    def show_kinds(self, kinds: set[str]) -> None:
        """Lay out only the entries the current picture needs, two to a row."""
        for icon, label in self.entries.values():
            self.grid.removeWidget(icon)
            self.grid.removeWidget(label)
            icon.hide()
            label.hide()
        shown = [kind for kind, _ in PATIENT_LEGEND if kind in kinds]
        for i, kind in enumerate(shown):
            icon, label = self.entries[kind]
            self.grid.addWidget(icon, i // 2, (i % 2) * 2)
            self.grid.addWidget(label, i // 2, (i % 2) * 2 + 1)
            icon.show()
            label.show()
        self.grid.setColumnStretch(3, 1)


def sets_html(names: list[str], points: float) -> str:
    """The page shown before a set is chosen: each set a large link (`set:<index>`)."""
    css = (f"p {{ font-size: {points * 0.8:.0f}pt; color: #1a1a1a; }} a {{ color: #0b2f5e; }}"
           f".h {{ font-size: {points * 1.3:.0f}pt; font-weight: bold; color: #0b2f5e; }}"
           f".set {{ font-size: {points:.0f}pt; font-weight: bold; margin-top: {points * 0.6:.0f}px; }}")
    links = "".join(f'<p class="set"><a href="set:{i}">{escape(name)}</a></p>' for i, name in enumerate(names))
    return (f"<style>{css}</style><div class=\"h\">Choose what to show</div>"
            f"<p>Your sets of muscles (the My sets button below lists them too):</p>{links}")
