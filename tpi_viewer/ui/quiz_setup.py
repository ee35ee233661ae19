"""Choosing a quiz: which kinds of question, how many, and about which muscles."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.quiz import KINDS, QuestionKind
from tpi_viewer.store.rows import MuscleSet

KIND_CHOICES: dict[QuestionKind, str] = {
    "refer_to_muscle": "Shown a referral pattern: name the muscle",
    "paint_zone": "Shown a muscle: paint its essential referred pain zone",
    "drawing_to_muscles": "Shown a pain drawing: pick the likely muscles",
    "condition_to_muscles": "Given a condition: pick its muscles",
}


class QuizSetupDialog(QDialog):
    """Kinds of question, their number, and all muscles, the selection or a named set."""

    def __init__(self, selection: Sequence[str], sets: Sequence[MuscleSet], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("tpi-viewer: quiz")
        self._selection = list(selection)
        kinds_box = QGroupBox("Kinds of question")
        kinds_layout = QVBoxLayout(kinds_box)
        self.kind_boxes: dict[QuestionKind, QCheckBox] = {}
        for kind in KINDS:
            box = QCheckBox(KIND_CHOICES[kind])
            box.setChecked(True)
            box.toggled.connect(self._update_ok)
            kinds_layout.addWidget(box)
            self.kind_boxes[kind] = box
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(10)
        scope_box = QGroupBox("About")
        scope = QFormLayout(scope_box)
        self.all_button = QRadioButton("All muscles with clinical content")
        self.selection_button = QRadioButton(f"The selected muscles ({len(self._selection)})")
        self.set_button = QRadioButton("A named set:")
        self.set_combo = QComboBox()
        for muscle_set in sets:
            self.set_combo.addItem(f"{muscle_set.name} ({len(muscle_set.muscles)})", list(muscle_set.muscles))
        group = QButtonGroup(self)
        for button in (self.all_button, self.selection_button, self.set_button):
            group.addButton(button)
        self.selection_button.setEnabled(bool(self._selection))
        self.set_button.setEnabled(bool(sets))
        self.set_combo.setEnabled(False)
        self.set_button.toggled.connect(self.set_combo.setEnabled)
        self.all_button.setChecked(True)
        scope.addRow(self.all_button)
        scope.addRow(self.selection_button)
        scope.addRow(self.set_button, self.set_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Number of questions:", self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(kinds_box)
        layout.addLayout(form)
        layout.addWidget(scope_box)
        layout.addWidget(QLabel("Every answer is saved and schedules the question for review."))
        layout.addWidget(self.buttons)

    def kinds(self) -> list[QuestionKind]:
        """The kinds ticked."""
        return [k for k, box in self.kind_boxes.items() if box.isChecked()]

    def muscles(self) -> list[str] | None:
        """The muscles to ask about, or None for all."""
        if self.selection_button.isChecked():
            return list(self._selection)
        if self.set_button.isChecked():
            return list(self.set_combo.currentData() or [])
        return None

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.kinds()))
