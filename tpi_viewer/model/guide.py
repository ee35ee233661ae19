"""The TPI guide: pages for patients and clinicians, each statement with its sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tpi_viewer import paths
from tpi_viewer.model.bodymap import read_json
from tpi_viewer.model.errors import DataError, Problem, json_path
from tpi_viewer.model.types import Source


@dataclass(frozen=True, slots=True)
class GuideItem:
    text: str
    sources: tuple[str, ...]
    evidence: str = "established"
    debated: bool = False


@dataclass(frozen=True, slots=True)
class GuideSection:
    heading: str
    items: tuple[GuideItem, ...]


@dataclass(frozen=True, slots=True)
class GuidePage:
    id: str
    audience: str
    title: str
    sections: tuple[GuideSection, ...]


@dataclass(frozen=True, slots=True)
class Guide:
    """All pages with the guide's numbered sources."""

    pages: tuple[GuidePage, ...]
    sources: tuple[Source, ...]

    def page(self, page_id: str) -> GuidePage:
        for p in self.pages:
            if p.id == page_id:
                return p
        raise KeyError(page_id)

    def source_number(self, source_id: str) -> int:
        return [s.id for s in self.sources].index(source_id) + 1


def guide_path() -> Path:
    return paths.resource_root() / "data" / "guide.json"


def load_guide(path: Path | None = None) -> Guide:
    """Load and validate the guide; DataError naming file, JSON path and problem."""
    path = Path(path or guide_path())
    raw = read_json(path)
    from tpi_viewer.model.validation import schema_problems

    schema = read_json(paths.resource_root() / "data" / "guide.schema.json")
    problems = schema_problems(raw, schema, str(path))
    if problems:
        raise DataError(problems)
    ids = [s["id"] for s in raw["sources"]]
    for i, page in enumerate(raw["pages"]):
        for j, section in enumerate(page["sections"]):
            for k, item in enumerate(section["items"]):
                for n, sid in enumerate(item["sources"]):
                    if sid not in ids:
                        where = ("pages", i, "sections", j, "items", k, "sources", n)
                        problems.append(Problem(str(path), json_path(where), f"unknown source '{sid}'"))
    if problems:
        raise DataError(problems)
    return Guide(
        pages=tuple(
            GuidePage(p["id"], p["audience"], p["title"], tuple(
                GuideSection(s["heading"], tuple(
                    GuideItem(it["text"], tuple(it["sources"]), it.get("evidence", "established"), it.get("debated", False))
                    for it in s["items"]))
                for s in p["sections"]))
            for p in raw["pages"]),
        sources=tuple(Source(s["id"], s["title"], s["url"], s.get("authority", "secondary")) for s in raw["sources"]),
    )
