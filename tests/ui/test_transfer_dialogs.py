"""Export / import my notes and progress: a JSON file that comes back whole; a bad file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from tpi_viewer.store import Store
from tpi_viewer.ui import transfer_dialogs
from tpi_viewer.ui.main_window import MainWindow


class User:
    """Stands in for the person at the keyboard: picks files and presses the named buttons; remembers each box."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, file: Path, answers: list[str] | None = None) -> None:
        self.boxes: list[tuple[str, str]] = []  # (title, everything the box says)
        self.answers = list(answers or [])
        monkeypatch.setattr(transfer_dialogs, "ask_save_path", lambda parent, suggested: file)
        monkeypatch.setattr(transfer_dialogs, "ask_open_path", lambda parent: file)
        monkeypatch.setattr(transfer_dialogs, "run_box", self.run_box)

    def run_box(self, box: QMessageBox) -> QAbstractButton | None:
        self.boxes.append((box.windowTitle(), f"{box.text()}\n{box.informativeText()}"))
        names = {b.text(): b for b in box.buttons()}
        if len(names) == 1:  # a message with only OK
            return next(iter(names.values()))
        return names[self.answers.pop(0)]

    def said(self) -> str:
        return "\n".join(text for _, text in self.boxes)


def _content(store: Store) -> dict[str, Any]:
    doc = store.export_document()
    doc.pop("exported")
    return doc


@pytest.fixture(autouse=True)
def _app(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Message boxes need a QApplication, even when the test answers them."""


@pytest.fixture
def mine(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "mine" / "user.sqlite3")
    store.notes.set("masseter", "Ask about night-time grinding")
    store.notes.set("piriformis", "Check the sciatic notch")
    store.favourites.add("masseter")
    store.sets.create("TMD set", ["masseter", "temporalis"])
    return store


def test_export_then_import_into_a_fresh_store_gives_the_same_data(mine: Store, tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "my data.json"
    user = User(monkeypatch, file, ["Merge with mine"])
    transfer_dialogs.export_user_data(None, mine)
    assert json.loads(file.read_text(encoding="utf-8"))["notes"][0]["muscle"] == "masseter"
    fresh = Store.open(tmp_path / "other" / "user.sqlite3")
    assert transfer_dialogs.import_user_data(None, fresh) is True
    note, tmd = fresh.notes.get("masseter"), fresh.sets.by_name("TMD set")
    assert note is not None and note.text == "Ask about night-time grinding"
    assert tmd is not None and tmd.muscles == ("masseter", "temporalis")
    assert "masseter" in fresh.favourites
    assert _content(fresh) == _content(mine)
    title, text = user.boxes[-1]
    assert title == "Import finished"
    assert "2 notes, 1 favourite, 1 set and 0 study cards" in text and "my data.json" in text


def test_the_merge_or_replace_question_explains_both(mine: Store, tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "x.json"
    mine.export_file(file)
    user = User(monkeypatch, file, ["Cancel"])
    assert transfer_dialogs.import_user_data(None, mine) is False
    assert "Merge keeps everything you have" in user.said() and "Replace makes your data exactly" in user.said()


def test_a_broken_file_names_the_file_and_json_path_and_changes_nothing(mine: Store, tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "broken.json"
    doc = mine.export_document()
    doc["notes"].append({"muscle": "deltoid", "text": "new"})  # no "updated"
    doc["sets"][0]["name"] = "   "
    file.write_text(json.dumps(doc), encoding="utf-8")
    before = _content(mine)
    user = User(monkeypatch, file, ["Replace mine…", "Replace"])
    assert transfer_dialogs.import_user_data(None, mine) is False
    title, text = user.boxes[-1]
    assert title == "Nothing was imported" and "your data is unchanged" in text
    assert str(file) in text and "$.notes[2]" in text and "$.sets[0].name" in text
    assert "Traceback" not in text
    assert _content(mine) == before


def test_a_file_that_is_not_json_at_all(mine: Store, tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("my notes, not JSON {", encoding="utf-8")
    before = _content(mine)
    user = User(monkeypatch, file, ["Merge with mine"])
    assert transfer_dialogs.import_user_data(None, mine) is False
    assert str(file) in user.said() and "At $: not a JSON document" in user.said()
    assert _content(mine) == before


def test_replace_asks_first_and_keeps_a_copy_of_what_was_there(mine: Store, tmp_path: Path, monkeypatch) -> None:
    other = Store.open(tmp_path / "other" / "user.sqlite3")
    other.notes.set("deltoid", "From the other laptop")
    file = tmp_path / "other.json"
    other.export_file(file)
    before = _content(mine)
    user = User(monkeypatch, file, ["Replace mine…", "Cancel"])
    assert transfer_dialogs.import_user_data(None, mine) is False
    assert _content(mine) == before  # said no: nothing changed
    user.answers = ["Replace mine…", "Replace"]
    assert transfer_dialogs.import_user_data(None, mine) is True
    imported = mine.notes.get("deltoid")
    assert imported is not None and imported.text == "From the other laptop" and mine.notes.get("masseter") is None
    copies = list(mine.path.parent.glob("before-import-*.json"))
    assert len(copies) == 1 and "Ask about night-time grinding" in copies[0].read_text(encoding="utf-8")
    assert str(copies[0]) in user.said()  # the confirmation said where the copy goes


def test_an_export_that_cannot_be_written_says_why(mine: Store, tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "no such folder" / "x.json"
    user = User(monkeypatch, file)
    transfer_dialogs.export_user_data(None, mine)
    title, text = user.boxes[-1]
    assert title == "Export failed" and str(file) in text and "Problem:" in text
    assert not file.exists()


def test_the_window_shows_imported_notes_at_once(qtbot, mini_catalog, tmp_path: Path, monkeypatch) -> None:
    other = Store.open(tmp_path / "other" / "user.sqlite3")
    other.notes.set("alpha", "Imported note")
    other.sets.create("Neck set", ["alpha", "beta"])
    file = tmp_path / "other.json"
    other.export_file(file)
    store = Store.open(tmp_path / "mine.sqlite3")
    window = MainWindow(mini_catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), store=store)
    qtbot.addWidget(window)
    window.state.select("alpha")
    User(monkeypatch, file, ["Merge with mine"])
    window.import_user_data()
    assert window.personal is not None and window.personal.note.toPlainText() == "Imported note"
    assert "Imported 1 note" in window.statusBar().currentMessage()
    assert store.sets.by_name("Neck set") is not None
