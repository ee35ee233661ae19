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


def search_muscles(catalog: Catalog, text: str) -> list[Muscle]:
    """Muscles matching every word of `text` by name, Latin, lay name, abbreviation or synonym; typo-tolerant."""
    tokens = _normalise(text).split()
    if not tokens:
        return sorted(catalog.muscles, key=lambda m: m.name.lower())
    scored = []
    for m in catalog.muscles:
        names = [m.name, m.latin, m.lay_name, m.id.replace("_", " "), *m.abbreviations, *m.synonyms]
        words = [w for name in names for w in _normalise(name).split()]
        score = min(_token_score(t, words) for t in tokens)
        if score >= 75:
            scored.append((-score, m.name.lower(), m))
    return [m for _, _, m in sorted(scored, key=lambda t: (t[0], t[1]))]
