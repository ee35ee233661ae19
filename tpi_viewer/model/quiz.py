"""Quiz questions over the complete muscles, each with an id stable across runs (to key FSRS cards).

Kinds: a referral pattern -> name the muscle; a muscle -> paint its essential zone; a pain
drawing -> pick the likely muscles (as `lookup.rank` ranks them); a condition -> its muscles.
A question id fully determines what is asked; the seed only picks distractors and their order.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.lookup import rank
from tpi_viewer.model.queries import condition_muscles
from tpi_viewer.model.types import SIDES, Muscle, Side, Zone

QuestionKind = Literal["refer_to_muscle", "paint_zone", "drawing_to_muscles", "condition_to_muscles"]
KINDS: tuple[QuestionKind, ...] = ("refer_to_muscle", "paint_zone", "drawing_to_muscles", "condition_to_muscles")
Area = tuple[str, str]  # (region id, "right" | "left" | "midline"), as the body maps draw regions

SINGLE_CHOICES = 4  # the answer and three distractors
MULTI_CHOICES = 6
MAX_RIGHT = 4  # more right answers than this turn a question into a list to recite
TOP_SHARE = 0.9  # a drawing's right answers score at least this share of the best candidate
NEAR_SHARE = 0.75  # candidates above this share are arguable, so never offered as wrong


class UnknownQuestion(LookupError):
    """A question id this catalogue cannot ask (malformed, or its muscle or condition changed)."""


def iou_percent(given: Collection[object], truth: Collection[object]) -> float:
    """Intersection over union of two sets, in percent (two empty sets agree: 100)."""
    a, b = set(given), set(truth)
    union = a | b
    return 100.0 * len(a & b) / len(union) if union else 100.0


@dataclass(frozen=True, slots=True)
class ChoiceQuestion:
    """Pick the right muscle (or, when `multiple`, every right muscle) among `choices`."""

    id: str
    kind: QuestionKind
    prompt: str
    choices: tuple[str, ...]
    correct: frozenset[str]
    multiple: bool
    areas: tuple[Area, ...] = ()  # the referral pattern or pain drawing shown, if any
    side: Side | None = None
    condition: str | None = None

    def score(self, picked: Collection[str]) -> float:
        """Percent: overlap of picked and right muscles over their union (one right pick: 100)."""
        return iou_percent(picked, self.correct)


@dataclass(frozen=True, slots=True)
class PaintQuestion:
    """Paint the essential referred pain zone of `muscle` for a trigger point on `side`."""

    id: str
    kind: QuestionKind
    prompt: str
    muscle: str
    side: Side
    target: frozenset[Area]

    def score(self, painted: Collection[Area]) -> float:
        """Percent: intersection over union of painted and true (region, side) areas."""
        return iou_percent(painted, self.target)


Question = ChoiceQuestion | PaintQuestion


def zone_areas(catalog: Catalog, zone: Zone, tp_side: Side) -> frozenset[Area]:
    """The (region, side) areas a zone covers for a trigger point on `tp_side`, midline regions included."""
    sides = zone.region_sides(tp_side)
    out: set[Area] = set()
    for region in zone.regions:
        info = catalog.regions.get(region)
        if info is not None and not info.bilateral:
            out.add((region, "midline"))  # drawn once, on the midline, whatever the side
        else:
            out |= {(region, s) for s in sides if s != "midline"}
    return frozenset(out)


def essential_areas(catalog: Catalog, muscle: Muscle, tp_side: Side) -> frozenset[Area]:
    """The essential referred pain areas of `muscle` for a trigger point on `tp_side` (doubtful zones left out)."""
    out: frozenset[Area] = frozenset()
    for zone in muscle.essential_zones:
        if not zone.doubtful:
            out |= zone_areas(catalog, zone, tp_side)
    return out


def _complete(catalog: Catalog) -> list[Muscle]:
    return [m for m in catalog.muscles if m.complete]


def _sorted_areas(areas: Iterable[Area]) -> tuple[Area, ...]:
    return tuple(sorted(areas))


def drawing_areas(catalog: Catalog, drawing: Iterable[tuple[str, str | None]]) -> frozenset[Area]:
    """A pain drawing's (region, side or None for both sides) entries as the areas a question scores."""
    out: set[Area] = set()
    for region, side in drawing:
        info = catalog.regions.get(region)
        if side is not None:
            out.add((region, side))
        elif info is not None and not info.bilateral:
            out.add((region, "midline"))
        else:
            out |= {(region, "right"), (region, "left")}
    return frozenset(out)


