"""Presentation mode: full screen for the patient, one selected muscle at a time, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPixmap, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.export.figure import keep_captions_inside
from tpi_viewer.export.handout_cover import diagram_view
from tpi_viewer.export.handout_layout import swatch_image
from tpi_viewer.export.handout_text import (
    NO_PATIENT_TEXT,
    PATIENT_LEGEND,
    ZONE_LABELS,
    MuscleText,
    legend_kinds,
    muscle_text,
    side_title,
)
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import SideChoice
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.state import ViewerState

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)
CLOSE_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_F11)


def choose_screen(screens: Sequence[QScreen], current: QScreen | None) -> QScreen | None:
    """The patient's screen: another screen when one is connected, else the current one."""
    others = [s for s in screens if s is not current]
    if len(screens) > 1 and others:
        return others[0]
    return current if current is not None else (screens[0] if screens else None)


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


class PresentationWindow(QWidget):
    """Full screen, large type: the selected muscles one by one; arrows step, Esc returns to the workbench."""

    shown_changed = Signal(str)
    closed = Signal()

    def __init__(self, catalog: Catalog, muscles: list[str], side: SideChoice, mirror: bool = False,
                 spillover: bool = True, points: float = 20.0, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if not muscles:
            raise ValueError("nothing to present: select one or more muscles")
        self.setWindowTitle("tpi-viewer: presentation")
        self.catalog = catalog
        self.muscles = list(dict.fromkeys(muscles))
        self.points = points
        self.index = 0
        first = self._view_for(self.muscles[0], side)
        self.state = ViewerState(first, side)
        self.state.set_mirror(mirror)
        self.state.set_show_spillover(spillover)
        self.state.set_show_labels(False)  # only the muscle being explained is named
        self.canvas = BodyCanvas(catalog, self.state)
        self.canvas.legend.hide()  # the patient legend below replaces the clinical one
        self.canvas.view.setInteractive(False)  # a steady picture: no clicks, hovers or zooming
        self.canvas.vb.setMouseEnabled(x=False, y=False)
        # after the canvas has placed its labels (slots run in connection order): side captions never cut
        self.canvas.vb.sigRangeChanged.connect(lambda *_: keep_captions_inside(self.canvas))
        self.legend = PatientLegend(points)
        self.text = QTextBrowser()
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setOpenLinks(False)
        base = self.text.document().defaultFont()
        base.setPointSizeF(points * 0.8)  # rich text falls back to the document font where CSS does not reach
        self.text.document().setDefaultFont(base)
        self.back_button = self._button("◀  Back", self.back)
        self.next_button = self._button("Next  ▶", self.forward)
        self.close_button = self._button("Close (Esc)", self.close)
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.position.font()
        font.setPointSizeF(points * 0.9)
        self.position.setFont(font)
        for widget in (self.canvas, self.canvas.view, self.text, self.position):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys must reach this window, not scroll a child
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build_layout()
        self.setStyleSheet("PresentationWindow { background: white; }")
        self.setAutoFillBackground(True)
        self.show_index(0)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        font = button.font()
        font.setPointSizeF(self.points * 0.9)
        button.setFont(font)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addWidget(self.legend)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)
        nav.addSpacing(24)
        nav.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.text, 1)
        right.addLayout(nav)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 24, 16)
        outer.setSpacing(24)
        columns = (QWidget(), QWidget())
        for column, inner, stretch in zip(columns, (left, right), (11, 9)):
            inner.setContentsMargins(0, 0, 0, 0)
            column.setLayout(inner)
            # ignore size hints so the stretch factors alone share the screen between picture and words
            column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            outer.addWidget(column, stretch)

    def _view_for(self, muscle_id: str, side: SideChoice) -> str:
        """The muscle's own first view, as on the handout (the workbench view may show it small)."""
        return diagram_view(self.catalog, muscle_id, side) or self.catalog.view_ids[0]

    @property
    def shown_muscle(self) -> str:
        return self.muscles[self.index]

    def show_index(self, index: int) -> None:
        """Show the muscle at `index` (clamped to the list)."""
        self.index = max(0, min(index, len(self.muscles) - 1))
        muscle_id = self.shown_muscle
        self.state.set_view(self._view_for(muscle_id, self.state.side))
        self.state.set_selection([muscle_id])
        self.canvas.refocus()
        muscle = self.catalog.muscle(muscle_id)
        self.text.setHtml(patient_html(muscle_text(muscle), self.state.side, self.points))
        self.legend.show_kinds(legend_kinds([muscle]))
        self.position.setText(f"{self.index + 1} of {len(self.muscles)}")
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.muscles) - 1)
        self.shown_changed.emit(muscle_id)

    def forward(self) -> None:
        self.show_index(self.index + 1)

    def back(self) -> None:
        self.show_index(self.index - 1)

    def text_shown(self) -> str:
        """What the patient reads beside the picture (plain text)."""
        return self.text.toPlainText()

    def present(self, screen: QScreen | None) -> None:
        """Full screen on `screen` (see choose_screen), keyboard focus here for the arrow keys."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.forward()
        elif key in BACK_KEYS:
            self.back()
        elif key in CLOSE_KEYS:
            self.close()
        elif key == Qt.Key.Key_Home:
            self.show_index(0)
        elif key == Qt.Key.Key_End:
            self.show_index(len(self.muscles) - 1)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.canvas.refocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
