"""Model geometry to Qt painter paths (built once per view and cached)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath

from tpi_viewer.model.geometry import MultiPolygon


def make_path(shape: MultiPolygon) -> QPainterPath:
    """One path for a multipolygon; holes cut out by the odd-even rule."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for polygon in shape:
        for ring in polygon:
            path.moveTo(*ring[0])
            for x, y in ring[1:]:
                path.lineTo(x, y)
            path.closeSubpath()
    return path


def union_path(shapes: list[MultiPolygon]) -> QPainterPath:
    """The merged outline of several touching shapes (no seams between regions)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for shape in shapes:
        path.addPath(make_path(shape))
    return path.simplified()
