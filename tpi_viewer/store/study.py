"""Spaced-repetition progress: FSRS cards keyed by quiz question id, and their review log."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, tzinfo

from fsrs import Card, Rating, ReviewLog, Scheduler

from tpi_viewer.model.study import DayStats, daily_stats, rating_for_score
from tpi_viewer.store.connection import parse_stamp, stamp, transaction
from tpi_viewer.store.rows import Review, StudyCard

Clock = Callable[[], datetime]


def new_card(card_id: str, now: datetime) -> Card:
    """A fresh FSRS card, due now."""
    # fsrs wants an int id (and sleeps 1 ms to invent one); ours is the question id, so derive one.
    return Card(card_id=zlib.crc32(card_id.encode("utf-8")), due=now.astimezone(UTC))


def study_card(card_id: str, card: Card) -> StudyCard:
    """Our immutable view of an fsrs Card."""
    return StudyCard(card_id, card.state, card.step, card.stability, card.difficulty,
                     card.due.astimezone(UTC), card.last_review)


def _review(card_id: str, rating: int, reviewed: str, score: float | None, log: str) -> Review:
    duration = json.loads(log).get("review_duration")
    return Review(card_id, Rating(rating), parse_stamp(reviewed), score, duration)


class Study:
    """FSRS cards and review logs in the store; every review is one transaction."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock, scheduler: Scheduler | None = None) -> None:
        self._conn = conn
        self._clock = clock
        self._scheduler = scheduler or Scheduler()

    def ensure(self, card_ids: Iterable[str]) -> int:
        """Create a card, due now, for each id that has none; how many were created."""
        now = self._clock()
        with transaction(self._conn) as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO cards (id, due, card) VALUES (?, ?, ?)",
                [(cid, stamp(now), new_card(cid, now).to_json()) for cid in dict.fromkeys(card_ids)],
            )
            return conn.total_changes - before

    def card(self, card_id: str) -> StudyCard:
        """The card for this question id; KeyError if there is none."""
        return study_card(card_id, self._fsrs_card(card_id))

    def cards(self) -> list[StudyCard]:
        """Every card, soonest due first."""
        rows = self._conn.execute("SELECT id, card FROM cards ORDER BY due, id").fetchall()
        return [study_card(cid, Card.from_json(text)) for cid, text in rows]

    def due(self, now: datetime | None = None, limit: int | None = None) -> list[StudyCard]:
        """Cards due at `now` (default: the clock), most overdue first."""
        rows = self._conn.execute(
            "SELECT id, card FROM cards WHERE due <= ? ORDER BY due, id LIMIT ?",
            (stamp(now or self._clock()), -1 if limit is None else limit),
        ).fetchall()
        return [study_card(cid, Card.from_json(text)) for cid, text in rows]

    def review(
        self,
        card_id: str,
        rating: Rating | None = None,
        *,
        score: float | None = None,
        duration_ms: int | None = None,
    ) -> StudyCard:
        """Record an answer, given as an FSRS rating or as a quiz score in percent; the rescheduled card.

        A question answered for the first time gets its card here.
        """
        if (rating is None) == (score is None):
            raise ValueError("give either a rating or a score")
        chosen = rating if rating is not None else rating_for_score(float(score or 0.0))
        now = self._clock().astimezone(UTC)
        with transaction(self._conn) as conn:
            try:
                card = self._fsrs_card(card_id)
            except KeyError:
                card = new_card(card_id, now)
                conn.execute("INSERT INTO cards (id, due, card) VALUES (?, ?, ?)", (card_id, stamp(now), card.to_json()))
            card, log = self._scheduler.review_card(card, chosen, now, duration_ms)
            conn.execute("UPDATE cards SET due = ?, card = ? WHERE id = ?", (stamp(card.due), card.to_json(), card_id))
            conn.execute(
                "INSERT INTO reviews (card, reviewed, rating, score, log) VALUES (?, ?, ?, ?, ?)",
                (card_id, stamp(log.review_datetime), int(log.rating), score, log.to_json()),
            )
        return study_card(card_id, card)

    def history(self, card_id: str) -> list[Review]:
        """Every review of one card, oldest first."""
        rows = self._conn.execute(
            "SELECT card, rating, reviewed, score, log FROM reviews WHERE card = ? ORDER BY reviewed, id", (card_id,)
        ).fetchall()
        return [_review(*row) for row in rows]

    def reviews(self) -> list[Review]:
        """Every review of every card, oldest first."""
        rows = self._conn.execute("SELECT card, rating, reviewed, score, log FROM reviews ORDER BY reviewed, id").fetchall()
        return [_review(*row) for row in rows]

    def review_logs(self, card_id: str) -> list[ReviewLog]:
        """One card's reviews as fsrs ReviewLogs (for fsrs' reschedule_card or its optimizer)."""
        rows = self._conn.execute("SELECT log FROM reviews WHERE card = ? ORDER BY reviewed, id", (card_id,)).fetchall()
        return [ReviewLog.from_json(text) for (text,) in rows]

    def stats(self, tz: tzinfo | None = None) -> list[DayStats]:
        """Reviews per day and the share rated Good or Easy, first to last review day (for a plot)."""
        rows = self._conn.execute("SELECT reviewed, rating FROM reviews ORDER BY reviewed").fetchall()
        return daily_stats(((parse_stamp(r), Rating(n)) for r, n in rows), tz)

    def _fsrs_card(self, card_id: str) -> Card:
        row = self._conn.execute("SELECT card FROM cards WHERE id = ?", (card_id,)).fetchone()
        if row is None:
            raise KeyError(f"no study card '{card_id}'")
        return Card.from_json(row[0])
