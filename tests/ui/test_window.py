"""The window: list and panel follow the selection; settings persist; bad data opens a dialog."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tpi_viewer import app
from tpi_viewer.ui.main_window import MainWindow


def _window(qtbot, catalog, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(catalog, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_list_click_selects_and_panel_shows_the_muscle(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    lst = window.muscle_list.list
    item = lst.item(window.muscle_list.visible_ids().index("alpha"))
    with qtbot.waitSignal(window.state.selection_changed):
        qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(item).center())
    text = window.panel.text()
    for expected in ("Alpha", "Musculus alpha", "In plain words: the alpha muscle", "Local pain", "Essential:",
                     "Spillover:", "Trigger points", "Related conditions", "Neck pain", "Injection safety",
                     "Mind the vessels.", "Usual patient position", "Sources", "Source A", "not a diagnostic tool"):
        assert expected in text, expected


def test_search_filters_the_list(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    qtbot.keyClicks(window.muscle_list.search, "bet")
    assert window.muscle_list.visible_ids() == ["beta"]


def test_panel_tabs_for_several_muscles(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.set_selection(["alpha", "beta"])
    assert window.panel.tabs.count() == 2
    assert window.panel.shown_muscle == "beta"
    window.panel.tabs.setCurrentIndex(0)
    assert window.panel.text().startswith("Alpha")


def test_settings_restore_view_side_and_geometry(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.resize(781, 537)
    window.side_combo.setCurrentIndex(2)
    assert window.state.side == "left"
    window.close()
    again = _window(qtbot, mini_catalog, tmp_path)
    assert again.state.side == "left"
    assert again.side_combo.currentText() == "Patient's left"
    assert (again.width(), again.height()) == (781, 537)


def test_bad_data_opens_an_error_dialog_and_exits_2(qtbot, mini_root, monkeypatch) -> None:
    path = mini_root / "data" / "muscles.json"
    doc = json.loads(path.read_text())
    doc["muscles"][0]["referred_zones"]["essential"][0]["regions"] = ["nowhere"]
    path.write_text(json.dumps(doc))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert app.main([]) == 2
    assert len(shown) == 1
    assert "muscles.json" in shown[0] and "$.muscles[0].referred_zones.essential[0].regions[0]" in shown[0]
    assert "unknown region 'nowhere'" in shown[0]


def test_about_says_reference_not_diagnosis(mini_catalog) -> None:
    from tpi_viewer.ui.about import about_html

    assert "not a diagnostic tool" in about_html(mini_catalog)


def test_anatomy_only_muscle_says_so(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.select("gamma")
    text = window.panel.text()
    assert "Gamma" in text and "anatomy only" in text and "Source A" in text
    assert "Injection safety" not in text


def test_picking_a_condition_selects_its_muscles(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    window.side_tabs.setCurrentWidget(window.condition_list)
    conditions = window.condition_list
    assert conditions.condition_ids() == ["neck_pain"]
    item = conditions.list.item(0)
    assert item.text().startswith("Neck pain (2)")
    with qtbot.waitSignal(window.state.selection_changed):
        qtbot.mouseClick(conditions.list.viewport(), Qt.MouseButton.LeftButton, pos=conditions.list.visualItemRect(item).center())
    assert window.state.selection == ["alpha", "beta"]
    assert "Alpha, Beta" in conditions.muscles_label.text()
    assert window.panel.tabs.count() == 2


def test_report_a_problem_copies_muscle_field_and_version(qtbot, mini_catalog, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    window = _window(qtbot, mini_catalog, tmp_path)
    window.state.select("alpha")
    dialog = window.report_problem()
    dialog.field.setCurrentText("Essential referred pain")
    qtbot.keyClicks(dialog.note, "Zone should include the lower part only")
    dialog.accept()
    text = QApplication.clipboard().text()
    assert "Muscle: alpha (Alpha)" in text
    assert "Field: Essential referred pain" in text
    assert "Data version: test (reviewed 2026-01-01)" in text
    assert "Zone should include the lower part only" in text


def test_guide_shows_patient_and_clinician_pages(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    dialog = window.show_guide()
    assert dialog is not None
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "What is a trigger point injection?" in text and "thin needle" in text and "Source A" in text
    dialog.show_page("clinician_contraindications")
    text = dialog.browser.toPlainText()
    assert "Recent aspirin use." in text and "(debated)" in text and "uncertain" in text


def test_broken_guide_gives_a_clear_message(qtbot, mini_catalog, mini_root, tmp_path, monkeypatch) -> None:
    (mini_root / "data" / "guide.json").write_text('{"guide_version": 1, "sources": [], "pages": []}')
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = _window(qtbot, mini_catalog, tmp_path)
    assert window.show_guide() is None
    assert "guide.json" in shown[0] and "$.sources" in shown[0]


def test_switching_to_a_view_without_the_muscle_says_so(qtbot, catalog, tmp_path) -> None:
    window = _window(qtbot, catalog, tmp_path)
    window.state.set_selection(["rectus_abdominis"])
    assert window.state.view in catalog.muscle("rectus_abdominis").views
    window.view_combo.setCurrentIndex(catalog.view_ids.index("posterior"))
    assert window.state.view == "posterior" and window.state.selection == ["rectus_abdominis"]
    assert "Rectus abdominis: not visible from this side" in window.statusBar().currentMessage()


def test_the_list_marks_the_selected_muscles_in_bold(qtbot, mini_catalog, tmp_path) -> None:
    window = _window(qtbot, mini_catalog, tmp_path)
    lst = window.muscle_list.list

    def bold() -> set[str]:
        return {lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count()) if lst.item(i).font().bold()}

    assert bold() == set()
    window.state.set_selection(["alpha"])
    assert bold() == {"alpha"}
    window.state.set_selection(["beta"])
    assert bold() == {"beta"}
    window.muscle_list.search.setText("alp")  # a new filter rebuilds the list: the mark stays right
    assert bold() == set() and window.muscle_list.visible_ids() == ["alpha"]


def test_other_muscles_are_named_once_the_body_is_on_screen(qtbot, catalog, tmp_path) -> None:
    """The window paints the body first and adds the other muscles' names just after."""
    window = _window(qtbot, catalog, tmp_path)
    window.resize(1520, 940)
    labels = window.canvas.labels

    def named() -> set[str]:
        return {t.text for t in labels.items if t.key is not None and not t.important and t.isVisible()}

    qtbot.waitUntil(lambda: len(named()) >= 1)
    assert named() <= {m.name for m in catalog.muscles}
