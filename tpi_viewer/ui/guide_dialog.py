"""Help > TPI guide: patient pages in plain words and clinician pages, with sources."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from tpi_viewer.model.guide import Guide, GuidePage
from tpi_viewer.ui.panel_html import CSS

_MARKS = {"uncertain": "uncertain", "low_authority": "low-authority source", "inference": "inferred"}


def page_html(guide: Guide, page: GuidePage) -> str:
    """One guide page with numbered citations and the sources it uses."""
    parts = [f"<style>{CSS}</style><h1>{escape(page.title)}</h1>"]
    used: list[str] = []
    for section in page.sections:
        parts.append(f"<h2>{escape(section.heading)}</h2><ul>")
        for item in section.items:
            nums = sorted(guide.source_number(s) for s in item.sources)
            used += [s for s in item.sources if s not in used]
            mark = _MARKS.get(item.evidence)
            notes = ([f"({mark})"] if mark else []) + (["(debated)"] if item.debated else [])
            note_html = f' <span class="mark">{" ".join(notes)}</span>' if notes else ""
            parts.append(f'<li>{escape(item.text)}{note_html} <span class="cite">[{", ".join(map(str, nums))}]</span></li>')
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ul>")
    for sid in sorted(used, key=guide.source_number):
        s = guide.sources[guide.source_number(sid) - 1]
        parts.append(f'<li>[{guide.source_number(sid)}] <a href="{escape(s.url)}">{escape(s.title)}</a></li>')
    parts.append('</ul><p class="note">tpi-viewer is a reference, not a diagnostic tool. Follow your own clinic\'s advice.</p>')
    return "".join(parts)


class GuideDialog(QDialog):
    """Page list (patients first) beside the page text."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trigger point injection: guide")
        self.resize(1000, 720)
        self.guide = guide
        self.pages = QListWidget()
        self.pages.setMaximumWidth(300)
        self.pages.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.browser, 1)
        for audience, label in (("patient", "For patients"), ("clinician", "For clinicians")):
            header = QListWidgetItem(label)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.pages.addItem(header)
            for page in guide.pages:
                if page.audience == audience:
                    item = QListWidgetItem(f"  {page.title}")
                    item.setData(Qt.ItemDataRole.UserRole, page.id)
                    self.pages.addItem(item)
        self.pages.currentItemChanged.connect(self._on_page_changed)
        self.pages.setCurrentRow(1)

    def show_page(self, page_id: str) -> None:
        for i in range(self.pages.count()):
            if self.pages.item(i).data(Qt.ItemDataRole.UserRole) == page_id:
                self.pages.setCurrentRow(i)

    def _on_page_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        page_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if page_id:
            self.browser.setHtml(page_html(self.guide, self.guide.page(page_id)))
