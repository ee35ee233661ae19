"""The answer choices of a quiz question: radio buttons for one answer, check boxes for several."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.quiz import ChoiceQuestion

RIGHT_COLOUR = "#1b7a3a"
WRONG_COLOUR = "#b3261e"


class ChoiceBox(QWidget):
    """One button per muscle offered; after the answer, marks the right ones and the wrong picks."""

    picked_changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        hint_font = QFont(self.hint.font())
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.1)
        self.hint.setFont(hint_font)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self._layout.addWidget(self.hint)
        self._buttons: dict[str, QAbstractButton] = {}
        self._group: QButtonGroup | None = None

    def set_question(self, question: ChoiceQuestion) -> None:
        """Offer the question's choices, none picked."""
        for button in self._buttons.values():
            button.hide()  # gone at once, even before the deferred delete runs
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons.clear()
        if self._group is not None:
            self._group.deleteLater()
        self._group = QButtonGroup(self)
        self._group.setExclusive(not question.multiple)
        self.hint.setText("Pick every right answer:" if question.multiple else "Pick one:")
        for muscle_id in question.choices:
            text = self.catalog.muscle(muscle_id).name
            choice: QAbstractButton = QCheckBox(text) if question.multiple else QRadioButton(text)
            font = QFont(choice.font())
            font.setPointSizeF(font.pointSizeF() * 1.25)
            choice.setFont(font)
            choice.toggled.connect(lambda *_: self.picked_changed.emit())
            self._group.addButton(choice)
            self._layout.addWidget(choice)
            self._buttons[muscle_id] = choice

    def buttons(self) -> dict[str, QAbstractButton]:
        """The choice buttons by muscle id, in the order shown."""
        return dict(self._buttons)

    def pick(self, muscle_ids: Collection[str]) -> None:
        """Check exactly these choices (as a click would)."""
        for muscle_id, button in self._buttons.items():
            if muscle_id in muscle_ids:
                button.setChecked(True)
        if self._group is not None and self._group.exclusive():
            return
        for muscle_id, button in self._buttons.items():
            if muscle_id not in muscle_ids:
                button.setChecked(False)

    def picked(self) -> list[str]:
        """The muscles picked, in the order shown."""
        return [m for m, b in self._buttons.items() if b.isChecked()]

    def show_answer(self, correct: Collection[str]) -> None:
        """Freeze the choices; mark the right ones ✓ (green) and wrong picks ✗ (red)."""
        for muscle_id, button in self._buttons.items():
            name = self.catalog.muscle(muscle_id).name
            button.setEnabled(False)
            if muscle_id in correct:
                button.setText(f"✓ {name}" + ("" if button.isChecked() else "  (missed)"))
                button.setStyleSheet(f"color: {RIGHT_COLOUR}; font-weight: bold;")
            elif button.isChecked():
                button.setText(f"✗ {name}  (not right)")
                button.setStyleSheet(f"color: {WRONG_COLOUR};")
