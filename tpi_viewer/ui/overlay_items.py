"""Overlay items of the canvas: highlighted muscles and trigger point marks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from tpi_viewer.model.bodymap import MuscleShape
from tpi_viewer.ui import style
from tpi_viewer.ui.view_layer import ViewLayer

# Where a selected muscle's name may sit relative to its label point, in order of preference.
LABEL_ANCHORS = ((0.5, -0.35), (0.5, 1.35), (-0.08, 0.5), (1.08, 0.5), (0.5, -1.6), (0.5, 2.6))


class MarkItem(QGraphicsPathItem):
    """A trigger point X; remembers its body-map position for label placement."""

    pos_in_map: tuple[float, float] = (0.0, 0.0)


def trigger_point_item(x: float, y: float) -> MarkItem:
    """An X of fixed screen size (ignores zoom), white-edged so it reads on red."""
    path = QPainterPath()
    r = 7.0
    path.moveTo(-r, -r)
    path.lineTo(r, r)
    path.moveTo(-r, r)
    path.lineTo(r, -r)
    halo = MarkItem(path)
    halo.pos_in_map = (x, y)
    halo.setPen(QPen(QColor("white"), 6.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    halo.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    halo.setPos(x, y)
    halo.setZValue(30)
    mark = QGraphicsPathItem(path, halo)
    mark.setPen(QPen(style.TRIGGER_POINT, 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    return halo


def highlight_items(shape: MuscleShape, layer: ViewLayer) -> list[QGraphicsPathItem]:
    """The whole silhouette hatched with a dashed edge; the visible part solid on top."""
    hidden = QGraphicsPathItem(layer.full_path(shape))
    hidden.setBrush(QBrush(style.HIGHLIGHT_FILL, Qt.BrushStyle.Dense4Pattern))
    hidden.setPen(style.cosmetic(style.HIGHLIGHT_LINE, 2.0, Qt.PenStyle.DashLine))
    hidden.setZValue(19)
    items = [hidden]
    if shape.visible and shape.layer != "deep":
        color = QColor(style.HIGHLIGHT_FILL)
        color.setAlpha(215)
        seen = QGraphicsPathItem(layer.outline_path(shape))
        seen.setBrush(QBrush(color))
        seen.setPen(style.cosmetic(style.HIGHLIGHT_LINE, 2.5))
        seen.setZValue(20)
        items.append(seen)
    return items
