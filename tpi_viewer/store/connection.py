"""Open the SQLite file safely: integrity check, corrupt files moved aside, WAL, one transaction per write."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tpi_viewer.store.rows import StoreError

# SQLite's primary result codes for "this is not (or no longer) a database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_BUSY_TIMEOUT_S = 5.0


class _Damaged(Exception):
    """The file opened but `PRAGMA integrity_check` found problems."""


def stamp(moment: datetime) -> str:
    """A timestamp as stored: UTC ISO 8601 with microseconds, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> datetime:
    """A stored timestamp back as an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(UTC)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, committed on success and rolled back on any error.

    Explicit BEGIN IMMEDIATE rather than `with conn:`: Python 3.11 opens no implicit
    transaction before DDL or reads, and a deferred read-then-write can fail half-way
    when a second app instance writes; IMMEDIATE takes the write lock up front.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _check_existing(path: Path) -> None:
    """Integrity-check an existing file through a read-only connection.

    Read-only so that a damaged file is set aside exactly as it was: a writable connection
    would fold its WAL into it (or delete the WAL) when closing.
    """
    if not path.exists():
        return
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise _Damaged("; ".join(str(r[0]) for r in rows[:3]))


def _connect_checked(path: Path) -> sqlite3.Connection:
    _check_existing(path)
    conn = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL syncs the WAL on every commit: a committed note survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _move_aside(path: Path) -> Path:
    """Rename the file (and its -wal/-shm companions, so the pair stays readable) out of the way."""
    when = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{when}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{when}-{n}")
        n += 1
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def open_database(path: Path) -> sqlite3.Connection:
    """A checked connection to `path` (created when missing); StoreError if it cannot be used.

    A damaged or non-database file is never overwritten: it is moved aside and StoreError
    names where; opening again then creates a fresh store.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for your study data, {path.parent}: {exc.strerror}") from exc
    try:
        return _connect_checked(path)
    except (_Damaged, sqlite3.DatabaseError) as exc:
        if isinstance(exc, sqlite3.DatabaseError) and not _is_corruption(exc):
            raise StoreError(f"cannot open your study data file {path}: {exc}") from exc
        moved = _move_aside(path)
        raise StoreError(
            f"Your notes and study data file {path} is damaged ({exc}). It was moved aside, unchanged, "
            f"to {moved}; a new, empty store will be created. To restore your data, import a saved "
            "export, or keep the moved file for recovery.",
            moved_to=moved,
        ) from exc
