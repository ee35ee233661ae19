"""Where does it hurt: rank muscles whose referral patterns explain a pain drawing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.matching import near_matches
from tpi_viewer.model.types import SIDES, Muscle, Side, Zone

# How much a zone kind explains a painful area: essential above local above spillover.
KIND_WEIGHT = {"essential": 1.0, "local": 0.7, "spillover": 0.45}
# A referral the sources state plainly outranks one they give with reservations.
EVIDENCE_WEIGHT = {"established": 1.0, "inference": 0.85, "low_authority": 0.85, "uncertain": 0.8}
_CONFIDENT = 80.0


class RegionNotFound(LookupError):
    """A phrase that names no region confidently; carries suggestions."""

    def __init__(self, phrase: str, suggestions: list[str]) -> None:
        self.phrase = phrase
        self.suggestions = suggestions
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no region matches '{phrase}'{hint}")


def _norm(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def region_names(catalog: Catalog) -> dict[str, str]:
    """Every way to name a region (id, name, synonyms), normalised -> region id."""
    out: dict[str, str] = {}
    for info in catalog.regions.values():
        for name in (info.id.replace("_", " "), info.name, *info.synonyms):
            out.setdefault(_norm(name), info.id)
    return out


def resolve_region(catalog: Catalog, phrase: str) -> str:
    """The region a phrase names (id, name or synonym; any case; small typos); else RegionNotFound."""
    names = region_names(catalog)
    key = _norm(phrase)
    if key in names:
        return names[key]
    if key.removeprefix("the ") in names:
        return names[key.removeprefix("the ")]
    from rapidfuzz import fuzz, process

    found = process.extract(key, list(names), scorer=fuzz.ratio, limit=8)
    regions = [(names[n], score) for n, score, _ in found]
    if regions and regions[0][1] >= _CONFIDENT:
        runner_up = next((s for r, s in regions if r != regions[0][0]), 0.0)
        if regions[0][1] - runner_up >= 8:  # confident only when no other region is nearly as close
            return regions[0][0]
    suggestions = list(dict.fromkeys(catalog.regions[names[n]].name for n in near_matches(key, names, limit=4, cutoff=60)))
    raise RegionNotFound(phrase, suggestions)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A muscle that explains some of the marked areas, with why."""

    muscle: Muscle
    side: Side | None  # the trigger point side; None when the drawing has no sides
    score: float
    covered: tuple[tuple[str, str | None], ...]
    reasons: tuple[str, ...]


def _zone_hits(zone: Zone, tp_side: Side, areas: Iterable[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    sides = zone.region_sides(tp_side)
    return [(r, s) for r, s in areas if r in zone.regions and (s is None or s in sides)]


def rank(catalog: Catalog, areas: list[tuple[str, str | None]], side: Side | None = None) -> list[Candidate]:
    """Muscles ordered by how well their patterns explain the marked areas.

    `areas` are (region id, side or None). Each area counts its best-matching zone (essential
    1.0, local 0.7, spillover 0.45, times 0.8-0.85 when the evidence is uncertain, low-authority
    or inferred); a muscle that explains every area ranks above one that
    explains only some. Doubtful referrals never count. `side` restricts the trigger point side.
    """
    areas = list(dict.fromkeys(areas))
    sided = side is not None or any(s is not None for _, s in areas)
    out = []
    for muscle in catalog.muscles:
        if not muscle.complete:
            continue
        best: Candidate | None = None
        for tp_side in (side,) if side else SIDES:
            weights: dict[tuple[str, str | None], tuple[float, str]] = {}
            for zone in muscle.zones:
                if zone.doubtful:
                    continue
                for area in _zone_hits(zone, tp_side, areas):
                    w = KIND_WEIGHT[zone.kind] * EVIDENCE_WEIGHT.get(zone.evidence, 0.8)
                    if w > weights.get(area, (0.0, ""))[0]:
                        weights[area] = (w, zone.kind)
            if not weights:
                continue
            explained = sum(w for w, _ in weights.values())
            score = explained / len(areas) + (0.5 if len(weights) == len(areas) else 0.0)
            if best is None or score > best.score:
                best = Candidate(muscle, tp_side if sided else None, round(score, 4), tuple(weights), _reasons(catalog, weights))
        if best is not None:
            out.append(best)
    out.sort(key=lambda c: (-c.score, c.muscle.name.lower()))
    return out


def _reasons(catalog: Catalog, weights: dict[tuple[str, str | None], tuple[float, str]]) -> tuple[str, ...]:
    by_kind: dict[str, list[str]] = {}
    for (region, _side), (_w, kind) in weights.items():
        name = catalog.regions[region].name.lower() if region in catalog.regions else region
        by_kind.setdefault(kind, []).append(name)
    words = {"essential": "essential zone covers", "local": "local pain at", "spillover": "spillover zone reaches"}
    return tuple(f"{words[k]} {' and '.join(dict.fromkeys(by_kind[k]))}" for k in ("essential", "local", "spillover") if k in by_kind)
