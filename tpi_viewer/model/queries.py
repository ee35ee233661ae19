"""Catalogue queries: which shapes to paint for a selection, and name search."""

from __future__ import annotations

from dataclasses import dataclass

from tpi_viewer.model.bodymap import BodyMap, RegionShape, TriggerPointMark
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import SIDES, Muscle, Side, SideChoice, Zone


def sides_of(choice: SideChoice) -> tuple[Side, ...]:
    """The body sides a side choice stands for."""
    return SIDES if choice == "both" else (choice,)


@dataclass(frozen=True, slots=True)
class PaintedZone:
    """A zone of a selected muscle resolved to the region shapes of one view."""

    muscle: str
    zone: Zone
    shapes: tuple[RegionShape, ...]


def painted_zones(
    body_map: BodyMap, muscle: Muscle, side: SideChoice, show_spillover: bool = True
) -> list[PaintedZone]:
    """The zones of `muscle` on `side`, as region shapes of `body_map` (spillover last)."""
    out = []
    zones = [z for z in muscle.zones if show_spillover or z.kind != "spillover"]
    for zone in zones:
        wanted: set[str] = set()
        for tp_side in sides_of(side):
            wanted |= zone.region_sides(tp_side)
        shapes = tuple(
            s for s in body_map.regions if s.region in zone.regions and s.side in wanted
        )
        out.append(PaintedZone(muscle.id, zone, shapes))
    return out


def trigger_point_marks(body_map: BodyMap, muscle: Muscle, side: SideChoice) -> list[TriggerPointMark]:
    """The trigger point marks of `muscle` on `side` in this view."""
    wanted = set(sides_of(side))
    return [t for t in body_map.trigger_points if t.muscle == muscle.id and t.side in wanted]


def _token_score(token: str, words: list[str]) -> float:
    """100 for a prefix of a word, else the best fuzzy ratio (typos) for longer tokens."""
    if any(w.startswith(token) for w in words):
        return 100.0
    if len(token) < 4:
        return 0.0
    from rapidfuzz import fuzz

    return max((fuzz.ratio(token, w) for w in words), default=0.0)


def _normalise(text: str) -> str:
    """Lower case, punctuation to spaces (what rapidfuzz's default processor does)."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _muscle_texts(catalog: Catalog, m: Muscle) -> tuple[list[str], list[str]]:
    """The muscle's own names, and the names of its conditions and pain-zone regions (normalised)."""
    names = [m.name, m.latin, m.lay_name, m.id.replace("_", " "), *m.abbreviations, *m.synonyms]
    related: list[str] = []
    for cid in m.conditions:
        c = catalog.condition(cid)
        related += [c.name, c.lay_name, *c.synonyms]
    for zone in m.zones:
        if zone.doubtful:
            continue
        for rid in zone.regions:
            info = catalog.regions.get(rid)
            if info is not None:
                related += [info.name, *info.synonyms]
    return [_normalise(t) for t in names], [_normalise(t) for t in related]


def search_muscles(catalog: Catalog, text: str) -> list[Muscle]:
    """Muscles matching `text`; typo-tolerant.

    Names (common, Latin, plain, abbreviations such as SCM or QL) rank first, then muscles
    related by condition ("headache") or by where their pain is felt ("temple"). A query of
    several words that matches some muscle as a whole phrase drops word-by-word matches.
    """
    query = _normalise(text)
    tokens = query.split()
    if not tokens:
        return sorted(catalog.muscles, key=lambda m: m.name.lower())
    phrase, loose = [], []
    for m in catalog.muscles:
        own, related = _muscle_texts(catalog, m)
        if any(query in t for t in own):
            phrase.append((-100.0, m.name.lower(), m))
            continue
        if any(query in t for t in related):
            phrase.append((-90.0, m.name.lower(), m))
            continue
        own_words = [w for t in own for w in t.split()]
        related_words = [w for t in related for w in t.split()]
        score = min(max(_token_score(t, own_words), 0.9 * _token_score(t, related_words)) for t in tokens)
        if score >= 72:
            loose.append((-score, m.name.lower(), m))
    chosen = phrase if phrase and len(tokens) > 1 else phrase + loose
    return [m for _, _, m in sorted(chosen, key=lambda t: (t[0], t[1]))]


def condition_muscles(catalog: Catalog, condition_id: str) -> list[Muscle]:
    """The muscles related to a condition, in catalogue order."""
    return [m for m in catalog.muscles if condition_id in m.conditions]


def best_view_for(catalog: Catalog, muscles: list[Muscle]) -> str | None:
    """The view listed by the most of these muscles (earlier in their lists breaks ties)."""
    scores: dict[str, float] = {}
    for m in muscles:
        for rank, view in enumerate(m.views):
            scores[view] = scores.get(view, 0.0) + 1.0 + 0.5 / (rank + 1)
    return max(scores, key=lambda v: scores[v]) if scores else None


def second_view_for_zones(catalog: Catalog, muscle: Muscle, first: str) -> str | None:
    """A view that shows the muscle's local and essential zones where `first` cannot (rectus
    abdominis refers pain across the back), or None when `first` shows them all."""
    wanted = {r for z in muscle.zones if z.kind != "spillover" for r in z.regions}
    missing = wanted - catalog.body_maps[first].region_ids
    if not missing:
        return None
    best, shown = None, 0
    for view in catalog.view_ids:
        if view != first:
            count = len(missing & catalog.body_maps[view].region_ids)
            if count > shown:
                best, shown = view, count
    return best