def question_title(catalog: Catalog, question_id: str) -> str:
    """A short line naming what a question asks about (for lists of cards), without building it."""
    kind, _, rest = question_id.partition(":")
    subject, _, side = rest.rpartition(":")
    if kind in ("refer_to_muscle", "paint_zone") and subject in catalog.muscle_ids:
        name = catalog.muscle(subject).name
        verb = "Name the muscle from its pattern" if kind == "refer_to_muscle" else "Paint the essential zone"
        return f"{verb}: {name} ({side})"
    if kind == "condition_to_muscles" and rest in {c.id for c in catalog.conditions}:
        return f"Muscles for {catalog.condition(rest).name.lower()}"
    if kind == "drawing_to_muscles" and rest:
        try:
            return f"Pain drawing: {area_text(catalog, _parse_areas(catalog, question_id, rest))}"
        except UnknownQuestion:
            pass
    return question_id


def area_text(catalog: Catalog, areas: Iterable[Area]) -> str:
    """Areas as words grouped by side, e.g. 'cheek, jaw joint (right); sternum (midline)'."""
    by_side: dict[str, list[str]] = {}
    for region, side in _sorted_areas(areas):
        name = catalog.regions[region].name.lower() if region in catalog.regions else region.replace("_", " ")
        by_side.setdefault(side, []).append(name)
    return "; ".join(f"{', '.join(by_side[s])} ({s})" for s in ("right", "left", "midline") if s in by_side)


def _pick(rng: random.Random, tiers: Iterable[list[Muscle]], count: int, taken: set[str]) -> list[str]:
    """Up to `count` muscle ids, drawn at random from each tier in turn (most plausible first)."""
    out: list[str] = []
    for tier in tiers:
        pool = sorted({m.id for m in tier} - taken - set(out))
        out += rng.sample(pool, min(len(pool), count - len(out)))
    return out


def _rng(seed: int, question_id: str) -> random.Random:
    # A string seed is hashed with SHA-512, not hash(): the same in every process.
    return random.Random(f"{seed}:{question_id}")


def _muscle(catalog: Catalog, muscle_id: str) -> Muscle:
    try:
        muscle = catalog.muscle(muscle_id)
    except KeyError:
        raise UnknownQuestion(f"no muscle '{muscle_id}' in this catalogue") from None
    if not muscle.complete:
        raise UnknownQuestion(f"muscle '{muscle_id}' has no clinical content yet")
    return muscle


def _refer_to_muscle(catalog: Catalog, qid: str, muscle: Muscle, side: Side, rng: random.Random) -> ChoiceQuestion:
    target = essential_areas(catalog, muscle, side)
    if not target:
        raise UnknownQuestion(f"{qid}: the muscle has no essential zone")
    # A muscle with the very same pattern would be a second right answer, so it is never offered.
    others = [o for o in _complete(catalog) if o.id != muscle.id and essential_areas(catalog, o, side) != target]
    regions = {r for r, _ in target}
    overlapping = [o for o in others if regions & {r for r, _ in essential_areas(catalog, o, side)}]
    distractors = _pick(rng, ([o for o in others if o.area == muscle.area], overlapping, others),
                        SINGLE_CHOICES - 1, {muscle.id})
    if not distractors:
        raise UnknownQuestion(f"{qid}: no other muscle to choose from")
    choices = [muscle.id, *distractors]
    rng.shuffle(choices)
    prompt = f"Which muscle refers pain to these areas: {area_text(catalog, target)}?"
    return ChoiceQuestion(qid, "refer_to_muscle", prompt, tuple(choices), frozenset({muscle.id}), False,
                          _sorted_areas(target), side)


def _paint_zone(catalog: Catalog, qid: str, muscle: Muscle, side: Side) -> PaintQuestion:
    target = essential_areas(catalog, muscle, side)
    if not target:
        raise UnknownQuestion(f"{qid}: the muscle has no essential zone")
    prompt = f"Paint the essential referred pain zone of the {muscle.name} (trigger point on the patient's {side})."
    return PaintQuestion(qid, "paint_zone", prompt, muscle.id, side, target)


def drawing_id(areas: Iterable[Area]) -> str:
    """The question id of a pain drawing: its areas, sorted."""
    return "drawing_to_muscles:" + "+".join(f"{r}.{s}" for r, s in _sorted_areas(areas))


def _drawing(catalog: Catalog, qid: str, areas: tuple[Area, ...], rng: random.Random) -> ChoiceQuestion:
    found = rank(catalog, [(r, s) for r, s in areas])
    if not found:
        raise UnknownQuestion(f"{qid}: no muscle explains this drawing")
    best = found[0].score
    right = [c.muscle for c in found if c.score >= TOP_SHARE * best][:MAX_RIGHT]
    near = {c.muscle.id for c in found if c.score >= NEAR_SHARE * best}
    others = [m for m in _complete(catalog) if m.id not in near]
    right_areas = {m.area for m in right}
    distractors = _pick(rng, ([o for o in others if o.area in right_areas], others),
                        MULTI_CHOICES - len(right), set())
    if not distractors:
        raise UnknownQuestion(f"{qid}: no clearly wrong muscle to offer")
    choices = [m.id for m in right] + distractors
    rng.shuffle(choices)
    prompt = f"Pain is marked at: {area_text(catalog, areas)}. Which muscles are likely sources? Pick all that apply."
    return ChoiceQuestion(qid, "drawing_to_muscles", prompt, tuple(choices), frozenset(m.id for m in right), True, areas)


