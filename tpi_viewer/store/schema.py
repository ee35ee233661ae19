"""The store's schema as ordered migrations; the file's version is `PRAGMA user_version`.

No table has a field for patients: the store holds the user's own study material only
(notes per muscle, favourites, sets, quiz progress), never patient names or identifiers.
"""

from __future__ import annotations

import sqlite3

from tpi_viewer.store.connection import transaction
from tpi_viewer.store.rows import StoreError

# Each entry upgrades version i to i + 1. Append only: never edit a step that has shipped.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: the personal layer
        "CREATE TABLE notes (muscle TEXT PRIMARY KEY, text TEXT NOT NULL, updated TEXT NOT NULL)",
        "CREATE TABLE favourites (muscle TEXT PRIMARY KEY, added TEXT NOT NULL)",
        ("CREATE TABLE sets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
         " created TEXT NOT NULL)"),
        ("CREATE TABLE set_members (set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,"
         " muscle TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (set_id, muscle))"),
    ),
    (  # 2: spaced repetition; card and log are the fsrs package's dicts as JSON
        "CREATE TABLE cards (id TEXT PRIMARY KEY, due TEXT NOT NULL, card TEXT NOT NULL)",
        "CREATE INDEX cards_due ON cards (due)",
        ("CREATE TABLE reviews (id INTEGER PRIMARY KEY, card TEXT NOT NULL REFERENCES cards(id)"
         " ON DELETE CASCADE, reviewed TEXT NOT NULL, rating INTEGER NOT NULL, score REAL,"
         " log TEXT NOT NULL)"),
        "CREATE INDEX reviews_card ON reviews (card, reviewed)",
        "CREATE INDEX reviews_reviewed ON reviews (reviewed)",
    ),
)
CURRENT_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: tuple[tuple[str, ...], ...] = MIGRATIONS) -> int:
    """Bring the file up to the newest version in one transaction; the version reached."""
    target = len(migrations)
    if user_version(conn) == target:
        return target
    try:
        with transaction(conn):
            # Read again under the write lock: another instance may have upgraded meanwhile.
            version = user_version(conn)
            if version > target:
                raise StoreError(
                    f"your study data was written by a newer tpi-viewer (schema {version}; this version "
                    f"knows up to {target}); update tpi-viewer to open it"
                )
            for steps in migrations[version:]:
                for sql in steps:
                    conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {target}")
    except sqlite3.Error as exc:
        raise StoreError(f"could not upgrade your study data to schema {target} (nothing was changed): {exc}") from exc
    return target
