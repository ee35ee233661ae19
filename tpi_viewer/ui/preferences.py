"""Edit > Preferences: the clinic name and paper size printed on patient handouts."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tpi_viewer.export.handout import preferences
from tpi_viewer.export.handout_text import CLINIC_KEY, PAPER_KEY, PAPERS

PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


def paper_combo(current: str) -> QComboBox:
    """A choice of the handout paper sizes, `current` selected."""
    combo = QComboBox()
    for paper in PAPERS:
        combo.addItem(PAPER_NAMES[paper], paper)
    combo.setCurrentIndex(PAPERS.index(current) if current in PAPERS else 0)
    return combo


class PreferencesDialog(QDialog):
    """Set once, used by every handout from the window and by 'tpi-viewer handout'."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("tpi-viewer: preferences")
        self.settings = settings
        clinic, paper = preferences(settings)
        self.clinic = QLineEdit(clinic)
        self.clinic.setPlaceholderText("e.g. Riverside Pain Clinic")
        self.clinic.setMinimumWidth(320)
        self.paper = paper_combo(paper)
        form = QFormLayout(self)
        form.addRow("Clinic name:", self.clinic)
        form.addRow("Handout paper:", self.paper)
        note = QLabel("Printed on patient handouts, with the date.")
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue(CLINIC_KEY, self.clinic.text().strip())
        self.settings.setValue(PAPER_KEY, self.paper.currentData())
        self.settings.sync()
        super().accept()
