"""Page 1 of the handout: clinic and date, title, one diagram per muscle with its names, the legend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPaintDevice, QPainter, QPen

from tpi_viewer.export.figure import (
    canvas_image,
    keep_captions_inside,
    offscreen_canvas,
)
from tpi_viewer.export.handout_layout import (
    HEADING,
    MM_PER_INCH,
    MUTED,
    TEXT,
    draw_text,
    font,
    swatch_image,
    text_layout,
)
from tpi_viewer.export.handout_text import (
    PATIENT_LEGEND,
    HandoutText,
    MuscleText,
    legend_kinds,
)
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.queries import second_view_for_zones
from tpi_viewer.model.views import VIEW_PLACES
from tpi_viewer.model.types import SideChoice

DIAGRAM_PX_PER_MM = 100 / MM_PER_INCH  # canvas pixels per mm of paper: labels come out at about 10 pt
DIAGRAM_SCALE = 2.5  # pixels per canvas pixel: sharp on paper without a huge file
FOOTER_MM = 13.0  # room kept for the page footer
TITLE = "Your trigger point information"
NOTE = ("These are typical patterns: your own pain may differ. The X marks show where trigger points are usually "
        "found, not exact injection points.")


def diagram_view(catalog: Catalog, muscle_id: str, side: SideChoice) -> str | None:
    """The muscle's preferred view, switched to the lateral view of the treated side when there is one."""
    views = [v for v in catalog.muscle(muscle_id).views if v in catalog.body_maps]
    if not views:
        return None
    if side in ("left", "right") and views[0].startswith("lateral_") and f"lateral_{side}" in views:
        return f"lateral_{side}"
    return views[0]


