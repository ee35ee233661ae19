"""Colours, pens and brushes shared by the canvas, the legend and exports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

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
