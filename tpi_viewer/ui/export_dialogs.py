"""File menu dialogs: export a handout or a figure, and print either through the system dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QSettings, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from tpi_viewer.export.figure import FIGURE_SUFFIXES, print_view, save_canvas
from tpi_viewer.export.handout import (
    HANDOUT_SUFFIXES,
    Handout,
    load_patient_guide,
    preferences,
)
from tpi_viewer.export.handout_text import side_title
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import SideChoice
from tpi_viewer.model.views import VIEW_NAMES
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.preferences import paper_combo

DIR_KEY = "export/dir"


def build_handout(catalog: Catalog, muscles: list[str], side: SideChoice, settings: QSettings) -> Handout:
    """The handout of these muscles with the clinic name from Preferences (fallback texts without a guide)."""
    guide, _ = load_patient_guide()
    return Handout.build(catalog, muscles, side, preferences(settings)[0], guide)


class _SaveDialog(QDialog):
    """A file field with Browse…; subclasses add their options and write on OK."""

    written = Signal(Path)

    def __init__(self, title: str, default: Path, suffixes: tuple[str, ...], settings: QSettings,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.settings = settings
        self.suffixes = suffixes
        folder = Path(str(settings.value(DIR_KEY, QDir.homePath())))
        self.path_edit = QLineEdit(str(folder / default))
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.form = QFormLayout(self)
        self.form.addRow("File:", row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _browse(self) -> None:
        patterns = " ".join(f"*{s}" for s in self.suffixes)
        name, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path_edit.text(), f"Files ({patterns})")
        if name:
            self.path_edit.setText(name)

    def accept(self) -> None:
        path = self.path()
        if path.suffix.lower() not in self.suffixes:
            QMessageBox.warning(self, self.windowTitle(), f"Please name a {' or '.join(self.suffixes)} file.")
            return
        try:
            out = self.write(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.windowTitle(), f"The file could not be written:\n\n{exc}")
            return
        self.settings.setValue(DIR_KEY, str(out.parent))
        self.written.emit(out)
        super().accept()

    def write(self, path: Path) -> Path:
        raise NotImplementedError


class HandoutDialog(_SaveDialog):
    """File > Export handout…: paper size and file (PDF or PNG) for the selected muscles and side."""

    def __init__(self, catalog: Catalog, muscles: list[str], side: SideChoice, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        default = f"handout-{'-'.join(muscles[:3])}-{side}.pdf"
        super().__init__("Export patient handout", Path(default), HANDOUT_SUFFIXES, settings, parent)
        self.catalog, self.muscles, self.side = catalog, list(muscles), side
        names = ", ".join(catalog.muscle(m).name for m in muscles)
        self.form.insertRow(0, "Muscles:", QLabel(f"{names} ({side_title(side).lower()})"))
        self.paper = paper_combo(preferences(settings)[1])
        self.form.addRow("Paper:", self.paper)
        self.form.addRow(self.buttons)

    def write(self, path: Path) -> Path:
        handout = build_handout(self.catalog, self.muscles, self.side, self.settings)
        return handout.write(path, str(self.paper.currentData()))


class FigureDialog(_SaveDialog):
    """File > Export figure…: the current view as PNG (at 1–4 times the screen size) or vector SVG."""

    def __init__(self, canvas: BodyCanvas, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__("Export figure", Path(f"figure-{canvas.state.view}.png"), FIGURE_SUFFIXES, settings, parent)
        self.canvas = canvas
        self.scale = QSpinBox()
        self.scale.setRange(1, 4)
        self.scale.setValue(2)
        self.scale.setSuffix(" ×")
        self.pixels = QLabel()
        self.scale.valueChanged.connect(self._on_scale_changed)
        self._on_scale_changed(self.scale.value())
        row = QHBoxLayout()
        row.addWidget(self.scale)
        row.addWidget(self.pixels, 1)
        self.form.addRow("PNG resolution:", row)
        self.form.addRow(QLabel("SVG keeps every shape as a vector, for slides at any size."))
        self.form.addRow(self.buttons)

    def _on_scale_changed(self, scale: int) -> None:
        size = self.canvas.size()
        self.pixels.setText(f"{size.width() * scale} × {size.height() * scale} pixels")

    def write(self, path: Path) -> Path:
        return save_canvas(self.canvas, path, float(self.scale.value()))


def print_with_dialog(parent: QWidget, catalog: Catalog, canvas: BodyCanvas, settings: QSettings) -> bool:
    """File > Print…: choose the handout or the current view, then the system print dialog; True when printed."""
    muscles, side = canvas.state.selection, canvas.state.side
    what = "view"
    if muscles:
        box = QMessageBox(QMessageBox.Icon.Question, "Print", "What would you like to print?",
                          QMessageBox.StandardButton.Cancel, parent)
        handout_button = box.addButton("Patient handout", QMessageBox.ButtonRole.AcceptRole)
        view_button = box.addButton("Current view", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() not in (handout_button, view_button):
            return False
        what = "handout" if box.clickedButton() is handout_button else "view"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        if what == "handout":
            build_handout(catalog, muscles, side, settings).print_to(printer)
        else:
            print_view(canvas, printer, view_title(catalog, canvas))
    except OSError as exc:
        QMessageBox.warning(parent, "Print", f"Printing failed:\n\n{exc}")
        return False
    return True


def view_title(catalog: Catalog, canvas: BodyCanvas) -> str:
    """A figure caption: the selected muscles, the view and the side."""
    names = ", ".join(catalog.muscle(m).name for m in canvas.state.selection) or "No muscle selected"
    return f"{names}: {VIEW_NAMES[canvas.state.view].lower()} view, {side_title(canvas.state.side).lower()}"
