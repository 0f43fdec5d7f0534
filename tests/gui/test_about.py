"""Over Zelfscan: the version, what Zelfscan is and is not, the licences; by keyboard too."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from zelfscan import __version__, about
from zelfscan.gui.dialogs.about import AboutDialog
from zelfscan.gui.main_window import MainWindow
from zelfscan.paths import notices_file


def _texts(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in [dialog.heading, *dialog.statement_labels])


def test_the_dialog_shows_version_statement_and_licences(window: MainWindow, qtbot) -> None:
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    text = _texts(dialog)
    assert __version__ in dialog.heading.text()
    nl = about.statement("nl")
    for part in (nl.is_, *nl.is_not, *nl.official):
        assert part in text
    assert dialog.windowTitle() == "Over Zelfscan"
    dialog.tabs.setCurrentWidget(dialog.licence)
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in dialog.licence.toPlainText()
    dialog.tabs.setCurrentWidget(dialog.notices)
    assert dialog.notices.toPlainText() == notices_file().read_text(encoding="utf-8")


def test_the_dialog_follows_the_language(window: MainWindow, qtbot) -> None:
    window.set_language("en")
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About Zelfscan"
    assert about.statement("en").is_ in _texts(dialog)
    assert about.statement("en").is_ != about.statement("nl").is_


def test_the_statement_is_complete_in_both_languages() -> None:
    for lang in ("nl", "en"):
        text = about.as_text(lang)
        for fact in ("CCV", "112", "0900-8844", "Ondersteuningsteam Weerbaar Bestuur", "2024"):
            assert fact in text, (lang, fact)
    assert about.as_text("nl") != about.as_text("en")


def test_the_help_menu_opens_the_dialog_by_keyboard(window: MainWindow, qtbot) -> None:
    window.show()
    assert window.help_menu.title().replace("&", "") == "Hulp"
    assert "&" in window.help_menu.title()  # Alt+letter opens it
    assert "&" in window.about_action.text()
    assert window.menuBar().actions()[-1] is window.help_menu.menuAction()
    shown: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        shown.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.about_action.trigger()
    assert shown == ["Over Zelfscan"]


def test_the_start_screen_says_briefly_what_zelfscan_is(window: MainWindow, qtbot) -> None:
    start = window.start
    assert start.about_text.text() == about.statement("nl").short
    assert start.about_button.focusPolicy() != 0  # reachable with Tab
    shown: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        shown.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_it)
    start.about_button.click()
    assert shown == ["Over Zelfscan"]
    window.set_language("en")
    assert start.about_text.text() == about.statement("en").short
