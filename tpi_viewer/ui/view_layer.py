"""The static picture of one view: skin, bones and every muscle, built once."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from tpi_viewer.model.bodymap import BodyMap, MuscleShape
from tpi_viewer.ui import style
from tpi_viewer.ui.paths_qt import make_path


def display_name(muscle_id: str) -> str:
    """A readable name for context muscles that have no catalogue entry."""
    return muscle_id.replace("_", " ").capitalize()


class ViewLayer:
    """Graphics items of one body map under a group item; hidden when another view shows."""

    def __init__(self, body_map: BodyMap, selectable: frozenset[str], parent: QGraphicsItem) -> None:
        self.body_map = body_map
        self.group = pg.ItemGroup()
        self.group.setParentItem(parent)
        self._outline: dict[tuple[str, str], QPainterPath] = {}
        self._full: dict[tuple[str, str], QPainterPath] = {}
        skin = self._item(make_path(body_map.skin), QBrush(style.SKIN_FILL), style.cosmetic(style.SKIN_LINE, 1.6), 0)
        skin.setParentItem(self.group)
        for bone in body_map.bones:
            item = self._item(make_path(bone.polygons), QBrush(style.BONE_FILL), style.cosmetic(style.BONE_LINE, 1.0), 1)
            item.setParentItem(self.group)
        for shape in body_map.muscles:
            fill = style.MUSCLE_SELECTABLE_FILL if shape.muscle in selectable else style.MUSCLE_FILL
            if shape.visible and shape.layer != "deep":  # deep muscles only ever as a dashed outline
                item = self._item(self.outline_path(shape), QBrush(fill), style.cosmetic(style.MUSCLE_LINE, 0.8), 2)
                item.setParentItem(self.group)
            if shape.layer == "deep" and shape.muscle in selectable:
                item = self._item(self.full_path(shape), QBrush(Qt.BrushStyle.NoBrush),
                                  style.cosmetic(style.DEEP_LINE_FAINT, 1.0, Qt.PenStyle.DashLine), 3)
                item.setParentItem(self.group)

    @staticmethod
    def _item(path: QPainterPath, brush: QBrush, pen: object, z: float) -> QGraphicsPathItem:
        item = QGraphicsPathItem(path)
        item.setBrush(brush)
        item.setPen(pen)  # type: ignore[arg-type]
        item.setZValue(z)
        return item

    def outline_path(self, shape: MuscleShape) -> QPainterPath:
        key = (shape.muscle, shape.side)
        if key not in self._outline:
            self._outline[key] = make_path(shape.outline)
        return self._outline[key]

    def full_path(self, shape: MuscleShape) -> QPainterPath:
        key = (shape.muscle, shape.side)
        if key not in self._full:
            self._full[key] = make_path(shape.full)
        return self._full[key]
