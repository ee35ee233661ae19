"""Which region shapes a selection paints, name search and the model's hit tests."""

from __future__ import annotations

from tpi_viewer.model.queries import painted_zones, search_muscles, trigger_point_marks


def _sides(painted) -> dict[str, set[tuple[str, str]]]:
    return {p.zone.kind: {(s.region, s.side) for s in p.shapes} for p in painted}


def test_ipsilateral_zones_follow_the_side(mini_catalog) -> None:
    body_map = mini_catalog.body_maps["anterior"]
    alpha = mini_catalog.muscle("alpha")
    right = _sides(painted_zones(body_map, alpha, "right"))
    assert right == {"local": {("upper", "right")}, "essential": {("lower", "right")}, "spillover": {("middle", "right")}}
    both = _sides(painted_zones(body_map, alpha, "both"))
    assert both["essential"] == {("lower", "right"), ("lower", "left")}


def test_spillover_can_be_hidden(mini_catalog) -> None:
    body_map = mini_catalog.body_maps["anterior"]
    kinds = [p.zone.kind for p in painted_zones(body_map, mini_catalog.muscle("alpha"), "left", show_spillover=False)]
    assert kinds == ["local", "essential"]


def test_laterality_rules(mini_catalog) -> None:
    zone = mini_catalog.muscle("alpha").local_zone
    assert zone.region_sides("right") == {"right", "midline"}
    from dataclasses import replace

    assert replace(zone, laterality="contralateral").region_sides("right") == {"left", "midline"}
    assert replace(zone, laterality="bilateral").region_sides("left") == {"left", "right", "midline"}
    assert replace(zone, laterality="midline").region_sides("left") == {"midline"}


def test_trigger_point_marks_by_side(mini_catalog) -> None:
    body_map = mini_catalog.body_maps["anterior"]
    marks = trigger_point_marks(body_map, mini_catalog.muscle("alpha"), "left")
    assert [(m.id, m.side) for m in marks] == [("tp1", "left")]


def test_hit_test_prefers_superficial_and_filters(mini_catalog) -> None:
    body_map = mini_catalog.body_maps["anterior"]
    assert body_map.muscle_at((50, 50)).muscle == "alpha"
    assert body_map.muscle_at((50, 50)).side == "right"
    assert body_map.muscle_at((150, 150)).muscle == "beta"
    assert body_map.muscle_at((50, 250)).muscle == "context_muscle"
    assert body_map.muscle_at((50, 250), frozenset({"alpha", "beta"})) is None
    assert body_map.muscle_at((5, 5)) is None
    assert body_map.region_at((5, 5)).region == "upper"


def test_search_by_name_latin_lay_and_typo(mini_catalog) -> None:
    assert [m.id for m in search_muscles(mini_catalog, "")] == ["alpha", "beta", "gamma"]
    assert [m.id for m in search_muscles(mini_catalog, "alp")] == ["alpha"]
    assert [m.id for m in search_muscles(mini_catalog, "musculus beta")] == ["beta"]
    assert [m.id for m in search_muscles(mini_catalog, "alpah")] == ["alpha"]
    assert search_muscles(mini_catalog, "zzzz") == []


def test_anatomy_only_entry_paints_no_zones(mini_catalog) -> None:
    gamma = mini_catalog.muscle("gamma")
    assert not gamma.complete and gamma.zones == () and gamma.trigger_points == ()
    assert painted_zones(mini_catalog.body_maps["anterior"], gamma, "both") == []


def test_search_by_condition_and_region(mini_catalog) -> None:
    assert [m.id for m in search_muscles(mini_catalog, "neck pain")] == ["alpha", "beta"]  # their condition
    assert [m.id for m in search_muscles(mini_catalog, "lower part")] == ["alpha"]  # alpha's essential zone
    assert [m.id for m in search_muscles(mini_catalog, "top")] == ["alpha", "beta"][:0] + ["alpha", "beta"]  # synonym of 'upper'
