"""Export the user's data to one JSON document, and import one back (merge or replace)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any, Literal

from fsrs import Card, ReviewLog

from tpi_viewer.model.errors import Problem
from tpi_viewer.store.connection import parse_stamp, stamp, transaction
from tpi_viewer.store.document import FORMAT, FORMAT_VERSION, document_problems
from tpi_viewer.store.rows import TransferError

ImportMode = Literal["merge", "replace"]


def export_document(conn: sqlite3.Connection, now: datetime) -> dict[str, Any]:
    """Everything in the store as a JSON-ready document, read in one snapshot."""
    conn.execute("BEGIN")  # one read transaction: a consistent snapshot even if another instance writes
    try:
        notes = conn.execute("SELECT muscle, text, updated FROM notes ORDER BY muscle").fetchall()
        favourites = conn.execute("SELECT muscle, added FROM favourites ORDER BY added, muscle").fetchall()
        sets = conn.execute("SELECT id, name, created FROM sets ORDER BY name, id").fetchall()
        members = conn.execute("SELECT set_id, muscle FROM set_members ORDER BY set_id, position").fetchall()
        cards = conn.execute("SELECT id, card FROM cards ORDER BY id").fetchall()
        reviews = conn.execute("SELECT card, score, log FROM reviews ORDER BY reviewed, id").fetchall()
    finally:
        conn.execute("COMMIT")
    by_set: dict[int, list[str]] = {}
    for set_id, muscle in members:
        by_set.setdefault(set_id, []).append(muscle)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported": stamp(now),
        "notes": [{"muscle": m, "text": t, "updated": u} for m, t, u in notes],
        "favourites": [{"muscle": m, "added": a} for m, a in favourites],
        "sets": [{"name": n, "muscles": by_set.get(i, []), "created": c} for i, n, c in sets],
        "study": {
            "cards": [{"id": i, "card": Card.from_json(c).to_dict()} for i, c in cards],
            "reviews": [{"card": c, "score": s, "log": ReviewLog.from_json(log).to_dict()} for c, s, log in reviews],
        },
    }


def import_document(conn: sqlite3.Connection, doc: Any, mode: ImportMode, now: datetime, file: str = "<import>") -> None:
    """Check `doc` fully, then apply it in one transaction; TransferError lists every problem.

    "replace" makes the store equal to the document. "merge" keeps what the store has and adds
    the document's: the newer of two notes on a muscle wins, sets with the same name gain the
    missing muscles, the more recently reviewed of two cards wins, and reviews are deduplicated.
    """
    if mode not in ("merge", "replace"):
        raise ValueError(f"import mode is 'merge' or 'replace', not {mode!r}")
    problems = document_problems(doc, file)
    if problems:
        raise TransferError(problems)
    with transaction(conn):
        if mode == "replace":
            for table in ("notes", "favourites", "sets", "cards"):  # members and reviews go by cascade
                conn.execute(f"DELETE FROM {table}")
        _import_personal(conn, doc, now)
        _import_study(conn, doc.get("study", {}))


def _newer(candidate: str | None, existing: str | None) -> bool:
    if existing is None:
        return True
    return candidate is not None and parse_stamp(candidate) > parse_stamp(existing)


def _import_personal(conn: sqlite3.Connection, doc: dict[str, Any], now: datetime) -> None:
    for note in doc.get("notes", []):
        row = conn.execute("SELECT updated FROM notes WHERE muscle = ?", (note["muscle"],)).fetchone()
        if _newer(note["updated"], None if row is None else row[0]):
            conn.execute("INSERT INTO notes (muscle, text, updated) VALUES (?, ?, ?) ON CONFLICT (muscle)"
                         " DO UPDATE SET text = excluded.text, updated = excluded.updated",
                         (note["muscle"], note["text"], stamp(parse_stamp(note["updated"]))))
    conn.executemany("INSERT OR IGNORE INTO favourites (muscle, added) VALUES (?, ?)",
                     [(f["muscle"], stamp(parse_stamp(f["added"]))) for f in doc.get("favourites", [])])
    for item in doc.get("sets", []):
        name = " ".join(item["name"].split())
        row = conn.execute("SELECT id FROM sets WHERE name = ?", (name,)).fetchone()
        if row is None:
            created = stamp(parse_stamp(item["created"])) if item.get("created") else stamp(now)
            set_id = conn.execute("INSERT INTO sets (name, created) VALUES (?, ?)", (name, created)).lastrowid
            have: list[str] = []
        else:
            set_id = row[0]
            have = [m for (m,) in conn.execute(
                "SELECT muscle FROM set_members WHERE set_id = ? ORDER BY position", (set_id,))]
        added = [m for m in dict.fromkeys(item["muscles"]) if m not in have]
        conn.executemany("INSERT INTO set_members (set_id, muscle, position) VALUES (?, ?, ?)",
                         [(set_id, m, len(have) + i) for i, m in enumerate(added)])


def _utc(card: Card) -> Card:
    # fsrs compares and subtracts these with UTC review times; keep one offset throughout.
    card.due = card.due.astimezone(UTC)
    card.last_review = card.last_review.astimezone(UTC) if card.last_review else None
    return card


def _import_study(conn: sqlite3.Connection, study: dict[str, Any]) -> None:
    for item in study.get("cards", []):
        card = _utc(Card.from_dict(item["card"]))
        row = conn.execute("SELECT card FROM cards WHERE id = ?", (item["id"],)).fetchone()
        mine = None if row is None else Card.from_json(row[0]).last_review
        theirs = card.last_review
        if row is None or (theirs is not None and (mine is None or theirs > mine)):
            # An upsert, not INSERT OR REPLACE: a replace deletes the row first, cascading to its reviews.
            conn.execute("INSERT INTO cards (id, due, card) VALUES (?, ?, ?)"
                         " ON CONFLICT (id) DO UPDATE SET due = excluded.due, card = excluded.card",
                         (item["id"], stamp(card.due), card.to_json()))
    for item in study.get("reviews", []):
        log = ReviewLog.from_dict(item["log"])
        reviewed = stamp(log.review_datetime)
        duplicate = conn.execute("SELECT 1 FROM reviews WHERE card = ? AND reviewed = ? AND rating = ?",
                                 (item["card"], reviewed, int(log.rating))).fetchone()
        if duplicate is None:
            conn.execute("INSERT INTO reviews (card, reviewed, rating, score, log) VALUES (?, ?, ?, ?, ?)",
                         (item["card"], reviewed, int(log.rating), item.get("score"), log.to_json()))


def parse_problem(file: str, exc: ValueError) -> TransferError:
    """A TransferError for a file that is not JSON at all."""
    return TransferError([Problem(file, "$", f"not a JSON document: {exc}")])
