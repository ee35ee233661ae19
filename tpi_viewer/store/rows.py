"""Rows of the user's store as immutable values, and the store's one error type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tpi_viewer.model.errors import Problem

if TYPE_CHECKING:  # only annotations here; fsrs itself loads with the first study call
    from fsrs import Rating, State


class StoreError(Exception):
    """The store cannot be used as it is; `message` is for the user, `moved_to` names a file set aside."""

    def __init__(self, message: str, moved_to: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.moved_to = moved_to


class TransferError(StoreError):
    """An import document is not valid; `problems` name the file, the JSON path and the problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"nothing was imported; the document has {len(self.problems)} problem(s):\n{lines}")


@dataclass(frozen=True, slots=True)
class Note:
    """The user's free-text note on one muscle (never patient identifiers)."""

    muscle: str
    text: str
    updated: datetime


@dataclass(frozen=True, slots=True)
class Favourite:
    """A muscle the user starred."""

    muscle: str
    added: datetime


@dataclass(frozen=True, slots=True)
class MuscleSet:
    """A named, ordered list of muscles such as "TMD set"."""

    id: int
    name: str
    muscles: tuple[str, ...]
    created: datetime


@dataclass(frozen=True, slots=True)
class StudyCard:
    """The FSRS state of one quiz question, keyed by the question's stable id."""

    id: str
    state: State
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True, slots=True)
class Review:
    """One answer to a study card: when, the FSRS rating and the score it came from."""

    card: str
    rating: Rating
    reviewed: datetime
    score: float | None = None
    duration_ms: int | None = None
