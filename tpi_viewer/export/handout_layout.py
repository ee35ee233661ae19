"""Page layout primitives of the handout: wrapped text blocks, pagination and legend swatches."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from tpi_viewer.ui import style

MM_PER_INCH = 25.4
TEXT = QColor("#1a1a1a")
HEADING = QColor("#0b2f5e")
MUTED = QColor("#5a5a5a")


def font(points: float, bold: bool = False) -> QFont:
    """A text font; unhinted so metrics scale the same at 150 dpi (PNG) and 1200 dpi (PDF)."""
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def text_layout(text: str, f: QFont, device: QPaintDevice, width: float, extra: str = "",
                extra_color: QColor = MUTED, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> tuple[QTextLayout, float]:
    """`text` (then `extra`, e.g. citation numbers, in a muted colour) wrapped to `width`; returns the height."""
    full = f"{text} {extra}" if extra else text
    layout = QTextLayout(full, f, device)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    if extra:
        muted = QTextCharFormat()
        muted.setForeground(QBrush(extra_color))
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = len(text) + 1, len(extra), muted
        layout.setFormats([span])
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height() * 1.12  # a little air between lines for older readers
    layout.endLayout()
    return layout, y


def draw_text(painter: QPainter | None, device: QPaintDevice, text: str, points: float, bold: bool, rect: QRectF,
              color: QColor, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
    """Wrap `text` to `rect`'s width and draw it at its top (only measure without a painter); returns the height."""
    layout, height = text_layout(text, font(points, bold), device, rect.width(), align=align)
    if painter is not None:
        painter.setPen(color)
        layout.draw(painter, rect.topLeft())
    return height


@dataclass
class TextBlock:
    """A paragraph: optional bullet, indent, space above, citation numbers after the text."""

    text: str
    points: float = 11.0
    bold: bool = False
    color: QColor = field(default_factory=lambda: QColor(TEXT))
    indent_mm: float = 0.0
    bullet: str = ""
    before_mm: float = 0.0
    keep_with_next: bool = False
    extra: str = ""
    new_page: bool = False
    _layout: QTextLayout | None = None
    _height: float = 0.0

    def measure(self, device: QPaintDevice, width: float, dpi: float) -> float:
        indent = self.indent_mm * dpi / MM_PER_INCH
        self._layout, self._height = text_layout(self.text, font(self.points, self.bold), device, width - indent, self.extra)
        return self._height

    def paint(self, painter: QPainter, x: float, y: float, dpi: float) -> None:
        assert self._layout is not None, "measure() first"
        indent = self.indent_mm * dpi / MM_PER_INCH
        painter.setPen(self.color)
        if self.bullet:
            f = font(self.points, self.bold)
            painter.setFont(f)
            line = self._layout.lineAt(0)
            # right-aligned in the indent so "9." and "10." line up
            right = x + indent - 1.5 * dpi / MM_PER_INCH
            width = QFontMetricsF(f, painter.device()).horizontalAdvance(self.bullet)
            painter.drawText(QPointF(right - width, y + line.ascent()), self.bullet)
        self._layout.draw(painter, QPointF(x + indent, y))


@dataclass
class Placed:
    block: TextBlock
    y: float


def paginate(blocks: list[TextBlock], device: QPaintDevice, width: float, dpi: float,
             first_top: float, top: float, bottom: float) -> list[list[Placed]]:
    """Place blocks down the pages; a heading or label never ends a page without what follows it."""
    heights = [b.measure(device, width, dpi) for b in blocks]
    gaps = [b.before_mm * dpi / MM_PER_INCH for b in blocks]
    pages: list[list[Placed]] = [[]]
    y = first_top
    for i, block in enumerate(blocks):
        need = gaps[i] + heights[i]
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            need += gaps[j] + heights[j]
        page_used = bool(pages[-1]) or y > top  # page 1 starts below its picture
        if (y + need > bottom or block.new_page) and page_used:
            pages.append([])
            y = top
        y += gaps[i] if pages[-1] else 0.0
        pages[-1].append(Placed(block, y))
        y += heights[i]
    return pages


def swatch_image(kind: str, width: int, height: int, scale: float) -> QImage:
    """A legend swatch drawn like the canvas draws it, at the diagrams' pixel scale."""
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(0, 0, 0, 0))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    style.draw_swatch(p, kind, QRectF(1.5, 1.5, width - 3, height - 3))
    p.end()
    return image
