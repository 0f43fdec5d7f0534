"""After Next the focus is on the new page's heading, which screen readers hear as a heading
(issue #17 item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from zelfscan.gui import a11y
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.widgets.common import Heading
from zelfscan.gui.wizard import REVIEW_ID, ScanWizard

from .test_wizard import FULL, answer_page


def test_next_puts_the_focus_on_the_named_heading(wizard: ScanWizard, qtbot) -> None:
    wizard.window().activateWindow()
    first = wizard.currentPage()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.heading)
    answer_page(wizard, FULL)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.setFocus()
    QTest.keyClick(next_button, Qt.Key.Key_Space)
    page = wizard.currentPage()
    assert page is not first
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.heading)
    assert a11y.role(page.heading) == QAccessible.Role.Heading
    interface = QAccessible.queryAccessibleInterface(page.heading)
    assert interface.text(QAccessible.Text.Name) == page.section.title.get("nl")
    # Tab goes on to the first question, not round the heading
    QTest.keyClick(page.heading, Qt.Key.Key_Tab)
    first_question = next(iter(page.questions.values()))
    chain = [first_question.help_button, *first_question.controls()]
    assert QApplication.focusWidget() in chain


def test_the_review_heading_takes_the_focus_too(wizard: ScanWizard, qtbot) -> None:
    while wizard.currentId() != REVIEW_ID:
        answer_page(wizard, FULL)
        wizard.urgent.close()
        wizard.next()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.review.heading)


def test_every_heading_on_the_start_screen_is_a_heading(window: MainWindow) -> None:
    headings = window.start.findChildren(Heading)
    assert len(headings) >= 2
    for heading in headings:
        assert a11y.role(heading) == QAccessible.Role.Heading, heading.text()
