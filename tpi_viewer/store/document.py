"""The export document: its JSON Schema and the checks a schema cannot express."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from tpi_viewer.model.errors import Problem, json_path
from tpi_viewer.model.validation import schema_problems

FORMAT = "tpi-viewer-personal-data"
FORMAT_VERSION = 1

_ID: dict[str, Any] = {"type": "string", "minLength": 1}
_TIME: dict[str, Any] = {"type": "string", "minLength": 1}
_OPT_TIME: dict[str, Any] = {"type": ["string", "null"]}


def _obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "object", "required": list(required), "additionalProperties": False,
            "properties": {**required, **(optional or {})}}


def _array(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


_CARD = _obj({  # fsrs' Card.to_dict()
    "card_id": {"type": "integer"}, "state": {"enum": [1, 2, 3]},
    "step": {"type": ["integer", "null"], "minimum": 0},
    "stability": {"type": ["number", "null"], "exclusiveMinimum": 0},
    "difficulty": {"type": ["number", "null"], "minimum": 1, "maximum": 10},
    "due": _TIME, "last_review": _OPT_TIME,
})
_LOG = _obj({  # fsrs' ReviewLog.to_dict()
    "card_id": {"type": "integer"}, "rating": {"enum": [1, 2, 3, 4]},
    "review_datetime": _TIME, "review_duration": {"type": ["integer", "null"], "minimum": 0},
})

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    **_obj(
        {"format": {"const": FORMAT}, "format_version": {"const": FORMAT_VERSION}},
        {
            "exported": _TIME,
            "notes": _array(_obj({"muscle": _ID, "text": {"type": "string"}, "updated": _TIME})),
            "favourites": _array(_obj({"muscle": _ID, "added": _TIME})),
            "sets": _array(_obj({"name": {"type": "string", "pattern": r"\S"}, "muscles": _array(_ID)},
                                {"created": _TIME})),
            "study": _obj({}, {
                "cards": _array(_obj({"id": _ID, "card": _CARD})),
                "reviews": _array(_obj({"card": _ID, "log": _LOG},
                                       {"score": {"type": ["number", "null"], "minimum": 0, "maximum": 100}})),
            }),
        },
    ),
}


def _bad_time(value: object) -> str | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return f"'{value}' is not an ISO 8601 date and time"
    return None if moment.tzinfo is not None else f"'{value}' has no time zone (use e.g. +00:00)"


def document_problems(doc: Any, file: str) -> list[Problem]:
    """Everything wrong with an import document, each with its JSON path; empty when valid."""
    problems = schema_problems(doc, SCHEMA, file)
    if problems:
        return problems  # the semantic checks below assume the shapes the schema guarantees

    def bad(where: tuple[object, ...], message: str) -> None:
        problems.append(Problem(file, json_path(where), message))

    def times(section: list[dict[str, Any]], where: tuple[object, ...], *keys: str) -> None:
        for i, item in enumerate(section):
            for key in keys:
                node: Any = item
                path: tuple[object, ...] = (*where, i)
                for part in key.split("."):  # an absent optional field reads as None: nothing to check
                    node, path = (node.get(part) if isinstance(node, dict) else None), (*path, part)
                if (message := _bad_time(node)) is not None:
                    bad(path, message)

    def unique(section: list[dict[str, Any]], where: tuple[object, ...], key: str,
               norm: Callable[[str], str] = str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(section):
            if norm(item[key]) in seen:
                bad((*where, i, key), f"'{item[key]}' appears more than once")
            seen.add(norm(item[key]))

    study = doc.get("study", {})
    cards, reviews = study.get("cards", []), study.get("reviews", [])
    times(doc.get("notes", []), ("notes",), "updated")
    times(doc.get("favourites", []), ("favourites",), "added")
    times(doc.get("sets", []), ("sets",), "created")
    times(cards, ("study", "cards"), "card.due", "card.last_review")
    times(reviews, ("study", "reviews"), "log.review_datetime")
    if "exported" in doc and (message := _bad_time(doc["exported"])) is not None:
        bad(("exported",), message)
    unique(doc.get("notes", []), ("notes",), "muscle")
    unique(doc.get("favourites", []), ("favourites",), "muscle")
    unique(doc.get("sets", []), ("sets",), "name", lambda n: " ".join(n.split()).lower())
    unique(cards, ("study", "cards"), "id")
    known = {c["id"] for c in cards}
    for i, review in enumerate(reviews):
        if review["card"] not in known:
            bad(("study", "reviews", i, "card"), f"no card '{review['card']}' in study.cards")
    return problems