def _condition(catalog: Catalog, qid: str, condition_id: str, rng: random.Random) -> ChoiceQuestion:
    try:
        condition = catalog.condition(condition_id)
    except KeyError:
        raise UnknownQuestion(f"no condition '{condition_id}' in this catalogue") from None
    related = [m for m in condition_muscles(catalog, condition_id) if m.complete]
    if not related:
        raise UnknownQuestion(f"{qid}: no complete muscle is related")
    right = rng.sample(sorted(m.id for m in related), min(MAX_RIGHT, len(related)))
    # Every related muscle is right, shown or not: none of them may pose as a wrong choice.
    related_ids = {m.id for m in related}
    others = [m for m in _complete(catalog) if m.id not in related_ids]
    related_areas = {m.area for m in related}
    distractors = _pick(rng, ([o for o in others if o.area in related_areas], others), MULTI_CHOICES - len(right), set())
    if not distractors:
        raise UnknownQuestion(f"{qid}: every muscle is related")
    choices = right + distractors
    rng.shuffle(choices)
    prompt = f"Which muscles are related to {condition.name.lower()}? Pick all that apply."
    return ChoiceQuestion(qid, "condition_to_muscles", prompt, tuple(choices), frozenset(right), True,
                          condition=condition_id)


def _parse_areas(catalog: Catalog, qid: str, text: str) -> tuple[Area, ...]:
    areas = []
    for part in text.split("+"):
        region, _, side = part.rpartition(".")
        if region not in catalog.regions or side not in ("right", "left", "midline"):
            raise UnknownQuestion(f"{qid}: '{part}' is not a region and side of this catalogue")
        areas.append((region, side))
    return _sorted_areas(areas)


def make_question(catalog: Catalog, question_id: str, seed: int = 0) -> Question:
    """The question with this id (the same one every run for the same seed); UnknownQuestion if it cannot be asked."""
    kind, _, rest = question_id.partition(":")
    rng = _rng(seed, question_id)
    if kind in ("refer_to_muscle", "paint_zone"):
        muscle_id, _, side = rest.rpartition(":")
        if side not in SIDES:
            raise UnknownQuestion(f"{question_id}: the side must be right or left")
        tp_side: Side = "right" if side == "right" else "left"
        muscle = _muscle(catalog, muscle_id)
        if kind == "paint_zone":
            return _paint_zone(catalog, question_id, muscle, tp_side)
        return _refer_to_muscle(catalog, question_id, muscle, tp_side, rng)
    if kind == "drawing_to_muscles" and rest:
        return _drawing(catalog, question_id, _parse_areas(catalog, question_id, rest), rng)
    if kind == "condition_to_muscles" and rest:
        return _condition(catalog, question_id, rest, rng)
    raise UnknownQuestion(f"'{question_id}' is not a question id")


def _candidate_ids(catalog: Catalog, kinds: Collection[QuestionKind], muscles: Collection[str] | None) -> list[str]:
    chosen = [m for m in _complete(catalog) if muscles is None or m.id in muscles]
    ids: list[str] = []
    for kind in ("refer_to_muscle", "paint_zone"):
        if kind in kinds:
            ids += [f"{kind}:{m.id}:{side}" for m in chosen for side in SIDES]
    if "drawing_to_muscles" in kinds:  # drawings of each essential zone, as a patient might mark it
        ids += [drawing_id(zone_areas(catalog, z, side)) for m in chosen for z in m.essential_zones
                if not z.doubtful for side in SIDES]
    if "condition_to_muscles" in kinds:
        ids += [f"condition_to_muscles:{c.id}" for c in catalog.conditions
                if any(c.id in m.conditions for m in chosen)]
    return list(dict.fromkeys(ids))


def questions(catalog: Catalog, seed: int = 0, kinds: Collection[QuestionKind] = KINDS,
              muscles: Collection[str] | None = None) -> list[Question]:
    """Every question this catalogue can ask (about `muscles` only, if given), in a stable order."""
    out: list[Question] = []
    for qid in _candidate_ids(catalog, kinds, muscles):
        try:
            out.append(make_question(catalog, qid, seed))
        except UnknownQuestion:
            continue  # e.g. too few muscles to make distractors: skip rather than ask a non-question
    return out


def quiz(catalog: Catalog, count: int, seed: int = 0, kinds: Collection[QuestionKind] = KINDS,
         muscles: Collection[str] | None = None) -> list[Question]:
    """`count` questions drawn at random (deterministic for a seed) for a practice round."""
    pool = questions(catalog, seed, kinds, muscles)
    return random.Random(seed).sample(pool, min(count, len(pool)))
