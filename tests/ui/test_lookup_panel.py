"""Where does it hurt: paint on the body or type areas; candidates rank and overlay their pattern."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from tests.ui.helpers import click, pixel
from tpi_viewer.ui.main_window import MainWindow

UPPER_RIGHT_SKIN = (5.0, 5.0)  # region 'upper' on the patient's right, off every muscle


def _window(qtbot, catalog, tmp_path) -> MainWindow:
    window = MainWindow(catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.state.focus_selection = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.lookup_panel)
    return window


def _is_drawing(c) -> bool:  # the purple cross-hatch or its outline
    return c.blue() > c.green() + 25 and c.red() > c.green() + 10


def test_painting_a_region_ranks_candidates(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    assert window.state.drawing_mode == "paint"
    with qtbot.waitSignal(window.state.drawing_changed):
        click(qtbot, window.canvas, UPPER_RIGHT_SKIN)
    assert window.state.drawing == [("upper", "right")]
    assert window.state.selection == []  # painting never selects muscles
    assert window.lookup_panel.candidate_ids() == ["beta", "alpha"]
    canvas = window.canvas
    colors = [pixel(qtbot, canvas, (x, y)) for x in (3.0, 6.0, 9.0, 12.0) for y in (3.0, 6.0, 9.0)]
    assert any(_is_drawing(c) for c in colors)


def test_choosing_a_candidate_overlays_its_pattern(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.mark("upper", "right")
    panel = window.lookup_panel
    item = panel.candidates.item(0)
    qtbot.mouseClick(panel.candidates.viewport(), Qt.MouseButton.LeftButton, pos=panel.candidates.visualItemRect(item).center())
    assert window.state.selection == ["beta"]
    assert window.state.side == "right"
    assert window.state.drawing == [("upper", "right")]  # the drawing stays under the pattern
    assert "rule out first" in panel.details.text()


def test_typed_areas_and_refusal(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    panel = window.lookup_panel
    qtbot.keyClicks(panel.area_edit, "top")
    qtbot.keyClick(panel.area_edit, Qt.Key.Key_Return)
    assert window.state.drawing == [("upper", None)]
    qtbot.keyClicks(panel.area_edit, "elbow")
    qtbot.keyClick(panel.area_edit, Qt.Key.Key_Return)
    assert "No region matches 'elbow'" in panel.message.text()
    assert window.state.drawing == [("upper", None)]


def test_erase_clear_and_leaving_the_tab(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.set_drawing([("upper", "right"), ("lower", "left")])
    window.lookup_panel.erase_button.click()
    assert window.state.drawing_mode == "erase"
    click(qtbot, window.canvas, UPPER_RIGHT_SKIN)
    assert window.state.drawing == [("lower", "left")]
    window.lookup_panel.clear_button.click()
    assert window.state.drawing == []
    window.side_tabs.setCurrentWidget(window.muscle_list)
    assert window.state.drawing_mode == "off"
    click(qtbot, window.canvas, (50.0, 50.0))
    assert window.state.selection == ["alpha"]


def test_unmarking_one_side_of_a_both_sides_area(mini_catalog) -> None:
    from tpi_viewer.ui.state import ViewerState

    state = ViewerState()
    state.mark("upper", None)
    state.unmark("upper", "left")
    assert state.drawing == [("upper", "right")]
