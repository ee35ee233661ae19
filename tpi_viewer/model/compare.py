"""Comparing two muscles: one view that shows both patterns, and the pain areas and conditions they share."""

from __future__ import annotations

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import Muscle, SideChoice, ZoneKind


def zone_areas(muscle: Muscle) -> dict[str, tuple[ZoneKind, ...]]:
    """Each region the muscle's pain zones cover, with the zone kinds that cover it (local first)."""
    areas: dict[str, tuple[ZoneKind, ...]] = {}
    for zone in muscle.zones:
        for region in zone.regions:
            if zone.kind not in areas.get(region, ()):
                areas[region] = (*areas.get(region, ()), zone.kind)
    return areas


def shared_areas(a: Muscle, b: Muscle) -> list[str]:
    """Regions both muscles refer pain to (or hurt locally in), in the first muscle's order."""
    theirs = zone_areas(b)
    return [r for r in zone_areas(a) if r in theirs]


def shared_conditions(a: Muscle, b: Muscle) -> list[str]:
    """Condition ids both muscles are related to, in the first muscle's order."""
    return [c for c in a.conditions if c in b.conditions]


def _views(catalog: Catalog, muscle: Muscle, side: SideChoice) -> list[str]:
    """The muscle's views that have a body map; a side view of the other side becomes the chosen side's."""
    out: list[str] = []
    for view in muscle.views:
        if side in ("left", "right") and view.startswith("lateral_") and f"lateral_{side}" in catalog.body_maps:
            view = f"lateral_{side}"
        if view in catalog.body_maps and view not in out:
            out.append(view)
    return out


def coverage(catalog: Catalog, muscle: Muscle, view: str) -> int:
    """How much of the muscle's pattern a view shows: its zone regions drawn there, plus one if the muscle is."""
    body_map = catalog.body_maps[view]
    regions = body_map.region_ids
    drawn = sum(1 for region in zone_areas(muscle) if region in regions)
    return drawn + (1 if muscle.id in body_map.muscle_ids else 0)


def compare_views(catalog: Catalog, a: Muscle, b: Muscle | None, side: SideChoice = "right") -> tuple[str, str]:
    """The view for each muscle's picture: one shared view when they have one, else each muscle's own first view.

    Of several shared views, the one showing most of both patterns wins; the muscles' own order breaks ties.
    """
    fallback = catalog.view_ids[0]
    mine = _views(catalog, a, side)
    first = mine[0] if mine else fallback
    if b is None:
        return first, first
    theirs = _views(catalog, b, side)
    shared = [v for v in mine if v in theirs]
    if not shared:
        return first, theirs[0] if theirs else fallback

    def score(view: str) -> tuple[int, int]:
        return coverage(catalog, a, view) + coverage(catalog, b, view), -(mine.index(view) + theirs.index(view))

    best = max(shared, key=score)
    return best, best


def hidden_areas(catalog: Catalog, muscle: Muscle, view: str) -> list[str]:
    """Names of the muscle's pain-zone regions that this view does not draw (so the picture cannot show them)."""
    regions = catalog.body_maps[view].region_ids
    return [catalog.regions[r].name if r in catalog.regions else r for r in zone_areas(muscle) if r not in regions]
