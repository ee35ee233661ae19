"""The conditions index: picking a condition selects and lists its muscles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.queries import best_view_for, condition_muscles
from tpi_viewer.ui.state import ViewerState


class ConditionList(QWidget):
    """Conditions (clinician and plain names) with their muscles; a click selects them all."""

    def __init__(self, catalog: Catalog, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter conditions (e.g. headache, jaw, sciatica)")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.muscles_label = QLabel()
        self.muscles_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.muscles_label)
        self.search.textChanged.connect(self._on_search_changed)
        self.list.itemClicked.connect(self._on_item_clicked)
        self._on_search_changed("")

    def condition_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def pick(self, condition_id: str) -> None:
        """Select the condition's muscles and show the view most of them are drawn in."""
        muscles = condition_muscles(self.catalog, condition_id)
        condition = self.catalog.condition(condition_id)
        names = ", ".join(m.name for m in muscles) or "none yet"
        self.muscles_label.setText(f"<b>{condition.name}</b>: {names}")
        view = best_view_for(self.catalog, muscles)
        if view is not None:
            self.state.set_view(view)
        self.state.set_selection([m.id for m in muscles])

    def _on_search_changed(self, text: str) -> None:
        needle = text.strip().lower()
        self.list.clear()
        for c in sorted(self.catalog.conditions, key=lambda c: c.name.lower()):
            words = " ".join([c.name, c.lay_name, *c.synonyms]).lower()
            if needle and needle not in words:
                continue
            count = len(condition_muscles(self.catalog, c.id))
            item = QListWidgetItem(f"{c.name} ({count})\n{c.lay_name}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.pick(item.data(Qt.ItemDataRole.UserRole))
