"""Words the user reads around saving and the vault (issue #17 item 10): Qt's own file
dialog is Dutch in a Dutch app, and each language names the vault's secret one way."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.session import StorageChoice
from zelfscan.gui.start import StartScreen
from zelfscan.gui.translations import apply_language
from zelfscan.i18n import _


@pytest.mark.parametrize(
    ("lang", "look_in", "file_type"),
    [("nl", "Zoeken in:", "Bestanden van type:"), ("en", "Look in:", "Files of type:")],
)
def test_qts_own_save_dialog_speaks_the_apps_language(
    qtbot, lang: str, look_in: str, file_type: str
) -> None:  # type: ignore[no-untyped-def]
    """Where there is no system dialog, Qt's own one shows; its texts come from Qt's
    catalogue (qtbase_nl), which the app loads with the language."""
    apply_language(lang)
    dialog = QFileDialog(None, "title", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert look_in in texts
    assert file_type in texts
    dialog.close()


@pytest.mark.parametrize(("lang", "word"), [("nl", "wachtwoord"), ("en", "passphrase")])
def test_the_vault_option_and_its_dialog_use_the_same_word(
    window: MainWindow, lang: str, word: str
) -> None:
    window.set_language(lang)
    label, description = StartScreen.storage_texts(StorageChoice.VAULT)
    assert word in label.lower()
    assert word in description.lower()
    assert word in _("&Passphrase:").replace("&", "").lower()  # the passphrase dialog
    other = "passphrase" if word == "wachtwoord" else "wachtwoord"
    assert other not in (label + description).lower()


def test_the_gap_translator_leaves_every_other_text_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    """It answers "no translation" for the rest: an empty answer blanked all of Qt's texts,
    down to the words in a printed PDF."""
    from PySide6.QtCore import QCoreApplication

    apply_language("nl")
    assert QCoreApplication.translate("NoSuchContext", "Some text") == "Some text"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Zoeken in:"
