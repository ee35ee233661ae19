"""Presentation mode: plain words for the patient, big picture, step through the muscles, Esc returns."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.helpers import is_essential_red, is_highlight, pixel
from tpi_viewer.store import MuscleSet, Store
from tpi_viewer.ui.main_window import MainWindow
from tpi_viewer.ui.presentation import PresentationWindow, choose_screen

CLINICIAN_ONLY = ("Injection safety", "Mind the vessels.", "Usual patient position", "Lying down.", "Clinician text.",
                  "Musculus alpha", "Source A")


def _present(qtbot, catalog, muscles: list[str], side: str = "right") -> PresentationWindow:  # type: ignore[no-untyped-def]
    window = PresentationWindow(catalog, muscles, side)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_patient_words_only(qtbot, mini_catalog) -> None:
    window = _present(qtbot, mini_catalog, ["alpha"])
    text = window.text_shown()
    assert text.startswith("The alpha muscle")  # the lay name comes first
    for expected in ("Alpha: right side", "At the muscle", "Where the pain often spreads", "Plain text."):
        assert expected in text, expected
    for hidden in CLINICIAN_ONLY:
        assert hidden not in text, hidden


def test_picture_shows_the_muscle_and_its_zone(qtbot, mini_catalog) -> None:
    window = _present(qtbot, mini_catalog, ["alpha"])
    assert is_highlight(pixel(qtbot, window.canvas, (26, 76)))  # the patient's right alpha, clear of its X
    assert is_essential_red(pixel(qtbot, window.canvas, (10, 250)))  # its essential zone: the lower part, right side
    assert not is_highlight(pixel(qtbot, window.canvas, (126, 76)))  # the left one is not selected


def test_keys_and_buttons_step_through_the_selection(qtbot, mini_catalog) -> None:
    window = _present(qtbot, mini_catalog, ["alpha", "beta", "gamma"])
    assert window.shown_muscle == "alpha" and not window.back_button.isEnabled()
    with qtbot.waitSignal(window.shown_changed):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.shown_muscle == "beta" and window.state.selection == ["beta"]
    assert window.text_shown().startswith("The beta muscle") and "2 of 3" in window.position.text()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.shown_muscle == "gamma" and "No patient information" in window.text_shown()
    assert not window.next_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right)  # stays on the last one
    assert window.shown_muscle == "gamma"
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.shown_muscle == "beta"
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.shown_muscle == "alpha"
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.shown_muscle == "beta"


def test_esc_closes(qtbot, mini_catalog) -> None:
    window = _present(qtbot, mini_catalog, ["alpha"])
    with qtbot.waitSignal(window.closed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_f11_from_the_workbench_and_esc_back(qtbot, mini_catalog, tmp_path: Path) -> None:
    main = MainWindow(mini_catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.present() is None  # nothing selected: a hint in the status bar, no window
    assert "Select" in main.statusBar().currentMessage()
    main.state.set_selection(["alpha", "beta"])
    main.present_action.trigger()
    shown = main.presentation
    assert shown is not None
    qtbot.addWidget(shown)
    qtbot.waitUntil(shown.isVisible)
    assert shown.isFullScreen() and shown.muscles == ["alpha", "beta"]
    assert main.present_action.shortcut().toString() == "F11"
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not shown.isVisible() and main.isVisible()
    assert main.state.selection == ["alpha", "beta"]  # the workbench selection is untouched


def test_a_second_screen_is_preferred() -> None:
    laptop, projector = object(), object()
    assert choose_screen([laptop, projector], laptop) is projector  # type: ignore[list-item, arg-type]
    assert choose_screen([laptop, projector], projector) is laptop  # type: ignore[list-item, arg-type]
    assert choose_screen([laptop], laptop) is laptop  # type: ignore[list-item, arg-type]
    assert choose_screen([], None) is None


NECK_SET = MuscleSet(1, "Neck set", ("beta", "alpha", "removed_muscle"), datetime(2026, 1, 1, tzinfo=UTC))
EMPTY_SET = MuscleSet(2, "Old set", ("removed_muscle",), datetime(2026, 1, 1, tzinfo=UTC))


def test_a_set_is_recalled_in_two_clicks_inside_presentation(qtbot, mini_catalog) -> None:
    window = PresentationWindow(mini_catalog, ["gamma"], "right", sets=[NECK_SET, EMPTY_SET])
    qtbot.addWidget(window)
    window.show()
    assert window.sets_button is not None and window.sets_button.isVisible()
    menu = window.sets_button.menu()
    assert [a.text() for a in menu.actions()] == ["Neck set (2)"]  # unknown muscles skipped, an empty set not offered
    with qtbot.waitSignal(window.shown_changed):
        menu.actions()[0].trigger()
    assert window.shown_muscle == "beta" and window.state.selection == ["beta"]
    assert window.text_shown().startswith("The beta muscle")
    assert window.position.text() == "1 of 2" and window.set_label.text() == "Set: Neck set"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.shown_muscle == "alpha" and window.text_shown().startswith("The alpha muscle")
    assert not window.next_button.isEnabled()


def test_without_a_store_there_is_no_sets_button(qtbot, mini_catalog) -> None:
    window = _present(qtbot, mini_catalog, ["alpha"])
    assert window.sets_button is None
    assert not [b for b in window.findChildren(QPushButton) if "set" in b.text().lower()]


def test_with_nothing_selected_it_opens_on_the_sets(qtbot, mini_catalog) -> None:
    window = PresentationWindow(mini_catalog, [], "right", sets=[NECK_SET])
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.shown_muscle is None and window.state.selection == []
    assert "Choose what to show" in window.text_shown() and "Neck set" in window.text_shown()
    qtbot.keyClick(window, Qt.Key.Key_Right)  # nothing to step through yet: no error, still the list
    assert window.shown_muscle is None
    link = window.text.document().find("Neck set")
    where = window.text.cursorRect(link).center()
    with qtbot.waitSignal(window.shown_changed):
        qtbot.mouseClick(window.text.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.shown_muscle == "beta" and window.text_shown().startswith("The beta muscle")


def test_f11_with_nothing_selected_offers_my_sets(qtbot, mini_catalog, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    main = MainWindow(mini_catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), store=store)
    qtbot.addWidget(main)
    main.show()
    assert main.present() is None and "Select" in main.statusBar().currentMessage()  # no sets yet: the hint
    store.sets.create("Neck set", ["alpha", "beta"])
    shown = main.present()
    assert shown is not None
    qtbot.addWidget(shown)
    assert shown.shown_muscle is None and "Neck set" in shown.text_shown()
    shown.choose_set(0)
    assert shown.shown_muscle == "alpha"
    assert main.state.selection == []  # the workbench is untouched
    shown.close()


def test_pain_felt_elsewhere_turns_the_body(qtbot, catalog) -> None:
    """Rectus abdominis is shown from the front; 'Show the back' (or T) turns the body to its back pain."""
    window = _present(qtbot, catalog, ["rectus_abdominis", "masseter"], "both")
    assert window.state.view == "anterior"
    assert window.turn_button.isVisible() and window.turn_button.text() == "Show the back"
    window.turn_button.click()
    assert window.state.view == "posterior" and window.turn_button.text() == "Show the front"
    lumbar = next(r for r in catalog.body_maps["posterior"].regions if r.region == "lumbar" and r.side == "right")
    qtbot.waitUntil(lambda: is_essential_red(pixel(qtbot, window.canvas, lumbar.label)))
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.state.view == "anterior"
    window.forward()
    assert window.shown_muscle == "masseter" and not window.turn_button.isVisible()
