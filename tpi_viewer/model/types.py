"""Immutable domain data: muscles, zones, trigger points, conditions, sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Side = Literal["right", "left"]
SideChoice = Literal["right", "left", "both"]
Laterality = Literal["ipsilateral", "contralateral", "bilateral", "midline"]
ZoneKind = Literal["local", "essential", "spillover"]

SIDES: tuple[Side, Side] = ("right", "left")

EVIDENCE_LABELS = {
    "established": "supported by the cited sources",
    "uncertain": "uncertain: sources disagree or do not give this detail",
    "low_authority": "low-authority source only (therapist or clinic page)",
    "inference": "inferred from standard anatomy; not stated by a source",
}


@dataclass(frozen=True, slots=True)
class Source:
    """A citable public source."""

    id: str
    title: str
    url: str
    authority: str = "secondary"


@dataclass(frozen=True, slots=True)
class Statement:
    """A clinical statement with the sources it rests on."""

    text: str
    sources: tuple[str, ...]
    lay_text: str | None = None
    evidence: str = "established"


@dataclass(frozen=True, slots=True)
class Zone:
    """A pain zone over surface regions, relative to the trigger point's side."""

    kind: ZoneKind
    regions: tuple[str, ...]
    laterality: Laterality
    text: str
    lay_text: str
    evidence: str
    sources: tuple[str, ...]
    trigger_points: tuple[str, ...] = ()
    doubtful: bool = False

    def region_sides(self, tp_side: Side) -> frozenset[str]:
        """The region sides this zone covers for a trigger point on `tp_side` (midline always)."""
        other: Side = "left" if tp_side == "right" else "right"
        by_laterality: dict[str, set[str]] = {
            "ipsilateral": {tp_side},
            "contralateral": {other},
            "bilateral": {"right", "left"},
            "midline": set(),
        }
        return frozenset(by_laterality[self.laterality] | {"midline"})


@dataclass(frozen=True, slots=True)
class TriggerPoint:
    """A typical trigger point site (a drawing guide, not an injection target)."""

    id: str
    name: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition or complaint that muscles are related to."""

    id: str
    name: str
    lay_name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Muscle:
    """One muscle (or division) with everything the side panel shows.

    An anatomy-only entry (`complete` False) has names, FMA ids and views but no clinical content yet.
    """

    id: str
    name: str
    latin: str
    lay_name: str
    area: str
    depth: str
    views: tuple[str, ...]
    sources: tuple[Source, ...]
    evidence: str = "established"
    complete: bool = True
    attachments: Statement | None = None
    location: Statement | None = None
    trigger_points: tuple[TriggerPoint, ...] = ()
    local_zone: Zone | None = None
    essential_zones: tuple[Zone, ...] = ()
    spillover_zones: tuple[Zone, ...] = ()
    spillover_note: str | None = None
    symptoms: tuple[Statement, ...] = ()
    conditions: tuple[str, ...] = ()
    red_flags: tuple[Statement, ...] = ()
    safety: tuple[Statement, ...] = ()
    position: Statement | None = None
    self_care: tuple[Statement, ...] = ()
    clinician_notes: tuple[Statement, ...] = ()
    abbreviations: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    fma: tuple[str, ...] = ()

    @property
    def zones(self) -> tuple[Zone, ...]:
        """Every zone: local, essential, then spillover."""
        local = (self.local_zone,) if self.local_zone is not None else ()
        return (*local, *self.essential_zones, *self.spillover_zones)

    def source_number(self, source_id: str) -> int:
        """1-based number of a source in this muscle's list, as shown in the panel."""
        for i, source in enumerate(self.sources, start=1):
            if source.id == source_id:
                return i
        raise KeyError(source_id)
