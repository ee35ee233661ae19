"""Study menu: quizzes, the daily review of due questions, and progress.

The dialogs and the quiz model load when first used, not at window start.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Collection
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.store import Store, StoreError
from tpi_viewer.ui.state import ViewerState

Dialog = TypeVar("Dialog", bound=QDialog)

if TYPE_CHECKING:
    from tpi_viewer.model.quiz import QuestionKind
    from tpi_viewer.ui.quiz_dialog import QuizDialog
    from tpi_viewer.ui.quiz_setup import QuizSetupDialog
    from tpi_viewer.ui.stats_dialog import StatsDialog


class StudyMenu(QMenu):
    """Entries for the quiz, the daily review (with the number due) and the statistics."""

    def __init__(self, catalog: Catalog, state: ViewerState, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("S&tudy", parent)
        self.catalog, self.state, self.store = catalog, state, store
        self.dialog: QDialog | None = None  # the quiz or review open now (one round at a time)
        self.stats_dialog: QDialog | None = None  # opened beside a round, never closing it
        self.quiz_action = self.addAction("&Quiz…")
        self.quiz_action.triggered.connect(lambda _=False: self.choose_quiz())
        self.review_action = self.addAction("&Daily review…")
        self.review_action.triggered.connect(lambda _=False: self.start_review())
        self.addSeparator()
        self.stats_action = self.addAction("&Progress and statistics…")
        self.stats_action.triggered.connect(lambda _=False: self.show_stats())
        self.aboutToShow.connect(self.refresh)  # counting due cards loads fsrs: not at start-up

    def due_count(self) -> int:
        """How many questions are due for review now."""
        return len(self.store.study.due())

    def refresh(self) -> None:
        """Show the number of questions due in the daily review entry."""
        try:
            due = self.due_count()
        except (StoreError, sqlite3.Error):
            self.review_action.setText("&Daily review (unavailable)…")
            self.review_action.setEnabled(False)
            return
        self.review_action.setText(f"&Daily review ({due} due)…")
        self.review_action.setEnabled(due > 0)

    def choose_quiz(self) -> QuizSetupDialog:
        """Ask for kinds, number and muscles; start the quiz when accepted."""
        from tpi_viewer.ui.quiz_setup import QuizSetupDialog

        dialog = QuizSetupDialog(self.state.selection, self.store.sets.list(), self.parentWidget())
        dialog.accepted.connect(lambda: self.start_quiz(dialog.kinds(), dialog.count.value(), dialog.muscles()))
        dialog.open()
        return dialog

    def start_quiz(self, kinds: Collection[QuestionKind], count: int, muscles: Collection[str] | None = None,
                   seed: int | None = None) -> QuizDialog | None:
        """A practice round of `count` questions; each gets its review card before the first is asked."""
        from tpi_viewer.model.quiz import quiz
        from tpi_viewer.ui.quiz_dialog import QuizDialog

        seed = random.randrange(1 << 30) if seed is None else seed
        ids = [q.id for q in quiz(self.catalog, count, seed, kinds, muscles)]
        if not ids:
            self._tell("No questions can be asked about these muscles with these kinds of question "
                       "(only muscles with clinical content are asked about).")
            return None
        try:
            self.store.study.ensure(ids)
        except (StoreError, sqlite3.Error) as exc:
            self._tell(f"Your progress cannot be saved: {exc}")
            return None
        return self._show(QuizDialog(self.catalog, self.store, ids, title="Quiz", seed=seed, parent=self.parentWidget()))

    def start_review(self, seed: int | None = None) -> QuizDialog | None:
        """The questions due now, most overdue first."""
        from tpi_viewer.ui.quiz_dialog import QuizDialog

        due = [card.id for card in self.store.study.due()]
        if not due:
            self._tell("Nothing is due for review now. Take a quiz to add questions.")
            return None
        seed = random.randrange(1 << 30) if seed is None else seed
        return self._show(QuizDialog(self.catalog, self.store, due, title="Daily review", seed=seed,
                                     parent=self.parentWidget()))

    def show_stats(self) -> StatsDialog:
        """Reviews per day, retention, and every card with its history."""
        from tpi_viewer.ui.stats_dialog import StatsDialog

        if self.stats_dialog is not None:
            self.stats_dialog.close()
            self.stats_dialog.deleteLater()
        dialog = StatsDialog(self.catalog, self.store, self.parentWidget())
        self.stats_dialog = dialog
        dialog.show()
        return dialog

    def _show(self, dialog: Dialog) -> Dialog:
        """Show a new round in place of the previous one (whose answers are all saved already)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.show()
        return dialog

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "tpi-viewer: study", text, QMessageBox.StandardButton.Ok,
                          self.parentWidget())
        box.open()
