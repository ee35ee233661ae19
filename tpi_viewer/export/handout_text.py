"""What a patient reads: plain-language texts of the handout and presentation mode (no Qt)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.guide import Guide
from tpi_viewer.model.types import Muscle, SideChoice, Source

CLINIC_KEY = "handout/clinic"  # QSettings keys shared by Preferences, the window and the CLI
PAPER_KEY = "handout/paper"
PAPERS = ("a4", "letter")
SIDE_WORDS = {"right": "right side", "left": "left side", "both": "both sides"}
ZONE_LABELS = {"local": "At the muscle", "essential": "Where the pain often spreads", "spillover": "Where it sometimes spreads"}
PATIENT_LEGEND = (("muscle", "The muscle"), ("deep_muscle", "The muscle, under other muscles"),
                  ("local", "Sore at the muscle"), ("essential", "Where the pain often spreads"),
                  ("spillover", "Where it sometimes spreads"), ("trigger_point", "Typical trigger point (tender spot)"))
NO_PATIENT_TEXT = "No patient information is available for this muscle yet. Ask your clinician to explain it."
NO_SELF_CARE = "Ask your clinician which stretches and exercises suit you."
GUIDE_PAGES = (
    ("patient_what_is_tpi", "What is a trigger point injection?"),
    ("patient_aftercare", "Aftercare"),
    ("patient_warning_signs", "Warning signs: when to call"),
)
# Short, generic texts used only when data/guide.json cannot be read, so a handout never fails.
FALLBACK: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "patient_what_is_tpi": (("In short", (
        "A trigger point is a tight, tender spot in a muscle. It can cause pain nearby or further away.",
        ("In a trigger point injection a thin needle is placed in the tender spot, often with a numbing medicine, "
         "to help the muscle relax."),
    )),),
    "patient_aftercare": (("After your injection", (
        "The area may feel sore or bruised for a day or two.",
        "Keep moving the muscle gently and do the stretches your clinician showed you.",
    )),),
    "patient_warning_signs": (("Call your clinic if you notice", (
        "Redness, warmth or swelling that gets worse, pus, or a fever.",
        "New numbness or weakness, or pain that gets much worse instead of better.",
        "Shortness of breath or chest pain after an injection near the chest or upper back: get help at once.",
    )),),
}


@dataclass(frozen=True, slots=True)
class Line:
    """One statement in plain words, with its group label and the numbers of its sources."""

    text: str
    label: str = ""
    sources: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class MuscleText:
    """A muscle in patient words: names and where its pain is felt."""

    id: str
    name: str
    lay_name: str
    anatomy_only: bool
    zones: tuple[Line, ...]
    self_care: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class HandoutText:
    """Everything the handout says, in reading order, with one numbered source list."""

    side: SideChoice
    clinic: str
    date: str
    muscles: tuple[MuscleText, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    guide_complete: bool

    @property
    def side_words(self) -> str:
        return SIDE_WORDS[self.side]


class _Numbers:
    """Numbers sources in order of first citation; one number per URL across muscles and guide."""

    def __init__(self) -> None:
        self.sources: list[Source] = []

    def cite(self, sources: list[Source]) -> tuple[int, ...]:
        nums = []
        for s in sources:
            urls = [x.url for x in self.sources]
            if s.url not in urls:
                self.sources.append(s)
                urls.append(s.url)
            nums.append(urls.index(s.url) + 1)
        return tuple(sorted(set(nums)))


def legend_kinds(muscles: list[Muscle]) -> set[str]:
    """The legend entries these muscles' drawings need (no zone swatch for a muscle without zones)."""
    kinds = {"muscle"}
    for m in muscles:
        kinds |= {"deep_muscle"} if m.depth == "deep" else set()
        kinds |= {z.kind for z in m.zones if not z.doubtful}
        kinds |= {"trigger_point"} if m.trigger_points else set()
    return kinds


def side_title(side: SideChoice) -> str:
    """'Right side', 'Left side' or 'Both sides'."""
    return SIDE_WORDS[side].capitalize()


def format_date(day: datetime.date) -> str:
    """An unambiguous date for patients: 5 March 2026."""
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def muscle_text(muscle: Muscle, numbers: _Numbers | None = None) -> MuscleText:
    """The muscle's names and plain-language zone and self-care texts (clinician-only parts left out)."""
    def cite(ids: tuple[str, ...]) -> tuple[int, ...]:
        return numbers.cite([s for s in muscle.sources if s.id in ids]) if numbers is not None else ()

    zones = tuple(Line(z.lay_text, ZONE_LABELS[z.kind], cite(z.sources)) for z in muscle.zones if not z.doubtful)
    care = tuple(Line(s.lay_text or s.text, "", cite(s.sources)) for s in muscle.self_care)
    return MuscleText(muscle.id, muscle.name, muscle.lay_name, not muscle.complete, zones, care)


def _guide_section(page_id: str, title: str, guide: Guide | None, numbers: _Numbers) -> tuple[Section, bool]:
    """A guide page as one section; the built-in fallback (and False) when it is not available."""
    page = next((p for p in guide.pages if p.id == page_id), None) if guide is not None else None
    if page is None or guide is None:
        lines = tuple(Line(text, heading) for heading, texts in FALLBACK[page_id] for text in texts)
        return Section(title, lines), False
    by_id = {s.id: s for s in guide.sources}
    lines = tuple(Line(item.text, section.heading, numbers.cite([by_id[x] for x in item.sources if x in by_id]))
                  for section in page.sections for item in section.items)
    return Section(page.title, lines), True


def _self_care(muscles: list[MuscleText]) -> Section:
    """Self-care lines of all muscles, each said once; labelled by muscle when not shared by all."""
    clinical = [m for m in muscles if not m.anatomy_only]
    order: list[Line] = []
    owners: dict[str, list[str]] = {}
    for m in clinical:
        for line in m.self_care:
            if line.text not in owners:
                owners[line.text] = []
                order.append(line)
            owners[line.text].append(m.name)
    every = [m.name for m in clinical]
    lines = [Line(x.text, "" if owners[x.text] == every else ", ".join(owners[x.text]), x.sources) for x in order]
    return Section("Self-care and stretches", tuple(lines) or (Line(NO_SELF_CARE),))


def handout_text(
    catalog: Catalog,
    muscle_ids: list[str],
    side: SideChoice,
    guide: Guide | None,
    clinic: str = "",
    day: datetime.date | None = None,
) -> HandoutText:
    """All texts of a handout for these muscles on `side`; `guide` None uses the built-in fallback."""
    numbers = _Numbers()
    muscles = [muscle_text(catalog.muscle(mid), numbers) for mid in dict.fromkeys(muscle_ids)]
    sections = []
    for m in muscles:
        lines = m.zones if not m.anatomy_only else (Line(NO_PATIENT_TEXT),)
        sections.append(Section(f"{m.name}: where you may feel it", lines or (Line(NO_PATIENT_TEXT),)))
    complete = True
    for page_id, title in GUIDE_PAGES:
        section, found = _guide_section(page_id, title, guide, numbers)
        complete = complete and found
        if page_id == "patient_aftercare":
            sections.append(_self_care(muscles))
        if page_id == "patient_warning_signs":  # who to call comes first, before the list of signs
            who = clinic.strip() or "your clinic"
            section = Section(section.heading, (Line(
                f"If you notice any of the signs below, call {who}. In an emergency, call your local emergency number."),
            ) + section.lines)
        sections.append(section)
    return HandoutText(side, clinic.strip(), format_date(day or datetime.date.today()), tuple(muscles),
                       tuple(sections), tuple(numbers.sources), complete)
