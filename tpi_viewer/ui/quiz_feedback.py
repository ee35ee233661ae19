"""What the quiz says after an answer: the score in words, the right answer, and where to look on the body."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from html import escape

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.lookup import rank
from tpi_viewer.model.quiz import (
    Area,
    ChoiceQuestion,
    PaintQuestion,
    Question,
    area_text,
)
from tpi_viewer.model.types import SideChoice
from tpi_viewer.ui.quiz_choices import RIGHT_COLOUR, WRONG_COLOUR

KIND_TITLES = {
    "refer_to_muscle": "Name the muscle from its referral pattern",
    "paint_zone": "Paint the essential referred pain zone",
    "drawing_to_muscles": "Read the pain drawing",
    "condition_to_muscles": "Muscles for a condition",
}
RATING_WORDS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def _names(catalog: Catalog, ids: Collection[str]) -> str:
    return ", ".join(sorted(catalog.muscle(m).name for m in ids)) or "none"


def _verdict(score: float) -> str:
    if score >= 100.0:
        return f"<span style='color:{RIGHT_COLOUR}'>✓ Right</span>"
    if score <= 0.0:
        return f"<span style='color:{WRONG_COLOUR}'>✗ Not right</span>"
    return f"<span style='color:#8a5a00'>Partly right: {score:.0f} %</span>"


def answer_muscles(question: Question) -> list[str]:
    """The muscles whose selection shows the right answer on the body."""
    if isinstance(question, PaintQuestion):
        return [question.muscle]
    return sorted(question.correct, key=lambda m: question.choices.index(m) if m in question.choices else 99)


def answer_side(catalog: Catalog, question: Question) -> SideChoice:
    """The trigger point side to show the answer for (both when the right muscles differ in side)."""
    if question.side is not None:
        return question.side
    if isinstance(question, ChoiceQuestion) and question.areas:
        sides = {c.side for c in rank(catalog, list(question.areas)) if c.muscle.id in question.correct}
        if len(sides) == 1 and None not in sides:
            return sides.pop()  # type: ignore[return-value]
    return "both"


def choice_feedback(catalog: Catalog, question: ChoiceQuestion, picked: Collection[str], score: float) -> str:
    """Rich text after a choice question: verdict, the right muscles, the wrong picks."""
    lines = [f"<p style='font-size:large'><b>{_verdict(score)}</b></p>"]
    wrong = [m for m in picked if m not in question.correct]
    missed = [m for m in question.correct if m not in picked]
    if question.multiple:
        right = len(question.correct) - len(missed)
        lines.append(f"<p>Score <b>{score:.0f} %</b>: {right} of {len(question.correct)} right answers picked"
                     f"{f', {len(wrong)} wrong pick(s)' if wrong else ''}.</p>")
        lines.append(f"<p>The right answers: <b>{escape(_names(catalog, question.correct))}</b>.</p>")
    elif score < 100.0:
        lines.append(f"<p>The answer is <b>{escape(_names(catalog, question.correct))}</b>; "
                     f"you picked {escape(_names(catalog, picked))}.</p>")
    else:
        lines.append(f"<p><b>{escape(_names(catalog, question.correct))}</b> it is.</p>")
    shown = "shown in blue with its zones" if len(question.correct) == 1 else "shown in blue with their zones"
    lines.append(f"<p>On the body: the right {'muscle is' if len(question.correct) == 1 else 'muscles are'} {shown}"
                 f"{' over the pattern (outlined in purple)' if question.areas else ''}.</p>")
    return "".join(lines)


def paint_feedback(catalog: Catalog, question: PaintQuestion, painted: Collection[Area], score: float) -> str:
    """Rich text after a paint question: the IoU score, and the areas matched, missed and painted outside."""
    hit = set(painted) & question.target
    missed = question.target - set(painted)
    extra = set(painted) - question.target
    lines = [f"<p style='font-size:large'><b>{_verdict(score)}</b></p>",
             (f"<p>Score <b>{score:.0f} %</b>: the overlap of your painting with the true essential zone "
              f"({len(hit)} area(s) shared, out of {len(set(painted) | question.target)} painted or true).</p>")]
    for label, areas in (("Matched", hit), ("Missed", missed), ("Painted outside the zone", extra)):
        if areas:
            lines.append(f"<p>{label}: {escape(area_text(catalog, areas))}.</p>")
    name = catalog.muscle(question.muscle).name
    lines.append(f"<p>On the body: the {escape(name)} in blue with its essential zone in solid red "
                 "(local pain hatched orange); your painting is outlined in purple.</p>")
    return "".join(lines)


def when_due(due: datetime, reviewed: datetime | None) -> str:
    """When a card comes back, in words: 'in 10 minutes', 'in 3 days (Thu 26 Nov)'."""
    seconds = (due - reviewed).total_seconds() if reviewed is not None else 0.0
    if seconds < 60:
        return "right away"
    if seconds < 3600:
        minutes = round(seconds / 60)
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    if seconds < 86400:
        hours = round(seconds / 3600)
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    days = round(seconds / 86400)
    return f"in {days} day{'s' if days != 1 else ''} ({due.astimezone():%a %d %b})"
