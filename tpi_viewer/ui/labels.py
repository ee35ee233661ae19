"""Name labels and side captions of the canvas, placed so they never cover trigger points."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QTimer
from PySide6.QtGui import QColor

from tpi_viewer.ui import style
from tpi_viewer.ui.label_item import LabelItem
from tpi_viewer.ui.overlay_items import LABEL_ANCHORS, MarkItem

if TYPE_CHECKING:
    from tpi_viewer.ui.canvas import BodyCanvas


class CanvasLabels:
    """Owns the canvas's label items; rebuilt on selection or view changes, re-placed on zoom."""

    def __init__(self, canvas: BodyCanvas, names_after_first_paint: bool = False) -> None:
        self.canvas = canvas
        # the window's canvas shows the body first and the other muscles' names a moment later
        self._waiting_for_paint = names_after_first_paint
        if names_after_first_paint:
            self._first_paint = _FirstPaint(self._on_first_paint)
            canvas.view.viewport().installEventFilter(self._first_paint)
        self.items: list[LabelItem] = []
        self._fresh: list[LabelItem] = []  # selected names and captions, made anew on each change
        self._context: dict[str, list[LabelItem]] = {}  # other muscles' names, made once per view

    def rebuild(self) -> None:
        """Labels for the selected muscles (and, with labels on, the others) and the side captions."""
        scene = self.canvas.view.scene()
        for t in self._fresh:
            scene.removeItem(t)
        self._fresh.clear()
        view = self.canvas.state.view
        for other, items in self._context.items():
            for t in items:
                t.setVisible(False)
        if view not in self._context and not self._waiting_for_paint:
            self._context[view] = self._context_items()
        body_map = self.canvas.body_map
        sides = self.canvas.highlight_sides()
        selected = set(self.canvas.state.selection)
        context = [t for t in self._context.get(view, []) if self.canvas.state.show_labels and t.key not in selected]
        for shape in body_map.muscles:
            if shape.muscle in selected and (shape.side in sides or shape.side == "midline"):
                item = LabelItem(
                    self.canvas.catalog.muscle(shape.muscle).name, shape.label, anchor=(0.5, -0.35), bold=True,
                    point_size=11, border=QColor(style.HIGHLIGHT_LINE), background=QColor(255, 255, 255, 220),
                    key=shape.muscle,
                )
                item.setZValue(40)
                self._add(item)
        for text, anchor, point in self.side_captions():
            item = LabelItem(text, point, anchor=anchor, point_size=11)
            item.important = True
            item.setZValue(45)
            self._add(item)
        self.items = self._fresh + context
        self.place()

    def _context_items(self) -> list[LabelItem]:
        """Names of the selectable muscles seen in this view (hidden ones are never named unasked)."""
        out = []
        for shape in self.canvas.body_map.muscles:
            if shape.layer != "deep" and shape.visible and shape.muscle in self.canvas._selectable:
                item = LabelItem(self.canvas.catalog.muscle(shape.muscle).name, shape.label, point_size=9,
                                 border=QColor(style.MUSCLE_LINE), background=QColor(255, 255, 255, 175),
                                 key=shape.muscle)
                item.setZValue(35)
                item.bbox = shape.bbox  # type: ignore[attr-defined]  # for _fits, without a shape search
                item.setVisible(False)
                self.canvas.vb.addItem(item, ignoreBounds=True)
                out.append(item)
        return out

    def _on_first_paint(self) -> None:
        self._waiting_for_paint = False
        self.canvas.view.viewport().removeEventFilter(self._first_paint)
        self.rebuild()

    def _add(self, item: LabelItem) -> None:
        self.canvas.vb.addItem(item, ignoreBounds=True)
        self._fresh.append(item)

    def side_captions(self) -> list[tuple[str, tuple[float, float], tuple[float, float]]]:
        x0, y0, x1, _ = self.canvas.body_map.bounds
        shown = self.canvas.body_map.shows_side
        if shown is not None:
            side = shown if self.canvas.state.side in ("both", shown) else self.canvas.state.side
            note = " (mirror image of the other side)" if side != shown else ""
            return [(f"Patient's {side.upper()} side{note}", (0.5, 0.0), ((x0 + x1) / 2, y0))]
        right_on_left = (self.canvas.body_map.subject_right_on == "left") != self.canvas.flipped()
        left_text, right_text = ("RIGHT", "LEFT") if right_on_left else ("LEFT", "RIGHT")
        lx, rx = (x1, x0) if self.canvas.flipped() else (x0, x1)
        return [(f"Patient's {left_text}", (0.0, 0.0), (lx, y0)), (f"Patient's {right_text}", (1.0, 0.0), (rx, y0))]

    def _fits(self, item: LabelItem, at: QPointF, px: float, py: float) -> bool:
        """An unselected muscle is named only where it is big enough on screen to carry its name."""
        box = getattr(item, "bbox", None)
        if box is None:
            return False
        x0, y0, x1, y1 = box
        label = item.pixel_rect(at, px, py)
        return (x1 - x0) * 1.3 >= label.width() and (y1 - y0) * 1.3 >= label.height() * 1.5

    def place(self) -> None:
        """One label per muscle, on a side and spot where it covers no trigger point or other label."""
        px, py = self.canvas.vb.viewPixelSize() if self.canvas.vb.width() > 0 else (1.0, 1.0)
        marks = [self.canvas.to_view(item.pos_in_map) for item in self.canvas._overlay if isinstance(item, MarkItem)]
        taken: list[QRectF] = []
        labelled: set[str] = set()
        shown = self.canvas.vb.viewRect()
        for item in sorted(self.items, key=lambda t: (t.key is not None, not t.important)):
            at = self.canvas.to_view(item.point)
            item.setPos(at)
            if item.key is None:  # a side caption: slid into the visible area when zoomed in
                rect = item.pixel_rect(at, px, py)
                margin = 4 * px
                dx = max(0.0, shown.left() + margin - rect.left()) - max(0.0, rect.right() - shown.right() + margin)
                dy = max(0.0, shown.top() + margin * abs(py / px) - rect.top())
                item.setPos(at + QPointF(dx, dy))
                rect = item.pixel_rect(item.pos(), px, py)
                for other in list(taken):  # a narrow picture: "Patient's RIGHT" goes under "Patient's LEFT"
                    if rect.intersects(other):
                        item.setPos(item.pos() + QPointF(0.0, other.bottom() - rect.top() + 2 * abs(py)))
                        rect = item.pixel_rect(item.pos(), px, py)
                item.setVisible(True)
                taken.append(rect)
                continue
            spot = None
            if item.key not in labelled and (item.important or self._fits(item, at, px, py)):
                for anchor in LABEL_ANCHORS if item.important else ((0.5, 0.5),):
                    item.set_anchor(anchor)
                    rect = item.pixel_rect(at, px, py)
                    inside = item.important or shown.contains(rect)  # never a clipped name at the edge
                    if inside and not any(rect.intersects(t) for t in taken) and not any(_near(rect, m, 10 * px, 10 * abs(py)) for m in marks):
                        spot = rect
                        break
            item.setVisible(spot is not None)
            if spot is not None:
                taken.append(spot)
                labelled.add(item.key)
        for item in self.items:  # a selected muscle keeps a label even where every spot is crowded
            if item.important and item.key is not None and item.key not in labelled:
                item.set_anchor(LABEL_ANCHORS[0])
                item.setVisible(True)
                labelled.add(item.key)


def _near(rect: QRectF, point: QPointF, dx: float, dy: float) -> bool:
    """True when a trigger point mark (about 20 px across) would touch the label box."""
    return rect.adjusted(-dx, -dy, dx, dy).contains(point)


class _FirstPaint(QObject):
    """Calls back once, just after the first paint of the widget it filters."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback: Callable[[], None] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False
