"""The wizard as a thin adapter: gating, navigation, conditions and red flags come from core."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers
from zelfscan.gui.labels import level_text, score_text
from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID, ScanWizard

FULL = {
    "rol": "burgemeester",
    "woning": "appartement",
    "kinderen": "ja",
    "slot": "nee",
    "verlichting": "soms",
    "maatregelen": ("geen",),
    "school-afspraak": "nee",
    "delen-online": "nee",
    "portiek": "open",
    "buren": "ja",
    "bedreigd": "nee",
}


def next_button(wizard: ScanWizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def answer_page(wizard: ScanWizard, answers: dict[str, object]) -> None:
    page = wizard.section_pages[wizard.currentId()]
    for qid in page.questions:
        if qid in answers and page.questions[qid].isVisible():
            wizard.session.set_answer(qid, answers[qid])  # type: ignore[arg-type]


def run_to_review(wizard: ScanWizard, answers: dict[str, object]) -> None:
    while wizard.currentId() not in (REVIEW_ID, RESULTS_ID):
        answer_page(wizard, answers)
        wizard.urgent.close()
        wizard.next()


def test_next_goes_on_only_when_required_questions_are_answered(wizard: ScanWizard) -> None:
    page = wizard.currentPage()
    first = wizard.currentId()
    assert next_button(wizard).isEnabled()  # never greyed out without a reason
    wizard.next()
    assert wizard.currentId() == first
    assert page.missing() == ["rol", "woning", "kinderen"]
    page.questions["rol"].buttons["raadslid"].click()
    page.questions["woning"].buttons["huis"].click()
    wizard.next()
    assert wizard.currentId() == first
    assert page.missing() == ["kinderen"]
    page.questions["kinderen"].buttons["nee"].click()
    wizard.next()
    assert wizard.currentId() != first
    assert wizard.session.answers == {"rol": "raadslid", "woning": "huis", "kinderen": "nee"}


def test_back_keeps_answers(wizard: ScanWizard) -> None:
    answer_page(wizard, FULL)
    wizard.next()
    thuis = wizard.currentPage()
    thuis.questions["slot"].buttons["ja"].click()
    thuis.questions["toelichting"].edit.setText("een notitie")
    wizard.back()
    profile = wizard.currentPage()
    assert profile.questions["rol"].buttons["burgemeester"].isChecked()
    wizard.next()
    assert wizard.currentPage().questions["slot"].buttons["ja"].isChecked()
    assert wizard.currentPage().questions["toelichting"].edit.text() == "een notitie"


def test_portiek_controls_buren_live(wizard: ScanWizard) -> None:
    answer_page(wizard, FULL)
    while wizard.currentPage().objectName() != "section-complex":
        answer_page(wizard, FULL)
        wizard.next()
    page = wizard.currentPage()
    assert not page.questions["buren"].isVisible()
    page.questions["portiek"].buttons["open"].click()
    assert page.questions["buren"].isVisible()
    assert "buren" in page.missing()  # buren is now required
    page.questions["buren"].buttons["ja"].click()
    assert page.missing() == []
    page.questions["portiek"].buttons["dicht"].click()
    assert not page.questions["buren"].isVisible()
    # the hidden answer no longer counts
    assert "buren" not in effective_answers(wizard.session.questionnaire, wizard.session.answers)


def test_sections_that_do_not_apply_are_skipped(wizard: ScanWizard) -> None:
    answers = {**FULL, "kinderen": "nee", "woning": "huis"}
    visited = []
    while wizard.currentId() != REVIEW_ID:
        visited.append(wizard.currentPage().objectName())
        answer_page(wizard, answers)
        wizard.urgent.close()
        wizard.next()
    assert visited == ["section-profiel", "section-thuis", "section-dreiging"]


def test_red_flag_opens_the_urgent_panel_and_keeps_answers(wizard: ScanWizard, qtbot) -> None:
    answers = {k: v for k, v in FULL.items() if k != "bedreigd"}
    run_to_review_until = "section-dreiging"
    while wizard.currentPage().objectName() != run_to_review_until:
        answer_page(wizard, answers)
        wizard.next()
    assert not wizard.urgent.isVisible()
    before = dict(wizard.session.answers)
    wizard.currentPage().questions["bedreigd"].buttons["ja"].click()
    qtbot.waitUntil(wizard.urgent.isVisible)
    text = wizard.urgent.panel.body.text()
    assert "112" in text
    assert "0900-8844" in text
    assert wizard.session.answers == {**before, "bedreigd": "ja"}
    wizard.urgent.close()
    assert wizard.currentPage().objectName() == "section-dreiging"


def test_review_lists_visible_answers_and_change_jumps_back(wizard: ScanWizard) -> None:
    run_to_review(wizard, FULL)
    review = wizard.currentPage()
    assert set(review.edit_buttons) == {"profiel", "thuis", "gezin", "complex", "dreiging"}
    review.edit_buttons["thuis"].click()
    assert wizard.currentPage().objectName() == "section-thuis"
    assert wizard.currentPage().questions["slot"].buttons["nee"].isChecked()
    run_to_review(wizard, FULL)
    assert wizard.currentId() == REVIEW_ID


def test_results_show_the_engine_levels_and_top_3(wizard: ScanWizard, mini) -> None:
    run_to_review(wizard, FULL)
    wizard.next()
    assert wizard.currentId() == RESULTS_ID
    results = wizard.currentPage()
    expected = evaluate(mini, effective_answers(mini, wizard.session.answers))
    table = results.table
    assert table.rowCount() == len(expected.sections)
    for row, section in enumerate(expected.sections):
        assert table.item(row, 1).text() == score_text(section.score)
        assert table.item(row, 2).text() == level_text(section.level)
    shown = [label.text() for label in results.top_labels]
    assert len(shown) == len(expected.top)
    for text, advice in zip(shown, expected.top, strict=True):
        assert advice.title.get("nl") in text


def test_save_pdf_runs_in_background_and_writes_the_file(
    wizard: ScanWizard, tmp_path: Path, qtbot
) -> None:
    run_to_review(wizard, FULL)
    wizard.next()
    target = tmp_path / "advies.pdf"
    wizard.report_actions.ask_path = lambda _parent, _name: target
    wizard.report_actions.ask_password = lambda _parent: (True, None)
    with qtbot.waitSignal(wizard.report_actions.report_saved, timeout=30000):
        wizard.results.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert wizard.results.save_button.isEnabled()


def test_new_scan_clears_answers_and_returns_to_start(window, wizard: ScanWizard) -> None:
    session = wizard.session
    answer_page(wizard, FULL)
    run_to_review(wizard, FULL)
    wizard.next()
    wizard.accept()  # "Nieuwe scan", confirmed
    assert session.answers == {}
    assert window.stack.currentWidget() is window.start
    assert window.wizard is None


def test_no_answers_in_the_window_title(window, wizard: ScanWizard) -> None:
    answer_page(wizard, FULL)
    wizard.currentPage().questions["rol"].buttons["burgemeester"].click()
    title = window.windowTitle()
    assert "urgemeester" not in title
    assert "Miniscan" in title
