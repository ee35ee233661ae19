"""main(): QApplication, load the catalogue (error dialog on failure), wire, exec."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.errors import DataError
from tpi_viewer.model.loading import load_catalog
from tpi_viewer.store import Store, StoreError

MAX_SHOWN_PROBLEMS = 12


def error_text(error: DataError) -> str:
    """The dialog's text: every problem (file, JSON path, message), capped."""
    lines = [str(p) for p in error.problems[:MAX_SHOWN_PROBLEMS]]
    more = len(error.problems) - MAX_SHOWN_PROBLEMS
    if more > 0:
        lines.append(f"… and {more} more (run 'tpi-viewer validate' to list them all)")
    return "tpi-viewer cannot start because its data is not usable:\n\n" + "\n".join(lines)


def show_error(parent: QWidget | None, text: str) -> None:
    """A modal error dialog (tests replace QMessageBox.exec so it never blocks)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "tpi-viewer: data error", text, QMessageBox.StandardButton.Close, parent)
    box.exec()


def load_or_report(report: Callable[[QWidget | None, str], None] = show_error) -> Catalog | None:
    """The catalogue, or None after reporting the problem in a dialog."""
    try:
        return load_catalog()
    except DataError as exc:
        report(None, error_text(exc))
        return None


def main(argv: list[str] | None = None, settings: QSettings | None = None) -> int:
    """Open the window; 2 when the data cannot be loaded."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("tpi-viewer")
    app.setOrganizationName("tpi-viewer")
    catalog = load_or_report()
    if catalog is None:
        return 2
    from tpi_viewer.ui.main_window import MainWindow

    store = open_store()
    window = MainWindow(catalog, settings or QSettings(), store=store)
    window.show()
    try:
        return app.exec()
    finally:
        if store is not None:
            store.close()


def open_store(report: Callable[[QWidget | None, str], None] = show_error) -> Store | None:
    """The user's store; a damaged file is reported (and kept aside) and a fresh store opened."""
    try:
        return Store.open()
    except StoreError as exc:
        where = f"\n\nThe old file was kept as {exc.moved_to}." if exc.moved_to else ""
        report(None, f"Your notes and sets could not be read: {exc.message}{where}")
    try:
        return Store.open()
    except StoreError as exc:
        report(None, f"Your notes and sets are unavailable this time: {exc.message}")
        return None
