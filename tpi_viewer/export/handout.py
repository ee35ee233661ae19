"""The patient handout: one QPainter layout for PDF (QPdfWriter), PNG (QImage) and the printer."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSettings, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from tpi_viewer.export.handout_cover import TITLE, Cover, diagram_view, names_phrase
from tpi_viewer.export.handout_layout import (
    HEADING,
    MM_PER_INCH,
    MUTED,
    Placed,
    TextBlock,
    draw_text,
    paginate,
)
from tpi_viewer.export.handout_text import (
    CLINIC_KEY,
    PAPER_KEY,
    PAPERS,
    HandoutText,
    Line,
    handout_text,
)
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.errors import DataError
from tpi_viewer.model.guide import Guide, load_guide
from tpi_viewer.model.types import SideChoice

__all__ = ["HANDOUT_SUFFIXES", "Handout", "diagram_view", "load_patient_guide", "preferences"]

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15.0
PNG_DPI = 150
HANDOUT_SUFFIXES = (".pdf", ".png")


def load_patient_guide() -> tuple[Guide | None, str]:
    """The guide, or None and the reason (the handout then uses short built-in texts)."""
    try:
        return load_guide(), ""
    except DataError as exc:
        return None, "; ".join(str(p) for p in exc.problems[:3])


def preferences(settings: QSettings) -> tuple[str, str]:
    """The clinic name and paper size set in Preferences (a4 when unset)."""
    paper = str(settings.value(PAPER_KEY, "a4") or "a4")
    return str(settings.value(CLINIC_KEY, "") or ""), paper if paper in PAPERS else "a4"


class Handout:
    """A handout for some muscles on one side; lays itself out for any page size and resolution."""

    def __init__(self, catalog: Catalog, text: HandoutText) -> None:
        self.catalog = catalog
        self.text = text
        self.cover = Cover(catalog, text)

    @classmethod
    def build(cls, catalog: Catalog, muscle_ids: list[str], side: SideChoice, clinic: str = "",
              guide: Guide | None = None, day: datetime.date | None = None) -> Handout:
        """Collect the texts (`guide` None: built-in fallback texts) for these muscles."""
        return cls(catalog, handout_text(catalog, muscle_ids, side, guide, clinic, day))

    # ----- output ------------------------------------------------------------------------
    def write(self, out: Path, paper: str = "a4") -> Path:
        """Write PDF or PNG, chosen by the file's suffix."""
        suffix = out.suffix.lower()
        if suffix not in HANDOUT_SUFFIXES:
            raise ValueError(f"{out.name}: a handout is saved as .pdf or .png")
        if paper not in PAPERS:
            raise ValueError(f"unknown paper '{paper}' (a4 or letter)")
        out.parent.mkdir(parents=True, exist_ok=True)
        return self.write_pdf(out, paper) if suffix == ".pdf" else self.write_png(out, paper)

    def write_pdf(self, out: Path, paper: str = "a4") -> Path:
        writer = QPdfWriter(str(out))
        writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait,
                                         QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))
        writer.setTitle(f"{TITLE}: {names_phrase(self.text.muscles)}")
        writer.setCreator("tpi-viewer")
        self._paint_paged(writer, writer.resolution())
        if not out.exists() or out.stat().st_size == 0:
            raise OSError(f"cannot write {out}")
        return out

    def print_to(self, printer: QPrinter) -> None:
        """Print on the printer's pages within its margins (tests print to a PDF file)."""
        self._paint_paged(printer, printer.resolution())

    def write_png(self, out: Path, paper: str = "a4", dpi: int = PNG_DPI) -> Path:
        """All pages one under the other in one image, separated by a grey gap."""
        size_mm = QPageSize(PAGE_SIZES[paper]).size(QPageSize.Unit.Millimeter)
        u = dpi / MM_PER_INCH
        page_px = QSize(round(size_mm.width() * u), round(size_mm.height() * u))
        metrics = self._page_image(QSize(8, 8), dpi)
        content = QSizeF(page_px.width() - 2 * MARGIN_MM * u, page_px.height() - 2 * MARGIN_MM * u)
        pages = self._layout(metrics, content, dpi)
        gap = round(8 * u)
        sheet = QImage(page_px.width(), len(pages) * (page_px.height() + gap) - gap, QImage.Format.Format_RGB32)
        sheet.fill(QColor("#9a9a9a"))
        p = QPainter(sheet)
        for i in range(len(pages)):
            page = self._page_image(page_px, dpi)
            page.fill(QColor("white"))
            painter = QPainter(page)
            try:
                painter.translate(MARGIN_MM * u, MARGIN_MM * u)
                self._paint_page(painter, pages, i, content, dpi, page)
            finally:
                painter.end()
            p.drawImage(0, i * (page_px.height() + gap), page)
        p.end()
        if not sheet.save(str(out)):
            raise OSError(f"cannot write {out}")
        return out

    @staticmethod
    def _page_image(size: QSize, dpi: float) -> QImage:
        image = QImage(size, QImage.Format.Format_RGB32)
        dpm = round(dpi / 0.0254)  # fonts in points resolve against the image's own resolution
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        return image

    def _paint_paged(self, device: QPagedPaintDevice, dpi: float) -> None:
        rect = device.pageLayout().paintRectPixels(round(dpi))
        content = QSizeF(rect.width(), rect.height())
        pages = self._layout(device, content, dpi)
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("cannot start writing the handout (is the file or printer available?)")
        try:
            for i in range(len(pages)):
                if i:
                    device.newPage()
                self._paint_page(painter, pages, i, content, dpi, device)
        finally:
            painter.end()

    # ----- layout ------------------------------------------------------------------------
    def _layout(self, device: QPaintDevice, content: QSizeF, dpi: float) -> list[list[Placed]]:
        """Text after page 1's picture; the sources all on the last page (a fresh one, smaller type if need be)."""
        u = dpi / MM_PER_INCH
        first_top = self.cover.draw(None, device, content, dpi)
        pages: list[list[Placed]] = []
        for new_page, points in ((False, 8.5), (True, 8.5), (True, 8.0), (True, 7.5), (True, 7.0)):
            sources = self._sources(new_page, points)
            pages = paginate(self._blocks() + sources, device, content.width(), dpi, first_top, 12 * u,
                             content.height() - 11 * u)
            if any(placed.block is sources[0] for placed in pages[-1]):
                break
        return pages

    def _blocks(self) -> list[TextBlock]:
        blocks: list[TextBlock] = []
        for section in self.text.sections:
            blocks.append(TextBlock(section.heading, 14, True, QColor(HEADING), before_mm=6, keep_with_next=True))
            label = ""
            for line in section.lines:
                if line.label != label and line.label:
                    blocks.append(TextBlock(line.label, 11.5, True, before_mm=2.5, keep_with_next=True))
                label = line.label
                blocks.append(self._line(line))
        return blocks

    def _sources(self, new_page: bool, points: float) -> list[TextBlock]:
        """The heading, one numbered entry per source, and a note on the numbers."""
        blocks = [TextBlock("Sources", 14, True, QColor(HEADING), before_mm=8, keep_with_next=True, new_page=new_page)]
        for n, source in enumerate(self.text.sources, start=1):
            blocks.append(TextBlock(f"{source.title}. {source.url}", points, indent_mm=8, bullet=f"{n}.", before_mm=0.8))
        general = not self.text.sources or not self.text.guide_complete
        blocks.append(TextBlock("Lines without numbers are general advice from your clinic." if general else
                                "The numbers in square brackets refer to these sources.", 9, color=QColor(MUTED), before_mm=3))
        return blocks

    @staticmethod
    def _line(line: Line) -> TextBlock:
        cites = f"[{', '.join(map(str, line.sources))}]" if line.sources else ""
        return TextBlock(line.text, 11.5, indent_mm=5, bullet="•", before_mm=1.5, extra=cites)

    def _paint_page(self, painter: QPainter, pages: list[list[Placed]], index: int, content: QSizeF, dpi: float,
                    device: QPaintDevice) -> None:
        u = dpi / MM_PER_INCH
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        w, h = content.width(), content.height()
        if index == 0:
            self.cover.draw(painter, device, content, dpi)
        else:
            running = f"{self.text.clinic + ' · ' if self.text.clinic else ''}{TITLE}: {names_phrase(self.text.muscles)}, {self.text.side_words}"
            draw_text(painter, device, running, 9, False, QRectF(0, 0, w, 0), MUTED)
            painter.setPen(QPen(QColor("#c8c8c8"), 0.25 * u))
            painter.drawLine(0, round(6 * u), round(w), round(6 * u))
        for placed in pages[index]:
            placed.block.paint(painter, 0, placed.y, dpi)
        painter.setPen(QPen(QColor("#c8c8c8"), 0.25 * u))
        painter.drawLine(0, round(h - 7 * u), round(w), round(h - 7 * u))
        left = " · ".join(x for x in (self.text.clinic, self.text.date) if x)
        draw_text(painter, device, left, 9, False, QRectF(0, h - 5.5 * u, w * 0.7, 0), MUTED)
        draw_text(painter, device, f"Page {index + 1} of {len(pages)}", 9, False, QRectF(w * 0.7, h - 5.5 * u, w * 0.3, 0),
                   MUTED, Qt.AlignmentFlag.AlignRight)
