"""Where does it hurt: mark areas (on the body or by name) and see the muscles that explain them."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.lookup import RegionNotFound, rank, region_names, resolve_region
from tpi_viewer.ui.state import ViewerState

_SIDES = (("Both sides", None), ("Patient's right", "right"), ("Patient's left", "left"))


class LookupPanel(QWidget):
    """The pain drawing's areas, a way to add them by name, and the ranked candidate muscles."""

    def __init__(self, catalog: Catalog, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        intro = QLabel("Mark where it hurts: click or drag over the body (any view), or type an area. "
                       "The muscles whose referred pain explains it are listed below.")
        intro.setWordWrap(True)
        self.paint_button = QPushButton("Paint")
        self.erase_button = QPushButton("Erase")
        self.clear_button = QPushButton("Clear")
        group = QButtonGroup(self)
        for button in (self.paint_button, self.erase_button):
            button.setCheckable(True)
            group.addButton(button)
        self.paint_button.setChecked(True)
        tools = QHBoxLayout()
        for button in (self.paint_button, self.erase_button, self.clear_button):
            tools.addWidget(button)
        self.area_edit = QLineEdit()
        self.area_edit.setPlaceholderText("Type an area, e.g. temple, behind the ear, buttock")
        names = sorted({n for n in region_names(catalog)})
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.area_edit.setCompleter(completer)
        self.side_combo = QComboBox()
        for text, value in _SIDES:
            self.side_combo.addItem(text, value)
        add_row = QHBoxLayout()
        add_row.addWidget(self.area_edit, 1)
        add_row.addWidget(self.side_combo)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.areas = QListWidget()
        self.areas.setMaximumHeight(120)
        self.areas.setToolTip("Double-click an area to remove it")
        self.candidates = QListWidget()
        self.candidates.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(intro)
        layout.addLayout(tools)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        layout.addWidget(QLabel("<b>Marked areas</b>"))
        layout.addWidget(self.areas)
        layout.addWidget(QLabel("<b>Muscles that may explain it</b> (best first)"))
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.details)
        self.paint_button.toggled.connect(self._on_tool_changed)
        self.clear_button.clicked.connect(lambda: self.state.set_drawing([]))
        self.area_edit.returnPressed.connect(self.add_typed_area)
        self.areas.itemDoubleClicked.connect(self._on_area_double_clicked)
        self.candidates.itemClicked.connect(self._on_candidate_clicked)
        state.drawing_changed.connect(self._on_drawing_changed)
        self._on_drawing_changed(state.drawing)

    @property
    def active_tool(self) -> str:
        return "paint" if self.paint_button.isChecked() else "erase"

    def candidate_ids(self) -> list[str]:
        return [self.candidates.item(i).data(Qt.ItemDataRole.UserRole)[0] for i in range(self.candidates.count())]

    def add_typed_area(self) -> None:
        """Resolve the typed phrase to a region; refuse with suggestions when unsure."""
        phrase = self.area_edit.text().strip()
        if not phrase:
            return
        try:
            region = resolve_region(self.catalog, phrase)
        except RegionNotFound as exc:
            self.message.setText(str(exc).capitalize())
            return
        self.message.clear()
        self.area_edit.clear()
        self.state.mark(region, self.side_combo.currentData())

    def _on_tool_changed(self, paint: bool) -> None:
        if self.state.drawing_mode != "off":
            self.state.set_drawing_mode("paint" if paint else "erase")

    def _on_area_double_clicked(self, item: QListWidgetItem) -> None:
        region, side = item.data(Qt.ItemDataRole.UserRole)
        self.state.unmark(region, side)

    def _on_drawing_changed(self, areas: list[tuple[str, str | None]]) -> None:
        self.areas.clear()
        for region, side in areas:
            name = self.catalog.regions[region].name if region in self.catalog.regions else region
            item = QListWidgetItem(f"{name} ({'both sides' if side is None else side})")
            item.setData(Qt.ItemDataRole.UserRole, (region, side))
            self.areas.addItem(item)
        self.candidates.clear()
        self.details.clear()
        if not areas:
            return
        for i, c in enumerate(rank(self.catalog, areas), start=1):
            where = f", {c.side} side" if c.side else ""
            item = QListWidgetItem(f"{i}. {c.muscle.name}{where}\n   {'; '.join(c.reasons)}")
            item.setData(Qt.ItemDataRole.UserRole, (c.muscle.id, c.side))
            if c.muscle.red_flags:
                item.setToolTip("Rule out first: " + " ".join(s.text for s in c.muscle.red_flags))
            self.candidates.addItem(item)
        if not self.candidates.count():
            self.candidates.addItem(QListWidgetItem("No muscle in the catalogue refers pain to these areas."))

    def _on_candidate_clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        muscle_id, side = data
        if side is not None:
            self.state.set_side(side)
        self.state.set_selection([muscle_id])
        muscle = self.catalog.muscle(muscle_id)
        flags = "".join(f"<li>{escape(s.text)}</li>" for s in muscle.red_flags) or "<li>None recorded.</li>"
        self.details.setText(f"<b>{escape(muscle.name)}: rule out first</b><ul>{flags}</ul>"
                             "<i>A reasoning aid, not a diagnosis.</i>")
