"""From the window: Preferences, File > Export handout… and Export figure… (dialogs driven, never blocking)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.export.pdf import pdf_page_size, pdf_pages
from tpi_viewer.export.handout_text import CLINIC_KEY, PAPER_KEY
from tpi_viewer.ui.main_window import MainWindow


def _window(qtbot, catalog, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(catalog, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_preferences_then_handout_of_the_selection(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    prefs = window.show_preferences()
    prefs.clinic.setText("  Lakeside Clinic ")
    prefs.paper.setCurrentIndex(prefs.paper.findData("letter"))
    prefs.accept()
    assert window.settings.value(CLINIC_KEY) == "Lakeside Clinic" and window.settings.value(PAPER_KEY) == "letter"
    assert window.export_handout() is None  # nothing selected yet
    window.state.set_selection(["alpha", "beta"])
    window.state.set_side("left")
    dialog = window.export_handout()
    assert dialog is not None
    assert dialog.paper.currentData() == "letter"
    dialog.path_edit.setText(str(tmp_path / "out" / "handout.pdf"))
    dialog.accept()
    text = " ".join(pdf_pages(tmp_path / "out" / "handout.pdf"))
    assert "Lakeside Clinic" in text and "Alpha and beta: left side" in text
    assert pdf_page_size(tmp_path / "out" / "handout.pdf") == (612, 792)
    assert "handout.pdf" in window.statusBar().currentMessage()


def test_wrong_suffix_keeps_the_dialog_open(qtbot, mini_catalog, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.select("alpha")
    dialog = window.export_handout()
    assert dialog is not None
    dialog.path_edit.setText(str(tmp_path / "handout.doc"))
    dialog.accept()
    assert shown and ".pdf or .png" in shown[0]
    assert dialog.isVisible() and not (tmp_path / "handout.doc").exists()


def test_export_figure_png_at_scale_and_svg(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.select("alpha")
    dialog = window.export_figure()
    dialog.scale.setValue(2)
    dialog.path_edit.setText(str(tmp_path / "fig.png"))
    dialog.accept()
    with Image.open(tmp_path / "fig.png") as image:
        assert (image.width, image.height) == (window.canvas.width() * 2, window.canvas.height() * 2)
    dialog = window.export_figure()
    dialog.path_edit.setText(str(tmp_path / "fig.svg"))
    dialog.accept()
    root = ET.parse(tmp_path / "fig.svg").getroot()
    assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) > 20


def test_print_menu_prints_the_handout_or_the_view(qtbot, mini_catalog, tmp_path, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    answer = {"button": "Patient handout", "file": tmp_path / "handout.pdf"}

    def choose(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == answer["button"]).click()
        return 0

    def accept_to_pdf(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(answer["file"]))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QMessageBox, "exec", choose)
    monkeypatch.setattr(QPrintDialog, "exec", accept_to_pdf)
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.select("alpha")
    window.print_()
    assert "Your trigger point information" in pdf_pages(tmp_path / "handout.pdf")[0]
    answer.update(button="Current view", file=tmp_path / "view.pdf")
    window.print_()
    assert "Alpha: front view, both sides" in pdf_pages(tmp_path / "view.pdf")[0]
