"""Compare two muscles: pictures side by side in one view, fields row by row, shared areas marked."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from tests.ui.helpers import click, is_highlight, pixel
from tpi_viewer.ui.compare_dialog import CompareDialog
from tpi_viewer.ui.compare_html import SHARED
from tpi_viewer.ui.main_window import MainWindow


def _dialog(qtbot, catalog, selection: list[str]) -> CompareDialog:  # type: ignore[no-untyped-def]
    dialog = CompareDialog(catalog, selection)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _marked(dialog: CompareDialog) -> list[str]:
    """The pieces of the table text shown with the marker-pen background."""
    out = []
    block = dialog.text.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color() == QColor(SHARED):
                out.append(fragment.text())
            it += 1
        block = block.next()
    return out


def test_the_two_selected_muscles_side_by_side(qtbot, mini_catalog) -> None:
    dialog = _dialog(qtbot, mini_catalog, ["alpha", "beta"])
    left, right = dialog.columns
    assert dialog.chosen == ("alpha", "beta")
    assert left.chooser.currentText() == "Alpha" and right.chooser.currentText() == "Beta"
    assert left.state.selection == ["alpha"] and right.state.selection == ["beta"]
    text = dialog.text_shown()
    for expected in ("Alpha", "Beta", "Musculus alpha", "the beta muscle", "Local pain", "Essential referred pain",
                     "Injection safety", "Mind the vessels.", "Usual patient position", "Source A"):
        assert expected in text, expected
    assert "Pain felt in both: upper part, middle part" in text
    assert is_highlight(pixel(qtbot, left.canvas, (28, 26)))  # alpha, patient's right, in the left picture only
    assert not is_highlight(pixel(qtbot, right.canvas, (28, 26)))


def test_shared_areas_are_marked_and_the_others_are_not(qtbot, mini_catalog) -> None:
    dialog = _dialog(qtbot, mini_catalog, ["alpha", "beta"])
    marked = " ".join(_marked(dialog))
    assert "upper part" in marked and "middle part" in marked
    assert "lower part" not in marked  # only alpha refers pain there
    assert "Neck pain" in marked  # a condition both are related to


def test_changing_a_chooser_changes_that_column_only(qtbot, mini_catalog) -> None:
    dialog = _dialog(qtbot, mini_catalog, ["alpha", "beta"])
    left, right = dialog.columns
    right.chooser.setCurrentIndex(right.chooser.findData("gamma"))
    assert dialog.chosen == ("alpha", "gamma")
    assert right.state.selection == ["gamma"] and left.state.selection == ["alpha"]
    text = dialog.text_shown()
    assert "Gamma" in text and "Anatomy only: not written yet." in text and "Beta" not in text
    assert "Pain felt in both: no area in common." in text
    assert "Compare: Alpha and Gamma" == dialog.windowTitle()


def test_one_selected_muscle_leaves_the_second_to_choose_by_typing(qtbot, mini_catalog) -> None:
    dialog = _dialog(qtbot, mini_catalog, ["beta"])
    right = dialog.columns[1]
    assert dialog.chosen == ("beta", None) and right.state.selection == []
    assert "Choose a muscle above to compare." in dialog.text_shown()
    completer = right.chooser.completer()
    assert completer is not None
    completer.setCompletionPrefix("lph")  # part of a name, anywhere in it
    assert completer.completionCount() == 1 and completer.currentCompletion() == "Alpha"
    right.choose("alpha")
    assert right.state.selection == ["alpha"] and "Pain felt in both" in dialog.text_shown()


def test_clicking_a_muscle_in_a_picture_compares_it(qtbot, mini_catalog) -> None:
    dialog = _dialog(qtbot, mini_catalog, ["beta"])
    right = dialog.columns[1]
    click(qtbot, right.canvas, (50, 50))  # alpha on the patient's right
    assert dialog.chosen == ("beta", "alpha") and right.chooser.currentText() == "Alpha"


def test_shipped_pairs_share_one_view_at_one_scale(qtbot, catalog) -> None:
    pairs = (("scalene_anterior", "infraspinatus", "lateral_right", "inner edge of the shoulder blade"),
             ("gluteus_minimus", "piriformis", "posterior", "buttock, back of the thigh"))
    for first, second, view, shared in pairs:
        dialog = _dialog(qtbot, catalog, [first, second])
        left, right = dialog.columns
        assert left.state.view == right.state.view == view
        # the same stretch of body at the same scale (the columns may differ by a pixel in width)
        qtbot.waitUntil(lambda d=dialog: d.columns[0].canvas.vb.viewRange()[1] == d.columns[1].canvas.vb.viewRange()[1],
                        timeout=3000)
        scales = [c.canvas.vb.viewPixelSize()[1] for c in dialog.columns]
        assert abs(scales[0] - scales[1]) < 0.01 * scales[0]
        assert shared in dialog.text_shown()
        dialog.close()


def test_the_view_can_be_chosen_for_both(qtbot, catalog) -> None:
    dialog = _dialog(qtbot, catalog, ["scalene_anterior", "infraspinatus"])
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("posterior"))
    assert [c.state.view for c in dialog.columns] == ["posterior", "posterior"]
    assert dialog.columns[0].caption.text().startswith("Back view")
    assert "Not visible in this view: upper chest" in dialog.columns[0].caption_text


def test_from_the_workbench_the_selection_stays_put(qtbot, mini_catalog, tmp_path) -> None:
    window = MainWindow(mini_catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.state.set_selection(["beta", "alpha"])
    assert any(a.text() == "Co&mpare two muscles…" and a.shortcut().toString() == "Ctrl+Shift+C" for a in window.actions())
    dialog = window.compare()
    qtbot.addWidget(dialog)
    assert dialog.chosen == ("beta", "alpha")
    dialog.columns[0].choose("gamma")
    assert window.state.selection == ["beta", "alpha"]


def test_typing_part_of_a_name_and_enter_chooses_it(qtbot, catalog) -> None:
    dialog = _dialog(qtbot, catalog, ["infraspinatus"])
    chooser = dialog.columns[1].chooser
    chooser.edit.setFocus()
    qtbot.keyClicks(chooser.edit, "scalene")
    completer = chooser.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert completer.completionCount() == 3  # anterior, middle and posterior scalene
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.chosen == ("infraspinatus", "scalene_anterior")
    assert dialog.columns[1].state.selection == ["scalene_anterior"] and "Anterior scalene" in dialog.text_shown()
