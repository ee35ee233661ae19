"""Colours, pens and brushes shared by the canvas, the legend and exports."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

BACKGROUND = QColor("#ffffff")
SKIN_FILL = QColor("#f6e7d8")
SKIN_LINE = QColor("#8a6f5a")
BONE_FILL = QColor("#ecebe4")
BONE_LINE = QColor("#a9a69a")
MUSCLE_FILL = QColor("#d9a397")
MUSCLE_LINE = QColor("#8c5549")
MUSCLE_SELECTABLE_FILL = QColor("#cf8b7e")
DEEP_LINE = QColor("#6b4038")
DEEP_LINE_FAINT = QColor(107, 64, 56, 95)  # many deep muscles overlap; unselected ones stay quiet
HIGHLIGHT_FILL = QColor("#1f5fa8")
HIGHLIGHT_LINE = QColor("#0b2f5e")
ESSENTIAL = QColor("#d7191c")
ESSENTIAL_FILL = QColor(215, 25, 28, 165)
SPILLOVER = QColor("#d7191c")
LOCAL = QColor("#e66100")
TRIGGER_POINT = QColor("#111111")
LABEL_TEXT = QColor("#111111")
DRAWING = QColor("#6a3d9a")
SIDE_TEXT = QColor("#5a5a5a")


def cosmetic(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def zone_brush(kind: str) -> QBrush:
    """Local: hatched; essential: solid; spillover: stippled. Never colour alone."""
    if kind == "essential":
        return QBrush(ESSENTIAL_FILL)
    if kind == "spillover":
        return QBrush(SPILLOVER, Qt.BrushStyle.Dense5Pattern)
    return QBrush(LOCAL, Qt.BrushStyle.BDiagPattern)


def zone_pen(kind: str) -> QPen:
    if kind == "essential":
        return cosmetic(ESSENTIAL.darker(130), 2.0)
    if kind == "spillover":
        return cosmetic(SPILLOVER, 1.5, Qt.PenStyle.DashLine)
    return cosmetic(LOCAL.darker(120), 2.0, Qt.PenStyle.DotLine)


ZONE_LABELS = {
    "local": "Local pain (at the muscle)",
    "essential": "Essential referred pain",
    "spillover": "Spillover referred pain",
}


def drawing_brush() -> QBrush:
    """The patient's pain drawing: purple cross-hatch, unlike any referral zone."""
    return QBrush(DRAWING, Qt.BrushStyle.DiagCrossPattern)


def draw_swatch(p: QPainter, kind: str, r: QRectF) -> None:
    """One legend swatch, drawn as the canvas draws that thing (window legend, handout, slides)."""
    if kind in ("local", "essential", "spillover", "drawing"):
        p.fillRect(r, SKIN_FILL)
        p.setBrush(drawing_brush() if kind == "drawing" else zone_brush(kind))
        pen = QPen(DRAWING, 2) if kind == "drawing" else QPen(zone_pen(kind))
        pen.setCosmetic(False)
        p.setPen(pen)
        p.drawRect(r)
    elif kind == "muscle":
        p.setBrush(QBrush(HIGHLIGHT_FILL))
        p.setPen(QPen(HIGHLIGHT_LINE, 2))
        p.drawRoundedRect(r, 4, 4)
    elif kind == "deep":  # an unselected deep muscle: dashed outline only
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(DEEP_LINE, 1.5, Qt.PenStyle.DashLine))
        p.drawRoundedRect(r, 4, 4)
    elif kind == "deep_muscle":  # a selected muscle's hidden part: hatched, dashed edge
        p.fillRect(r, MUSCLE_FILL)
        p.setBrush(QBrush(HIGHLIGHT_FILL, Qt.BrushStyle.Dense4Pattern))
        p.setPen(QPen(HIGHLIGHT_LINE, 2, Qt.PenStyle.DashLine))
        p.drawRect(r)
    else:  # a trigger point X, white-edged as on the canvas
        c = r.center()
        d = min(r.width(), r.height()) * 0.32
        for pen in (QPen(QColor("white"), 6.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap),
                    QPen(TRIGGER_POINT, 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)):
            p.setPen(pen)
            p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
            p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
