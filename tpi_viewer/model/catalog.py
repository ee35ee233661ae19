"""The loaded catalogue: muscles, conditions, body maps and the region atlas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tpi_viewer.model.bodymap import BodyMap, RegionInfo
from tpi_viewer.model.types import Condition, Muscle
from tpi_viewer.model.views import VIEW_IDS


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything loaded at start-up: muscles, conditions, body maps and regions."""

    data_version: str
    reviewed: str
    muscles: tuple[Muscle, ...]
    conditions: tuple[Condition, ...]
    body_maps: Mapping[str, BodyMap] = field(default_factory=dict)
    regions: dict[str, RegionInfo] = field(default_factory=dict)

    def muscle(self, muscle_id: str) -> Muscle:
        """The muscle with this id; KeyError if there is none."""
        for m in self.muscles:
            if m.id == muscle_id:
                return m
        raise KeyError(muscle_id)

    def condition(self, condition_id: str) -> Condition:
        """The condition with this id; KeyError if there is none."""
        for c in self.conditions:
            if c.id == condition_id:
                return c
        raise KeyError(condition_id)

    @property
    def muscle_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.muscles)

    @property
    def view_ids(self) -> tuple[str, ...]:
        """Views that have a body map, in the canonical order."""
        return tuple(v for v in VIEW_IDS if v in self.body_maps)

