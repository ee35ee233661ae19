"""The generated body maps: sane polygons inside the skin, both sides, geometry for every muscle."""

from __future__ import annotations

import pytest

from tpi_viewer.model.geometry import area, contains
from tpi_viewer.model.views import VIEW_IDS


def test_required_views_exist(catalog) -> None:
    assert {"anterior", "posterior", "head_lateral"} <= set(catalog.body_maps)
    assert set(catalog.body_maps) <= set(VIEW_IDS)


def test_every_muscle_has_geometry_in_each_of_its_views(catalog) -> None:
    for muscle in catalog.muscles:
        for view in muscle.views:
            assert catalog.body_maps[view].muscle_shapes(muscle.id), (muscle.id, view)


def _views(catalog):
    return [catalog.body_maps[v] for v in catalog.view_ids]


def test_shapes_have_area_and_labels_inside(catalog) -> None:
    for body_map in _views(catalog):
        assert area(body_map.skin) > 0
        for shape in body_map.muscles:
            assert area(shape.full) > 0, (body_map.view, shape.muscle, shape.side)
            assert contains(shape.full, shape.label), (body_map.view, shape.muscle, shape.side)
            assert contains(body_map.skin, shape.label), (body_map.view, shape.muscle, shape.side)
        for region in body_map.regions:
            assert area(region.polygons) > 0, (body_map.view, region.region)
            assert contains(region.polygons, region.label), (body_map.view, region.region, region.side)


def test_geometry_lies_within_the_bounds(catalog) -> None:
    for body_map in _views(catalog):
        x0, y0, x1, y1 = body_map.bounds
        shapes = [body_map.skin] + [s.full for s in body_map.muscles] + [r.polygons for r in body_map.regions]
        for shape in shapes:
            for polygon in shape:
                for x, y in polygon[0]:
                    assert x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1, body_map.view


def test_trigger_points_lie_on_their_muscle(catalog) -> None:
    for body_map in _views(catalog):
        for mark in body_map.trigger_points:
            shapes = [s for s in body_map.muscle_shapes(mark.muscle) if s.side == mark.side]
            assert shapes, (body_map.view, mark.muscle, mark.side)
            near = any(contains(s.full, mark.at) for s in shapes)
            assert near, f"{body_map.view}: {mark.muscle}.{mark.id} ({mark.side}) is off its muscle"


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_both_sides_present(catalog, view: str) -> None:
    body_map = catalog.body_maps[view]
    for muscle in catalog.muscles:
        if view in muscle.views:
            assert {s.side for s in body_map.muscle_shapes(muscle.id)} >= {"right", "left"}, muscle.id


def test_regions_cover_the_zone_vocabulary_in_some_view(catalog) -> None:
    drawn = set().union(*(m.region_ids for m in catalog.body_maps.values()))
    for muscle in catalog.muscles:
        for zone in muscle.zones:
            missing = set(zone.regions) - drawn
            assert not missing, (muscle.id, missing)


def test_render_works_for_every_view(qapp, catalog, tmp_path) -> None:
    from PIL import Image

    from tpi_viewer.export.figure import render_file

    for view in catalog.view_ids:
        muscles = [m.id for m in catalog.muscles if m.views[0] == view][:2]
        out = render_file(catalog, view, muscles, "both", tmp_path / f"{view}.png", 500)
        with Image.open(out) as image:
            assert image.width == 500 and image.height > 300
            assert len(image.convert("RGB").getcolors(1 << 20) or []) > 20, view
