"""PNG of the canvas exactly as the window draws it (same widget, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from tpi_viewer.model.catalog import Catalog
from tpi_viewer.model.types import SideChoice
from tpi_viewer.ui.canvas import BodyCanvas
from tpi_viewer.ui.state import ViewerState


def canvas_size(canvas: BodyCanvas, width: int) -> QSize:
    """Width as asked; height fits the view's aspect (at most 1.5 x the width) plus the legend."""
    x0, y0, x1, y1 = canvas.body_map.bounds
    body_h = min(int(width * (y1 - y0) / max(1e-6, x1 - x0) * 1.06) + 10, int(width * 1.5))
    return QSize(width, body_h + canvas.legend.heightForWidth(width))


def render_png(
    catalog: Catalog,
    view: str,
    muscles: list[str],
    side: SideChoice,
    out: Path,
    width: int = 1000,
    mirror: bool = False,
    whole: bool = False,
) -> Path:
    """Draw the view with the muscles selected and save it; returns the file written."""
    app = QApplication.instance()
    assert app is not None, "a QApplication must exist"
    state = ViewerState(view, side)
    state.set_mirror(mirror)
    state.focus_selection = not whole
    state.set_selection(muscles)
    canvas = BodyCanvas(catalog, state)
    canvas.resize(canvas_size(canvas, width))
    canvas.show()
    for _ in range(3):
        app.processEvents()
    canvas.refocus()
    app.processEvents()
    image = canvas.grab()
    canvas.close()
    canvas.deleteLater()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
    return out
