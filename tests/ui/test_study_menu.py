"""The Study menu: the number of questions due, quizzes and the daily review started from it."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QSettings

from tpi_viewer.store import Store
from tpi_viewer.ui.main_window import MainWindow
from tpi_viewer.ui.quiz_dialog import QuizDialog
from tpi_viewer.ui.study_menu import StudyMenu


def _menu(qtbot, catalog, tmp_path, store: Store) -> tuple[MainWindow, StudyMenu]:
    window = MainWindow(catalog, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), store=store)
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(StudyMenu)
    assert menu is not None and menu.title() == "S&tudy"
    return window, menu


def test_the_menu_shows_how_many_questions_are_due(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    _, menu = _menu(qtbot, mini_catalog, tmp_path, store)
    menu.aboutToShow.emit()
    assert menu.review_action.text() == "&Daily review (0 due)…" and not menu.review_action.isEnabled()
    store.study.ensure(["refer_to_muscle:alpha:right", "paint_zone:beta:left"])
    menu.aboutToShow.emit()
    assert menu.review_action.text() == "&Daily review (2 due)…" and menu.review_action.isEnabled()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Quiz…", "&Daily review (2 due)…", "&Progress and statistics…"]


def test_the_daily_review_asks_the_due_questions_and_the_count_drops(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    _, menu = _menu(qtbot, mini_catalog, tmp_path, store)
    store.study.ensure(["refer_to_muscle:alpha:right", "refer_to_muscle:beta:left"])
    menu.review_action.trigger()
    dialog = menu.dialog
    assert isinstance(dialog, QuizDialog) and dialog.isVisible()
    assert dialog.question is not None and dialog.question.id == "refer_to_muscle:alpha:right"
    assert "Question 1 of 2" in dialog.progress.text()
    dialog.choices.pick(["alpha"])
    dialog.submit_button.click()
    menu.aboutToShow.emit()
    assert "(1 due)" in menu.review_action.text()  # answered right: not due again for a while
    menu.stats_action.trigger()
    stats = menu.stats_dialog
    assert stats is not None and stats.isVisible() and dialog.isVisible()  # progress opens beside the round
    assert "2 question(s) in your reviews, 1 due now · 1 review(s)" in stats.summary.text()


def test_a_quiz_about_a_named_set_makes_review_cards(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    window, menu = _menu(qtbot, mini_catalog, tmp_path, store)
    store.sets.create("Deep set", ["beta"])
    window.state.select("alpha")
    setup = menu.choose_quiz()
    assert setup.selection_button.isEnabled() and setup.selection_button.text() == "The selected muscles (1)"
    setup.set_button.setChecked(True)
    assert setup.muscles() == ["beta"]
    for box in setup.kind_boxes.values():
        box.setChecked(False)
    start = setup.buttons.buttons()[0]
    assert not start.isEnabled()  # no kind of question: nothing to start
    setup.kind_boxes["refer_to_muscle"].setChecked(True)
    setup.kind_boxes["paint_zone"].setChecked(True)
    setup.count.setValue(3)
    setup.accept()
    dialog = menu.dialog
    assert isinstance(dialog, QuizDialog)
    assert len(dialog.question_ids) == 3 and all(":beta:" in q for q in dialog.question_ids)
    assert {c.id for c in store.study.cards()} == set(dialog.question_ids)  # due now, in the daily review


def test_window_start_does_not_load_the_study_dialogs_or_fsrs(mini_root, tmp_path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from tpi_viewer.model.loading import load_catalog\n"
        "from tpi_viewer.store import Store\n"
        "from tpi_viewer.ui.main_window import MainWindow\n"
        f"store = Store.open({str(tmp_path / 'u.sqlite3')!r})\n"
        f"w = MainWindow(load_catalog(), QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat), store=store)\n"
        "print(sorted(m for m in sys.modules if m == 'fsrs' or m.startswith(('tpi_viewer.ui.quiz', "
        "'tpi_viewer.ui.stats', 'tpi_viewer.model.quiz'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
