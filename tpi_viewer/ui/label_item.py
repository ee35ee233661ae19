"""A cheap screen-space text label (fixed pixel size at any zoom) for the canvas."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget


_FONTS: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}


def _font(point_size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
    """One font and its metrics per size and weight, shared by every label (a view has dozens)."""
    key = (point_size, bold)
    if key not in _FONTS:
        font = QFont()
        font.setPointSizeF(point_size)
        font.setBold(bold)
        _FONTS[key] = (font, QFontMetricsF(font))
    return _FONTS[key]


class LabelItem(QGraphicsItem):
    """Text in a rounded box, anchored at a point; ignores the view's zoom and mirroring."""

    def __init__(self, text: str, point: tuple[float, float], anchor: tuple[float, float] = (0.5, 0.5),
                 bold: bool = False, point_size: float = 9.0, border: QColor | None = None,
                 background: QColor | None = None, key: str | None = None) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.text = text
        self.point = point
        self.key = key
        self.important = bold
        self.font, fm = _font(point_size, bold)
        self.border = border
        self.background = background
        self._size = (fm.horizontalAdvance(text) + 10, fm.height() + 4)
        self.set_anchor(anchor)

    def set_anchor(self, anchor: tuple[float, float]) -> None:
        """Which point of the box sits on the anchor point ((0.5, 0.5): centred)."""
        self.prepareGeometryChange()
        w, h = self._size
        self._rect = QRectF(-anchor[0] * w, -anchor[1] * h, w, h)

    def boundingRect(self) -> QRectF:
        return self._rect

    def pixel_rect(self, at: QPointF, px: float, py: float) -> QRectF:
        """The label's area in view coordinates when placed at `at` (px, py: view units per pixel)."""
        r = self._rect
        return QRectF(at.x() + r.left() * px, at.y() + r.top() * py, r.width() * px, r.height() * py)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.background is not None:
            painter.setBrush(self.background)
            painter.setPen(QPen(self.border, 1) if self.border is not None else Qt.PenStyle.NoPen)
            painter.drawRoundedRect(self._rect, 3, 3)
        painter.setFont(self.font)
        painter.setPen(QColor("#111111"))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)
