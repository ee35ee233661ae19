"""Notes, favourites and named sets: stored, ordered, validated, and still there after reopening."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from tpi_viewer.store import Store, StoreError, data_dir, store_path


def test_data_dir_defaults_to_platformdirs_and_env_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TPI_VIEWER_DATA_DIR", raising=False)
    assert data_dir() == Path(platformdirs.user_data_dir("tpi-viewer", appauthor=False))
    monkeypatch.setenv("TPI_VIEWER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert store_path() == tmp_path / "elsewhere" / "user-data.sqlite3"


def test_opening_creates_the_file_in_the_data_dir(store: Store, data_dir: Path) -> None:
    assert store.path == data_dir / "user-data.sqlite3"
    assert store.path.is_file()


def test_notes_get_set_delete_with_timestamps(store: Store, clock) -> None:
    assert store.notes.get("masseter") is None
    first = store.notes.set("masseter", "Palpate with the jaw slightly open.")
    assert first.updated == clock.now
    later = clock.advance(minutes=5)
    store.notes.set("masseter", "Edited.")
    note = store.notes.get("masseter")
    assert note is not None and note.text == "Edited." and note.updated == later
    store.notes.set("temporalis", "")
    assert [n.muscle for n in store.notes.all()] == ["masseter", "temporalis"]
    assert store.notes.delete("masseter") is True
    assert store.notes.delete("masseter") is False
    assert store.notes.get("masseter") is None
    with pytest.raises(ValueError):
        store.notes.set("  ", "no muscle")


def test_favourites_keep_the_order_starred_and_the_first_date(store: Store, clock) -> None:
    store.favourites.add("trapezius_upper")
    first = clock.now
    clock.advance(seconds=1)
    store.favourites.add("masseter")
    clock.advance(seconds=1)
    again = store.favourites.add("trapezius_upper")
    assert again.added == first
    assert [f.muscle for f in store.favourites.list()] == ["trapezius_upper", "masseter"]
    assert "masseter" in store.favourites and "soleus" not in store.favourites
    assert store.favourites.remove("masseter") is True
    assert store.favourites.remove("masseter") is False
    assert [f.muscle for f in store.favourites.list()] == ["trapezius_upper"]


def test_sets_keep_muscles_in_order(store: Store) -> None:
    tmd = store.sets.create("TMD set", ["masseter", "temporalis"])
    assert tmd.muscles == ("masseter", "temporalis")
    tmd = store.sets.add(tmd.id, "lateral_pterygoid", index=1)
    assert tmd.muscles == ("masseter", "lateral_pterygoid", "temporalis")
    tmd = store.sets.add(tmd.id, "masseter")  # already there: stays where it is
    assert tmd.muscles == ("masseter", "lateral_pterygoid", "temporalis")
    tmd = store.sets.add(tmd.id, "digastric")
    assert tmd.muscles[-1] == "digastric"
    tmd = store.sets.remove(tmd.id, "lateral_pterygoid")
    assert tmd.muscles == ("masseter", "temporalis", "digastric")
    tmd = store.sets.set_muscles(tmd.id, ["digastric", "masseter", "digastric"])
    assert tmd.muscles == ("digastric", "masseter")


def test_sets_create_rename_delete_and_unique_names(store: Store) -> None:
    neck = store.sets.create("  neck and   shoulder ")
    assert neck.name == "neck and shoulder"
    store.sets.create("TMD set")
    with pytest.raises(StoreError, match="already exists"):
        store.sets.create("tmd SET")
    with pytest.raises(StoreError, match="already exists"):
        store.sets.rename(neck.id, "TMD set")
    with pytest.raises(StoreError, match="needs a name"):
        store.sets.create("   ")
    renamed = store.sets.rename(neck.id, "Neck & shoulder")
    assert renamed.id == neck.id and store.sets.rename(neck.id, "neck & SHOULDER").name == "neck & SHOULDER"
    assert [s.name for s in store.sets.list()] == ["neck & SHOULDER", "TMD set"]
    found = store.sets.by_name("tmd set")
    assert found is not None and found.name == "TMD set"
    assert store.sets.delete(found.id) is True
    assert store.sets.delete(found.id) is False
    with pytest.raises(KeyError):
        store.sets.get(found.id)
    with pytest.raises(KeyError):
        store.sets.add(found.id, "masseter")


def test_everything_survives_reopening(data_dir: Path, clock) -> None:
    with Store.open(clock=clock) as store:
        store.notes.set("masseter", "Note")
        store.favourites.add("masseter")
        store.sets.create("TMD set", ["masseter", "temporalis"])
        store.study.review("paint_zone:masseter:right", score=90)
    with Store.open(clock=clock) as store:
        note = store.notes.get("masseter")
        assert note is not None and note.text == "Note"
        assert [f.muscle for f in store.favourites.list()] == ["masseter"]
        assert [s.muscles for s in store.sets.list()] == [("masseter", "temporalis")]
        assert len(store.study.history("paint_zone:masseter:right")) == 1
