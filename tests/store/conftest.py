"""A store in a temporary data directory, with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Scheduler

from tpi_viewer.store import Store


class Clock:
    """A settable UTC clock: store timestamps and FSRS due dates follow it."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder made the app's user data directory."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("TPI_VIEWER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(data_dir: Path, clock: Clock) -> Iterator[Store]:
    # No interval fuzzing: fsrs draws it from the global random module, which tests must not depend on.
    with Store.open(clock=clock, scheduler=Scheduler(enable_fuzzing=False)) as opened:
        yield opened
