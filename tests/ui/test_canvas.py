"""Canvas behaviour a user sees: clicks select, highlights and zones paint, sides and mirror."""

from __future__ import annotations

import pytest

from tests.ui.helpers import click, is_essential_red, is_highlight, is_skin, pixel
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.state import ViewerState

ALPHA_RIGHT = (50.0, 50.0)  # label point of alpha on the patient's right
ALPHA_LEFT = (150.0, 50.0)
LOWER_RIGHT = (10.0, 290.0)  # alpha's essential zone (lower region), away from muscles
LOWER_LEFT = (190.0, 290.0)
MIDDLE_RIGHT = (10.0, 110.0)  # alpha's spillover zone


@pytest.fixture
def canvas(qtbot, mini_catalog):
    state = ViewerState("anterior", "both")
    state.focus_selection = False  # these tests probe both sides; focusing has its own test
    widget = BodyCanvas(mini_catalog, state)
    qtbot.addWidget(widget)
    widget.resize(500, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_click_on_label_point_selects(qtbot, canvas) -> None:
    with qtbot.waitSignal(canvas.state.selection_changed, timeout=2000) as blocker:
        click(qtbot, canvas, ALPHA_RIGHT)
    assert blocker.args == [["alpha"]]
    assert is_highlight(pixel(qtbot, canvas, ALPHA_RIGHT))
    assert is_essential_red(pixel(qtbot, canvas, LOWER_RIGHT))


def test_nothing_painted_before_selection(qtbot, canvas) -> None:
    assert not is_highlight(pixel(qtbot, canvas, ALPHA_RIGHT))
    assert is_skin(pixel(qtbot, canvas, LOWER_RIGHT))


def test_ctrl_click_adds_a_deep_muscle(qtbot, canvas) -> None:
    click(qtbot, canvas, ALPHA_RIGHT)
    with qtbot.waitSignal(canvas.state.selection_changed, timeout=2000) as blocker:
        click(qtbot, canvas, (50.0, 150.0), ctrl=True)
    assert blocker.args == [["alpha", "beta"]]


def test_click_on_context_muscle_or_skin_selects_nothing(qtbot, canvas) -> None:
    click(qtbot, canvas, (50.0, 250.0))
    click(qtbot, canvas, (5.0, 5.0))
    assert canvas.state.selection == []


def test_one_side_only(qtbot, canvas) -> None:
    canvas.state.set_side("right")
    canvas.state.select("alpha")
    assert is_highlight(pixel(qtbot, canvas, ALPHA_RIGHT))
    assert not is_highlight(pixel(qtbot, canvas, ALPHA_LEFT))
    assert is_essential_red(pixel(qtbot, canvas, LOWER_RIGHT))
    assert is_skin(pixel(qtbot, canvas, LOWER_LEFT))


def test_clicking_the_other_side_switches_side(qtbot, canvas) -> None:
    canvas.state.set_side("right")
    click(qtbot, canvas, ALPHA_LEFT)
    assert canvas.state.side == "left"
    assert is_highlight(pixel(qtbot, canvas, ALPHA_LEFT))


def test_spillover_toggle(qtbot, canvas) -> None:
    canvas.state.select("alpha")
    spill = pixel(qtbot, canvas, MIDDLE_RIGHT)
    canvas.state.set_show_spillover(False)
    assert pixel(qtbot, canvas, MIDDLE_RIGHT) != spill
    assert is_skin(pixel(qtbot, canvas, MIDDLE_RIGHT))


def test_mirror_view_swaps_sides_on_screen(qtbot, canvas) -> None:
    canvas.state.set_side("right")
    canvas.state.select("alpha")
    before = canvas.to_widget(ALPHA_RIGHT).x()
    canvas.state.set_mirror(True)
    after = canvas.to_widget(ALPHA_RIGHT).x()
    assert before < canvas.view.width() / 2 < after
    assert is_highlight(pixel(qtbot, canvas, ALPHA_RIGHT))
    click(qtbot, canvas, ALPHA_LEFT)
    assert canvas.state.side == "left"


def test_side_captions_follow_mirror(qtbot, canvas) -> None:
    captions = [t for t, _, _ in canvas.labels.side_captions()]
    assert "RIGHT" in captions[0] and "LEFT" in captions[1]
    canvas.state.set_mirror(True)
    captions = [t for t, _, _ in canvas.labels.side_captions()]
    assert "LEFT" in captions[0] and "RIGHT" in captions[1]


def test_side_captions_never_overlap_on_a_narrow_picture(qtbot, canvas) -> None:
    canvas.resize(150, 500)
    canvas.fit()

    def caption_boxes():  # type: ignore[no-untyped-def]
        px, py = canvas.vb.viewPixelSize()
        return [t.pixel_rect(t.pos(), px, py) for t in canvas.labels.items if t.key is None and t.isVisible()]

    qtbot.waitUntil(lambda: canvas.view.viewport().width() < 160)
    canvas.labels.place()
    boxes = caption_boxes()
    assert len(boxes) == 2
    assert not boxes[0].intersects(boxes[1])


def test_hover_names_muscles_and_regions(canvas) -> None:
    assert canvas.describe_point(ALPHA_RIGHT) == "Alpha (right)"
    assert canvas.describe_point((150.0, 150.0)) == "Beta (left, deep)"
    assert canvas.describe_point((5.0, 5.0)) == "Upper part (right)"
    assert canvas.describe_point((50.0, 250.0)) == "Context muscle (right)"


def test_zoom_and_fit(qtbot, canvas) -> None:
    pixel(qtbot, canvas, ALPHA_RIGHT)
    width = canvas.vb.viewRect().width()
    canvas.zoom(2.0)
    assert canvas.vb.viewRect().width() == pytest.approx(width / 2, rel=0.05)
    canvas.fit()
    assert canvas.vb.viewRect().width() == pytest.approx(width, rel=0.05)


def test_trigger_points_are_marked_for_the_selected_side(qtbot, canvas) -> None:
    canvas.state.set_side("right")
    canvas.state.select("alpha")
    mark = pixel(qtbot, canvas, (65.0, 35.0))
    assert max(mark.red(), mark.green(), mark.blue()) < 90  # the black X
    other = pixel(qtbot, canvas, (165.0, 35.0))
    assert max(other.red(), other.green(), other.blue()) > 120


def test_selection_zooms_to_the_muscle_and_its_zones(qtbot, canvas) -> None:
    canvas.state.focus_selection = True
    canvas.state.set_side("right")
    pixel(qtbot, canvas, ALPHA_RIGHT)
    whole = canvas.vb.viewRect()
    canvas.state.select("alpha")
    focused = canvas.vb.viewRect()
    assert canvas.focus_rect() == __import__("PySide6.QtCore").QtCore.QRectF(0, 0, 100, 300)
    assert focused.center().x() < 100 - 20  # centred on the patient's right half (the picture's left)
    for point in (ALPHA_RIGHT, LOWER_RIGHT, MIDDLE_RIGHT):  # the muscle and all its zones stay in view
        assert focused.contains(canvas.to_view(point))
    assert not focused.contains(canvas.to_view((190.0, 50.0)))
    canvas.state.clear_selection()
    assert canvas.vb.viewRect().width() == __import__("pytest").approx(whole.width(), rel=0.05)


def test_labels_never_cover_trigger_points(qtbot, canvas) -> None:
    from tpi_viewer.ui.overlay_items import MarkItem as _MarkItem

    canvas.state.select("alpha")
    canvas.state.select("beta", additive=True)
    pixel(qtbot, canvas, ALPHA_RIGHT)
    canvas.labels.place()
    px, py = canvas.vb.viewPixelSize()
    marks = [canvas.to_view(m.pos_in_map) for m in canvas._overlay if isinstance(m, _MarkItem)]
    assert len(marks) == 4
    labels = [t for t in canvas.labels.items if t.isVisible() and t.key is not None]
    assert {t.key for t in labels} >= {"alpha", "beta"}
    for label in labels:
        rect = label.pixel_rect(label.pos(), px, py)
        assert not any(rect.contains(m) for m in marks), label.text
