"""No two things in one place answer to the same Alt+letter, in Dutch and in English, and the
save and print shortcuts work (issue #17 item 8).

Alt+letter reaches the menu bar and every visible button of the window alike, so a page's
buttons and the menu titles form one set; inside each menu, its items form another.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QMenu, QWidget

from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.translations import apply_language
from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID

from .test_wizard import FULL, answer_page, run_to_review


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def window_mnemonics(window: QMainWindow) -> list[tuple[str, str]]:
    """(letter, what) for the menu titles and every visible button or buddy label."""
    found = []
    for action in window.menuBar().actions():
        if action.isVisible() and (letter := mnemonic(action.text())):
            found.append((letter, f"menu {action.text()}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        else:
            continue
        if letter := mnemonic(text):
            found.append((letter, f"{type(widget).__name__} {text}"))
    return found


def clashes(found: list[tuple[str, str]]) -> list[str]:
    counts = Counter(letter for letter, _ in found)
    return [f"{letter}: {what}" for letter, what in found if counts[letter] > 1]


def menu_clashes(window: QMainWindow) -> list[str]:
    problems = []
    for menu in window.findChildren(QMenu):
        if menu is getattr(getattr(window, "trainer", None), "menu", None):
            continue  # the training menu's own texts: tests/gui/test_training.py
        found = [
            (letter, f"{menu.title()} › {a.text()}")
            for a in menu.actions()
            if a.isVisible() and (letter := mnemonic(a.text()))
        ]
        problems += clashes(found)
    return problems


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_mnemonic_is_used_twice(app, lang: str) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = app.window
    apply_language(lang)
    window.set_language(lang)
    assert menu_clashes(window) == []
    assert clashes(window_mnemonics(window)) == [], "start screen"
    wizard = window.start_scan("mini")
    wizard.confirm = lambda _title, _text: True
    while wizard.currentId() not in (REVIEW_ID, RESULTS_ID):
        where = wizard.currentPage().objectName()
        assert clashes(window_mnemonics(window)) == [], where
        answer_page(wizard, FULL)
        wizard.urgent.close()
        wizard.next()
    assert clashes(window_mnemonics(window)) == [], "review"
    wizard.next()
    wizard.results.finish_building()
    assert clashes(window_mnemonics(window)) == [], "results"
    assert menu_clashes(window) == []


def test_ctrl_s_saves_and_ctrl_p_prints_on_the_results_page(wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard.window().activateWindow()
    run_to_review(wizard, FULL)
    wizard.next()
    assert wizard.currentId() == RESULTS_ID
    asked: list[str] = []
    wizard.report_actions.ask_path = lambda _parent, name: asked.append(name)  # cancel
    printed: list[bool] = []
    wizard.report_actions.print_report = lambda _request, full=False: printed.append(full)
    QTest.keySequence(wizard.window(), QKeySequence("Ctrl+S"))
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].endswith(".pdf")
    QTest.keySequence(wizard.window(), QKeySequence("Ctrl+P"))
    qtbot.waitUntil(lambda: bool(printed))


def test_ctrl_s_does_nothing_before_the_results(wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    wizard.report_actions.ask_path = lambda _parent, name: asked.append(name)
    QTest.keySequence(wizard.window(), QKeySequence("Ctrl+S"))
    assert asked == []
