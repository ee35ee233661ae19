"""My notes, favourites and sets in the window, saved in the user's store."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tpi_viewer.store import Store
from tpi_viewer.ui.main_window import MainWindow
from tpi_viewer.ui.sets_menu import SetsMenu


def _window(qtbot, catalog, tmp_path, store: Store) -> MainWindow:
    window = MainWindow(catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), store=store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_notes_and_favourites_are_saved_and_come_back(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    window = _window(qtbot, mini_catalog, tmp_path, store)
    window.state.select("alpha")
    personal = window.personal
    assert personal is not None and personal.isEnabled()
    qtbot.keyClicks(personal.note, "Responds well to heat")
    qtbot.waitUntil(lambda: store.notes.get("alpha") is not None, timeout=3000)  # saved after a short pause
    assert store.notes.get("alpha").text == "Responds well to heat"
    personal.favourite.click()
    assert "alpha" in store.favourites
    assert window.muscle_list.list.item(0).text().startswith("★ Alpha")
    window.state.select("beta")
    assert personal.note.toPlainText() == ""
    window.state.select("alpha")
    assert personal.note.toPlainText() == "Responds well to heat" and personal.favourite.isChecked()


def test_a_note_typed_just_before_closing_is_kept(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    window = _window(qtbot, mini_catalog, tmp_path, store)
    window.state.select("beta")
    qtbot.keyClicks(window.personal.note, "Check the deep layer")
    window.close()
    assert store.notes.get("beta").text == "Check the deep layer"


def test_sets_save_and_recall_the_selection(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    window = _window(qtbot, mini_catalog, tmp_path, store)
    menu = window.findChild(SetsMenu)
    window.state.set_selection(["beta", "alpha"])
    menu.save_selection("Neck set")
    assert store.sets.by_name("Neck set").muscles == ("beta", "alpha")
    window.state.clear_selection()
    recall = next(a for a in menu.actions() if a.text().startswith("Neck set"))
    recall.trigger()
    assert window.state.selection == ["beta", "alpha"]


def test_a_damaged_store_is_reported_and_replaced(tmp_path, monkeypatch) -> None:
    from tpi_viewer import app

    monkeypatch.setenv("TPI_VIEWER_DATA_DIR", str(tmp_path))
    (tmp_path / "user-data.sqlite3").write_bytes(b"this is not a database" * 100)
    shown: list[str] = []
    store = app.open_store(lambda parent, text: shown.append(text))
    assert store is not None
    assert "could not be read" in shown[0] and "corrupt" in shown[0]
    store.notes.set("alpha", "fresh")
    store.close()
