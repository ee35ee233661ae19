"""The personal layer: notes per muscle, favourites and named muscle sets."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime

from tpi_viewer.store.connection import parse_stamp, stamp, transaction
from tpi_viewer.store.rows import Favourite, MuscleSet, Note, StoreError

Clock = Callable[[], datetime]


def _check_muscle(muscle: str) -> str:
    if not isinstance(muscle, str) or not muscle.strip():
        raise ValueError(f"a muscle id must be a non-empty string, not {muscle!r}")
    return muscle


class Notes:
    """Free-text notes, one per muscle. Study notes only: never patient names or identifiers."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    def get(self, muscle: str) -> Note | None:
        """The note on `muscle`, if any."""
        row = self._conn.execute("SELECT muscle, text, updated FROM notes WHERE muscle = ?", (muscle,)).fetchone()
        return None if row is None else Note(row[0], row[1], parse_stamp(row[2]))

    def set(self, muscle: str, text: str) -> Note:
        """Write (or replace) the note on `muscle`, stamped now."""
        note = Note(_check_muscle(muscle), text, self._clock())
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO notes (muscle, text, updated) VALUES (?, ?, ?)"
                " ON CONFLICT (muscle) DO UPDATE SET text = excluded.text, updated = excluded.updated",
                (note.muscle, note.text, stamp(note.updated)),
            )
        return note

    def delete(self, muscle: str) -> bool:
        """Remove the note on `muscle`; whether there was one."""
        with transaction(self._conn) as conn:
            return conn.execute("DELETE FROM notes WHERE muscle = ?", (muscle,)).rowcount > 0

    def all(self) -> list[Note]:
        """Every note, by muscle id."""
        rows = self._conn.execute("SELECT muscle, text, updated FROM notes ORDER BY muscle").fetchall()
        return [Note(m, t, parse_stamp(u)) for m, t, u in rows]


class Favourites:
    """Starred muscles, in the order they were starred."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    def add(self, muscle: str) -> Favourite:
        """Star `muscle` (starring it again keeps the first date)."""
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT OR IGNORE INTO favourites (muscle, added) VALUES (?, ?)",
                (_check_muscle(muscle), stamp(self._clock())),
            )
            added = conn.execute("SELECT added FROM favourites WHERE muscle = ?", (muscle,)).fetchone()[0]
        return Favourite(muscle, parse_stamp(added))

    def remove(self, muscle: str) -> bool:
        """Unstar `muscle`; whether it was starred."""
        with transaction(self._conn) as conn:
            return conn.execute("DELETE FROM favourites WHERE muscle = ?", (muscle,)).rowcount > 0

    def __contains__(self, muscle: object) -> bool:
        return self._conn.execute("SELECT 1 FROM favourites WHERE muscle = ?", (muscle,)).fetchone() is not None

    def list(self) -> list[Favourite]:
        """Every favourite, oldest first."""
        rows = self._conn.execute("SELECT muscle, added FROM favourites ORDER BY added, muscle").fetchall()
        return [Favourite(m, parse_stamp(a)) for m, a in rows]


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StoreError("a set needs a name")
    return " ".join(name.split())


class Sets:
    """Named, ordered muscle sets ("TMD set", "neck and shoulder"); names are unique ignoring case."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._clock = clock

    def create(self, name: str, muscles: Iterable[str] = ()) -> MuscleSet:
        """A new set; StoreError if the name is empty or taken."""
        name = _check_name(name)
        with transaction(self._conn) as conn:
            self._check_free(name, None)
            cur = conn.execute("INSERT INTO sets (name, created) VALUES (?, ?)", (name, stamp(self._clock())))
            set_id = int(cur.lastrowid or 0)
            self._write_members(set_id, muscles)
        return self.get(set_id)

    def rename(self, set_id: int, name: str) -> MuscleSet:
        """Give a set a new name; StoreError if the name is empty or taken."""
        name = _check_name(name)
        with transaction(self._conn) as conn:
            self._require(set_id)
            self._check_free(name, set_id)
            conn.execute("UPDATE sets SET name = ? WHERE id = ?", (name, set_id))
        return self.get(set_id)

    def delete(self, set_id: int) -> bool:
        """Remove a set and its member list; whether it existed."""
        with transaction(self._conn) as conn:
            return conn.execute("DELETE FROM sets WHERE id = ?", (set_id,)).rowcount > 0

    def add(self, set_id: int, muscle: str, index: int | None = None) -> MuscleSet:
        """Put `muscle` at `index` (default: the end); a muscle already in the set stays where it is."""
        with transaction(self._conn):
            muscles = list(self._require(set_id).muscles)
            if _check_muscle(muscle) not in muscles:
                muscles.insert(len(muscles) if index is None else index, muscle)
                self._write_members(set_id, muscles)
        return self.get(set_id)

    def remove(self, set_id: int, muscle: str) -> MuscleSet:
        """Take `muscle` out of the set (no error if it is not there)."""
        with transaction(self._conn):
            muscles = [m for m in self._require(set_id).muscles if m != muscle]
            self._write_members(set_id, muscles)
        return self.get(set_id)

    def set_muscles(self, set_id: int, muscles: Iterable[str]) -> MuscleSet:
        """Replace the set's members with `muscles`, in this order (reordering, bulk edits)."""
        with transaction(self._conn):
            self._require(set_id)
            self._write_members(set_id, muscles)
        return self.get(set_id)

    def get(self, set_id: int) -> MuscleSet:
        """The set with this id; KeyError if there is none."""
        return self._require(set_id)

    def by_name(self, name: str) -> MuscleSet | None:
        """The set with this name (any case), if any."""
        row = self._conn.execute("SELECT id FROM sets WHERE name = ?", (" ".join(name.split()),)).fetchone()
        return None if row is None else self.get(int(row[0]))

    def list(self) -> list[MuscleSet]:
        """Every set, by name."""
        ids = self._conn.execute("SELECT id FROM sets ORDER BY name, id").fetchall()
        return [self.get(int(i)) for (i,) in ids]

    def _require(self, set_id: int) -> MuscleSet:
        row = self._conn.execute("SELECT name, created FROM sets WHERE id = ?", (set_id,)).fetchone()
        if row is None:
            raise KeyError(f"no muscle set with id {set_id}")
        members = self._conn.execute(
            "SELECT muscle FROM set_members WHERE set_id = ? ORDER BY position", (set_id,)
        ).fetchall()
        return MuscleSet(set_id, row[0], tuple(m for (m,) in members), parse_stamp(row[1]))

    def _check_free(self, name: str, own_id: int | None) -> None:
        row = self._conn.execute("SELECT id FROM sets WHERE name = ?", (name,)).fetchone()
        if row is not None and row[0] != own_id:
            raise StoreError(f"a set named '{name}' already exists")

    def _write_members(self, set_id: int, muscles: Iterable[str]) -> None:
        # Sets are short: rewriting the list keeps positions dense without shifting arithmetic.
        ordered = list(dict.fromkeys(_check_muscle(m) for m in muscles))
        self._conn.execute("DELETE FROM set_members WHERE set_id = ?", (set_id,))
        self._conn.executemany(
            "INSERT INTO set_members (set_id, muscle, position) VALUES (?, ?, ?)",
            [(set_id, m, i) for i, m in enumerate(ordered)],
        )
