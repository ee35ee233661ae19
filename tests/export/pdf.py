"""Read handouts back: PDF text (ligatures unfolded) and pages as images, and colour probes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, NFKC-normalised ("ﬁ" -> "fi") with whitespace collapsed."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            text = page.get_textpage().get_text_range()
            pages.append(" ".join(unicodedata.normalize("NFKC", text).split()))
        return pages
    finally:
        pdf.close()


def pdf_page_size(path: Path, index: int = 0) -> tuple[float, float]:
    """Page size in points."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[index].get_size()
    finally:
        pdf.close()


def pdf_page_image(path: Path, index: int = 0, dpi: int = 100) -> Image.Image:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def count(image: Image.Image, test) -> int:  # type: ignore[no-untyped-def]
    """How many pixels pass `test(r, g, b)`."""
    return sum(n for n, rgb in image.getcolors(1 << 24) or [] if test(*rgb))


def highlight_blue(r: int, g: int, b: int) -> bool:
    """The selected-muscle blue #1f5fa8 (blended with what is under it), not the dark blue of headings."""
    return b > 140 and b > r + 80 and b > g + 45


def essential_red(r: int, g: int, b: int) -> bool:
    return r > 180 and g < 140 and b < 140
