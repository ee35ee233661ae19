"""Figures of the current view: PNG at a chosen scale, vector SVG, and printing the view."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter

from tests.export.pdf import (
    count,
    essential_red,
    highlight_blue,
    pdf_page_image,
    pdf_pages,
)
from tpi_viewer.export.figure import (
    offscreen_canvas,
    print_view,
    render_file,
    save_canvas,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_is_vector_with_paths_and_the_zone_colours(qapp, mini_catalog, tmp_path) -> None:
    out = render_file(mini_catalog, "anterior", ["alpha"], "right", tmp_path / "fig.svg", width=500)
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg"
    paths = list(root.iter(f"{SVG}path"))
    assert len(paths) > 20
    assert not list(root.iter(f"{SVG}image")), "the drawing must not be pasted in as pixels"
    text = out.read_text(encoding="utf-8").lower()
    assert "#1f5fa8" in text and "#d7191c" in text  # highlight blue, essential red
    assert "Alpha" in "".join(root.itertext())  # the label stays text


def test_png_scale_multiplies_pixels(qapp, mini_catalog, tmp_path) -> None:
    with offscreen_canvas(mini_catalog, "anterior", ["alpha"], "right", QSize(300, 420)) as canvas:
        one = save_canvas(canvas, tmp_path / "one.png", 1)
        three = save_canvas(canvas, tmp_path / "three.png", 3)
    with Image.open(one) as a, Image.open(three) as b:
        assert (b.width, b.height) == (a.width * 3, a.height * 3)
        assert count(b.convert("RGB"), highlight_blue) > 8 * count(a.convert("RGB"), highlight_blue) > 0


def test_print_view_to_a_pdf_printer(qapp, mini_catalog, tmp_path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "view.pdf"))
    with offscreen_canvas(mini_catalog, "anterior", ["alpha"], "right", QSize(400, 560)) as canvas:
        print_view(canvas, printer, "Alpha: front view, right side")
    assert "Alpha: front view, right side" in pdf_pages(tmp_path / "view.pdf")[0]
    image = pdf_page_image(tmp_path / "view.pdf")
    assert count(image, highlight_blue) > 500 and count(image, essential_red) > 500


def test_unknown_figure_suffix_is_refused(qapp, mini_catalog, tmp_path: Path) -> None:
    import pytest

    with offscreen_canvas(mini_catalog, "anterior", ["alpha"], "right", QSize(200, 200)) as canvas, \
            pytest.raises(ValueError, match=".png or .svg"):
        save_canvas(canvas, tmp_path / "fig.jpg")
