"""The main window's toolbar and menu bar (File, View, Sets, Study, Help), each entry calling a window slot."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMenu, QToolBar

from tpi_viewer.model.views import VIEW_NAMES

if TYPE_CHECKING:
    from tpi_viewer.ui.main_window import MainWindow

SIDE_CHOICES = (("both", "Both sides"), ("right", "Patient's right"), ("left", "Patient's left"))
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


def build_toolbar(window: MainWindow) -> None:
    """The toolbar: view, side, mirror, spillover, labels, zoom and Present."""
    bar = QToolBar("View")
    bar.setObjectName("view_toolbar")
    bar.setMovable(False)
    window.addToolBar(bar)
    bar.addWidget(QLabel(" View: "))
    window.view_combo = QComboBox()
    for view in window.catalog.view_ids:
        window.view_combo.addItem(VIEW_NAMES[view], view)
    window.view_combo.setCurrentIndex(window.catalog.view_ids.index(window.state.view))
    window.view_combo.currentIndexChanged.connect(lambda i: window.state.set_view(window.view_combo.itemData(i)))
    bar.addWidget(window.view_combo)
    bar.addWidget(QLabel("  Side: "))
    window.side_combo = QComboBox()
    for value, text in SIDE_CHOICES:
        window.side_combo.addItem(text, value)
    window.side_combo.setCurrentIndex([v for v, _ in SIDE_CHOICES].index(window.state.side))
    window.side_combo.currentIndexChanged.connect(lambda i: window.state.set_side(window.side_combo.itemData(i)))
    bar.addWidget(window.side_combo)
    bar.addSeparator()
    window.mirror_box = QCheckBox("Mirror view")
    window.mirror_box.setToolTip("Off: as if facing the patient. On: as the patient sees themself in a mirror.")
    window.mirror_box.toggled.connect(window.state.set_mirror)
    bar.addWidget(window.mirror_box)
    window.spillover_box = QCheckBox("Spillover")
    window.spillover_box.setChecked(window.state.show_spillover)
    window.spillover_box.toggled.connect(window.state.set_show_spillover)
    bar.addWidget(window.spillover_box)
    window.labels_box = QCheckBox("Labels")
    window.labels_box.setChecked(window.state.show_labels)
    window.labels_box.toggled.connect(window.state.set_show_labels)
    bar.addWidget(window.labels_box)
    bar.addSeparator()
    for text, slot in (("Fit", window.canvas.fit), ("Zoom in", lambda: window.canvas.zoom(1.25)), ("Zoom out", lambda: window.canvas.zoom(0.8))):
        bar.addAction(text, slot)
    bar.addSeparator()
    window.present_action = QAction("Present", window)
    window.present_action.setShortcut(QKeySequence("F11"))
    window.present_action.setToolTip("Full screen for the patient, in plain words (F11; Esc returns)")
    window.present_action.triggered.connect(window.present)
    bar.addAction(window.present_action)
