"""The body canvas: a pyqtgraph ViewBox adapter; hit tests are answered by the model."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QCursor, QPainter, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.bodymap import BodyMap
from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.queries import painted_zones, sides_of, trigger_point_marks
from tpi_viewer.ui import style
from tpi_viewer.ui.labels import CanvasLabels
from tpi_viewer.ui.legend import Legend
from tpi_viewer.ui.overlay_items import (
    highlight_items,
    trigger_point_item,
)
from tpi_viewer.ui.paths_qt import union_path
from tpi_viewer.ui.state import ViewerState
from tpi_viewer.ui.view_layer import ViewLayer, display_name

_ZONE_Z = {"spillover": 10, "essential": 11, "local": 12}


def area_side(body_map: BodyMap, side_choice: str, shape_side: str) -> str:
    """The body side a shape stands for: a one-sided view shown for the other side is that side, mirrored."""
    shown = body_map.shows_side
    if shown is not None and side_choice in ("left", "right") and side_choice != shown and shape_side == shown:
        return side_choice
    return shape_side


class BodyCanvas(QWidget):
    """Draws one view with the selection's zones; clicks and hovers ask the model."""

    hovered = Signal(str)
    name_muscles_on_hover = True  # a quiz turns it off: hovering must not give the answer away

    def __init__(self, catalog: Catalog, state: ViewerState, parent: QWidget | None = None,
                 names_after_first_paint: bool = False) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.view = pg.GraphicsView(background=style.BACKGROUND)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.vb = pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.view.setCentralItem(self.vb)
        self.root = pg.ItemGroup()
        self.vb.addItem(self.root)
        self.legend = Legend(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self._layers: dict[str, ViewLayer] = {}
        self._overlay: list[QGraphicsItem] = []
        self.labels = CanvasLabels(self, names_after_first_paint)
        self._selectable = frozenset(catalog.muscle_ids)
        self._last_hover = ""
        scene = self.view.scene()
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)
        state.view_changed.connect(self._on_view_changed)
        state.selection_changed.connect(self._on_selection_changed)
        state.side_changed.connect(self._on_side_changed)
        state.mirror_changed.connect(self._on_side_changed)
        state.display_changed.connect(self._on_display_changed)
        state.drawing_changed.connect(self._on_display_changed)
        state.drawing_mode_changed.connect(self._on_drawing_mode_changed)
        self.vb.sigRangeChanged.connect(self._on_range_changed)
        self._on_view_changed(state.view)

    # ----- what is shown -------------------------------------------------------------
    @property
    def body_map(self) -> BodyMap:
        return self.catalog.body_maps[self.state.view]

    def highlight_sides(self) -> tuple[str, ...]:
        """Body sides whose shapes carry the selection in this view."""
        shown = self.body_map.shows_side
        return (shown,) if shown else sides_of(self.state.side)

    def flipped(self) -> bool:
        """Horizontally flipped: mirror view, or the far side of a lateral view."""
        shown = self.body_map.shows_side
        far_side = shown is not None and self.state.side not in ("both", shown)
        return self.state.mirror != far_side

    def to_view(self, point: tuple[float, float]) -> QPointF:
        """Map a body-map point to ViewBox coordinates (mirroring applied)."""
        return self.root.transform().map(QPointF(*point))

    def to_widget(self, point: tuple[float, float]) -> QPointF:
        """Map a body-map point to the GraphicsView viewport's pixel coordinates."""
        scene_pt = self.root.mapToScene(QPointF(*point))
        return QPointF(self.view.mapFromScene(scene_pt))

    def fit(self) -> None:
        x0, y0, x1, y1 = self.body_map.bounds
        self.vb.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.03)

    def focus_rect(self) -> QRectF | None:
        """Bounds of the selected muscles and their painted zones, or None when nothing is selected."""
        body_map = self.body_map
        sides = self.highlight_sides()
        side_choice = sides[0] if len(sides) == 1 else "both"
        boxes = []
        for muscle_id in self.state.selection:
            # a muscle not drawn in this view (e.g. rectus abdominis seen from behind) still
            # refers pain into regions that are: its zones are shown, without the muscle
            boxes += [s.bbox for s in body_map.muscle_shapes(muscle_id) if s.side in sides or s.side == "midline"]
            if not self.state.show_zones:
                continue
            for painted in painted_zones(body_map, self.catalog.muscle(muscle_id), side_choice, self.state.show_spillover):  # type: ignore[arg-type]
                boxes += [s.bbox for s in painted.shapes]
        if not boxes:
            return None
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
        bx0, by0, bx1, by1 = body_map.bounds
        least = 0.3 * max(bx1 - bx0, by1 - by0)  # never zoom in so far that the body is lost
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        w, h = max(x1 - x0, least), max(y1 - y0, least)
        rect = QRectF(cx - w / 2, cy - h / 2, w, h)
        return self.root.transform().mapRect(rect)

    def focus(self) -> None:
        """Zoom to the selection and its zones (the whole view when nothing is selected)."""
        rect = self.focus_rect()
        if rect is None:
            self.fit()
        else:
            self.vb.setRange(rect, padding=0.08)

    def zoom(self, factor: float) -> None:
        self.vb.scaleBy((1 / factor, 1 / factor))

    # ----- slots ---------------------------------------------------------------------
    def _on_view_changed(self, view: str) -> None:
        for layer in self._layers.values():
            layer.group.setVisible(False)
        if view not in self._layers:
            self._layers[view] = ViewLayer(self.catalog.body_maps[view], self._selectable, self.root)
        self._layers[view].group.setVisible(True)
        self._apply_flip()
        self._redraw_overlay()
        self.refocus()

    def refocus(self) -> None:
        """Zoom to the selection when that is on, else show the whole view."""
        if self.state.focus_selection:
            self.focus()
        else:
            self.fit()

    def _on_selection_changed(self, *_: object) -> None:
        self._redraw_overlay()
        if self.state.focus_selection:
            self.focus()

    def _on_side_changed(self, *_: object) -> None:
        self._apply_flip()
        self._redraw_overlay()

    def _on_display_changed(self, *_: object) -> None:
        self.legend.set_show_spillover(self.state.show_spillover)
        self.legend.set_show_drawing(bool(self.state.drawing))
        self._redraw_overlay()

    def _on_range_changed(self, *_: object) -> None:
        self.labels.place()

    def _apply_flip(self) -> None:
        x0, _, x1, _ = self.body_map.bounds
        self.root.setTransform(QTransform(-1, 0, 0, 1, x0 + x1, 0) if self.flipped() else QTransform())

    def _model_point(self, scene_pos: QPointF) -> tuple[float, float]:
        p = self.root.mapFromScene(scene_pos)
        return (p.x(), p.y())

    def _on_scene_clicked(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        point = self._model_point(ev.scenePos())  # type: ignore[attr-defined]
        if self.state.drawing_mode != "off":
            ev.accept()  # type: ignore[attr-defined]
            self._draw_at(point)
            return
        hit = self.body_map.muscle_at(point, self._selectable)
        if hit is None:
            return
        ev.accept()  # type: ignore[attr-defined]
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
            self.state.toggle(hit.muscle)
        else:
            if self.body_map.shows_side is None and self.state.side != "both" and hit.side in ("left", "right"):
                self.state.set_side(hit.side)  # type: ignore[arg-type]
            self.state.select(hit.muscle)

    def _on_drawing_mode_changed(self, mode: str) -> None:
        self.vb.setMouseEnabled(x=mode == "off", y=mode == "off")  # while drawing, a drag paints

    def _draw_at(self, point: tuple[float, float]) -> None:
        """Paint or erase the surface region under the point."""
        region = self.body_map.region_at(point)
        if region is None:
            return
        side: str | None = area_side(self.body_map, self.state.side, region.side)
        side = side if side in ("left", "right") else None
        if self.state.drawing_mode == "paint":
            self.state.mark(region.region, side)
        else:
            self.state.unmark(region.region, side)

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        if self.state.drawing_mode != "off" and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._draw_at(self._model_point(scene_pos))
        text = self.describe_point(self._model_point(scene_pos))
        if text != self._last_hover:
            self._last_hover = text
            self.hovered.emit(text)
            if text:
                QToolTip.showText(QCursor.pos(), text, self.view)
            else:
                QToolTip.hideText()

    def describe_point(self, point: tuple[float, float]) -> str:
        """Hover text: the muscle under the point (unless muscles go unnamed), else the surface region."""
        hit = self.body_map.muscle_at(point) if self.name_muscles_on_hover else None
        if hit is not None:
            name = self.catalog.muscle(hit.muscle).name if hit.muscle in self._selectable else display_name(hit.muscle)
            depth = ", deep" if hit.layer == "deep" else ""
            return f"{name} ({_side_words(area_side(self.body_map, self.state.side, hit.side))}{depth})"
        region = self.body_map.region_at(point)
        if region is not None and region.region in self.catalog.regions:
            side = area_side(self.body_map, self.state.side, region.side)
            return f"{self.catalog.regions[region.region].name} ({_side_words(side)})"
        return ""

    # ----- overlay: highlights, zones, trigger points, labels --------------------------
    def _add(self, item: QGraphicsItem) -> None:
        item.setParentItem(self.root)
        self._overlay.append(item)

    def _redraw_overlay(self) -> None:
        scene = self.view.scene()
        for item in self._overlay:
            scene.removeItem(item)
        self._overlay.clear()
        body_map = self.body_map
        sides = self.highlight_sides()
        layer = self._layers[self.state.view]
        marks_x: list[float] = []
        marks_y: list[float] = []
        drawing = self.state.drawing
        drawn = [s.polygons for s in body_map.regions
                 if (s.region, area_side(body_map, self.state.side, s.side)) in drawing or (s.region, None) in drawing]
        if drawn:  # hatched under the zones, its outline above them so both stay readable
            path = union_path(drawn)
            fill = QGraphicsPathItem(path)
            fill.setBrush(style.drawing_brush())
            fill.setPen(style.cosmetic(style.DRAWING, 2.0))
            fill.setZValue(9)
            edge = QGraphicsPathItem(path)
            edge.setPen(style.cosmetic(style.DRAWING, 3.0, Qt.PenStyle.DashDotLine))
            edge.setZValue(25)
            self._add(fill)
            self._add(edge)
        for muscle_id in self.state.selection:  # zones even where the muscle is not drawn (see focus_rect)
            muscle = self.catalog.muscle(muscle_id)
            side_choice = sides[0] if len(sides) == 1 else "both"
            zones = painted_zones(body_map, muscle, side_choice, self.state.show_spillover) if self.state.show_zones else []  # type: ignore[arg-type]
            for painted in zones:
                if not painted.shapes:
                    continue
                item = QGraphicsPathItem(union_path([s.polygons for s in painted.shapes]))
                item.setBrush(style.zone_brush(painted.zone.kind))
                item.setPen(style.zone_pen(painted.zone.kind))
                item.setZValue(_ZONE_Z[painted.zone.kind])
                self._add(item)
            for shape in body_map.muscle_shapes(muscle_id):
                if shape.side in sides or shape.side == "midline":
                    for item in highlight_items(shape, layer):
                        self._add(item)
            marks = trigger_point_marks(body_map, muscle, side_choice) if self.state.view in muscle.views else []  # type: ignore[arg-type]
            for mark in marks:
                marks_x.append(mark.at[0])
                marks_y.append(mark.at[1])
        for x, y in zip(marks_x, marks_y):
            self._add(trigger_point_item(x, y))
        self.labels.rebuild()

def _side_words(side: str) -> str:
    return {"right": "right", "left": "left"}.get(side, "midline")
