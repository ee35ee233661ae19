"""Presentation mode: full screen for the patient, one selected muscle at a time, in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.export.figure import keep_captions_inside
from tpi_viewer.export.handout_cover import diagram_view
from tpi_viewer.model.queries import second_view_for_zones
from tpi_viewer.model.views import VIEW_PLACES
from tpi_viewer.export.handout_text import legend_kinds, muscle_text
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import SideChoice
from tpi_viewer.store import MuscleSet
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.presentation_parts import PatientLegend, patient_html, sets_html
from tpi_viewer.ui.state import ViewerState

__all__ = ["PatientLegend", "PresentationWindow", "choose_screen", "patient_html"]

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)
CLOSE_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_F11)


def choose_screen(screens: Sequence[QScreen], current: QScreen | None) -> QScreen | None:
    """The patient's screen: another screen when one is connected, else the current one."""
    others = [s for s in screens if s is not current]
    if len(screens) > 1 and others:
        return others[0]
    return current if current is not None else (screens[0] if screens else None)


class PresentationWindow(QWidget):
    """Full screen, large type: the selected muscles one by one; arrows step, Esc returns to the workbench.

    With the user's `sets`, a Sets button recalls one in two clicks; without muscles it opens on the list of sets.
    """

    shown_changed = Signal(str)
    closed = Signal()

    def __init__(self, catalog: Catalog, muscles: list[str], side: SideChoice, mirror: bool = False,
                 spillover: bool = True, points: float = 20.0, parent: QWidget | None = None,
                 sets: Sequence[MuscleSet] = ()) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        known = set(catalog.muscle_ids)
        # muscles since removed from the catalogue are skipped; a set left empty is not offered
        self.sets = [(s.name, [m for m in s.muscles if m in known]) for s in sets]
        self.sets = [(name, ids) for name, ids in self.sets if ids]
        if not muscles and not self.sets:
            raise ValueError("nothing to present: select one or more muscles")
        self.setWindowTitle("tpi-viewer: presentation")
        self.catalog = catalog
        self.muscles = list(dict.fromkeys(muscles))
        self.set_name: str | None = None  # the set being shown, if one was chosen here
        self.points = points
        self.index = 0
        first = self._view_for(self.muscles[0], side) if self.muscles else catalog.view_ids[0]
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
        self.text.anchorClicked.connect(self._on_link)
        base = self.text.document().defaultFont()
        base.setPointSizeF(points * 0.8)  # rich text falls back to the document font where CSS does not reach
        self.text.document().setDefaultFont(base)
        self.back_button = self._button("◀  Back", self.back)
        self.next_button = self._button("Next  ▶", self.forward)
        self.close_button = self._button("Close (Esc)", self.close)
        # a muscle whose pain is felt where its own view cannot show (rectus abdominis: the back)
        self.turn_button = self._button("", self.turn)
        self.turn_button.setToolTip("Turn the body to show where else the pain is felt (T)")
        self._views: list[str] = []
        self.sets_button: QPushButton | None = None
        if self.sets:
            self.sets_button = self._button("My sets", None)
            menu = QMenu(self.sets_button)
            menu.setFont(self.sets_button.font())
            for i, (name, ids) in enumerate(self.sets):
                action = menu.addAction(f"{name} ({len(ids)})")
                action.triggered.connect(lambda _=False, i=i: self.choose_set(i))
            self.sets_button.setMenu(menu)
            self.sets_button.setToolTip("Show one of your sets of muscles (S)")
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.position.font()
        font.setPointSizeF(points * 0.9)
        self.position.setFont(font)
        self.set_label = QLabel()  # the name of the set being shown
        self.set_label.setWordWrap(True)
        font.setPointSizeF(points * 0.75)
        self.set_label.setFont(font)
        for widget in (self.canvas, self.canvas.view, self.text, self.position, self.set_label):
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
        if slot is not None:
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
        bottom = QHBoxLayout()  # a row of its own: a long set name never squeezes the stepping buttons
        bottom.addWidget(self.set_label, 1)
        bottom.addWidget(self.turn_button)
        if self.sets_button is not None:
            bottom.addWidget(self.sets_button)
        bottom.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.text, 1)
        right.addLayout(nav)
        right.addLayout(bottom)
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
    def shown_muscle(self) -> str | None:
        """The muscle on the screen (None while the list of sets is shown)."""
        return self.muscles[self.index] if self.muscles else None

    def choose_set(self, index: int) -> None:
        """Present the muscles of the user's set number `index` (in the order of `sets`), from the first."""
        self.set_name, ids = self.sets[index]
        self.muscles = list(dict.fromkeys(ids))
        self.show_index(0)

    def show_sets(self) -> None:
        """The opening page when nothing was selected: the user's sets as large links, an empty body."""
        self.state.set_selection([])
        self.state.set_view(self.catalog.view_ids[0])
        self._views = []
        self._update_turn_button()
        self.canvas.refocus()
        self.text.setHtml(sets_html([name for name, _ in self.sets], self.points))
        self.legend.show_kinds(set())
        self.position.setText("")
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def show_index(self, index: int) -> None:
        """Show the muscle at `index` (clamped to the list)."""
        if not self.muscles:
            self.show_sets()
            return
        self.index = max(0, min(index, len(self.muscles) - 1))
        muscle_id = self.muscles[self.index]
        first = self._view_for(muscle_id, self.state.side)
        second = second_view_for_zones(self.catalog, self.catalog.muscle(muscle_id), first)
        self._views = [first] + ([second] if second else [])
        self.state.set_view(first)
        self.state.set_selection([muscle_id])
        self._update_turn_button()
        self.canvas.refocus()
        muscle = self.catalog.muscle(muscle_id)
        self.text.setHtml(patient_html(muscle_text(muscle), self.state.side, self.points))
        self.legend.show_kinds(legend_kinds([muscle]))
        self.position.setText(f"{self.index + 1} of {len(self.muscles)}")
        self.set_label.setText(f"Set: {self.set_name}" if self.set_name else "")
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.muscles) - 1)
        self.shown_changed.emit(muscle_id)

    def turn(self) -> None:
        """Show the muscle's other view (front/back), where the rest of its pain is felt."""
        if len(self._views) > 1:
            self.state.set_view(self._views[1] if self.state.view == self._views[0] else self._views[0])
            self.canvas.refocus()
            self._update_turn_button()

    def _update_turn_button(self) -> None:
        other = next((v for v in self._views if v != self.state.view), None)
        self.turn_button.setVisible(other is not None)
        if other is not None:
            self.turn_button.setText(f"Show {VIEW_PLACES[other]}")

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
        elif key == Qt.Key.Key_T:
            self.turn()
        elif key == Qt.Key.Key_S and self.sets_button is not None:
            self.sets_button.showMenu()
        else:
            super().keyPressEvent(event)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "set":
            self.choose_set(int(url.path()))

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.canvas.refocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
