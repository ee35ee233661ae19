"""The user's store: one SQLite file holding notes, favourites, sets and study progress."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self

from tpi_viewer.store.connection import open_database
from tpi_viewer.store.location import store_path
from tpi_viewer.store.personal import Favourites, Notes, Sets
from tpi_viewer.store.rows import StoreError
from tpi_viewer.store.schema import migrate

if TYPE_CHECKING:  # fsrs loads with the first study call, not at start-up
    from fsrs import Scheduler

    from tpi_viewer.store.study import Study

# Import/export (and the JSON Schema validator behind it) load only when used: start-up stays fast.
ImportMode = Literal["merge", "replace"]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Notes, favourites, sets and study cards of one user, in one file; local only, never networked.

    Holds study material only: there is no field for patients, and notes are for the user's
    own learning, not for patient names or other identifiers.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime],
                 scheduler: Scheduler | None = None) -> None:
        self.path = path
        self._conn = conn
        self._clock = clock
        self.notes = Notes(conn, clock)
        self.favourites = Favourites(conn, clock)
        self.sets = Sets(conn, clock)
        self._scheduler = scheduler
        self._study: Study | None = None

    @property
    def study(self) -> Study:
        """Spaced-repetition cards and reviews (FSRS), created on first use."""
        if self._study is None:
            from tpi_viewer.store.study import Study

            self._study = Study(self._conn, self._clock, self._scheduler)
        return self._study

    @classmethod
    def open(cls, path: Path | None = None, *, clock: Callable[[], datetime] | None = None,
             scheduler: Scheduler | None = None) -> Store:
        """Open (or create) the store at `path` (default: the user data directory), upgrading old files.

        StoreError when the file cannot be used; for a damaged file its `moved_to` names where
        the file was moved, and opening again gives a fresh, empty store.
        """
        path = Path(path) if path is not None else store_path()
        conn = open_database(path)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, clock or _utc_now, scheduler)

    def export_document(self) -> dict[str, Any]:
        """Everything in the store as one JSON-ready document."""
        from tpi_viewer.store.transfer import export_document

        return export_document(self._conn, self._clock())

    def import_document(self, doc: Any, mode: ImportMode = "merge", file: str = "<import>") -> None:
        """Merge or replace from a document in one transaction; TransferError (with JSON paths) if invalid."""
        from tpi_viewer.store.transfer import import_document

        import_document(self._conn, doc, mode, self._clock(), file)

    def export_file(self, file: Path) -> None:
        """Write the export document to `file`, atomically (a crash leaves the old file or the new one)."""
        file = Path(file)
        text = json.dumps(self.export_document(), indent=1, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def import_file(self, file: Path, mode: ImportMode = "merge") -> None:
        """Import an export file; TransferError naming the file and JSON path of every problem."""
        file = Path(file)
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise StoreError(f"cannot read {file}: {exc.strerror}") from exc
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
            from tpi_viewer.store.transfer import parse_problem

            raise parse_problem(str(file), exc) from exc
        self.import_document(doc, mode, str(file))

    def integrity_ok(self) -> bool:
        """Whether SQLite's integrity check passes now."""
        return self._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    def close(self) -> None:
        """Close the file; the store cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
