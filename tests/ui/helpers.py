"""Helpers for canvas tests: wait for pyqtgraph's layout, click and probe pixels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from tpi_viewer.ui.canvas import BodyCanvas


def wait_for_layout(qtbot, canvas: BodyCanvas, point: tuple[float, float]) -> QPoint:
    """Wait until the ViewBox maps `point` inside the viewport; return its pixel position."""
    viewport = canvas.view.viewport()
    qtbot.waitUntil(lambda: viewport.rect().contains(canvas.to_widget(point).toPoint()), timeout=3000)
    return canvas.to_widget(point).toPoint()


def click(qtbot, canvas: BodyCanvas, point: tuple[float, float], ctrl: bool = False) -> None:
    pos = wait_for_layout(qtbot, canvas, point)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def pixel(qtbot, canvas: BodyCanvas, point: tuple[float, float]) -> QColor:
    """The colour the canvas shows at a body-map point."""
    pos = wait_for_layout(qtbot, canvas, point)
    image: QImage = canvas.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(pos.x() * ratio), int(pos.y() * ratio))


def is_highlight(c: QColor) -> bool:
    """The selected-muscle blue (blended with whatever is under it)."""
    return c.blue() > 120 and c.blue() > c.red() + 50 and c.blue() > c.green() + 20


def is_essential_red(c: QColor) -> bool:
    return c.red() > 180 and c.green() < 140 and c.blue() < 140


def is_skin(c: QColor) -> bool:
    return c.red() > 230 and 215 < c.green() < 240 and 200 < c.blue() < 225
