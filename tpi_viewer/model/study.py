"""Spaced-repetition helpers over the fsrs package: score to rating, and daily statistics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from fsrs import Rating

# A quiz score (0-100) maps to a rating. Easy is left to the user's own judgement: a perfect
# score on a four-way choice may still have been a guess, and Easy stretches intervals most.
AGAIN_BELOW = 50.0
HARD_BELOW = 80.0
REMEMBERED = (Rating.Good, Rating.Easy)


def rating_for_score(score: float) -> Rating:
    """The FSRS rating for a quiz score in percent: below 50 Again, below 80 Hard, else Good."""
    if not 0.0 <= score <= 100.0:
        raise ValueError(f"a score is a percentage from 0 to 100, not {score}")
    if score < AGAIN_BELOW:
        return Rating.Again
    if score < HARD_BELOW:
        return Rating.Hard
    return Rating.Good


@dataclass(frozen=True, slots=True)
class DayStats:
    """Reviews on one calendar day and the share remembered (rated Good or Easy)."""

    day: date
    reviews: int
    remembered: int

    @property
    def retention(self) -> float | None:
        """Remembered / reviews, or None on a day without reviews."""
        return self.remembered / self.reviews if self.reviews else None


def daily_stats(reviews: Iterable[tuple[datetime, Rating]], tz: tzinfo | None = None) -> list[DayStats]:
    """One entry per day from the first review's day to the last, days without reviews included.

    Days are calendar days in `tz` (default: the computer's local time zone), so a plot's
    bars match the user's own evenings rather than UTC's.
    """
    counts: dict[date, list[int]] = {}
    for moment, rating in reviews:
        day = moment.astimezone(tz).date()
        total = counts.setdefault(day, [0, 0])
        total[0] += 1
        total[1] += rating in REMEMBERED
    if not counts:
        return []
    first, last = min(counts), max(counts)
    out = []
    for i in range((last - first).days + 1):
        day = first + timedelta(days=i)
        n, ok = counts.get(day, [0, 0])
        out.append(DayStats(day, n, ok))
    return out
