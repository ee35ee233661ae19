"""'Report a problem': a text naming the muscle, field and data version, copied to the clipboard."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from tpi_viewer import __version__
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.ui.state import ViewerState

FIELDS = (
    "Names", "Where it is / attachments", "Local pain", "Essential referred pain", "Spillover referred pain",
    "Trigger points", "Symptoms", "Related conditions", "Red flags", "Injection safety", "Patient position",
    "Self-care", "Sources", "Body map drawing", "Other",
)


def report_text(catalog: Catalog, state: ViewerState, muscle_id: str | None, field: str, note: str) -> str:
    """The report: what a maintainer needs to find and fix the problem."""
    muscle = f"{muscle_id} ({catalog.muscle(muscle_id).name})" if muscle_id else "(none selected)"
    return "\n".join([
        "tpi-viewer problem report",
        f"Data version: {catalog.data_version} (reviewed {catalog.reviewed}); app {__version__}",
        f"Muscle: {muscle}",
        f"Field: {field}",
        f"View: {state.view}; side: {state.side}{'; mirror view' if state.mirror else ''}",
        f"Note: {note.strip() or '(none)'}",
    ])


class ReportDialog(QDialog):
    """Choose the field, describe the problem; OK copies the report for an e-mail or an issue."""

    def __init__(self, catalog: Catalog, state: ViewerState, muscle_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Report a problem")
        self.catalog, self.state, self.muscle_id = catalog, state, muscle_id
        self.field = QComboBox()
        self.field.addItems(FIELDS)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What is wrong, and what the source says (with a link if you have one)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Copy report")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        name = catalog.muscle(muscle_id).name if muscle_id else "(no muscle selected)"
        form.addRow("Muscle:", QLabel(name))
        form.addRow("Data version:", QLabel(f"{catalog.data_version} (reviewed {catalog.reviewed})"))
        form.addRow("Field:", self.field)
        form.addRow("Problem:", self.note)
        form.addRow(QLabel("The report is copied to the clipboard; paste it into an e-mail or an issue.\n"
                           "tpi-viewer itself sends nothing."))
        form.addRow(buttons)

    def text(self) -> str:
        return report_text(self.catalog, self.state, self.muscle_id, self.field.currentText(), self.note.toPlainText())

    def accept(self) -> None:
        QApplication.clipboard().setText(self.text())
        super().accept()
