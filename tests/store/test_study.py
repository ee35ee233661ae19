"""Spaced repetition: FSRS cards per question id, due lists, reviews by rating or score, history and stats."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from fsrs import Rating, State

from tpi_viewer.model.study import DayStats, daily_stats, rating_for_score
from tpi_viewer.store import Store

QID = "refer_to_muscle:masseter:right"


def test_score_to_rating() -> None:
    assert [rating_for_score(s) for s in (0, 49.9, 50, 79.9, 80, 100)] == [
        Rating.Again, Rating.Again, Rating.Hard, Rating.Hard, Rating.Good, Rating.Good]
    for bad in (-1, 100.5):
        with pytest.raises(ValueError):
            rating_for_score(bad)


def test_new_cards_are_due_now_and_ensure_is_idempotent(store: Store, clock) -> None:
    assert store.study.ensure([QID, "paint_zone:masseter:right", QID]) == 2
    assert store.study.ensure([QID]) == 0
    assert [c.id for c in store.study.due()] == ["paint_zone:masseter:right", QID]
    card = store.study.card(QID)
    assert card.state == State.Learning and card.due == clock.now and card.last_review is None
    with pytest.raises(KeyError):
        store.study.card("paint_zone:nothing:left")


def test_review_reschedules_and_due_follows_the_clock(store: Store, clock) -> None:
    store.study.ensure([QID, "paint_zone:masseter:right"])
    card = store.study.review(QID, Rating.Good)
    assert card.due > clock.now and card.last_review == clock.now
    assert [c.id for c in store.study.due()] == ["paint_zone:masseter:right"]
    assert [c.id for c in store.study.due(now=card.due)] == ["paint_zone:masseter:right", QID]  # most overdue first
    assert store.study.due(limit=0) == []
    # Good twice more graduates the card to Review with an interval of days.
    clock.now = card.due
    store.study.review(QID, Rating.Good)
    clock.now = store.study.card(QID).due
    graduated = store.study.review(QID, Rating.Good)
    assert graduated.state == State.Review and graduated.due - clock.now >= timedelta(days=1)


def test_again_comes_back_sooner_than_easy(store: Store, clock) -> None:
    again = store.study.review("refer_to_muscle:a:right", Rating.Again)
    easy = store.study.review("refer_to_muscle:b:right", Rating.Easy)
    assert again.due < easy.due


def test_review_by_score_and_history(store: Store, clock) -> None:
    store.study.review(QID, score=30)  # a question answered for the first time gets its card
    clock.advance(minutes=2)
    store.study.review(QID, score=85, duration_ms=1500)
    history = store.study.history(QID)
    assert [(r.rating, r.score, r.duration_ms) for r in history] == [(Rating.Again, 30, None), (Rating.Good, 85, 1500)]
    assert history[1].reviewed - history[0].reviewed == timedelta(minutes=2)
    logs = store.study.review_logs(QID)
    assert [log.rating for log in logs] == [Rating.Again, Rating.Good]
    with pytest.raises(ValueError):
        store.study.review(QID)
    with pytest.raises(ValueError):
        store.study.review(QID, Rating.Good, score=90)
    assert len(store.study.history(QID)) == 2  # refused reviews wrote nothing


def test_cards_and_logs_are_stored_as_fsrs_json(store: Store) -> None:
    store.study.review(QID, Rating.Hard)
    card_json, = store._conn.execute("SELECT card FROM cards WHERE id = ?", (QID,)).fetchone()
    log_json, = store._conn.execute("SELECT log FROM reviews WHERE card = ?", (QID,)).fetchone()
    assert set(json.loads(card_json)) == {"card_id", "state", "step", "stability", "difficulty", "due", "last_review"}
    assert json.loads(log_json)["rating"] == 2


def test_stats_per_day_with_gaps(store: Store, clock) -> None:
    store.study.review("q1", Rating.Good)
    store.study.review("q2", Rating.Again)
    store.study.review("q3", Rating.Easy)
    clock.advance(days=2)
    store.study.review("q1", Rating.Hard)
    stats = store.study.stats(tz=UTC)
    assert stats == [DayStats(date(2026, 3, 2), 3, 2), DayStats(date(2026, 3, 3), 0, 0), DayStats(date(2026, 3, 4), 1, 0)]
    assert [s.retention for s in stats] == [pytest.approx(2 / 3), None, 0.0]


def test_days_are_calendar_days_in_the_given_zone() -> None:
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    plus_two = timezone(timedelta(hours=2))
    assert daily_stats([(late, Rating.Good)], tz=UTC)[0].day == date(2026, 3, 2)
    assert daily_stats([(late, Rating.Good)], tz=plus_two)[0].day == date(2026, 3, 3)
    assert daily_stats([]) == []
