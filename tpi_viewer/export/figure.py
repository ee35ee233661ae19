"""Figures of the canvas exactly as the window draws it (same widget, offscreen): PNG or vector SVG."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import SideChoice
from tpi_viewer.ui import style
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.state import ViewerState

FIGURE_SUFFIXES = (".png", ".svg")


def canvas_size(canvas: BodyCanvas, width: int) -> QSize:
    """Width as asked; height fits the view's aspect (at most 1.5 x the width) plus the legend."""
    x0, y0, x1, y1 = canvas.body_map.bounds
    body_h = min(int(width * (y1 - y0) / max(1e-6, x1 - x0) * 1.06) + 10, int(width * 1.5))
    return QSize(width, body_h + canvas.legend.heightForWidth(width))


def _settle(canvas: BodyCanvas) -> None:
    """Let pyqtgraph lay out the view box, then zoom (it needs the final size to fit the range)."""
    app = QApplication.instance()
    assert app is not None, "a QApplication must exist"
    canvas.show()
    for _ in range(3):
        app.processEvents()
    canvas.refocus()
    app.processEvents()


@contextmanager
def offscreen_canvas(
    catalog: Catalog,
    view: str,
    muscles: list[str],
    side: SideChoice,
    size: QSize | None = None,
    mirror: bool = False,
    whole: bool = False,
    labels: bool = True,
    legend: bool = True,
    width: int = 1000,
) -> Iterator[BodyCanvas]:
    """A laid-out canvas showing `muscles` in `view`; without `size`, `width` wide and as tall as the view needs."""
    state = ViewerState(view, side)
    state.set_mirror(mirror)
    state.set_show_labels(labels)
    state.focus_selection = not whole
    state.set_selection(muscles)
    canvas = BodyCanvas(catalog, state)
    canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # laid out and drawn, never flashed on a real display
    canvas.legend.setVisible(legend)
    canvas.resize(size if size is not None else canvas_size(canvas, width))
    _settle(canvas)
    try:
        yield canvas
    finally:
        canvas.close()
        canvas.deleteLater()


def keep_captions_inside(canvas: BodyCanvas) -> None:
    """Re-place the labels for the current zoom (side captions always stay inside the figure)."""
    canvas.labels.place()


def canvas_image(canvas: BodyCanvas, scale: float = 1.0, legend: bool = True) -> QImage:
    """The canvas (or only its drawing, without the legend) as pixels, `scale` times its size."""
    widget = canvas if legend else canvas.view
    size = widget.size()
    image = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)  # text and pens stay as on screen, only sharper
    image.fill(style.BACKGROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        QWidget.render(widget, painter, QPoint(0, 0))  # the widget as shown (QGraphicsView.render would re-fit the scene)
    finally:
        painter.end()
    return image


def write_svg(canvas: BodyCanvas, out: Path) -> Path:
    """The canvas as vector SVG: the scene's paths, then the legend below it."""
    viewport = canvas.view.viewport().rect()
    legend_h = canvas.legend.height() if canvas.legend.isVisible() else 0
    size = QSize(viewport.width(), viewport.height() + legend_h)
    generator = QSvgGenerator()
    generator.setFileName(str(out))
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    generator.setResolution(canvas.logicalDpiX())  # text in points sized as on screen, so labels fit their boxes
    generator.setTitle("tpi-viewer figure")
    generator.setDescription("Drawn by tpi-viewer. Referral maps are typical patterns; body maps CC BY-SA BodyParts3D.")
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), style.BACKGROUND)
    # QGraphicsView.render keeps items as paths; QWidget.render would paste the viewport as an image.
    canvas.view.render(painter, QRectF(viewport), viewport)
    if legend_h:
        painter.translate(0, viewport.height())
        canvas.legend.render(painter, QPoint(0, 0))
    ok = painter.end()
    if not ok or not out.exists():
        raise OSError(f"cannot write {out}")
    return out


def save_canvas(canvas: BodyCanvas, out: Path, scale: float = 1.0) -> Path:
    """Save the canvas as PNG (`scale` x its size) or SVG (vector), chosen by the file's suffix."""
    suffix = out.suffix.lower()
    if suffix not in FIGURE_SUFFIXES:
        raise ValueError(f"{out.name}: a figure is saved as .png or .svg")
    out.parent.mkdir(parents=True, exist_ok=True)
    keep_captions_inside(canvas)  # a slide must not show "Patient's RIG" cut at the edge
    if suffix == ".svg":
        return write_svg(canvas, out)
    if not canvas_image(canvas, scale).save(str(out)):
        raise OSError(f"cannot write {out}")
    return out


def render_file(
    catalog: Catalog,
    view: str,
    muscles: list[str],
    side: SideChoice,
    out: Path,
    width: int = 1000,
    mirror: bool = False,
    whole: bool = False,
    scale: float = 1.0,
) -> Path:
    """Draw the view with the muscles selected and save it as PNG or SVG; returns the file written."""
    with offscreen_canvas(catalog, view, muscles, side, None, mirror, whole, width=width) as canvas:
        return save_canvas(canvas, out, scale)


def print_view(canvas: BodyCanvas, printer: QPrinter, title: str = "") -> None:
    """Print the canvas as shown (with its legend), scaled to fit the page, under a one-line title."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("cannot start printing (is the printer or file available?)")
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)
    top = 0.0
    if title:
        font = painter.font()
        font.setPointSizeF(12)
        painter.setFont(font)
        painter.setPen(QColor(style.LABEL_TEXT))
        line = painter.fontMetrics().height() * 1.6
        painter.drawText(QRectF(0, 0, page.width(), line), title)
        top = line
    keep_captions_inside(canvas)
    image = canvas_image(canvas, scale=3.0)
    w, h = image.width(), image.height()
    k = min(page.width() / w, (page.height() - top) / h)
    painter.drawImage(QRectF(0, top, w * k, h * k), image)
    painter.end()
