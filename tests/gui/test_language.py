"""Dutch by default, English complete, and switching re-labels the open window."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWizard

from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.wizard import ScanWizard

LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale" / "nl" / "LC_MESSAGES"


def test_switching_language_relabels_the_open_window(
    window: MainWindow, wizard: ScanWizard
) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    page = wizard.currentPage()
    assert next_button.text() == "&Volgende >"
    assert page.heading.text() == "Over u"
    window.set_language("en")
    assert next_button.text() == "&Next >"
    assert page.heading.text() == "About you"
    assert page.questions["rol"].buttons["raadslid"].text() == "Council member"
    assert page.progress_label.text().startswith("Step 1 of ")
    window.set_language("nl")
    assert next_button.text() == "&Volgende >"
    assert page.questions["rol"].buttons["raadslid"].text() == "Raadslid"


def test_start_screen_relabels(window: MainWindow) -> None:
    assert window.start.privacy.title() == "Uw privacy"
    window.set_language("en")
    assert window.start.privacy.title() == "Your privacy"
    assert window.language_actions["en"].isChecked()


def test_every_gui_message_has_a_dutch_translation() -> None:
    """The committed .po is complete and compiled (see the report for the commands)."""
    po = (LOCALE / "gui.po").read_text(encoding="utf-8")
    assert (LOCALE / "gui.mo").stat().st_mtime >= 0
    empty = re.findall(r'msgid "(.+)"\nmsgstr ""\n\n', po)
    assert empty == []
    assert "#, fuzzy\n" not in po
