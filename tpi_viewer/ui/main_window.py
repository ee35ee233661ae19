"""The main window: wires the state to the canvas, the list and the panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.errors import DataError
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.detail_panel import DetailPanel
from tpi_viewer.ui.lazy_tabs import LazyTabs
from tpi_viewer.ui.legend import DISCLAIMER
from tpi_viewer.ui.muscle_list import MuscleList
from tpi_viewer.ui.state import ViewerState
from tpi_viewer.ui.window_menus import SIDE_CHOICES, build_menus, build_toolbar



if TYPE_CHECKING:
    from tpi_viewer.store import Store
    from tpi_viewer.ui.compare_dialog import CompareDialog
    from tpi_viewer.ui.condition_list import ConditionList
    from tpi_viewer.ui.lookup_panel import LookupPanel
    from tpi_viewer.ui.export_dialogs import FigureDialog, HandoutDialog
    from tpi_viewer.ui.guide_dialog import GuideDialog
    from tpi_viewer.ui.personal_panel import PersonalPanel
    from tpi_viewer.ui.preferences import PreferencesDialog
    from tpi_viewer.ui.report_dialog import ReportDialog
    from tpi_viewer.ui.presentation import PresentationWindow


class MainWindow(QMainWindow):
    """Muscle list | body canvas | detail panel, with a toolbar for view, side and toggles."""

    view_combo: QComboBox  # the toolbar's controls (window_menus.build_toolbar)
    side_combo: QComboBox
    mirror_box: QCheckBox
    spillover_box: QCheckBox
    labels_box: QCheckBox
    present_action: QAction

    def __init__(self, catalog: Catalog, settings: QSettings, parent: QWidget | None = None,
                 store: Store | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        view = str(settings.value("view", catalog.view_ids[0]))
        side = str(settings.value("side", "both"))
        self.state = ViewerState(
            view if view in catalog.view_ids else catalog.view_ids[0],
            side if side in ("both", "left", "right") else "both",  # type: ignore[arg-type]
        )
        self.setWindowTitle("tpi-viewer: trigger point anatomy reference")
        self.presentation: PresentationWindow | None = None
        self.muscle_list = MuscleList(catalog, self.state)
        self.canvas = BodyCanvas(catalog, self.state, names_after_first_paint=True)
        self.panel = DetailPanel(catalog, self.state)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.side_tabs = LazyTabs()  # Conditions and Where it hurts are built when first opened
        self.side_tabs.addTab(self.muscle_list, "Muscles")
        self._conditions_tab = self.side_tabs.add_lazy("Conditions", self._make_condition_list)
        self._lookup_tab = self.side_tabs.add_lazy("Where it hurts", self._make_lookup_panel)
        self.side_tabs.tabBar().setExpanding(False)
        self.side_tabs.setMinimumWidth(320)
        self.side_tabs.currentChanged.connect(self._on_side_tab_changed)
        splitter.addWidget(self.side_tabs)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self._with_personal_layer(store))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 740, 450])
        self.setCentralWidget(splitter)
        build_toolbar(self)
        build_menus(self)
        self.hover_label = QLabel()
        self.statusBar().addWidget(self.hover_label, 1)
        self.statusBar().addPermanentWidget(QLabel(DISCLAIMER))
        self.canvas.hovered.connect(self.hover_label.setText)
        self.state.selection_changed.connect(self._on_selection_changed)
        self.state.view_changed.connect(self._on_view_changed)
        self.state.side_changed.connect(self._on_side_changed)
        geometry = settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1520, 940)

    def compare(self) -> CompareDialog:
        """View > Compare two muscles…: the selected two (or the chosen ones) side by side."""
        from tpi_viewer.ui.compare_dialog import CompareDialog

        dialog = CompareDialog(self.catalog, self.state.selection, self)
        dialog.open()
        return dialog

    def export_user_data(self) -> None:
        """File > Export my notes and progress…: one JSON file."""
        from tpi_viewer.ui.transfer_dialogs import export_user_data

        if self.store is not None:
            if self.personal is not None:
                self.personal.flush()
            export_user_data(self, self.store)

    def import_user_data(self) -> None:
        """File > Import my notes and progress…: merge or replace from a JSON file."""
        from tpi_viewer.ui.transfer_dialogs import import_user_data

        if self.store is not None:
            if self.personal is not None:
                self.personal.flush()
            if import_user_data(self, self.store) and self.personal is not None:
                self.personal.reload()

    def show_guide(self) -> GuideDialog | None:
        """The TPI guide; a clear error dialog if its file is not usable."""
        from tpi_viewer.ui.guide_dialog import GuideDialog

        try:
            from tpi_viewer.model.guide import load_guide

            guide = load_guide()
        except DataError as exc:
            QMessageBox.warning(self, "tpi-viewer: guide", "The guide cannot be shown:\n\n" + "\n".join(map(str, exc.problems[:8])))
            return None
        dialog = GuideDialog(guide, self)
        dialog.open()
        return dialog

    def report_problem(self) -> ReportDialog:
        """Open the report dialog for the muscle shown in the panel."""
        from tpi_viewer.ui.report_dialog import ReportDialog

        dialog = ReportDialog(self.catalog, self.state, self.panel.shown_muscle, self)
        dialog.open()
        return dialog

    def present(self) -> PresentationWindow | None:
        """Presentation mode for the selected muscles (or, with none, a choice of my sets), on a second screen."""
        from tpi_viewer.ui.presentation import PresentationWindow, choose_screen

        sets = self.store.sets.list() if self.store is not None else []
        if not self.state.selection and not any(set(s.muscles) & set(self.catalog.muscle_ids) for s in sets):
            self.statusBar().showMessage("Select one or more muscles to present them.", 6000)
            return None
        if self.presentation is not None:
            self.presentation.close()
            self.presentation.deleteLater()
        screen = choose_screen(QGuiApplication.screens(), self.screen())
        height = screen.geometry().height() if screen is not None else 1000
        self.presentation = PresentationWindow(
            self.catalog, self.state.selection, self.state.side, self.state.mirror, self.state.show_spillover,
            points=max(16.0, min(34.0, height / 50)), sets=sets)
        self.presentation.closed.connect(self.activateWindow)
        self.presentation.present(screen)
        return self.presentation

    def export_handout(self) -> HandoutDialog | None:
        """File > Export handout…: the selected muscles on the current side."""
        from tpi_viewer.ui.export_dialogs import HandoutDialog

        if not self.state.selection:
            self.statusBar().showMessage("Select one or more muscles for the handout.", 6000)
            return None
        dialog = HandoutDialog(self.catalog, self.state.selection, self.state.side, self.settings, self)
        dialog.written.connect(lambda path: self.statusBar().showMessage(f"Handout written to {path}", 8000))
        dialog.open()
        return dialog

    def export_figure(self) -> FigureDialog:
        """File > Export figure…: the current view as PNG or SVG."""
        from tpi_viewer.ui.export_dialogs import FigureDialog

        dialog = FigureDialog(self.canvas, self.settings, self)
        dialog.written.connect(lambda path: self.statusBar().showMessage(f"Figure written to {path}", 8000))
        dialog.open()
        return dialog

    def print_(self) -> None:
        from tpi_viewer.ui.export_dialogs import print_with_dialog

        print_with_dialog(self, self.catalog, self.canvas, self.settings)

    def show_preferences(self) -> PreferencesDialog:
        from tpi_viewer.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "About tpi-viewer", "", QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        from tpi_viewer.ui.about import about_html

        box.setText(about_html(self.catalog))
        box.open()

    def _on_selection_changed(self, ids: list[str]) -> None:
        if ids and not any(self.state.view in self.catalog.muscle(i).views for i in ids):
            self.state.set_view(self.catalog.muscle(ids[-1]).views[0])

    @property
    def condition_list(self) -> ConditionList:
        return self.side_tabs.page(self._conditions_tab)  # type: ignore[return-value]

    @property
    def lookup_panel(self) -> LookupPanel:
        return self.side_tabs.page(self._lookup_tab)  # type: ignore[return-value]

    def _make_condition_list(self) -> ConditionList:
        from tpi_viewer.ui.condition_list import ConditionList
        return ConditionList(self.catalog, self.state)

    def _make_lookup_panel(self) -> LookupPanel:
        from tpi_viewer.ui.lookup_panel import LookupPanel
        return LookupPanel(self.catalog, self.state)

    def _on_side_tab_changed(self, index: int) -> None:
        drawing = index == self._lookup_tab
        self.state.set_drawing_mode(self.lookup_panel.active_tool if drawing else "off")

    def _on_view_changed(self, view: str) -> None:
        self.view_combo.setCurrentIndex(self.catalog.view_ids.index(view))
        hidden = [self.catalog.muscle(m).name for m in self.state.selection if m not in self.catalog.body_maps[view].muscle_ids]
        if hidden:  # e.g. rectus abdominis seen from behind: only the pain it sends to the back shows
            self.statusBar().showMessage(f"{', '.join(hidden)}: not visible from this side; the pain it refers here is shown.", 10000)

    def _on_side_changed(self, side: str) -> None:
        self.side_combo.setCurrentIndex([v for v, _ in SIDE_CHOICES].index(side))

    def _with_personal_layer(self, store: Store | None) -> QWidget:
        """The detail panel, with my notes and favourite below it when a user store is open."""
        self.store = store
        self.personal: PersonalPanel | None = None
        if store is None:
            return self.panel
        from tpi_viewer.ui.personal_panel import PersonalPanel

        self.personal = PersonalPanel(store)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.personal)
        show = lambda *_: self.personal.show_muscle(self.panel.shown_muscle) if self.personal else None  # noqa: E731
        self.state.selection_changed.connect(show)
        self.panel.tabs.currentChanged.connect(show)
        self.personal.favourites_changed.connect(self.muscle_list.set_favourites)
        self.muscle_list.set_favourites(self.personal.favourite_ids())
        return box

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.personal is not None:
            self.personal.flush()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("view", self.state.view)
        self.settings.setValue("side", self.state.side)
        self.settings.sync()
        super().closeEvent(event)
