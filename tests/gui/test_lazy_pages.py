"""Section pages build their question widgets on the first visit (docs/performance.md).

A page built late must look and behave exactly like one built up front: answers given before
the visit, the language, accessible names, buddies and Next gating.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWizard

from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID, ScanWizard

from .test_accessibility import unnamed
from .test_wizard import FULL, answer_page, run_to_review


def built(wizard: ScanWizard) -> set[str]:
    return {p.section.id for p in wizard.section_pages.values() if p.built}


def test_only_the_first_page_is_built_at_start(wizard: ScanWizard) -> None:
    assert "profiel" in built(wizard)
    assert built(wizard) <= {"profiel", "thuis"}  # thuis: built ahead once the page painted
    unvisited = wizard.section_pages[wizard.section_ids["dreiging"]]
    assert unvisited.questions == {}
    assert unvisited.accessibleName() == "Dreiging"  # named before it is built
    answer_page(wizard, FULL)
    wizard.next()
    assert {"profiel", "thuis"} <= built(wizard)
    page = wizard.currentPage()
    assert list(page.questions) == [q.id for q in page.section.questions]
    assert unnamed(page) == []
    for widget in page.questions.values():
        assert widget.label.buddy() is widget.controls()[0]


def test_the_page_next_would_open_is_built_while_this_one_is_read(
    wizard: ScanWizard, qtbot
) -> None:
    answer_page(wizard, FULL)  # kinderen: ja, so Next leads to thuis, then gezin
    qtbot.waitUntil(lambda: "thuis" in built(wizard))
    wizard.next()
    qtbot.waitUntil(lambda: "gezin" in built(wizard))
    assert "complex" not in built(wizard)


def test_answers_given_before_the_first_visit_show_on_it(wizard: ScanWizard) -> None:
    answer_page(wizard, FULL)
    wizard.session.set_answer("slot", "ja")  # e.g. a demo persona or a loaded scan
    wizard.next()
    assert wizard.currentPage().questions["slot"].buttons["ja"].isChecked()


def test_a_page_built_after_a_language_switch_is_in_that_language(
    window: MainWindow, wizard: ScanWizard
) -> None:
    window.set_language("en")
    answer_page(wizard, FULL)
    wizard.next()
    page = wizard.currentPage()
    assert page.heading.text() == "In and around the home"
    assert page.progress_label.text().startswith("Step ")
    assert page.questions["verlichting"].buttons["geen"].text() == "No light"


def test_change_then_next_builds_a_section_that_was_skipped_before(wizard: ScanWizard) -> None:
    """Change ("Wijzig") goes back to the profile. A new answer there opens two sections
    that were never visited, and they build, gate and reach the review like any other page."""
    run_to_review(wizard, {**FULL, "kinderen": "nee", "woning": "huis"})
    assert built(wizard) == {"profiel", "thuis", "dreiging"}
    wizard.currentPage().edit_buttons["profiel"].click()
    assert wizard.currentPage().objectName() == "section-profiel"
    profile = wizard.currentPage()
    profile.questions["kinderen"].buttons["ja"].click()
    profile.questions["woning"].buttons["appartement"].click()
    wizard.next()
    assert wizard.currentPage().objectName() == "section-thuis"
    wizard.next()
    gezin = wizard.currentPage()
    assert gezin.objectName() == "section-gezin"
    assert set(gezin.questions) == {"school-afspraak", "delen-online"}
    assert unnamed(gezin) == []
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()  # never greyed out: pressed early, it says what is missing
    wizard.next()
    assert wizard.currentPage() is gezin
    assert gezin.missing_banner.isVisible()
    answer_page(wizard, FULL)
    assert not gezin.missing_banner.isVisible()
    wizard.next()
    assert wizard.currentPage().objectName() == "section-complex"
    run_to_review(wizard, FULL)
    assert wizard.currentId() == REVIEW_ID
    assert set(wizard.currentPage().edit_buttons) == {
        "profiel",
        "thuis",
        "gezin",
        "complex",
        "dreiging",
    }


def test_review_updates_answers_in_place_and_rebuilds_when_questions_change(
    wizard: ScanWizard,
) -> None:
    run_to_review(wizard, FULL)
    review = wizard.currentPage()
    label = review._answer_labels["slot"]
    assert label.text() == "Nee"
    wizard.back()
    while wizard.currentPage().objectName() != "section-thuis":
        wizard.back()
    run_to_review(wizard, {**FULL, "slot": "ja"})
    assert review._answer_labels["slot"] is label  # same questions: the label is reused
    assert label.text() == "Ja"
    wizard.back()
    while wizard.currentPage().objectName() != "section-complex":
        wizard.back()
    run_to_review(wizard, {**FULL, "slot": "ja", "portiek": "dicht"})  # hides "buren"
    assert "buren" not in review._answer_labels
    assert review._answer_labels["slot"] is not label  # other questions: a new list
    assert review._answer_labels["slot"].text() == "Ja"


def test_the_next_page_is_built_only_after_the_new_page_has_painted(
    wizard: ScanWizard, qtbot
) -> None:
    """Building ahead must never delay the page the user is waiting for: Qt 6 paints on an
    update request a few ms after next(), so work queued at next() ran before that paint."""
    answer_page(wizard, FULL)
    qtbot.waitUntil(lambda: "thuis" in built(wizard))
    thuis = wizard.section_pages[wizard.section_ids["thuis"]]
    seen_at_paint: list[set[str]] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not seen_at_paint:
                seen_at_paint.append(built(wizard))
            return False

    spy = PaintSpy()
    thuis.installEventFilter(spy)
    wizard.next()
    qtbot.waitUntil(lambda: bool(seen_at_paint))
    thuis.removeEventFilter(spy)
    assert "gezin" not in seen_at_paint[0]  # not yet when thuis first painted
    qtbot.waitUntil(lambda: "gezin" in built(wizard))  # and right after it


def test_results_are_built_while_the_review_is_read(wizard: ScanWizard, qtbot) -> None:
    run_to_review(wizard, FULL)
    qtbot.waitUntil(lambda: wizard._results is not None and wizard.results.evaluation is not None)
    prepared = wizard.results.body
    wizard.next()
    assert wizard.currentId() == RESULTS_ID
    assert wizard.results.body is prepared  # shown as built, not built again
    assert wizard.results.evaluation == wizard.session.evaluate()


def test_results_built_ahead_are_rebuilt_when_the_answers_changed(
    wizard: ScanWizard, qtbot
) -> None:
    run_to_review(wizard, FULL)
    qtbot.waitUntil(lambda: wizard._results is not None and wizard.results.evaluation is not None)
    prepared = wizard.results.evaluation
    wizard.session.set_answer("slot", "ja")  # e.g. changed through "Wijzig" in between
    wizard.next()
    assert wizard.results.evaluation != prepared
    assert wizard.results.evaluation == wizard.session.evaluate()
