"""A writer killed with SIGKILL at random moments loses nothing it reported as committed."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tpi_viewer.store import Store

ROUNDS = 15
SEED = 20260302
MAX_DELAY_S = 0.3  # kill somewhere in the first 0.3 s after the child's first commit
WINDOW = 10

# Each counter is three transactions: a note, a rewrite of a whole set, a study review;
# the counter is printed only after all three have committed.
CHILD = f"""
import sys
from fsrs import Rating
from tpi_viewer.store import Store

i = int(sys.argv[1])
store = Store.open()
crash = store.sets.by_name("crash") or store.sets.create("crash")
while True:
    store.notes.set(f"muscle_{{i}}", f"counter {{i}}")
    store.sets.set_muscles(crash.id, [f"muscle_{{j}}" for j in range(i - {WINDOW} + 1, i + 1)])
    store.study.review(f"card_{{i}}", Rating.Good)
    print(i, flush=True)
    i += 1
"""


def _window(i: int) -> tuple[str, ...]:
    return tuple(f"muscle_{j}" for j in range(i - WINDOW + 1, i + 1))


def _run_and_kill(start: int, delay: float, data_dir: Path) -> tuple[list[int], str]:
    """Start a writer at counter `start`, kill it `delay` s after its first commit; the counters it reported."""
    env = {**os.environ, "TPI_VIEWER_DATA_DIR": str(data_dir)}
    lines: list[str] = []
    first = threading.Event()
    with subprocess.Popen([sys.executable, "-c", CHILD, str(start)], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as child:

        def read() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                lines.append(line)
                first.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        started = first.wait(timeout=30)
        if started:
            time.sleep(delay)  # the point of the test: a random moment, not a condition to wait for
        child.kill()  # SIGKILL: no cleanup, no atexit, no flush
        child.wait(timeout=30)
        reader.join(timeout=30)
        stderr = child.stderr.read() if child.stderr else ""
    assert started, f"the writer never committed: {stderr}"
    # A line cut off by the kill has no newline: its counter was not reported.
    return [int(line) for line in lines if line.endswith("\n")], stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writer_loses_no_reported_commit(data_dir: Path) -> None:
    rng = random.Random(SEED)
    began = time.monotonic()
    reported: list[int] = []
    start = 0
    for round_no in range(ROUNDS):
        delay = rng.uniform(0.0, MAX_DELAY_S)
        counters, stderr = _run_and_kill(start, delay, data_dir)
        assert counters and counters == list(range(start, start + len(counters))), stderr
        reported += counters
        where = f"round {round_no} (seed {SEED}, delay {delay:.3f} s, counters {start}..{counters[-1]})"
        with Store.open() as store:  # opening runs integrity_check and would move a damaged file aside
            assert store.integrity_ok(), where
            notes = {n.muscle: n.text for n in store.notes.all()}
            missing = [i for i in reported if notes.get(f"muscle_{i}") != f"counter {i}"]
            assert not missing, f"{where}: lost committed counters {missing[:10]}"
            assert all(len(store.study.history(f"card_{i}")) == 1 for i in counters), where
            crash = store.sets.by_name("crash")
            assert crash is not None and crash.muscles in (_window(counters[-1]), _window(counters[-1] + 1)), where
        assert not list(data_dir.glob("*.corrupt-*")), where
        start = counters[-1] + 2  # the next counter may have committed unreported; never reuse it
    assert time.monotonic() - began < 120
