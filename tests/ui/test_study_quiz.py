"""Quiz and review dialog: the question on the body, feedback, the answer shown, one saved review per answer."""

from __future__ import annotations

from fsrs import Rating
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.helpers import click, is_essential_red, is_highlight, is_skin, pixel
from tpi_viewer.model.quiz import ChoiceQuestion, PaintQuestion
from tpi_viewer.store import Store
from tpi_viewer.ui.quiz_dialog import QuizDialog


def _dialog(qtbot, catalog, store: Store, ids: list[str], seed: int = 0) -> QuizDialog:
    dialog = QuizDialog(catalog, store, ids, seed=seed)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_right_choice_is_praised_shown_on_the_body_and_saved_at_once(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    dialog = _dialog(qtbot, mini_catalog, store, ["refer_to_muscle:alpha:right"])
    question = dialog.question
    assert isinstance(question, ChoiceQuestion) and "lower part (right)" in dialog.prompt.text()
    assert dialog.body.state.drawing == [("lower", "right")]  # the referral pattern is drawn, no muscle named
    assert dialog.body.state.selection == []
    assert "Alpha" not in dialog.body.canvas.describe_point((50.0, 50.0))  # hovering alpha names the area only
    assert not dialog.submit_button.isEnabled()
    button = dialog.choices.buttons()["alpha"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))  # on its text
    assert dialog.submit_button.isEnabled()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "✓ Right" in dialog.feedback.text() and "Saved as Good" in dialog.feedback.text()
    assert dialog.body.state.selection == ["alpha"] and dialog.body.state.side == "right"
    assert dialog.choices.buttons()["alpha"].text() == "✓ Alpha"
    # Committed in the same call: a second connection (another process, after a kill) sees it.
    with Store.open(tmp_path / "user.sqlite3") as other:
        reviews = other.study.reviews()
    assert [(r.card, r.rating, r.score) for r in reviews] == [("refer_to_muscle:alpha:right", Rating.Good, 100.0)]
    assert dialog.next_button.isVisible() and dialog.next_button.text() == "See the summary"


