"""Reverse lookup: region phrases resolve carefully; candidates rank by how well they explain the drawing."""

from __future__ import annotations

import pytest

from tpi_viewer.model.lookup import RegionNotFound, rank, resolve_region


def test_resolve_by_id_name_synonym_case_and_typo(mini_catalog) -> None:
    assert resolve_region(mini_catalog, "upper") == "upper"
    assert resolve_region(mini_catalog, "Upper Part") == "upper"
    assert resolve_region(mini_catalog, "TOP") == "upper"
    assert resolve_region(mini_catalog, "midle part") == "middle"


def test_unconfident_phrase_is_refused_with_suggestions(mini_catalog) -> None:
    with pytest.raises(RegionNotFound) as info:
        resolve_region(mini_catalog, "part")
    assert info.value.suggestions and "Upper part" in info.value.suggestions
    with pytest.raises(RegionNotFound):
        resolve_region(mini_catalog, "elbow")


def test_essential_ranks_above_spillover(mini_catalog) -> None:
    # 'upper' is beta's essential zone and alpha's local zone; 'middle' is alpha's spillover and beta's local.
    found = rank(mini_catalog, [("upper", None)])
    assert [c.muscle.id for c in found] == ["beta", "alpha"]
    assert found[0].reasons == ("essential zone covers upper part",)
    assert found[0].side is None


def test_explaining_every_area_ranks_first(mini_catalog) -> None:
    found = rank(mini_catalog, [("upper", None), ("lower", None)])
    assert found[0].muscle.id == "alpha"  # local upper + essential lower: both areas explained
    assert set(found[0].covered) == {("upper", None), ("lower", None)}


def test_side_aware(mini_catalog) -> None:
    found = rank(mini_catalog, [("lower", "left")], side="left")
    assert [(c.muscle.id, c.side) for c in found] == [("alpha", "left")]
    assert rank(mini_catalog, [("lower", "left")], side="right") == []  # ipsilateral zone: wrong side


def test_anatomy_only_and_doubtful_never_count(mini_catalog) -> None:
    from dataclasses import replace

    from tpi_viewer.model.catalog import Catalog

    beta = mini_catalog.muscle("beta")
    doubtful = replace(beta, essential_zones=tuple(replace(z, doubtful=True) for z in beta.essential_zones))
    catalog = Catalog(mini_catalog.data_version, mini_catalog.reviewed,
                      tuple(doubtful if m.id == "beta" else m for m in mini_catalog.muscles),
                      mini_catalog.conditions, mini_catalog.body_maps, mini_catalog.regions)
    assert [c.muscle.id for c in rank(catalog, [("upper", None)])] == ["alpha"]
