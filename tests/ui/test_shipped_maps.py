"""The shipped body maps: right side on the correct side, every core muscle selectable and painted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from tests.test_shipped_data import BEST_VIEW
from tests.ui.helpers import click, is_essential_red, is_highlight, wait_for_layout
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.state import ViewerState


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_right_side_is_on_the_correct_side_of_the_picture(catalog, view: str) -> None:
    body_map = catalog.body_maps[view]
    x0, _, x1, _ = body_map.bounds
    middle = (x0 + x1) / 2
    right = [s.label[0] for s in body_map.muscles if s.side == "right"]
    left = [s.label[0] for s in body_map.muscles if s.side == "left"]
    assert right and left
    if view == "anterior":  # facing the patient: their right is on our left
        assert max(right) < middle < min(left)
    else:
        assert min(right) > middle > max(left)


def _canvas(qtbot, catalog, view: str, side: str = "right") -> BodyCanvas:
    canvas = BodyCanvas(catalog, ViewerState(view, side))  # type: ignore[arg-type]
    qtbot.addWidget(canvas)
    canvas.resize(700, 900)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def _area_colors(qtbot, canvas: BodyCanvas, point: tuple[float, float], radius: int = 3) -> list:
    pos = wait_for_layout(qtbot, canvas, point)
    image = canvas.view.viewport().grab().toImage()
    r = image.devicePixelRatio()
    return [image.pixelColor(int((pos.x() + dx) * r), int((pos.y() + dy) * r))
            for dx in range(-radius, radius + 1) for dy in range(-radius, radius + 1)]


def _clear_point(qtbot, canvas: BodyCanvas, shape) -> tuple[float, float]:
    """The point of the shape nearest its label point that no trigger point mark or label covers."""
    from tpi_viewer.model.geometry import contains
    from tpi_viewer.ui.overlay_items import MarkItem

    wait_for_layout(qtbot, canvas, shape.label)
    marks = [canvas.to_widget(m.pos_in_map) for m in canvas._overlay if isinstance(m, MarkItem)]
    px, py = canvas.vb.viewPixelSize()
    labels = []
    for t in canvas.labels.items:
        if t.isVisible():
            r = t.pixel_rect(t.pos(), px, py)
            a = canvas.view.mapFromScene(canvas.vb.mapViewToScene(r.topLeft()))
            b = canvas.view.mapFromScene(canvas.vb.mapViewToScene(r.bottomRight()))
            labels.append(QRect(a, b).normalized())
    x0, y0, x1, y1 = shape.bbox
    outline = shape.full if shape.layer == "deep" else shape.outline
    best = None
    for i in range(41):
        for j in range(41):
            p = (x0 + (x1 - x0) * i / 40, y0 + (y1 - y0) * j / 40)
            if not contains(outline, p):
                continue
            w = canvas.to_widget(p)
            if any((w - m).manhattanLength() < 18 for m in marks) or any(r.adjusted(-4, -4, 4, 4).contains(w.toPoint()) for r in labels):
                continue
            d = (p[0] - shape.label[0]) ** 2 + (p[1] - shape.label[1]) ** 2
            if best is None or d < best[0]:
                best = (d, p)
    assert best is not None, "no clear point on the muscle"
    return best[1]


@pytest.mark.parametrize("muscle_id", sorted(BEST_VIEW))
def test_click_selects_core_muscle_and_paints_it_and_its_zones(qtbot, catalog, muscle_id: str) -> None:
    view = BEST_VIEW[muscle_id]
    canvas = _canvas(qtbot, catalog, view)
    body_map = canvas.body_map
    side = body_map.shows_side or "right"
    shape = next(s for s in body_map.muscle_shapes(muscle_id) if s.side == side)
    hit = body_map.muscle_at(shape.label, frozenset(catalog.muscle_ids))
    if hit is not None and hit.muscle == muscle_id:
        click(qtbot, canvas, shape.label)
    else:  # a deep muscle under another selectable one: choose it from the list instead
        canvas.state.select(muscle_id)
    assert canvas.state.selection == [muscle_id]
    colors = _area_colors(qtbot, canvas, _clear_point(qtbot, canvas, shape))
    assert sum(is_highlight(c) for c in colors) >= len(colors) // 3, f"{muscle_id} not highlighted at its label"
    muscle = catalog.muscle(muscle_id)
    essential_regions = {r for z in muscle.essential_zones for r in z.regions}
    shapes = [g for g in body_map.regions if g.region in essential_regions and g.side in (side, "midline")]
    assert shapes, f"no essential zone of {muscle_id} in {view}"
    reds = 0
    for g in shapes:
        colors = _area_colors(qtbot, canvas, g.label, 2)
        reds += sum(is_essential_red(c) for c in colors) >= len(colors) // 3
    assert reds >= 1, f"essential zone of {muscle_id} not painted red in {view}"


def test_choosing_a_muscle_shows_one_of_its_views(qtbot, catalog, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from tpi_viewer.ui.main_window import MainWindow

    window = MainWindow(catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.state.set_view("head_lateral")
    window.state.select("piriformis")
    assert window.state.view == "posterior"
    assert window.view_combo.currentData() == "posterior"
    window.state.select("masseter")
    assert window.state.view == "head_lateral"


def test_about_credits_bodyparts3d(catalog) -> None:
    from tpi_viewer.ui.about import about_html

    html = about_html(catalog)
    assert "BodyParts3D" in html and "Database Center for Life Science" in html


def test_choosing_from_the_list_shows_the_best_view(qtbot, catalog, tmp_path) -> None:
    from PySide6.QtCore import QSettings, Qt

    from tpi_viewer.ui.main_window import MainWindow

    window = MainWindow(catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.state.set_view("anterior")
    lst = window.muscle_list.list
    item = lst.item(window.muscle_list.visible_ids().index("masseter"))
    lst.scrollToItem(item)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(item).center())
    assert window.state.selection == ["masseter"] and window.state.view == "head_lateral"


def test_zones_show_in_a_view_that_does_not_draw_the_muscle(qtbot, catalog) -> None:
    """Rectus abdominis is on the front, but refers pain across the low back: seen from behind,
    its back zone is painted although the muscle itself is not drawn there."""
    assert "rectus_abdominis" not in catalog.body_maps["posterior"].muscle_ids
    lumbar = next(r for r in catalog.body_maps["posterior"].regions if r.region == "lumbar" and r.side == "right")
    canvas = _canvas(qtbot, catalog, "posterior", "both")
    before = [is_essential_red(c) for c in _area_colors(qtbot, canvas, lumbar.label, 2)]
    canvas.state.set_selection(["rectus_abdominis"])
    qtbot.waitUntil(lambda: sum(is_essential_red(c) for c in _area_colors(qtbot, canvas, lumbar.label, 2)) > 15)
    assert sum(before) == 0
