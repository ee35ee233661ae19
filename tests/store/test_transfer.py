"""Export to one JSON document and import it back: merge or replace, all or nothing, errors with JSON paths."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating

from tpi_viewer.store import Store, StoreError, TransferError


def _fill(store: Store, clock) -> None:
    store.notes.set("masseter", "Jaw slightly open. Ünïcode ✓")
    store.favourites.add("masseter")
    clock.advance(seconds=1)
    store.favourites.add("temporalis")
    store.sets.create("TMD set", ["masseter", "temporalis", "lateral_pterygoid"])
    store.sets.create("neck and shoulder", ["trapezius_upper"])
    store.study.review("paint_zone:masseter:right", score=40)
    clock.advance(minutes=10)
    store.study.review("paint_zone:masseter:right", Rating.Good, duration_ms=4200)
    store.study.ensure(["condition_to_muscles:tmd"])


def _content(store: Store) -> dict[str, Any]:
    doc = store.export_document()
    del doc["exported"]
    return doc


def test_round_trip_through_a_file(store: Store, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(store, clock)
    out = tmp_path / "backup.json"
    store.export_file(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "tpi-viewer-personal-data" and doc["format_version"] == 1
    assert [s["muscles"] for s in doc["sets"]] == [["trapezius_upper"], ["masseter", "temporalis", "lateral_pterygoid"]]
    assert [r["score"] for r in doc["study"]["reviews"]] == [40, None]
    monkeypatch.setenv("TPI_VIEWER_DATA_DIR", str(tmp_path / "other-computer"))
    with Store.open(clock=clock) as other:
        other.import_file(out)
        assert _content(other) == _content(store)
        assert other.study.card("paint_zone:masseter:right") == store.study.card("paint_zone:masseter:right")
        assert other.study.history("paint_zone:masseter:right")[1].duration_ms == 4200


def test_export_leaves_no_temporary_files(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    out.write_text("old export", encoding="utf-8")
    store.export_file(out)
    assert json.loads(out.read_text(encoding="utf-8"))["notes"] == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["backup.json"]


def test_merge_keeps_newer_notes_joins_sets_and_dedupes_reviews(store: Store, clock) -> None:
    _fill(store, clock)
    doc = store.export_document()
    clock.advance(hours=1)
    store.notes.set("masseter", "newer local edit")
    store.sets.set_muscles(store.sets.by_name("TMD set").id, ["digastric"])  # type: ignore[union-attr]
    doc["notes"].append({"muscle": "soleus", "text": "imported", "updated": "2026-01-01T00:00:00+00:00"})
    doc["sets"].append({"name": "Low back", "muscles": ["quadratus_lumborum"]})
    store.import_document(doc, "merge")
    assert store.notes.get("masseter").text == "newer local edit"  # type: ignore[union-attr]
    assert store.notes.get("soleus").text == "imported"  # type: ignore[union-attr]
    assert store.sets.by_name("TMD set").muscles == (  # type: ignore[union-attr]
        "digastric", "masseter", "temporalis", "lateral_pterygoid")
    assert store.sets.by_name("low back").muscles == ("quadratus_lumborum",)  # type: ignore[union-attr]
    assert len(store.study.history("paint_zone:masseter:right")) == 2  # the same reviews are not added twice


def test_merge_takes_the_more_recently_reviewed_card(store: Store, clock) -> None:
    store.study.review("refer_to_muscle:masseter:right", Rating.Good)
    doc = store.export_document()
    clock.advance(days=3)
    newer = store.study.review("refer_to_muscle:masseter:right", Rating.Good)
    store.import_document(doc, "merge")
    assert store.study.card("refer_to_muscle:masseter:right") == newer
    assert len(store.study.history("refer_to_muscle:masseter:right")) == 2


def test_replace_makes_the_store_equal_to_the_document(store: Store, clock) -> None:
    _fill(store, clock)
    doc = store.export_document()
    store.notes.set("extra", "gone after replace")
    store.sets.create("Extra set")
    store.study.review("refer_to_muscle:extra:left", Rating.Again)
    store.import_document(doc, "replace")
    assert _content(store) == {k: v for k, v in doc.items() if k != "exported"}
    empty = {"format": "tpi-viewer-personal-data", "format_version": 1}
    store.import_document(empty, "replace")
    assert store.notes.all() == [] and store.sets.list() == [] and store.study.cards() == []


def _problems(store: Store, doc: Any) -> list[str]:
    with pytest.raises(TransferError) as info:
        store.import_document(doc, "replace", file="backup.json")
    return [f"{p.path}: {p.message}" for p in info.value.problems]


def test_bad_documents_name_the_json_path(store: Store, clock) -> None:
    _fill(store, clock)
    good = store.export_document()
    before = _content(store)

    doc = copy.deepcopy(good)
    doc["notes"][0]["text"] = 5
    doc["sets"][1]["muscles"].append("")
    doc["study"]["reviews"][0]["log"]["rating"] = 7
    problems = _problems(store, doc)
    assert any(p.startswith("$.notes[0].text:") and "string" in p for p in problems), problems
    assert any(p.startswith("$.sets[1].muscles[3]:") for p in problems), problems
    assert any(p.startswith("$.study.reviews[0].log.rating:") for p in problems), problems

    doc = copy.deepcopy(good)
    doc["notes"][0]["updated"] = "yesterday"
    doc["study"]["cards"][0]["card"]["due"] = "2026-03-02T09:00:00"
    doc["sets"][0]["name"] = "tmd SET"
    doc["study"]["reviews"][1]["card"] = "no_such_card"
    assert _problems(store, doc) == [
        "$.notes[0].updated: 'yesterday' is not an ISO 8601 date and time",
        "$.study.cards[0].card.due: '2026-03-02T09:00:00' has no time zone (use e.g. +00:00)",
        "$.sets[1].name: 'TMD set' appears more than once",
        "$.study.reviews[1].card: no card 'no_such_card' in study.cards",
    ]
    assert _problems(store, {"format": "something else", "format_version": 1, "colour": "red"}) == [
        "$: unknown field(s) ('colour' was unexpected)",
        "$.format: 'tpi-viewer-personal-data' was expected",
    ]
    assert _problems(store, []) == ["$: [] is not of type 'object'"]
    assert _content(store) == before  # nothing was imported


def test_message_names_file_and_paths(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "tpi-viewer-personal-data", "format_version": 1, "notes": [{}]}))
    with pytest.raises(TransferError) as info:
        store.import_file(bad)
    assert f"{bad}: $.notes[0]: 'muscle' is missing (required)" in info.value.message


def test_a_file_that_is_not_json(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(TransferError, match=r"bad.json: \$: not a JSON document"):
        store.import_file(bad)
    with pytest.raises(StoreError, match="cannot read"):
        store.import_file(tmp_path / "missing.json")
    with pytest.raises(ValueError):
        store.import_document({"format": "tpi-viewer-personal-data", "format_version": 1}, "overwrite")  # type: ignore[arg-type]


def test_import_is_one_transaction(store: Store, clock, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(store, clock)
    doc = store.export_document()
    before = _content(store)
    from tpi_viewer.store import transfer

    def fail(*args: object) -> None:
        raise RuntimeError("disk pulled out half-way")

    monkeypatch.setattr(transfer, "_import_study", fail)  # notes and sets are already written by then
    doc["notes"].append({"muscle": "soleus", "text": "x", "updated": "2026-01-01T00:00:00+00:00"})
    with pytest.raises(RuntimeError):
        store.import_document(doc, "replace")
    assert _content(store) == before