def test_a_wrong_choice_names_the_answer_and_is_rated_again(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    dialog = _dialog(qtbot, mini_catalog, store, ["refer_to_muscle:alpha:left"])
    dialog.choices.pick(["beta"])
    dialog.submit()
    text = dialog.feedback.text()
    assert "✗ Not right" in text and "The answer is <b>Alpha</b>" in text and "you picked Beta" in text
    assert dialog.choices.buttons()["beta"].text() == "✗ Beta  (not right)"
    assert dialog.body.state.selection == ["alpha"]  # the right answer, not the pick, is shown
    assert [(r.rating, r.score) for r in store.study.reviews()] == [(Rating.Again, 0.0)]
    dialog.submit()  # a second press does not record a second answer
    assert len(store.study.reviews()) == 1


def test_painting_the_zone_is_scored_by_overlap_and_the_truth_is_drawn(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    dialog = _dialog(qtbot, mini_catalog, store, ["paint_zone:alpha:right"])
    body = dialog.body
    assert isinstance(dialog.question, PaintQuestion) and body.state.drawing_mode == "paint"
    assert body.state.selection == ["alpha"] and not body.state.show_zones  # the muscle, not its zones
    qtbot.mouseClick(body.fit_button, Qt.MouseButton.LeftButton)  # painting starts at the muscle: see it all
    assert is_skin(pixel(qtbot, body.canvas, (20, 215)))  # the true zone is not given away
    click(qtbot, body.canvas, (20, 215))  # lower part, patient's right: the essential zone
    click(qtbot, body.canvas, (20, 105))  # middle part: spillover, not essential
    assert body.painted() == {("lower", "right"), ("middle", "right")}
    assert "lower part, middle part (right)" in dialog.paint_help.text()
    dialog.submit_button.click()
    assert "Score <b>50 %</b>" in dialog.feedback.text() and "Painted outside the zone: middle part (right)" in \
        dialog.feedback.text()
    assert [(r.rating, r.score) for r in store.study.reviews()] == [(Rating.Hard, 50.0)]
    assert body.state.show_zones and body.state.selection == ["alpha"] and body.state.side == "right"
    assert body.state.drawing == [("lower", "right"), ("middle", "right")]  # the painting stays
    assert body.outline_items()  # ... outlined over the answer


def test_a_missed_zone_shows_red_where_it_is(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    dialog = _dialog(qtbot, mini_catalog, store, ["paint_zone:alpha:left"])
    dialog.body.fit_button.click()
    click(qtbot, dialog.body.canvas, (180, 20))  # upper left: the local zone, not the referred one
    dialog.submit()
    assert "✗ Not right" in dialog.feedback.text() and "Missed: lower part (left)" in dialog.feedback.text()
    canvas = dialog.body.canvas
    assert is_essential_red(pixel(qtbot, canvas, (195, 215)))  # the true essential zone, drawn
    assert is_skin(pixel(qtbot, canvas, (5, 215)))  # the other side's lower part stays bare
    assert is_highlight(pixel(qtbot, canvas, (135, 72)))  # the muscle, highlighted


def test_the_summary_scores_each_question_and_unaskable_cards_are_skipped(qtbot, mini_catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    ids = ["paint_zone:nobody:left", "refer_to_muscle:beta:right", "paint_zone:beta:right"]
    dialog = _dialog(qtbot, mini_catalog, store, ids)
    assert dialog.question is not None and dialog.question.id == "refer_to_muscle:beta:right"
    dialog.choices.pick(["beta"])
    dialog.submit()
    dialog.next_button.click()
    assert dialog.question is not None and dialog.question.id == "paint_zone:beta:right"
    dialog.body.state.mark("upper", "right")
    dialog.submit()
    assert dialog.next_button.text() == "See the summary"
    dialog.next_button.click()
    assert dialog.showing_summary
    table = dialog.summary_table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [["Name the muscle from its pattern: Beta (right)", "100 %", "Good"],
                    ["Paint the essential zone: Beta (right)", "100 %", "Good"]]
    assert "average score 100 %" in dialog.summary_label.text() and "1 card(s) could not be asked" in \
        dialog.summary_label.text()
    assert len(store.study.reviews()) == 2


def test_shipped_questions_show_the_pattern_in_a_view_that_draws_it(qtbot, catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    dialog = _dialog(qtbot, catalog, store, ["refer_to_muscle:masseter:left", "condition_to_muscles:tmd"])
    state = dialog.body.state
    assert state.view == "head_lateral" and state.side == "left"  # the mirrored head view stands for the left
    assert ("inside_ear", "left") in state.drawing and not state.selection
    dialog.choices.pick(["masseter"])
    dialog.submit()
    assert state.selection == ["masseter"]
    dialog.next_button.click()
    question = dialog.question
    assert isinstance(question, ChoiceQuestion) and question.multiple
    assert all(b.isCheckable() and b.metaObject().className() == "QCheckBox" for b in dialog.choices.buttons().values())
    names = [catalog.muscle(m).name for m in question.choices]
    shown = lambda: [b.text() for b in dialog.choices.findChildren(QAbstractButton) if b.isVisible()]
    qtbot.waitUntil(lambda: shown() == names)  # the last question's choices are gone
    dialog.choices.pick(question.correct)
    dialog.submit()
    assert "✓ Right" in dialog.feedback.text()
    assert set(state.selection) == question.correct
    assert any(m in catalog.body_maps[state.view].muscle_ids for m in question.correct)


def test_painting_the_left_side_on_the_mirrored_head_view_counts_as_left(qtbot, catalog, tmp_path) -> None:
    store = Store.open(tmp_path / "user.sqlite3")
    dialog = _dialog(qtbot, catalog, store, ["paint_zone:masseter:left"])
    body = dialog.body
    assert body.state.view == "head_lateral" and body.state.side == "left" and body.canvas.flipped()
    cheek = next(s for s in catalog.body_maps["head_lateral"].regions if s.region == "cheek")
    assert cheek.side == "right"  # the head view is drawn from the right; shown mirrored it stands for the left
    assert body.canvas.body_map.region_at(cheek.label).region == "cheek"
    click(qtbot, body.canvas, cheek.label)
    assert body.painted() == {("cheek", "left")}
    dialog.submit()
    assert "Matched: cheek (left)" in dialog.feedback.text()
