"""Study menu: quizzes, the daily review and progress (filled in by the study-mode work)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.store import Store
from tpi_viewer.ui.state import ViewerState


class StudyMenu(QMenu):
    """Entries for the quiz, the daily review and the statistics."""

    def __init__(self, catalog: Catalog, state: ViewerState, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("S&tudy", parent)
        self.catalog, self.state, self.store = catalog, state, store
