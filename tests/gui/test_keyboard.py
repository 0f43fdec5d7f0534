"""A whole scan by keyboard alone: Tab to move, arrows within a choice, Space to tick,
Enter for Next. WCAG 2.1.1: if this test needs a mouse click, the app has a bug."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID

MAX_TABS = 60


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(key: Qt.Key) -> None:
    QTest.keyClick(focused(), key)


def tab_to(target: QWidget) -> None:
    for _ in range(MAX_TABS):
        if focused() is target:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName() or target}")


def tab_to_any(targets: list[QWidget]) -> QWidget:
    for _ in range(MAX_TABS):
        if focused() in targets:
            return focused()
        press(Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the question")


def choose(page, question_id: str, option_id: str) -> None:
    """Radio buttons: Tab into the group, arrow to the option, Space to choose it."""
    buttons = page.questions[question_id].buttons
    order = list(buttons.values())
    tab_to_any(order)
    target = buttons[option_id]
    for _ in range(len(order) + 1):
        if focused() is target:
            break
        press(Qt.Key.Key_Down)
    assert focused() is target
    press(Qt.Key.Key_Space)
    assert target.isChecked()


def tick(page, question_id: str, option_id: str) -> None:
    target = page.questions[question_id].buttons[option_id]
    tab_to(target)
    press(Qt.Key.Key_Space)
    assert target.isChecked()


SCRIPT = {
    "section-profiel": [("rol", "raadslid"), ("woning", "huis"), ("kinderen", "ja")],
    "section-thuis": [("slot", "deels"), ("verlichting", "altijd"), ("maatregelen", "alarm")],
    "section-gezin": [("school-afspraak", "nee"), ("delen-online", "nee")],
    "section-dreiging": [("bedreigd", "nee")],
}


def test_complete_scan_by_keyboard_only(window: MainWindow, qtbot, mini) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start_button = window.start.cards[0].button
    start_button.setFocus()  # first focus: where the OS puts it; from here on only keys
    press(Qt.Key.Key_Space)
    wizard = window.wizard
    assert wizard is not None
    while wizard.currentId() not in (REVIEW_ID, RESULTS_ID):
        page = wizard.currentPage()
        for question_id, option_id in SCRIPT[page.objectName()]:
            if page.questions[question_id].question.type.value == "multiple":
                tick(page, question_id, option_id)
            else:
                choose(page, question_id, option_id)
        if page.objectName() == "section-thuis":
            tab_to(page.questions["toelichting"].edit)
            QTest.keyClicks(focused(), "via het toetsenbord")
        current = wizard.currentId()
        press(Qt.Key.Key_Return)
        assert wizard.currentId() != current, f"Enter did not go on from {page.objectName()}"
    assert wizard.session.answers["toelichting"] == "via het toetsenbord"
    press(Qt.Key.Key_Return)  # review → results
    assert wizard.currentId() == RESULTS_ID
    expected = evaluate(mini, effective_answers(mini, wizard.session.answers))
    assert wizard.results.evaluation == expected
    assert wizard.session.answers["maatregelen"] == ("alarm",)
