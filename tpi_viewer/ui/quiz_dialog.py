"""A quiz or daily review: one question at a time, the answer shown on the body, every answer saved at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.quiz import (
    ChoiceQuestion,
    PaintQuestion,
    Question,
    UnknownQuestion,
    area_text,
    make_question,
    question_title,
)
from tpi_viewer.model.study import rating_for_score
from tpi_viewer.store import Store, StoreError
from tpi_viewer.ui.quiz_body import QuizBody
from tpi_viewer.ui.quiz_choices import ChoiceBox
from tpi_viewer.ui.quiz_feedback import (
    KIND_TITLES,
    RATING_WORDS,
    answer_muscles,
    answer_side,
    choice_feedback,
    paint_feedback,
    when_due,
)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answered question of this round."""

    question: Question
    score: float
    rating: int
    saved: bool


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class QuizDialog(QDialog):
    """Asks the given question ids in order; each answer becomes one FSRS review in the store."""

    def __init__(self, catalog: Catalog, store: Store, question_ids: Sequence[str], *, title: str = "Quiz",
                 seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.store, self.seed = catalog, store, seed
        self.setWindowTitle(f"tpi-viewer: {title}")
        self._ids = list(dict.fromkeys(question_ids))
        self._index = -1
        self.skipped = 0
        self.answers: list[Answer] = []
        self.question: Question | None = None
        self._answered = False
        self._timer = QElapsedTimer()
        self.progress = QLabel()
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _scaled(self.prompt, 1.6, bold=True)
        self.body = QuizBody(catalog)
        self.choices = ChoiceBox(catalog)
        self.choices.picked_changed.connect(self._update_buttons)
        self.paint_help = QLabel()
        self.paint_help.setWordWrap(True)
        self.paint_help.setTextFormat(Qt.TextFormat.RichText)
        _scaled(self.paint_help, 1.1)
        self.body.state.drawing_changed.connect(self._on_drawing_changed)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        _scaled(self.feedback, 1.15)
        self.submit_button = QPushButton("Submit")
        self.next_button = QPushButton("Next question")
        self.submit_button.clicked.connect(self.submit)
        self.next_button.clicked.connect(self.next_question)
        for button in (self.submit_button, self.next_button):
            _scaled(button, 1.2)
            button.setMinimumHeight(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._question_page())
        self.stack.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(1280, 860)
        self.next_question()

    # ----- pages --------------------------------------------------------------------------
    def _question_page(self) -> QWidget:
        side = QWidget()
        side.setMinimumWidth(400)
        column = QVBoxLayout(side)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.choices)
        column.addWidget(self.paint_help)
        column.addSpacing(8)
        column.addWidget(self.feedback)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.next_button)
        column.addLayout(buttons)
        row = QHBoxLayout()
        row.addWidget(self.body, 3)
        row.addWidget(side, 2)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.prompt)
        layout.addLayout(row, 1)
        return page

    def _summary_page(self) -> QWidget:
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        _scaled(self.summary_label, 1.4, bold=True)
        self.summary_table = QTableWidget(0, 3)
        self.summary_table.setHorizontalHeaderLabels(["Question", "Your score", "Rating"])
        self.summary_table.verticalHeader().setVisible(False)
        self.summary_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.summary_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _scaled(self.summary_table, 1.15)
        self.summary_note = QLabel("Each score set its question's next review: below 50 % it comes back soon "
                                   "(Again), below 80 % sooner (Hard), otherwise later (Good). Open "
                                   "Study → Daily review when questions are due.")
        self.summary_note.setWordWrap(True)
        header = self.summary_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary_note)
        layout.addWidget(self.summary_table, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # ----- flow ---------------------------------------------------------------------------
    @property
    def question_ids(self) -> list[str]:
        """The ids this round asks, in order."""
        return list(self._ids)

    @property
    def showing_summary(self) -> bool:
        """Whether the round is over and its summary shown."""
        return self.stack.currentIndex() == 1

    def next_question(self) -> None:
        """Show the next question that this catalogue can ask, or the summary after the last."""
        while self._index + 1 < len(self._ids):
            self._index += 1
            try:
                question = make_question(self.catalog, self._ids[self._index], self.seed)
            except UnknownQuestion:
                self.skipped += 1  # the catalogue changed since the card was made
                continue
            self._show(question)
            return
        self._show_summary()

    def _show(self, question: Question) -> None:
        self.question = question
        self._answered = False
        self.progress.setText(f"Question {self._index + 1} of {len(self._ids)} · {KIND_TITLES[question.kind]}")
        self.prompt.setText(question.prompt)
        self.body.ask(question)
        is_choice = isinstance(question, ChoiceQuestion)
        self.choices.setVisible(is_choice)
        self.paint_help.setVisible(not is_choice)
        if isinstance(question, ChoiceQuestion):
            self.choices.set_question(question)
        self._on_drawing_changed()
        self.feedback.clear()
        self.next_button.setVisible(False)
        self.submit_button.setVisible(True)
        self._update_buttons()
        self.submit_button.setDefault(True)
        self._timer.start()

    def submit(self) -> None:
        """Score the answer, save it as a review, and show the right answer on the body."""
        question = self.question
        if question is None or self._answered:
            return
        self._answered = True
        if isinstance(question, PaintQuestion):
            painted = self.body.painted()
            score = question.score(painted)
            text = paint_feedback(self.catalog, question, painted, score)
            self.paint_help.setText(f"<p><b>You painted:</b> {escape(area_text(self.catalog, painted))}</p>")
        else:
            picked = self.choices.picked()
            score = question.score(picked)
            text = choice_feedback(self.catalog, question, picked, score)
            self.choices.show_answer(question.correct)
        due_text = self._record(question, score)
        self.feedback.setText(text + due_text)
        self.body.reveal(question, answer_muscles(question), answer_side(self.catalog, question))
        self.submit_button.setVisible(False)
        last = self._index + 1 >= len(self._ids)
        self.next_button.setText("See the summary" if last else "Next question")
        self.next_button.setVisible(True)
        self.next_button.setDefault(True)
        self.next_button.setFocus()

    def _record(self, question: Question, score: float) -> str:
        """One review row (and the rescheduled card) in one transaction; a note of when it comes back."""
        rating = int(rating_for_score(score))
        try:
            card = self.store.study.review(question.id, score=score, duration_ms=int(self._timer.elapsed()))
        except (StoreError, sqlite3.Error) as exc:
            self.answers.append(Answer(question, score, rating, False))
            return f"<p style='color:#b3261e'>Not saved: {escape(str(exc))}</p>"
        self.answers.append(Answer(question, score, rating, True))
        due = when_due(card.due, card.last_review)
        return f"<p style='color:#555'>Saved as {RATING_WORDS[rating]}: this question comes back {due}.</p>"

    def _show_summary(self) -> None:
        self.question = None
        table = self.summary_table
        table.setRowCount(len(self.answers))
        for row, answer in enumerate(self.answers):
            cells = (question_title(self.catalog, answer.question.id), f"{answer.score:.0f} %",
                     RATING_WORDS[answer.rating] + ("" if answer.saved else " (not saved)"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        if self.answers:
            mean = sum(a.score for a in self.answers) / len(self.answers)
            text = f"Done: {len(self.answers)} question(s), average score {mean:.0f} %."
        else:
            text = "No questions to ask."
        if self.skipped:
            text += f" {self.skipped} card(s) could not be asked: the catalogue changed since they were made."
        self.summary_label.setText(text)
        self.stack.setCurrentIndex(1)

    # ----- buttons ------------------------------------------------------------------------
    def _on_drawing_changed(self, *_: object) -> None:
        if not isinstance(self.question, PaintQuestion) or self._answered:
            return
        painted = self.body.painted()
        listed = escape(area_text(self.catalog, painted)) if painted else "nothing yet"
        self.paint_help.setText("<p>Click or drag over the body to paint where this muscle refers pain; "
                                "<b>Erase</b> removes areas. Change the view to reach the back or the side.</p>"
                                f"<p><b>Painted:</b> {listed}</p>")
        self._update_buttons()

    def _update_buttons(self) -> None:
        question = self.question
        if question is None or self._answered:
            return
        ready = bool(self.body.state.drawing) if isinstance(question, PaintQuestion) else bool(self.choices.picked())
        self.submit_button.setEnabled(ready)
