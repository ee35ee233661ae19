"""The patient handout: texts in plain words, the diagram on page 1, PDF and PNG from one layout."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtPrintSupport import QPrinter

from tests.export.pdf import (
    count,
    essential_red,
    highlight_blue,
    pdf_page_image,
    pdf_page_size,
    pdf_pages,
)
from tpi_viewer.export.handout import Handout, load_patient_guide
from tpi_viewer.export.handout_text import handout_text

DAY = datetime.date(2026, 3, 5)


def _pdf(catalog, tmp_path: Path, muscles: list[str], side: str = "right", paper: str = "a4") -> Path:  # type: ignore[no-untyped-def]
    guide, _ = load_patient_guide()
    return Handout.build(catalog, muscles, side, "Hillside Clinic", guide, DAY).write(tmp_path / "handout.pdf", paper)  # type: ignore[arg-type]


def test_pdf_says_it_in_plain_words_with_clinic_date_and_sources(qapp, mini_catalog, tmp_path) -> None:
    pages = pdf_pages(_pdf(mini_catalog, tmp_path, ["alpha"]))
    text = " ".join(pages)
    for expected in ("Alpha", "the alpha muscle", "Alpha: right side", "Hillside Clinic", "5 March 2026",
                     "Plain text. [1]",  # a zone's lay_text with its source number
                     "A thin needle is placed in the sore spot.",  # the guide's patient page
                     "Aftercare", "The area may feel sore or bruised",  # built-in: the fixture guide has no such page
                     "Warning signs", "call Hillside Clinic", "Self-care and stretches", "Page 1 of"):
        assert expected in text, expected
    for clinician_only in ("Clinician text.", "Mind the vessels.", "Lying down.", "Injection safety"):
        assert clinician_only not in text, clinician_only
    assert "Sources" in pages[-1] and "Source A. https://example.org/a" in pages[-1]
    assert "Sources" not in " ".join(pages[:-1])


def test_page_one_shows_the_diagram_with_muscle_and_zone(qapp, mini_catalog, tmp_path) -> None:
    path = _pdf(mini_catalog, tmp_path, ["alpha"])
    image = pdf_page_image(path, 0)
    top = image.crop((0, 0, image.width, image.height // 2))
    assert count(top, highlight_blue) > 500, "no selected-muscle blue in the diagram"
    assert count(top, essential_red) > 500, "no essential-zone red in the diagram"
    text_page = pdf_page_image(path, 1)  # the text pages carry no diagram
    assert count(text_page, highlight_blue) < 20 and count(text_page, essential_red) < 20


def test_png_uses_the_same_layout(qapp, mini_catalog, tmp_path) -> None:
    out = Handout.build(mini_catalog, ["alpha", "beta"], "both", "Hillside Clinic", None, DAY).write(tmp_path / "h.png")
    with Image.open(out) as image:
        assert image.width == 1240  # A4 at 150 dpi
        assert image.height > 1754  # more than one page, one under the other
        page1 = image.convert("RGB").crop((0, 0, 1240, 900))
    assert count(page1, highlight_blue) > 1000 and count(page1, essential_red) > 1000


def test_missing_guide_uses_short_builtin_texts(qapp, mini_catalog, mini_root, tmp_path) -> None:
    (mini_root / "data" / "guide.json").unlink()
    guide, problem = load_patient_guide()
    assert guide is None and "guide.json" in problem and "not found" in problem
    text = " ".join(pdf_pages(_pdf(mini_catalog, tmp_path, ["alpha"])))
    assert "A trigger point is a tight, tender spot in a muscle." in text
    assert "Lines without numbers are general advice from your clinic." in text


def test_anatomy_only_muscle_gets_names_diagram_and_a_note(qapp, mini_catalog, tmp_path) -> None:
    path = _pdf(mini_catalog, tmp_path, ["gamma"], side="left")
    text = " ".join(pdf_pages(path))
    assert "Gamma" in text and "the gamma muscle" in text and "left side" in text
    assert "No patient information is available for this muscle yet." in text
    assert count(pdf_page_image(path, 0), highlight_blue) > 50  # its (small) shape is still drawn


def test_paper_sizes(qapp, mini_catalog, tmp_path) -> None:
    assert pdf_page_size(_pdf(mini_catalog, tmp_path, ["alpha"], paper="letter")) == pytest.approx((612, 792), abs=1)
    assert pdf_page_size(_pdf(mini_catalog, tmp_path, ["alpha"], paper="a4")) == pytest.approx((595, 842), abs=1)


def test_print_goes_through_a_qprinter(qapp, mini_catalog, tmp_path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    Handout.build(mini_catalog, ["alpha"], "right", "Hillside Clinic", None, DAY).print_to(printer)
    text = " ".join(pdf_pages(tmp_path / "printed.pdf"))
    assert "Alpha: right side" in text and "Hillside Clinic" in text
    assert count(pdf_page_image(tmp_path / "printed.pdf"), highlight_blue) > 500


def test_shared_self_care_said_once_and_sources_numbered_once(mini_catalog) -> None:
    text = handout_text(mini_catalog, ["alpha", "beta", "alpha"], "both", None, "", DAY)
    assert [m.id for m in text.muscles] == ["alpha", "beta"]
    assert text.side_words == "both sides"
    assert [s.url for s in text.sources] == ["https://example.org/a"]
    assert not text.guide_complete


def test_masseter_end_to_end_with_the_shipped_catalogue(qapp, catalog, tmp_path) -> None:
    guide, _ = load_patient_guide()
    path = Handout.build(catalog, ["masseter"], "right", "Hillside Clinic", guide, DAY).write(tmp_path / "m.pdf")
    pages = pdf_pages(path)
    text = " ".join(pages)
    masseter = catalog.muscle("masseter")
    assert "Masseter: right side" in pages[0] and masseter.lay_name in pages[0]
    assert masseter.local_zone.lay_text in text
    for statement in masseter.self_care:
        assert " ".join((statement.lay_text or statement.text).split()) in text
    for statement in (*masseter.safety, *masseter.clinician_notes, masseter.position):
        assert statement.text not in text
    if guide is not None:
        for page_id in ("patient_what_is_tpi", "patient_aftercare", "patient_warning_signs"):
            page = next((p for p in guide.pages if p.id == page_id), None)
            if page is not None:
                assert page.title in text and " ".join(page.sections[0].items[0].text.split()) in text
    assert "Sources" in pages[-1]
    image = pdf_page_image(path, 0)
    top = image.crop((0, 0, image.width, image.height * 2 // 3))
    assert count(top, highlight_blue) > 2000 and count(top, essential_red) > 2000


def test_pain_felt_elsewhere_gets_a_second_diagram(qapp, catalog, tmp_path) -> None:
    """Rectus abdominis sends pain across the back: page 1 adds a back view for it, not for masseter."""
    guide, _ = load_patient_guide()
    path = Handout.build(catalog, ["rectus_abdominis", "masseter"], "both", "", guide, DAY).write(tmp_path / "ra.pdf")
    first = " ".join(pdf_pages(path)[0].split())
    assert "Rectus abdominis: pain felt in the back" in first
    assert "Masseter: pain felt" not in first
    # the back view is painted: essential red in the top right cell, where there was no diagram before
    image = pdf_page_image(path, 0)
    top_right = image.crop((image.width // 2, image.height // 6, image.width, image.height // 2))
    assert count(top_right, essential_red) > 2000
