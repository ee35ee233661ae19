"""The file is kept safe: WAL with full sync, ordered migrations, damaged files moved aside, never overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tpi_viewer.store import Store, StoreError, schema
from tpi_viewer.store.location import FILE_NAME


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_wal_full_sync_and_current_version(store: Store) -> None:
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert _pragma(store.path, "user_version") == schema.CURRENT_VERSION


def _version_1_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for sql in schema.MIGRATIONS[0]:
        conn.execute(sql)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO notes VALUES ('masseter', 'old note', '2025-01-02T03:04:05.000000+00:00')")
    conn.execute("INSERT INTO sets (id, name, created) VALUES (7, 'TMD set', '2025-01-02T03:04:05.000000+00:00')")
    conn.execute("INSERT INTO set_members VALUES (7, 'temporalis', 0), (7, 'masseter', 1)")
    conn.execute("COMMIT")
    conn.close()


def test_version_1_file_is_upgraded_with_its_data(data_dir: Path) -> None:
    assert schema.CURRENT_VERSION > 1
    path = data_dir / FILE_NAME
    _version_1_file(path)
    with Store.open() as store:
        assert _pragma(path, "user_version") == schema.CURRENT_VERSION
        note = store.notes.get("masseter")
        assert note is not None and note.text == "old note" and note.updated.year == 2025
        assert store.sets.get(7).muscles == ("temporalis", "masseter")
        store.study.review("paint_zone:masseter:right", score=100)  # the version 2 tables work
        assert len(store.study.history("paint_zone:masseter:right")) == 1


def test_a_failing_migration_changes_nothing(data_dir: Path) -> None:
    path = data_dir / FILE_NAME
    _version_1_file(path)
    broken = (*schema.MIGRATIONS, ("CREATE TABLE extra (x)", "THIS IS NOT SQL"))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(StoreError, match="nothing was changed"):
        schema.migrate(conn, broken)
    conn.close()
    assert _pragma(path, "user_version") == 1
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "cards" not in tables and "extra" not in tables  # version 2's step rolled back with the rest


def test_a_file_from_a_newer_version_is_refused_and_left_alone(data_dir: Path) -> None:
    Store.open().close()
    path = data_dir / FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer tpi-viewer") as info:
        Store.open()
    assert info.value.moved_to is None
    assert _pragma(path, "user_version") == schema.CURRENT_VERSION + 1
    assert not list(data_dir.glob("*.corrupt-*"))


def test_garbage_file_is_moved_aside_then_a_fresh_store_works(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / FILE_NAME
    garbage = b"this is not a database, it is a shopping list\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as info:
        Store.open()
    moved = info.value.moved_to
    assert moved is not None and moved.parent == data_dir and moved.name.startswith(f"{FILE_NAME}.corrupt-")
    assert moved.read_bytes() == garbage  # set aside unchanged, never overwritten
    assert str(path) in info.value.message and str(moved) in info.value.message and "damaged" in info.value.message
    assert not path.exists()
    with Store.open() as store:
        store.notes.set("masseter", "fresh start")
        assert store.integrity_ok()
    assert moved.read_bytes() == garbage


def test_damaged_database_is_moved_aside_with_its_wal(data_dir: Path) -> None:
    with Store.open() as store:
        for i in range(400):
            store.notes.set(f"muscle_{i:03}", "x" * 200)
    path = data_dir / FILE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[3 * page: 6 * page] = b"\xde\xad\xbe\xef" * (3 * page // 4)  # trash b-tree pages, keep the header
    path.write_bytes(bytes(data))
    (data_dir / f"{FILE_NAME}-wal").write_bytes(b"not a valid write-ahead log")
    with pytest.raises(StoreError) as info:
        Store.open()
    moved = info.value.moved_to
    assert moved is not None and moved.read_bytes() == bytes(data)
    assert (data_dir / f"{moved.name}-wal").read_bytes() == b"not a valid write-ahead log"
    assert not (data_dir / f"{FILE_NAME}-wal").exists()
    with Store.open() as store:
        assert store.notes.all() == []


def test_two_damaged_files_in_one_second_do_not_collide(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    moved = []
    for text in (b"first garbage" * 100, b"second garbage" * 100):
        (data_dir / FILE_NAME).write_bytes(text)
        with pytest.raises(StoreError) as info:
            Store.open()
        moved.append(info.value.moved_to)
    assert len(set(moved)) == 2 and all(m is not None and m.exists() for m in moved)


def test_an_unopenable_path_is_an_error_but_nothing_is_moved(data_dir: Path) -> None:
    (data_dir / FILE_NAME).mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(StoreError) as info:
        Store.open()
    assert info.value.moved_to is None
    assert (data_dir / FILE_NAME).is_dir()
