"""The searchable muscle list; Ctrl-click adds to the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.queries import search_muscles
from tpi_viewer.ui.state import ViewerState


class MuscleList(QWidget):
    """Filter box over the catalogue's muscles; mirrors the selection."""

    def __init__(self, catalog: Catalog, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search muscles (name, Latin, plain words, SCM, QL…)")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(230)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._favourites: set[str] = set()
        self.search.textChanged.connect(self._on_search_changed)
        self.list.itemClicked.connect(self._on_item_clicked)
        state.selection_changed.connect(self._on_selection_changed)
        self._on_search_changed("")

    def set_favourites(self, ids: set[str]) -> None:
        """Star the user's favourite muscles (listed first)."""
        self._favourites = set(ids)
        self._on_search_changed(self.search.text())

    def visible_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _on_search_changed(self, text: str) -> None:
        self.list.clear()
        found = search_muscles(self.catalog, text)
        found = [m for m in found if m.id in self._favourites] + [m for m in found if m.id not in self._favourites]
        for muscle in found:
            note = "" if muscle.complete else " (anatomy only)"
            star = "★ " if muscle.id in self._favourites else ""
            item = QListWidgetItem(f"{star}{muscle.name}{note}\n{muscle.lay_name}")
            item.setData(Qt.ItemDataRole.UserRole, muscle.id)
            item.setToolTip(muscle.latin if muscle.complete else f"{muscle.latin}: pain zones not written yet")
            if not muscle.complete:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
        self._on_selection_changed(self.state.selection)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        muscle_id = item.data(Qt.ItemDataRole.UserRole)
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            self.state.toggle(muscle_id)
        else:
            self.state.set_view(self.catalog.muscle(muscle_id).views[0])  # chosen by name: show it best
            self.state.select(muscle_id)

    def _on_selection_changed(self, ids: list[str]) -> None:
        chosen = set(ids)
        for i in range(self.list.count()):  # only items whose state changes are touched (a quick start)
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            if on == item.font().bold():
                continue
            font = item.font()
            font.setBold(on)
            item.setFont(font)
            item.setBackground(Qt.GlobalColor.lightGray if on else Qt.GlobalColor.transparent)
