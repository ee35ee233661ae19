"""Quiz questions: right answers from the catalogue, plausible distractors, IoU scoring, stable ids and seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pytest

from tpi_viewer.model.bodymap import RegionInfo
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.lookup import rank
from tpi_viewer.model.queries import condition_muscles
from tpi_viewer.model.quiz import (
    ChoiceQuestion,
    PaintQuestion,
    UnknownQuestion,
    drawing_id,
    essential_areas,
    iou_percent,
    make_question,
    questions,
    quiz,
)
from tpi_viewer.model.types import Laterality, Muscle


@pytest.fixture
def cat(mini_catalog: Catalog) -> Catalog:
    """The synthetic catalogue plus muscles that exercise areas, sides and the midline."""
    alpha, beta, gamma = (mini_catalog.muscle(m) for m in ("alpha", "beta", "gamma"))
    zone = alpha.essential_zones[0]

    def made(mid: str, area: str, *zones: tuple[tuple[str, ...], Laterality]) -> Muscle:
        return replace(alpha, id=mid, name=mid.title(), area=area, conditions=(),
                       essential_zones=tuple(replace(zone, regions=r, laterality=lat) for r, lat in zones))

    muscles = (
        alpha, beta, gamma,  # alpha: essential 'lower' (ipsilateral), area neck; beta: essential 'upper'; gamma: anatomy only
        made("delta", "neck", (("middle",), "ipsilateral"), (("centre",), "ipsilateral")),
        made("epsilon", "leg", (("upper", "lower"), "ipsilateral")),
        made("zeta", "leg", (("middle",), "contralateral")),
        made("eta", "neck", (("lower",), "ipsilateral")),  # the same pattern as alpha
    )
    regions = {**mini_catalog.regions, "centre": RegionInfo("centre", "Centre line", "trunk", (), False, False)}
    return Catalog(mini_catalog.data_version, mini_catalog.reviewed, muscles,
                   mini_catalog.conditions, mini_catalog.body_maps, regions)


def test_essential_areas_follow_sides_and_keep_the_midline(cat: Catalog) -> None:
    assert essential_areas(cat, cat.muscle("alpha"), "left") == {("lower", "left")}
    assert essential_areas(cat, cat.muscle("delta"), "right") == {("middle", "right"), ("centre", "midline")}
    assert essential_areas(cat, cat.muscle("zeta"), "right") == {("middle", "left")}  # contralateral


def test_iou() -> None:
    assert iou_percent({1, 2}, {2, 3}) == pytest.approx(100 / 3)
    assert iou_percent(set(), set()) == 100.0
    assert iou_percent({1}, set()) == 0.0


def test_paint_zone_scored_by_intersection_over_union(cat: Catalog) -> None:
    q = make_question(cat, "paint_zone:delta:right")
    assert isinstance(q, PaintQuestion) and q.target == {("middle", "right"), ("centre", "midline")}
    assert q.score(q.target) == 100.0
    assert q.score({("middle", "right")}) == 50.0
    assert q.score({("middle", "left"), ("centre", "midline")}) == pytest.approx(100 / 3)  # wrong side, midline right
    assert q.score({("middle", "left")}) == 0.0
    assert q.score(set()) == 0.0


def test_refer_to_muscle_offers_same_area_distractors_but_never_a_twin(cat: Catalog) -> None:
    q = make_question(cat, "refer_to_muscle:alpha:right", seed=3)
    assert isinstance(q, ChoiceQuestion) and not q.multiple
    assert q.correct == {"alpha"} and q.areas == (("lower", "right"),) and q.side == "right"
    # Same area first (beta, delta), then a muscle sharing the region (epsilon); eta draws alpha's very pattern.
    assert set(q.choices) == {"alpha", "beta", "delta", "epsilon"}
    assert q.score(["alpha"]) == 100.0 and q.score(["beta"]) == 0.0
    assert "lower part (right)" in q.prompt


def test_only_complete_muscles_are_asked_about(cat: Catalog) -> None:
    with pytest.raises(UnknownQuestion):
        make_question(cat, "paint_zone:gamma:right")
    every = questions(cat)
    assert every and not any("gamma" in q.id for q in every)
    assert not any("gamma" in q.choices for q in every if isinstance(q, ChoiceQuestion))


def test_drawing_answers_are_the_top_ranked_muscles(cat: Catalog) -> None:
    qid = drawing_id([("lower", "right")])
    assert qid == "drawing_to_muscles:lower.right"
    q = make_question(cat, qid)
    assert isinstance(q, ChoiceQuestion) and q.multiple and q.areas == (("lower", "right"),)
    found = rank(cat, [("lower", "right")])
    best = found[0].score
    assert q.correct == {c.muscle.id for c in found if c.score == best} == {"alpha", "epsilon", "eta"}
    assert q.correct < set(q.choices)
    assert q.score(["alpha", "epsilon"]) == pytest.approx(200 / 3)
    with pytest.raises(UnknownQuestion):
        make_question(cat, "drawing_to_muscles:elbow.right")
    with pytest.raises(UnknownQuestion):
        make_question(cat, "drawing_to_muscles:lower.up")


def test_condition_to_muscles(cat: Catalog) -> None:
    q = make_question(cat, "condition_to_muscles:neck_pain")
    assert isinstance(q, ChoiceQuestion) and q.multiple and q.condition == "neck_pain"
    assert q.correct == {m.id for m in condition_muscles(cat, "neck_pain")} == {"alpha", "beta"}
    assert q.score(["alpha"]) == 50.0 and q.score(["alpha", "beta", "delta"]) == pytest.approx(200 / 3)
    with pytest.raises(UnknownQuestion):
        make_question(cat, "condition_to_muscles:gout")


@pytest.mark.parametrize("bad", ["", "refer_to_muscle", "refer_to_muscle:alpha:up", "paint_zone:nobody:left",
                                 "spelling:alpha", "condition_to_muscles:"])
def test_malformed_ids_are_refused(cat: Catalog, bad: str) -> None:
    with pytest.raises(UnknownQuestion):
        make_question(cat, bad)


def test_seeded_and_rebuildable_from_the_id(cat: Catalog) -> None:
    first = questions(cat, seed=7)
    assert first == questions(cat, seed=7)
    assert all(make_question(cat, q.id, seed=7) == q for q in first)
    assert len({q.id for q in first}) == len(first)
    orders = {tuple(q.choices) for seed in range(20) for q in questions(cat, seed=seed, kinds=["refer_to_muscle"])
              if isinstance(q, ChoiceQuestion) and q.id == "refer_to_muscle:alpha:right"}
    assert len(orders) > 1  # the seed does shuffle
    assert quiz(cat, 3, seed=5) == quiz(cat, 3, seed=5) and len(quiz(cat, 3, seed=5)) == 3
    assert {q.kind for q in questions(cat, kinds=["paint_zone"])} == {"paint_zone"}
    assert {q.id for q in questions(cat, kinds=["paint_zone"], muscles=["delta"])} == {
        "paint_zone:delta:right", "paint_zone:delta:left"}


SHIPPED = ("refer_to_muscle:masseter:right", "drawing_to_muscles:cheek.right+upper_teeth.right",
           "condition_to_muscles:tension_type_headache")


def test_same_questions_in_another_process(catalog: Catalog) -> None:
    code = ("from tpi_viewer.model.loading import load_catalog; from tpi_viewer.model.quiz import make_question;"
            f"c = load_catalog(); print([make_question(c, i, seed=11).choices for i in {SHIPPED!r}])")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    env.pop("TPI_VIEWER_RESOURCES", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    here = [make_question(catalog, i, seed=11).choices for i in SHIPPED]  # type: ignore[union-attr]
    assert out.stdout.strip() == repr(here)


def test_shipped_catalogue_questions(catalog: Catalog) -> None:
    every = questions(catalog)
    ids = {q.id for q in every}
    assert {"refer_to_muscle:masseter:right", "paint_zone:masseter:left", "condition_to_muscles:tmd"} <= ids
    complete = {m.id for m in catalog.muscles if m.complete}
    masseter = make_question(catalog, "refer_to_muscle:masseter:right")
    assert isinstance(masseter, ChoiceQuestion) and len(masseter.choices) == 4
    assert {catalog.muscle(m).area for m in masseter.choices} == {"head"}
    for q in every:
        if isinstance(q, PaintQuestion):
            assert q.muscle in complete and q.target
            continue
        assert set(q.choices) <= complete and q.correct < set(q.choices), q.id
        if q.kind == "drawing_to_muscles":
            found = rank(catalog, list(q.areas))
            top = {c.muscle.id for c in found if c.score >= 0.9 * found[0].score}
            near = {c.muscle.id for c in found if c.score >= 0.75 * found[0].score}
            assert q.correct <= top and not (set(q.choices) - q.correct) & near, q.id
        if q.kind == "condition_to_muscles":
            related = {m.id for m in condition_muscles(catalog, q.condition or "")}
            assert q.correct <= related and not (set(q.choices) - q.correct) & related, q.id
