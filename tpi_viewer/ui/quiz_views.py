"""Which view shows a question best: the most of its areas (and answer muscles), unclipped, unmirrored, large."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from tpi_viewer.model.bodymap import BodyMap
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.quiz import Area
from tpi_viewer.model.types import SideChoice
from tpi_viewer.ui.canvas import area_side

CLIPPED_WEIGHT = 0.5  # a region cut by the view's edge (the shoulder in a head view) shows only a part
_EDGE = 0.01  # within this share of the view's size from its edge, a shape counts as cut


def _clipped(body_map: BodyMap, bbox: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = body_map.bounds
    ex, ey = _EDGE * (x1 - x0), _EDGE * (y1 - y0)
    return bbox[0] <= x0 + ex or bbox[1] <= y0 + ey or bbox[2] >= x1 - ex or bbox[3] >= y1 - ey


def coverage(body_map: BodyMap, side: SideChoice, areas: Collection[Area]) -> tuple[float, float]:
    """How much of `areas` a view draws (a cut-off area counts half), and the share of the view they fill."""
    weights: dict[Area, float] = {}
    filled = 0.0
    for shape in body_map.regions:
        area = (shape.region, area_side(body_map, side, shape.side))
        if area not in areas:
            continue
        b = shape.bbox
        filled += (b[2] - b[0]) * (b[3] - b[1])
        weights[area] = max(weights.get(area, 0.0), CLIPPED_WEIGHT if _clipped(body_map, b) else 1.0)
    x0, y0, x1, y1 = body_map.bounds
    return sum(weights.values()), filled / max((x1 - x0) * (y1 - y0), 1e-9)


def mirrored(body_map: BodyMap, side: SideChoice) -> bool:
    """Whether a one-sided view would be shown mirrored to stand for the other side."""
    return body_map.shows_side is not None and side != "both" and side != body_map.shows_side


def best_view(catalog: Catalog, areas: Collection[Area], side: SideChoice, current: str,
              muscles: Collection[str] = ()) -> str:
    """The view drawing the most of `muscles`, then of `areas`; unmirrored, then larger (else the current one)."""
    order = [current, *(v for v in catalog.view_ids if v != current)]

    def rank(view: str) -> tuple[int, float, bool, float, int]:
        body_map = catalog.body_maps[view]
        drawn, share = coverage(body_map, side, areas)
        shown = sum(1 for m in muscles if m in body_map.muscle_ids)
        return shown, drawn, not mirrored(body_map, side), share, -order.index(view)

    return max(order, key=rank)


def one_side(areas: Iterable[Area]) -> SideChoice:
    """The one body side the areas lie on (midline aside), else both."""
    sides = {s for _, s in areas if s in ("right", "left")}
    return "right" if sides == {"right"} else "left" if sides == {"left"} else "both"


def as_drawing(areas: Iterable[Area]) -> list[tuple[str, str | None]]:
    """Areas as entries of the state's drawing (a midline area covers the region's one shape)."""
    return sorted((r, None if s == "midline" else s) for r, s in areas)
