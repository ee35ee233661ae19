"""Near matches for unknown ids and names (typo tolerance), via rapidfuzz."""

from __future__ import annotations

from collections.abc import Iterable


def near_matches(word: str, choices: Iterable[str], limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """The closest few choices to `word`, best first."""
    from rapidfuzz import fuzz, process, utils  # only when a name is not found: keeps start-up fast

    found = process.extract(word, list(choices), scorer=fuzz.WRatio, processor=utils.default_process, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _score, _index in found]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean: a, b?)' suffix, or '' when nothing is close."""
    near = near_matches(word, choices)
    return f" (did you mean: {', '.join(near)}?)" if near else ""
