"""The body in a quiz: shows a question's pattern, takes the user's painting, then shows the answer."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.queries import best_view_for
from tpi_viewer.model.quiz import (
    Area,
    PaintQuestion,
    Question,
    drawing_areas,
)
from tpi_viewer.model.types import SideChoice
from tpi_viewer.model.views import VIEW_NAMES
from tpi_viewer.ui import style
from tpi_viewer.ui.canvas import BodyCanvas, area_side
from tpi_viewer.ui.legend import Legend
from tpi_viewer.ui.paths_qt import union_path
from tpi_viewer.ui.quiz_views import as_drawing, best_view, one_side
from tpi_viewer.ui.state import ViewerState

LEAST_SHARE = 0.45  # never zoom in further than this share of the body: keep the landmarks in sight
PAINT_SHARE = 0.6  # painting starts around the muscle, with room to reach its zone


class QuizBody(QWidget):
    """A canvas with its own state, a view chooser and paint tools; nothing here touches the main window."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = ViewerState(catalog.view_ids[0])
        self.state.focus_selection = False  # the dialog frames what matters itself
        self.state.set_show_labels(False)  # other muscles' names would give answers away
        self.canvas = BodyCanvas(catalog, self.state)
        self.canvas.name_muscles_on_hover = False  # hovering names the body area only
        self.view_combo = QComboBox()
        for view in catalog.view_ids:
            self.view_combo.addItem(VIEW_NAMES.get(view, view), view)
        self.view_combo.currentIndexChanged.connect(lambda i: self.state.set_view(self.view_combo.itemData(i)))
        self.paint_button = QPushButton("Paint")
        self.erase_button = QPushButton("Erase")
        self.clear_button = QPushButton("Clear")
        tools = QButtonGroup(self)
        for button in (self.paint_button, self.erase_button):
            button.setCheckable(True)
            tools.addButton(button)
        self.paint_button.setChecked(True)
        self.paint_button.toggled.connect(self._on_tool_changed)
        self.clear_button.clicked.connect(lambda: self.state.set_drawing([]))
        bar = QHBoxLayout()
        bar.addWidget(QLabel("View:"))
        bar.addWidget(self.view_combo)
        bar.addSpacing(12)
        for button in (self.paint_button, self.erase_button, self.clear_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.fit_button = QPushButton("Fit")
        self.fit_button.setToolTip("Show the whole view")
        self.fit_button.clicked.connect(self.canvas.fit)
        bar.addWidget(self.fit_button)
        for text, factor in (("+", 1.25), ("−", 0.8)):
            button = QPushButton(text)
            button.setMaximumWidth(44)
            button.clicked.connect(lambda _=False, f=factor: self.canvas.zoom(f))
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.state.view_changed.connect(self._on_view_changed)
        self.state.view_changed.connect(self._draw_outline)
        self.state.side_changed.connect(self._draw_outline)
        self._outline: list[QGraphicsPathItem] = []
        self._outlined = False  # after an answer the drawing's edge goes on top of the answer's zones
        self._set_tools_visible(False)

    # ----- asking and answering ---------------------------------------------------------
    def ask(self, question: Question) -> None:
        """Show what the question shows: its pattern or drawing; for a paint question, paint tools."""
        self._outlined = False
        self._draw_outline()
        self.state.set_drawing_mode("off")
        self.state.clear_selection()
        self.state.set_drawing([])
        self.state.set_show_spillover(True)
        self.state.set_show_zones(True)
        if isinstance(question, PaintQuestion):
            self._set_legend("Your painting")
            self.state.set_side(question.side)  # a one-sided view then stands for the asked side
            self._show_view(self.catalog.muscle(question.muscle).views[0])
            self.state.set_show_zones(False)  # the muscle and its trigger points, not the answer
            self.state.set_selection([question.muscle])
            self.paint_button.setChecked(True)
            self.state.set_drawing_mode("paint")
            self._set_tools_visible(True)
            self.frame((), with_selection=True, least=PAINT_SHARE)
            return
        self._set_tools_visible(False)
        if question.areas:
            self._set_legend("The pain pattern shown")
            side = one_side(question.areas)
            self.state.set_side(side)
            self._show_view(best_view(self.catalog, question.areas, side, self.state.view))
            self.state.set_drawing(as_drawing(question.areas))
            self.frame(question.areas)
        else:
            self.state.set_side("both")
            self._show_view(self.catalog.view_ids[0])
            self.canvas.fit()

    def painted(self) -> frozenset[Area]:
        """The areas painted so far, as a paint question scores them."""
        return drawing_areas(self.catalog, self.state.drawing)

    def reveal(self, question: Question, muscles: list[str], side: SideChoice) -> None:
        """Show the right answer: the muscles selected (their zones and trigger points drawn) on `side`."""
        self.state.set_drawing_mode("off")
        self._set_tools_visible(False)
        self.state.set_side(side)
        self.state.set_show_zones(True)
        self.state.set_show_spillover(False)  # questions ask about essential zones: keep the picture to them
        if isinstance(question, PaintQuestion):
            shown: Collection[Area] = question.target | self.painted()
            self._show_view(best_view(self.catalog, question.target, side, self.state.view, muscles))
        elif question.areas:
            shown = question.areas
            self._show_view(best_view(self.catalog, shown, side, self.state.view, muscles))
        else:
            shown = ()
            self._show_view(self._muscle_view(muscles))
        self.state.set_selection(muscles)
        self._outlined = True
        self._draw_outline()
        self.frame(shown, with_selection=True)

    def frame(self, areas: Collection[Area], with_selection: bool = False, least: float = LEAST_SHARE) -> None:
        """Zoom to the areas (and the selection with what it shows), never so far that the body is lost."""
        body_map = self.canvas.body_map
        boxes = [s.bbox for s in body_map.regions
                 if (s.region, area_side(body_map, self.state.side, s.side)) in areas]
        rect = self.canvas.root.transform().mapRect(_united(boxes)) if boxes else None
        selected = self.canvas.focus_rect() if with_selection else None
        if selected is not None:
            rect = selected if rect is None else rect.united(selected)
        if rect is None:
            self.canvas.fit()
            return
        x0, y0, x1, y1 = body_map.bounds
        smallest = least * max(x1 - x0, y1 - y0)
        grown = QRectF(0, 0, max(rect.width(), smallest), max(rect.height(), smallest))
        grown.moveCenter(rect.center())
        self.canvas.vb.setRange(grown, padding=0.06)

    # ----- helpers -------------------------------------------------------------------------
    def outline_items(self) -> list[QGraphicsPathItem]:
        """The drawing's edge drawn over the answer (empty before an answer)."""
        return list(self._outline)

    def _draw_outline(self, *_: object) -> None:
        scene = self.canvas.view.scene()
        for item in self._outline:
            scene.removeItem(item)
        self._outline.clear()
        body_map, drawing = self.canvas.body_map, self.state.drawing
        shapes = [s.polygons for s in body_map.regions
                  if (s.region, area_side(body_map, self.state.side, s.side)) in drawing or (s.region, None) in drawing]
        if not self._outlined or not shapes:
            return
        path = union_path(shapes)
        for colour, width, z in ((QColor("white"), 6.0, 26), (style.DRAWING, 3.0, 27)):
            item = QGraphicsPathItem(path)
            item.setPen(style.cosmetic(colour, width))
            item.setZValue(z)
            item.setParentItem(self.canvas.root)
            self._outline.append(item)

    def _muscle_view(self, muscles: list[str]) -> str:
        return best_view_for(self.catalog, [self.catalog.muscle(m) for m in muscles]) or self.state.view

    def _show_view(self, view: str) -> None:
        self.state.set_view(view)

    def _on_view_changed(self, view: str) -> None:
        self.view_combo.blockSignals(True)
        self.view_combo.setCurrentIndex(self.catalog.view_ids.index(view))
        self.view_combo.blockSignals(False)

    def _on_tool_changed(self, paint: bool) -> None:
        if self.state.drawing_mode != "off":
            self.state.set_drawing_mode("paint" if paint else "erase")

    def _set_tools_visible(self, visible: bool) -> None:
        for button in (self.paint_button, self.erase_button, self.clear_button):
            button.setVisible(visible)

    def _set_legend(self, drawing_text: str) -> None:
        self.canvas.legend.TEXTS = {**Legend.TEXTS, "drawing": drawing_text}
        self.canvas.legend.updateGeometry()
        self.canvas.legend.update()


def _united(boxes: list[tuple[float, float, float, float]]) -> QRectF:
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return QRectF(x0, y0, x1 - x0, y1 - y0)
