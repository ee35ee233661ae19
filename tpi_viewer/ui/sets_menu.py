"""Named sets ("TMD set", "neck and shoulder"): save the selection, recall it in two clicks."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.queries import best_view_for
from tpi_viewer.store import Store, StoreError
from tpi_viewer.ui.state import ViewerState


class SetsMenu(QMenu):
    """Lists the user's sets; choosing one selects its muscles; the selection can be saved as a set."""

    def __init__(self, catalog: Catalog, state: ViewerState, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("&Sets", parent)
        self.catalog, self.state, self.store = catalog, state, store
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        save = self.addAction("Save selection as a set…")
        save.setEnabled(bool(self.state.selection))
        save.triggered.connect(self._ask_and_save)
        self.addSeparator()
        known = set(self.catalog.muscle_ids)
        for muscle_set in self.store.sets.list():
            action = QAction(f"{muscle_set.name} ({len(muscle_set.muscles)})", self)
            ids = [m for m in muscle_set.muscles if m in known]
            action.triggered.connect(lambda _=False, ids=ids: self.recall(ids))
            self.addAction(action)
        if self.store.sets.list():
            delete = self.addMenu("Delete a set")
            for muscle_set in self.store.sets.list():
                action = delete.addAction(muscle_set.name)
                action.triggered.connect(lambda _=False, i=muscle_set.id: self.delete_set(i))

    def recall(self, ids: list[str]) -> None:
        """Select a set's muscles in the view most of them are drawn in."""
        view = best_view_for(self.catalog, [self.catalog.muscle(m) for m in ids])
        if view is not None:
            self.state.set_view(view)
        self.state.set_selection(ids)

    def delete_set(self, set_id: int) -> None:
        self.store.sets.delete(set_id)
        self.rebuild()

    def save_selection(self, name: str) -> None:
        """Save the current selection under `name` (replacing a set of that name)."""
        existing = self.store.sets.by_name(name)
        if existing is not None:
            self.store.sets.set_muscles(existing.id, self.state.selection)
        else:
            self.store.sets.create(name, self.state.selection)
        self.rebuild()

    def _ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(self.parentWidget(), "Save set", "Name of the set (e.g. TMD set):")
        if ok and name.strip():
            try:
                self.save_selection(name.strip())
            except StoreError as exc:
                QMessageBox.warning(self.parentWidget(), "tpi-viewer", exc.message)
