"""Progress and statistics: reviews per day, retention, every question's card and its review history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.quiz import question_title
from tpi_viewer.store import Review, Store, StudyCard
from tpi_viewer.ui.quiz_feedback import RATING_WORDS
from tpi_viewer.ui.stats_plot import ReviewPlot

CARD_COLUMNS = ("Question", "Next due", "Stability", "Difficulty", "Reviews", "Last rating")
CARD_TIPS = ("What the question asks", "When it is asked again", "FSRS stability: days until recall drops to 90 %",
             "FSRS difficulty, from 1 (easy) to 10 (hard)", "How often you answered it", "Your last answer's rating")
HISTORY_COLUMNS = ("When", "Rating", "Score", "Time taken")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b %Y, %H:%M")


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _table(columns: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill_row(table: QTableWidget, row: int, cells: Sequence[str], key: str | None = None) -> None:
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        if column:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if key is not None:
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(text if column else key)
        table.setItem(row, column, item)


class StatsDialog(QDialog):
    """The plot on top; below, the cards (soonest due first) and the selected card's reviews."""

    def __init__(self, catalog: Catalog, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.store = catalog, store
        self.setWindowTitle("tpi-viewer: progress and statistics")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.plot = ReviewPlot()
        self.cards = _table(CARD_COLUMNS)
        self.cards.itemSelectionChanged.connect(self._on_card_selected)
        for column, tip in enumerate(CARD_TIPS):
            header = self.cards.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(tip)
        self.history_title = QLabel("Select a question to see its reviews.")
        self.history_title.setWordWrap(True)
        self.history = _table(HISTORY_COLUMNS)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history, 1)
        cards_box = QWidget()
        cards_layout = QVBoxLayout(cards_box)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.addWidget(QLabel("<b>Your questions</b> (soonest due first)"))
        cards_layout.addWidget(self.cards, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(cards_box)
        lower.addWidget(history_box)
        lower.setSizes([800, 360])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plot)
        split.addWidget(lower)
        split.setSizes([420, 380])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1180, 860)
        self.reload()

    def reload(self) -> None:
        """Read the store again: plot, summary and cards."""
        study = self.store.study
        days = study.stats()
        reviews = study.reviews()
        cards = study.cards()
        due = {c.id for c in study.due()}
        self.plot.set_stats(days)
        remembered = sum(d.remembered for d in days)
        share = f"{100.0 * remembered / len(reviews):.0f} % remembered (Good or Easy)" if reviews else "no reviews yet"
        if not cards:
            self.summary.setText("No questions in your reviews yet: start with Study → Quiz….")
        else:
            self.summary.setText(f"{len(cards)} question(s) in your reviews, {len(due)} due now · {len(reviews)} "
                                 f"review(s) on {sum(1 for d in days if d.reviews)} day(s) · {share}.")
        self._fill_cards(cards, reviews, due)

    def _fill_cards(self, cards: Sequence[StudyCard], reviews: Sequence[Review], due: set[str]) -> None:
        by_card: dict[str, list[Review]] = {}
        for review in reviews:
            by_card.setdefault(review.card, []).append(review)
        self.cards.setRowCount(len(cards))
        for row, card in enumerate(cards):
            own = by_card.get(card.id, [])
            cells = (question_title(self.catalog, card.id), "due now" if card.id in due else _when(card.due),
                     _number(card.stability), _number(card.difficulty), str(len(own)),
                     RATING_WORDS.get(int(own[-1].rating), "?") if own else "–")
            _fill_row(self.cards, row, cells, key=card.id)

    def card_ids(self) -> list[str]:
        """The question ids listed, in table order."""
        items = (self.cards.item(r, 0) for r in range(self.cards.rowCount()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None]

    def select_card(self, card_id: str) -> None:
        """Select a card's row (as a click would), showing its history."""
        self.cards.selectRow(self.card_ids().index(card_id))

    def _on_card_selected(self) -> None:
        rows = {i.row() for i in self.cards.selectedItems()}
        first = self.cards.item(rows.pop(), 0) if rows else None
        if first is None:
            return
        card_id = first.data(Qt.ItemDataRole.UserRole)
        history = self.store.study.history(card_id)
        self.history_title.setText(f"<b>Reviews of:</b> {escape(question_title(self.catalog, card_id))}")
        self.history.setRowCount(len(history))
        for row, review in enumerate(reversed(history)):  # newest first
            score = "–" if review.score is None else f"{review.score:.0f} %"
            taken = "–" if review.duration_ms is None else f"{review.duration_ms / 1000:.0f} s"
            _fill_row(self.history, row, (_when(review.reviewed), RATING_WORDS.get(int(review.rating), "?"),
                                          score, taken))
