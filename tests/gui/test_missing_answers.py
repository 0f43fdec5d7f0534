"""'Volgende' never greys out silently: it says what is missing, marks it and takes the user
there; the progress line counts pages and never moves backwards (issue #17 item 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from zelfscan.gui.wizard import REVIEW_ID, ScanWizard

from .test_wizard import FULL, answer_page


def test_next_names_the_open_question_and_goes_there(wizard: ScanWizard, qtbot, styled) -> None:  # type: ignore[no-untyped-def]
    wizard.window().activateWindow()
    page = wizard.currentPage()
    page.questions["rol"].buttons["raadslid"].click()
    page.questions["woning"].buttons["huis"].click()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    next_button.setFocus()
    QTest.keyClick(next_button, Qt.Key.Key_Space)
    assert wizard.currentPage() is page
    banner = page.missing_banner
    assert banner.isVisible()
    kinderen = page.questions["kinderen"]
    assert kinderen.question.text.get("nl") in banner.label.text()
    # the bar's button has the focus, so a screen reader reads out what is missing
    assert QApplication.focusWidget() is banner.go_button
    assert kinderen.question.text.get("nl") in banner.go_button.accessibleName()
    # marked where it is, with a word, not only a colour
    assert kinderen.missing_label.isVisible()
    assert kinderen.property("missing") == "true"
    assert not page.questions["rol"].missing_label.isVisible()
    QTest.keyClick(banner.go_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() in kinderen.controls()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # choose it
    assert not banner.isVisible()
    assert not kinderen.missing_label.isVisible()
    wizard.next()
    assert wizard.currentPage() is not page


def test_the_progress_line_counts_pages_and_never_goes_back(wizard: ScanWizard) -> None:
    seen: list[tuple[int, int]] = []
    texts: list[str] = []
    while wizard.currentId() != REVIEW_ID:
        page = wizard.currentPage()
        answer_page(wizard, FULL)  # the answers open follow-up questions and pages
        position = page.step_position()
        assert position is not None
        seen.append(position)
        texts.append(page.progress_label.text())
        assert (page.step_bar.value(), page.step_bar.maximum()) == position
        wizard.urgent.close()
        wizard.next()
    review = wizard.currentPage()
    seen.append(review.step_position())
    texts.append(review.progress_label.text())
    numbers = [n for n, _total in seen]
    assert numbers == sorted(numbers)
    assert numbers == list(range(1, len(numbers) + 1))
    assert seen[-1][0] == seen[-1][1]  # the check is the last step
    assert texts[0].startswith("Stap 1 van ")
    assert "Over u" not in texts[1]  # the progress line names no section (#17 item 10)
    assert "vragen beantwoord" not in " ".join(texts)
