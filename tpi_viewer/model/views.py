"""The fixed view ids used everywhere (data, maps, CLI, settings)."""

from __future__ import annotations

VIEW_IDS: tuple[str, ...] = (
    "anterior",
    "posterior",
    "lateral_right",
    "lateral_left",
    "head_lateral",
    "head_posterior",
)

VIEW_NAMES: dict[str, str] = {
    "anterior": "Front",
    "posterior": "Back",
    "lateral_right": "Right side",
    "lateral_left": "Left side",
    "head_lateral": "Head and neck, side",
    "head_posterior": "Head and neck, back",
}

# where a view looks, in a patient's words ("Show the back", "pain felt in the back")
VIEW_PLACES: dict[str, str] = {
    "anterior": "the front",
    "posterior": "the back",
    "lateral_right": "the side",
    "lateral_left": "the side",
    "head_lateral": "the head",
    "head_posterior": "the back of the head",
}
