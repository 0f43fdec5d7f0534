"""Lock (Ctrl+L and idle), Alles wissen, and settings that are written only on a user change."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from zelfscan.gui.dialogs.passphrase import PassphraseDialog
from zelfscan.gui.dialogs.wipe import WipeDialog
from zelfscan.gui.session import StorageChoice
from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.vault.file_lock import lock_path
from zelfscan.logsetup import LOG_NAME
from zelfscan.storage.settings import load_settings
from zelfscan.userdirs import UserDirs, user_dirs

from .vault_helpers import App, answer_profile, files_under, make_app, restored_logging

CANARY = "kanarie lock 9c1e"


def test_lock_hides_a_memory_scan_until_unlocked(qtbot, app: App) -> None:
    window = app.window
    wizard = window.start_scan("mini")
    answer_profile(app)
    wizard.session.set_answer("toelichting", CANARY)
    assert app.privacy.lock_action.shortcut().toString() == Shortcut.LOCK.value
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.privacy.lock.locked
    assert not wizard.isVisible()
    assert app.privacy.lock.screen.isVisible()
    assert CANARY not in window.windowTitle()
    assert "raadslid" not in window.windowTitle()
    assert not window.new_action.isEnabled()  # no way around the lock screen
    assert window.session is not None  # memory-only: nothing else holds the answers
    app.privacy.lock.screen.button.click()
    assert wizard.isVisible()
    assert wizard.session.answer("toelichting") == CANARY
    assert window.new_action.isEnabled()


def test_locking_a_vault_scan_drops_it_and_the_passphrase_brings_it_back(app: App) -> None:
    app.driver.passphrase()
    app.start_vault_scan()
    answer_profile(app)
    app.window.session.set_answer("toelichting", CANARY)
    app.privacy.lock_action.trigger()
    assert app.window.session is None
    assert app.window.wizard is None
    assert not app.privacy.controller.is_open  # key dropped
    assert app.privacy.lock.screen.isVisible()
    app.driver.passphrase("verkeerd wachtwoord")
    app.privacy.lock.screen.button.click()
    assert app.privacy.lock.locked
    app.driver.passphrase()
    app.privacy.lock.screen.button.click()
    assert not app.privacy.lock.locked
    wizard = app.window.wizard
    assert wizard is not None
    assert wizard.isVisible()
    assert wizard.currentPage().objectName() == "section-thuis"
    assert wizard.session.answer("toelichting") == CANARY
    # a vault user keeps a log file: it has lines, and none of them holds the note
    logging.getLogger("zelfscan.test").warning("vault session check")
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = (app.dirs.logs / LOG_NAME).read_text(encoding="utf-8")
    assert "vault session check" in log_text
    assert CANARY not in log_text


def test_auto_lock_after_idle_time(qtbot, app: App) -> None:
    app.window.start_scan("mini")
    assert app.privacy.settings.auto_lock_minutes == 10
    assert app.privacy.lock.idle.timer.interval() == 10 * 60_000
    app.privacy.lock.idle.set_interval_ms(20)
    qtbot.waitUntil(lambda: app.privacy.lock.locked, timeout=5000)
    assert not app.window.wizard.isVisible()


def test_auto_lock_minutes_are_configurable_and_saved(app: App, dirs: UserDirs) -> None:
    def choose_three(dialog: QDialog) -> int:
        dialog.minutes.setValue(3)  # type: ignore[attr-defined]
        dialog.accept()
        return dialog.result()

    app.driver.then(choose_three)
    app.privacy.auto_lock_action.trigger()
    assert app.privacy.lock.idle.timer.interval() == 3 * 60_000
    assert load_settings(dirs.settings_file).auto_lock_minutes == 3


def test_settings_are_written_only_when_the_user_changes_one(
    qtbot, mini, dirs: UserDirs, app: App
) -> None:
    assert not dirs.settings_file.exists()
    app.window.language_actions["en"].trigger()
    assert load_settings(dirs.settings_file).language == "en"
    app.window.size_actions[150].trigger()
    assert load_settings(dirs.settings_file).text_scale == 1.5
    assert app.privacy.menu.title() == "&Privacy"
    app.window.language_actions["nl"].trigger()
    # a new app session starts with the saved text size
    again = make_app(qtbot, [mini], dirs)
    assert again.window.text_scale == 150


def test_training_mode_writes_nothing(qtbot, mini, tmp_path: Path) -> None:
    home = user_dirs(tmp_path / "training-home")
    with restored_logging():
        app = make_app(qtbot, [mini], home, training=True)
        assert not app.window.start.storage_buttons[StorageChoice.VAULT].isEnabled()
        app.window.language_actions["en"].trigger()
        app.window.size_actions[200].trigger()
        app.window.start_scan("mini")
        answer_profile(app)
        app.window.language_actions["nl"].trigger()
    assert not lock_path(home.vault_file).exists()  # no vault, so no vault lock either
    assert not (tmp_path / "training-home").exists()


def test_alles_wissen_shows_where_and_removes_vault_settings_and_logs(
    app: App, dirs: UserDirs
) -> None:
    app.driver.passphrase()
    app.start_vault_scan()
    answer_profile(app)
    app.window.language_actions["en"].trigger()
    app.window.language_actions["nl"].trigger()
    own = dirs.questionnaires / "eigen.yaml"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text("# mijn gemeente\n", encoding="utf-8")
    # The log file appears with the first record (it is not created or held open at start).
    logging.getLogger("zelfscan.test").warning("something worth a log line")
    before = files_under(dirs.home)
    assert dirs.vault_file in before
    assert dirs.settings_file in before
    assert dirs.logs / LOG_NAME in before
    assert lock_path(dirs.vault_file) in before  # held while this window has the vault
    shown: dict[str, str] = {}

    def confirm(dialog: QDialog) -> int:
        assert isinstance(dialog, WipeDialog)
        assert dialog.cancel.isDefault()
        shown["where"] = dialog.where.toPlainText()
        shown["delete"] = dialog.delete_list.toPlainText()
        shown["keep"] = dialog.keep_list.toPlainText()
        dialog.go.click()
        shown["result"] = dialog.outcome.text()
        shown["removed"] = dialog.delete_list.toPlainText()
        return QDialog.DialogCode.Accepted

    app.driver.then(confirm)
    app.privacy.wipe_action.trigger()
    for folder in (dirs.config, dirs.data, dirs.logs):
        assert str(folder) in shown["where"]
    for path in (dirs.vault_file, dirs.settings_file, dirs.logs / LOG_NAME):
        assert str(path) in shown["delete"]
        assert str(path) in shown["removed"]
        assert not path.exists()
    assert str(lock_path(dirs.vault_file)) in shown["delete"]
    assert str(lock_path(dirs.vault_file)) in shown["removed"]
    assert not lock_path(dirs.vault_file).exists()
    assert not app.privacy.controller.instance_lock.held
    assert str(own) in shown["keep"]
    assert own.exists()
    assert shown["result"].startswith("Klaar.")
    assert files_under(dirs.home) == [own]
    assert app.window.session is None
    assert not app.privacy.controller.is_open
    # after the wipe the passphrase dialog makes a new vault
    app.driver.then(lambda d: (isinstance(d, PassphraseDialog) and d.mode.value, 0)[1])
    app.start_vault_scan()
    assert app.driver.seen[-1].mode.value == "create"  # type: ignore[attr-defined]
