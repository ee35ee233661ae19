"""Progress and statistics: reviews per day and retention plotted; every card listed with its history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Scheduler

from tpi_viewer.store import Store
from tpi_viewer.ui.stats_dialog import StatsDialog


class Clock:
    """A UTC clock the test moves (noon: the same calendar day in any time zone within ±11 h)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _stats(qtbot, catalog, store: Store) -> StatsDialog:
    dialog = StatsDialog(catalog, store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_without_reviews_the_plot_says_so(qtbot, mini_catalog, tmp_path) -> None:
    dialog = _stats(qtbot, mini_catalog, Store.open(tmp_path / "user.sqlite3"))
    assert dialog.plot.is_empty and dialog.plot.empty.isVisible()
    assert "No reviews yet" in dialog.plot.empty.text()
    assert dialog.plot.bar_count() == 0 and dialog.cards.rowCount() == 0


def test_one_bar_per_day_and_a_retention_point_per_day_with_reviews(qtbot, mini_catalog, tmp_path) -> None:
    clock = Clock()
    store = Store.open(tmp_path / "user.sqlite3", clock=clock, scheduler=Scheduler(enable_fuzzing=False))
    store.study.review("refer_to_muscle:alpha:right", score=100.0, duration_ms=4000)
    clock.now += timedelta(minutes=20)
    store.study.review("paint_zone:beta:left", score=30.0)
    clock.now += timedelta(days=2)  # a day without reviews in between
    store.study.review("refer_to_muscle:alpha:right", score=60.0)
    dialog = _stats(qtbot, mini_catalog, store)
    plot = dialog.plot
    assert not plot.is_empty and plot.graphics.isVisible()
    assert plot.bar_count() == 3 and list(plot.bars.opts["height"]) == [2, 0, 1]
    assert plot.point_count() == 2
    _, retention = plot.line.getData()
    assert list(retention) == [50.0, 0.0]  # Good + Again on day one; Hard on day three
    assert "3 review(s) on 2 day(s)" in dialog.summary.text()


def test_the_card_table_lists_reviewed_questions_and_shows_their_history(qtbot, mini_catalog, tmp_path) -> None:
    clock = Clock()
    store = Store.open(tmp_path / "user.sqlite3", clock=clock, scheduler=Scheduler(enable_fuzzing=False))
    store.study.ensure(["paint_zone:beta:left"])
    store.study.review("refer_to_muscle:alpha:right", score=100.0, duration_ms=4000)
    clock.now += timedelta(days=3)
    store.study.review("refer_to_muscle:alpha:right", score=40.0, duration_ms=12000)
    dialog = _stats(qtbot, mini_catalog, store)
    assert set(dialog.card_ids()) == {"paint_zone:beta:left", "refer_to_muscle:alpha:right"}
    row = dialog.card_ids().index("refer_to_muscle:alpha:right")
    cells = [dialog.cards.item(row, c).text() for c in range(dialog.cards.columnCount())]
    assert cells[0] == "Name the muscle from its pattern: Alpha (right)"
    assert cells[4:] == ["2", "Again"] and cells[2] != "–" and cells[3] != "–"
    new = [dialog.cards.item(dialog.card_ids().index("paint_zone:beta:left"), c).text() for c in (1, 2, 4, 5)]
    assert new == ["due now", "–", "0", "–"]
    dialog.select_card("refer_to_muscle:alpha:right")
    assert "Alpha (right)" in dialog.history_title.text()
    history = [[dialog.history.item(r, c).text() for c in range(1, 4)] for r in range(dialog.history.rowCount())]
    assert history == [["Again", "40 %", "12 s"], ["Good", "100 %", "4 s"]]  # newest first
