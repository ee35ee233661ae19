"""A tab widget whose pages are built the first time they are shown or asked for (a quicker start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QTabWidget):
    """Pages added with `add_lazy` stay placeholders until shown or fetched with `page`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self._building = False
        self.currentChanged.connect(self._on_current_changed)  # first, so later slots see the real page

    def add_lazy(self, title: str, factory: Callable[[], QWidget]) -> int:
        index = self.addTab(QWidget(), title)
        self._factories[index] = factory
        return index

    def page(self, index: int) -> QWidget:
        """The page at `index`, built now if it was not yet."""
        factory = self._factories.pop(index, None)
        if factory is not None:
            self._building = True
            try:
                current, title = self.currentIndex(), self.tabText(index)
                widget = factory()
                self.blockSignals(True)
                old = self.widget(index)
                self.removeTab(index)
                self.insertTab(index, widget, title)
                self.setCurrentIndex(current)
                self.blockSignals(False)
                if old is not None:
                    old.deleteLater()
            finally:
                self._building = False
        page = self.widget(index)
        if page is None:
            raise IndexError(f"no tab {index}")
        return page

    def _on_current_changed(self, index: int) -> None:
        if not self._building and index in self._factories:
            self.page(index)
