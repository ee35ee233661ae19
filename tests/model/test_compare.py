"""Comparing two muscles: shared pain areas and conditions, and one view that shows both patterns."""

from __future__ import annotations

from dataclasses import replace

from tpi_viewer.model.compare import (
    compare_views,
    hidden_areas,
    shared_areas,
    shared_conditions,
    zone_areas,
)


def test_shared_areas_and_conditions(mini_catalog) -> None:
    alpha, beta, gamma = (mini_catalog.muscle(m) for m in ("alpha", "beta", "gamma"))
    assert zone_areas(alpha) == {"upper": ("local",), "lower": ("essential",), "middle": ("spillover",)}
    assert shared_areas(alpha, beta) == ["upper", "middle"]  # lower is alpha's only
    assert shared_areas(beta, alpha) == ["middle", "upper"]  # in the first muscle's order
    assert shared_conditions(alpha, beta) == ["neck_pain"]
    assert shared_areas(alpha, gamma) == [] and shared_conditions(alpha, gamma) == []


def test_shipped_pairs_get_one_view_that_shows_both_patterns(catalog) -> None:
    scalene, infraspinatus = catalog.muscle("scalene_anterior"), catalog.muscle("infraspinatus")
    assert compare_views(catalog, scalene, infraspinatus) == ("lateral_right", "lateral_right")
    assert compare_views(catalog, scalene, infraspinatus, "left")[0] == "lateral_left"  # the treated side's view
    minimus, piriformis = catalog.muscle("gluteus_minimus"), catalog.muscle("piriformis")
    view, other = compare_views(catalog, minimus, piriformis)
    assert view == other == "posterior"  # the side views miss the sacroiliac area piriformis refers to
    assert hidden_areas(catalog, piriformis, "posterior") == []
    assert hidden_areas(catalog, piriformis, "lateral_right") == ["Sacroiliac area"]


def test_without_a_shared_view_each_muscle_keeps_its_own(mini_catalog) -> None:
    front = mini_catalog.body_maps["anterior"]
    two_views = replace(mini_catalog, body_maps={"anterior": front, "posterior": front})
    alpha = replace(mini_catalog.muscle("alpha"), views=("posterior",))
    beta = mini_catalog.muscle("beta")  # anterior only
    assert compare_views(two_views, alpha, beta) == ("posterior", "anterior")
    assert compare_views(two_views, beta, None) == ("anterior", "anterior")
    both = replace(beta, views=("anterior", "posterior"))
    assert compare_views(two_views, alpha, both) == ("posterior", "posterior")  # a shared view wins