def names_phrase(muscles: tuple[MuscleText, ...]) -> str:
    """'Upper trapezius and levator scapulae'."""
    names = [m.name for m in muscles[:1]] + [m.name[:1].lower() + m.name[1:] for m in muscles[1:]]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class Cover:
    """Draws (or, without a painter, only measures) page 1; diagrams are rendered once per size."""

    def __init__(self, catalog: Catalog, text: HandoutText) -> None:
        self.catalog = catalog
        self.text = text
        self._diagrams: dict[tuple[str, str, int, int], QImage] = {}

    def draw(self, painter: QPainter | None, device: QPaintDevice, content: QSizeF, dpi: float) -> float:
        """Header, title, the diagrams with names and the legend; returns where the text starts."""
        u = dpi / MM_PER_INCH
        w = content.width()
        clinic = self.text.clinic or "Patient information"
        y = draw_text(painter, device, clinic, 13, True, QRectF(0, 0, w * 0.65, 0), TEXT)
        draw_text(painter, device, self.text.date, 11, False, QRectF(w * 0.65, 0, w * 0.35, 0), MUTED, Qt.AlignmentFlag.AlignRight)
        y += 1.5 * u
        if painter is not None:
            painter.setPen(QPen(HEADING, 0.35 * u))
            painter.drawLine(0, round(y), round(w), round(y))
        y += 4 * u
        y += draw_text(painter, device, TITLE, 21, True, QRectF(0, y, w, 0), HEADING) + 1 * u
        subtitle = f"{names_phrase(self.text.muscles)}: {self.text.side_words}"
        y += draw_text(painter, device, subtitle, 14, True, QRectF(0, y, w, 0), TEXT) + 4 * u
        # page 1 is the picture page: the diagrams take all the room the legend and note leave
        below = 4 * u + self._legend(None, device, QRectF(0, 0, w, 0), u) + 1 * u
        below += draw_text(None, device, NOTE, 9.5, False, QRectF(0, 0, w, 0), MUTED) + FOOTER_MM * u
        y += self._grid(painter, device, QRectF(0, y, w, max(content.height() * 0.5, content.height() - y - below)), u)
        y += 4 * u
        y += self._legend(painter, device, QRectF(0, y, w, 0), u) + 1 * u
        y += draw_text(painter, device, NOTE, 9.5, False, QRectF(0, y, w, 0), MUTED)
        return y + 2 * u

    def _cells(self) -> list[tuple[MuscleText, str | None, bool]]:
        """(muscle, view, is the second view) per diagram: a second view where the first misses zones."""
        cells: list[tuple[MuscleText, str | None, bool]] = []
        for m in self.text.muscles:
            view = diagram_view(self.catalog, m.id, self.text.side)
            cells.append((m, view, False))
            extra = second_view_for_zones(self.catalog, self.catalog.muscle(m.id), view) if view else None
            if extra is not None and len(self.text.muscles) < 6:
                cells.append((m, extra, True))
        return cells

    def _grid(self, painter: QPainter | None, device: QPaintDevice, area: QRectF, u: float) -> float:
        """One diagram per muscle (two when its zones need another view) with names below; returns the height used."""
        cells = self._cells()
        n = len(cells)
        cols = 1 if n == 1 else 2 if n <= 4 else 3
        rows = -(-n // cols)
        gap = 5 * u
        cell_w = (area.width() - gap * (cols - 1)) / cols
        cell_h = (area.height() - gap * (rows - 1)) / rows
        caption_h = max(self._caption(None, device, m, QRectF(0, 0, cell_w, 0), view if second else None)
                        for m, view, second in cells)
        image_h = cell_h - caption_h - 2 * u
        for i, (muscle, view, second) in enumerate(cells):
            x = area.left() + (i % cols) * (cell_w + gap)
            y = area.top() + (i // cols) * (cell_h + gap)
            if painter is not None:
                self._diagram(painter, muscle.id, view, QRectF(x, y, cell_w, image_h), u)
                self._caption(painter, device, muscle, QRectF(x, y + image_h + 2 * u, cell_w, 0), view if second else None)
        return area.height()

    @staticmethod
    def _caption(painter: QPainter | None, device: QPaintDevice, m: MuscleText, rect: QRectF,
                 second_view: str | None = None) -> float:
        centre = Qt.AlignmentFlag.AlignHCenter
        if second_view is not None:  # the same muscle again, for pain it sends to another part of the body
            return draw_text(painter, device, f"{m.name}: pain felt in {VIEW_PLACES[second_view]}",
                             12, True, rect, TEXT, centre)
        h = draw_text(painter, device, m.name, 14, True, rect, TEXT, centre)
        return h + draw_text(painter, device, m.lay_name, 11.5, False, rect.translated(0, h), TEXT, centre)

    def _diagram(self, painter: QPainter, muscle_id: str, view: str | None, rect: QRectF, u: float) -> None:
        """The muscle drawn by the app's own canvas, zoomed to it and its zones, framed."""
        size = QSize(round(rect.width() / u * DIAGRAM_PX_PER_MM), round(rect.height() / u * DIAGRAM_PX_PER_MM))
        painter.setPen(QPen(QColor("#b8b8b8"), 0.25 * u))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if view is None:
            painter.drawRect(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No diagram for this muscle yet")
            return
        key = (muscle_id, view, size.width(), size.height())
        if key not in self._diagrams:
            with offscreen_canvas(self.catalog, view, [muscle_id], self.text.side, size, labels=False, legend=False) as canvas:
                keep_captions_inside(canvas)
                self._diagrams[key] = canvas_image(canvas, DIAGRAM_SCALE, legend=False)
        painter.drawImage(rect, self._diagrams[key])
        painter.drawRect(rect)

    def _legend(self, painter: QPainter | None, device: QPaintDevice, area: QRectF, u: float) -> float:
        """The styles the diagrams use, in patient words, wrapped into rows; returns the height used."""
        sw, sh = 9 * u, 5.5 * u
        x, y, row_h = area.left(), area.top(), 7 * u
        kinds = legend_kinds([self.catalog.muscle(m.id) for m in self.text.muscles])
        for kind, label in (entry for entry in PATIENT_LEGEND if entry[0] in kinds):
            layout, _ = text_layout(label, font(10), device, area.width())
            width = sw + 2 * u + layout.lineAt(0).naturalTextWidth() + 6 * u
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + row_h
            if painter is not None:
                px = DIAGRAM_PX_PER_MM / u  # swatches at the diagrams' scale, so their patterns match
                painter.drawImage(QRectF(x, y, sw, sh), swatch_image(kind, round(sw * px), round(sh * px), DIAGRAM_SCALE))
                painter.setPen(TEXT)
                layout.draw(painter, QRectF(x + sw + 2 * u, y + (sh - layout.lineAt(0).height()) / 2, 0, 0).topLeft())
            x += width
        return y + row_h - area.top()
