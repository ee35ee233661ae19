"""View > Compare two muscles…: two pictures side by side in one view, their fields aligned row by row."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.compare import compare_views, hidden_areas
from tpi_viewer.model.types import SideChoice
from tpi_viewer.model.views import VIEW_NAMES
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.compare_html import compare_html
from tpi_viewer.ui.legend import Legend
from tpi_viewer.ui.state import ViewerState

SIDES = (("right", "Patient's right"), ("left", "Patient's left"), ("both", "Both sides"))
TEXT_POINTS = 12.5


def _bigger(widget: QWidget, points: float) -> None:
    font = widget.font()
    font.setPointSizeF(max(points, font.pointSizeF()))
    widget.setFont(font)


class MuscleChooser(QComboBox):
    """A muscle by name: pick from the list, or type part of a name ("scal", "glut") and choose."""

    chosen = Signal(object)  # the muscle id, or None

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        for m in sorted(catalog.muscles, key=lambda m: m.name.lower()):
            abbrev = f" ({', '.join(m.abbreviations)})" if m.abbreviations else ""
            self.addItem(m.name + abbrev, m.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "scal" finds all three scalenes
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        edit = self.lineEdit()
        assert edit is not None  # an editable combo box has one
        self.edit: QLineEdit = edit
        self.edit.setPlaceholderText("Choose a muscle… (type to search)")
        self.edit.editingFinished.connect(self._restore_text)
        self.currentIndexChanged.connect(lambda i: self.chosen.emit(self.itemData(i) if i >= 0 else None))
        _bigger(self, 13)

    @property
    def muscle_id(self) -> str | None:
        i = self.currentIndex()
        return str(self.itemData(i)) if i >= 0 else None

    def set_muscle(self, muscle_id: str | None) -> None:
        """Show this muscle (None: none chosen yet)."""
        self.setCurrentIndex(self.findData(muscle_id) if muscle_id is not None else -1)

    def _restore_text(self) -> None:
        # typed text that names no muscle goes back to the chosen one: the column never lies
        i = self.currentIndex()
        if self.edit.text() != (self.itemText(i) if i >= 0 else ""):
            self.setEditText(self.itemText(i) if i >= 0 else "")


class CompareColumn(QWidget):
    """One muscle: its chooser, its picture (a private state, so the workbench is untouched) and a caption."""

    changed = Signal()
    resized = Signal()

    def __init__(self, catalog: Catalog, side: SideChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.chooser = MuscleChooser(catalog)
        self.state = ViewerState(catalog.view_ids[0], side)
        self.state.set_show_labels(False)  # the chooser names the muscle; other names would crowd a small picture
        self.state.focus_selection = False  # the dialog frames both pictures alike (see CompareDialog.frame)
        self.canvas = BodyCanvas(catalog, self.state)
        self.canvas.legend.hide()  # one legend for both pictures
        self.canvas.setMinimumSize(260, 220)  # a laptop screen still fits both pictures and some text
        self.caption = QLabel()  # one line, elided to the column; the whole text in its tooltip
        self.caption_text = ""
        _bigger(self.caption, 11)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chooser)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        self.chooser.chosen.connect(self._on_chosen)
        self.state.selection_changed.connect(self._on_selection_changed)

    @property
    def muscle_id(self) -> str | None:
        return self.chooser.muscle_id

    def choose(self, muscle_id: str | None) -> None:
        self.chooser.set_muscle(muscle_id)

    def show_in(self, view: str) -> None:
        """Draw the chosen muscle in `view`, saying which view it is and what it cannot show."""
        self.state.set_view(view)
        self.state.set_selection([self.muscle_id] if self.muscle_id else [])
        text = f"{VIEW_NAMES[view]} view"
        if self.muscle_id is not None:
            hidden = hidden_areas(self.catalog, self.catalog.muscle(self.muscle_id), view)
            if hidden:
                text += ". Not visible in this view: " + ", ".join(h.lower() for h in hidden)
        self.caption_text = text + "."
        self.caption.setToolTip(self.caption_text)
        self._elide_caption()

    def _elide_caption(self) -> None:
        metrics = self.caption.fontMetrics()
        self.caption.setText(metrics.elidedText(self.caption_text, Qt.TextElideMode.ElideRight, max(60, self.width() - 4)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_caption()
        self.resized.emit()

    def _on_chosen(self, _muscle_id: object) -> None:
        self.changed.emit()

    def _on_selection_changed(self, ids: list[str]) -> None:
        # a click on another muscle in the picture chooses it for this column; one muscle per column
        wanted = [self.muscle_id] if self.muscle_id else []
        if ids != wanted:
            if ids and ids[-1] != self.muscle_id:
                self.choose(ids[-1])
            else:
                self.state.set_selection(wanted)


class CompareDialog(QDialog):
    """Two muscles side by side: pictures in one shared view when they have one, fields row by row."""

    def __init__(self, catalog: Catalog, selection: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare two muscles")
        self.catalog = catalog
        self.side_combo = QComboBox()
        for value, text in SIDES:
            self.side_combo.addItem(text, value)
        self.view_combo = QComboBox()
        self.view_combo.addItem("Best for both", None)
        for view in catalog.view_ids:
            self.view_combo.addItem(VIEW_NAMES[view], view)
        for combo in (self.side_combo, self.view_combo):
            _bigger(combo, 12)
        self.columns = (CompareColumn(catalog, "right"), CompareColumn(catalog, "right"))
        self.legend = Legend()
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        font = self.text.document().defaultFont()
        font.setPointSizeF(TEXT_POINTS)  # table cells take the document font, not the CSS of <body>
        self.text.document().setDefaultFont(font)
        self._build_layout()
        known = [m for m in selection if m in catalog.muscle_ids]
        for column, muscle_id in zip(self.columns, known[:2] + [None, None]):
            column.choose(muscle_id)
        # after a resize the picture keeps its old zoom; frame it again once the layout has settled
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setInterval(0)
        self._frame_timer.timeout.connect(self.frame)
        for column in self.columns:
            column.changed.connect(self.refresh)
            column.resized.connect(self._frame_timer.start)
            column.state.side_changed.connect(self._on_column_side_changed)
        self.side_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.view_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh()
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1400, 1000)
        self.resize(min(1400, int(room.width() * 0.95)), min(1000, int(room.height() * 0.92)))  # laptops too

    def _build_layout(self) -> None:
        controls = QWidget()
        side_layout = QVBoxLayout(controls)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for text, combo in (("Side", self.side_combo), ("View", self.view_combo)):
            heading = QLabel(text)
            _bigger(heading, 12)
            side_layout.addWidget(heading)
            side_layout.addWidget(combo)
            side_layout.addSpacing(10)
        hint = QLabel("Type in a box to search by name, or click a muscle in a picture to compare it.")
        hint.setWordWrap(True)
        side_layout.addWidget(hint)
        side_layout.addStretch(1)
        controls.setMinimumWidth(max(c.sizeHint().width() for c in (self.side_combo, self.view_combo)))
        top = QWidget()
        grid = QGridLayout(top)
        grid.setContentsMargins(0, 0, 0, 0)
        # the columns' widths follow the table's below (18% labels, 41% per muscle) so pictures sit over their text
        for col, (widget, stretch) in enumerate(((controls, 18), (self.columns[0], 41), (self.columns[1], 41))):
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(widget, 0, col)
            grid.setColumnStretch(col, stretch)
        grid.addWidget(self.legend, 1, 1, 1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.text)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 320])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.setSizeGripEnabled(True)

    @property
    def side(self) -> SideChoice:
        return self.side_combo.currentData()  # type: ignore[no-any-return]

    @property
    def chosen(self) -> tuple[str | None, str | None]:
        """The two muscles compared (None for a column without one yet)."""
        return self.columns[0].muscle_id, self.columns[1].muscle_id

    def choose(self, left: str | None, right: str | None) -> None:
        """Compare these two muscles."""
        self.columns[0].choose(left)
        self.columns[1].choose(right)

    def refresh(self) -> None:
        """Re-pick the shared view, redraw both pictures and rewrite the table."""
        muscles = [self.catalog.muscle(m) if m is not None else None for m in self.chosen]
        present = [m for m in muscles if m is not None]
        chosen_view = self.view_combo.currentData()
        if chosen_view is not None:
            views = (chosen_view, chosen_view)
        elif present:  # a lone muscle, in whichever column, picks the view for both
            views = compare_views(self.catalog, present[0], present[1] if len(present) > 1 else None, self.side)
        else:
            views = (self.catalog.view_ids[0],) * 2
        for column, view in zip(self.columns, views):
            column.state.set_side(self.side)
            column.show_in(view)
        self.frame()
        self.text.setHtml(compare_html(self.catalog, muscles[0], muscles[1], TEXT_POINTS))
        names = [self.catalog.muscle(m).name for m in self.chosen if m is not None]
        self.setWindowTitle("Compare: " + " and ".join(names) if names else "Compare two muscles")

    def frame(self) -> None:
        """Zoom both pictures to the same area when they share a view, so their patterns compare at one scale."""
        canvases = [c.canvas for c in self.columns]
        if canvases[0].state.view != canvases[1].state.view:
            for canvas in canvases:
                canvas.focus()
            return
        shown = [r for r in (c.focus_rect() for c in canvases) if r is not None]
        if not shown:
            for canvas in canvases:
                canvas.fit()
            return
        rect = shown[0].united(shown[-1])
        for canvas in canvases:
            canvas.vb.setRange(rect, padding=0.08)

    def text_shown(self) -> str:
        """The table as plain text (what a reader sees)."""
        return self.text.toPlainText()

    def _on_column_side_changed(self, side: str) -> None:
        # a click on the other side's muscle in one picture turns both pictures to that side
        index = self.side_combo.findData(side)
        if index >= 0 and index != self.side_combo.currentIndex():
            self.side_combo.setCurrentIndex(index)
