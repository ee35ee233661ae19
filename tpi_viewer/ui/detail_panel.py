"""The side panel: names, zones in words, trigger points, conditions, safety and sources."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabBar, QTextBrowser, QVBoxLayout, QWidget

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.ui.panel_html import empty_html, muscle_html
from tpi_viewer.ui.state import ViewerState


class DetailPanel(QWidget):
    """One tab per selected muscle; the newest selection is shown."""

    def __init__(self, catalog: Catalog, state: ViewerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMinimumWidth(340)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.browser, 1)
        self._ids: list[str] = []
        self._pending: tuple[str | None] | None = None
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)  # after the body canvas has repainted: selection feels instant
        self._render_timer.timeout.connect(self._render_pending)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        state.selection_changed.connect(self._on_selection_changed)
        self._on_selection_changed(state.selection)

    @property
    def shown_muscle(self) -> str | None:
        i = self.tabs.currentIndex()
        return self._ids[i] if 0 <= i < len(self._ids) else None

    def text(self) -> str:
        """The panel's plain text (what a reader sees)."""
        self._render_pending()
        return self.browser.toPlainText()

    def _on_selection_changed(self, ids: list[str]) -> None:
        self._ids = list(ids)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for muscle_id in ids:
            self.tabs.addTab(self.catalog.muscle(muscle_id).name)
        self.tabs.setVisible(len(ids) > 1)
        self.tabs.setCurrentIndex(len(ids) - 1)
        self.tabs.blockSignals(False)
        self._show(ids[-1] if ids else None)

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._ids):
            self._show(self._ids[index])

    def _show(self, muscle_id: str | None) -> None:
        self._pending = (muscle_id,)
        self._render_timer.start()

    def _render_pending(self) -> None:
        if self._pending is None:
            return
        (muscle_id,) = self._pending
        self._pending = None
        self._render_timer.stop()
        if muscle_id is None:
            self.browser.setHtml(empty_html())
        else:
            self.browser.setHtml(muscle_html(self.catalog, self.catalog.muscle(muscle_id)))
