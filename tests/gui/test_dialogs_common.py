"""The shared yes/no question answers "no" on Enter and Esc: destructive steps need a click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from zelfscan.gui.dialogs.common import ask_yes_no


def _answer_with(key: Qt.Key) -> bool:
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.textFormat() is Qt.TextFormat.PlainText
        QTest.keyClick(box, key)

    QTimer.singleShot(0, press)
    return ask_yes_no(None, "Wissen?", "<b>niet vet</b>", "&Ja, wissen", "&Nee")


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_enter_and_escape_answer_no(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    assert _answer_with(key) is False


def test_the_yes_mnemonic_answers_yes(qtbot) -> None:  # type: ignore[no-untyped-def]
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        yes = next(b for b in box.buttons() if b.text() == "&Ja, wissen")
        yes.click()

    QTimer.singleShot(0, press)
    assert ask_yes_no(None, "Wissen?", "tekst", "&Ja, wissen", "&Nee") is True
