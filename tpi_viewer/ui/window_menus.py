"""The main window's menu bar: File, View, Sets, Study and Help, each entry calling a window slot."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from tpi_viewer.ui.main_window import MainWindow

Key = str | QKeySequence.StandardKey
Entry = tuple[str, Sequence[Key], Callable[[], object]]


def _add(menu: QMenu, entries: Sequence[Entry | None], window: MainWindow, window_wide: bool = False) -> None:
    """Add actions (None = separator); window-wide ones also work while the menu bar is hidden."""
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, keys, slot = entry
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _=False, slot=slot: slot())
        menu.addAction(action)
        if window_wide:
            window.addAction(action)


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _add(file_menu, [("Export &handout…", ["Ctrl+Shift+H"], window.export_handout),
                     ("Export &figure…", ["Ctrl+Shift+E"], window.export_figure),
                     ("&Print…", [QKeySequence.StandardKey.Print], window.print_)], window)
    if window.store is not None:
        _add(file_menu, [None,
                         ("E&xport my notes and progress…", [], window.export_user_data),
                         ("&Import my notes and progress…", [], window.import_user_data)], window)
    _add(file_menu, [None,
                     ("P&references…", [QKeySequence.StandardKey.Preferences], window.show_preferences),
                     None,
                     ("&Quit", [QKeySequence.StandardKey.Quit], window.close)], window)
    view_menu = bar.addMenu("&View")
    view_menu.addAction(window.present_action)
    canvas, state = window.canvas, window.state
    _add(view_menu, [("Zoom &in", ["Ctrl++", "Ctrl+="], lambda: canvas.zoom(1.25)),
                     ("Zoom &out", ["Ctrl+-"], lambda: canvas.zoom(0.8)),
                     ("&Fit whole view", ["Ctrl+0"], canvas.fit),
                     ("Zoom to &selection", ["Ctrl+F"], canvas.focus),
                     ("&Clear selection", ["Esc"], state.clear_selection),
                     None,
                     ("Co&mpare two muscles…", ["Ctrl+Shift+C"], window.compare)], window, window_wide=True)
    if window.store is not None:
        from tpi_viewer.ui.sets_menu import SetsMenu
        from tpi_viewer.ui.study_menu import StudyMenu

        bar.addMenu(SetsMenu(window.catalog, state, window.store, window))
        bar.addMenu(StudyMenu(window.catalog, state, window.store, window))
    help_menu = bar.addMenu("&Help")
    _add(help_menu, [("Trigger point injection &guide", ["F1"], window.show_guide),
                     ("&Report a problem…", [], window.report_problem),
                     ("&About tpi-viewer", [], window.show_about)], window)
