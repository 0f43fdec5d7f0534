"""Everything the privacy promise needs at start-up and in the menus, in one place.

``install(window, dirs, ...)`` is the one call from ``app.py``. It

* sets up logging: redacted, to ``dirs.logs`` normally, to stderr only in training mode
  (``--training`` writes nothing to disk at all: no settings, no log, no vault);
* removes temp files a killed save left in the data folder (only when the folder exists:
  start-up must not create folders; and not while a vault lock file is there, because another
  running Zelfscan may be saving: the lock holder cleans up when it takes the lock);
* reads the settings file if there is one, and writes it only when the user changes a
  setting, so by default nothing about the user exists on disk;
* wires the vault (:mod:`zelfscan.gui.vault.flow`), the lock (:mod:`zelfscan.gui.screen_lock`),
  the emergency save of the exception hook, and the Privacy menu;
* gives the vault lock (:mod:`zelfscan.gui.vault.file_lock`) back when the app quits. It is taken
  only when the user opens the vault, so memory-only and training sessions never write one.

The encryption self-test imports ``cryptography``, which is too heavy for the start-up
budget, so it runs in the background the first time the user picks the vault option.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from zelfscan.gui.dialogs import error
from zelfscan.gui.screen_lock import LockController
from zelfscan.gui.shell import Shell
from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.vault.controller import VaultController
from zelfscan.gui.vault.file_lock import VaultInUse, lock_path
from zelfscan.gui.vault.flow import VaultFlow
from zelfscan.gui.widgets.common import plain_label
from zelfscan.gui.workers import Pool, run_in_background
from zelfscan.i18n import _, current_language
from zelfscan.logsetup import setup_logging
from zelfscan.storage.settings import Settings, load_settings, save_settings
from zelfscan.userdirs import UserDirs

if TYPE_CHECKING:
    from zelfscan.storage.crypto import KdfParams

log = logging.getLogger(__name__)


class Privacy(QObject):
    def __init__(
        self,
        window: Shell,
        dirs: UserDirs,
        *,
        training: bool,
        settings: Settings,
        params: KdfParams | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.dirs = dirs
        self.started_in_training = training
        self.settings = settings
        self.pool = pool
        self.crypto_ok: bool | None = None
        self.controller = VaultController(dirs.vault_file, params=params, pool=pool, parent=self)
        self.flow = VaultFlow(window, self.controller)
        window.use_vault(self.flow)
        self.lock = LockController(window, self.flow)
        self.lock.idle.set_minutes(settings.auto_lock_minutes)
        self.lock.locked_changed.connect(lambda _locked: self.update_availability())
        error.on_error_save(self.controller.emergency_save)
        self.controller.unlocked_changed.connect(self._start_file_log)
        self._add_save_banner()
        self.confirm_quit_unsaved: Callable[[], bool] = self._ask_quit_unsaved
        """Asked when the last save before quitting failed: True quits anyway."""
        window.add_close_check(self._may_close)
        app = QCoreApplication.instance()
        if app is not None:  # exit: the next start must find the vault free (no stale lock)
            app.aboutToQuit.connect(self.controller.close)
            app.aboutToQuit.connect(self.remember_window)
        self._build_menu()
        self._hook_window()
        self.retranslate()
        self.update_availability()

    # --- saving: a banner when it fails, a question when quitting with unsaved answers -------
    def _add_save_banner(self) -> None:
        from zelfscan.gui.widgets.save_banner import SaveBanner

        self.save_banner = SaveBanner(self.window)
        self.window.add_bar(self.save_banner)  # under the training banner
        self.controller.save_failed.connect(self.save_banner.show_problem)
        self.controller.save_recovered.connect(self.save_banner.clear)
        self.save_banner.retry.clicked.connect(self.controller.autosaver.retry_now)

    def _may_close(self) -> bool:
        """Closing the window waits for the last save; when it failed, the user decides."""
        return (
            not self.controller.is_open
            or self.controller.finish_saving()
            or self.confirm_quit_unsaved()
        )

    def _ask_quit_unsaved(self) -> bool:
        from zelfscan.gui.dialogs.common import ask_yes_no

        problem = self.save_banner.message
        return ask_yes_no(
            self.window,
            _("Not saved"),
            _(
                "Your latest answers could not be saved in the vault. If you quit now, they "
                "are lost. Choose Back to try again."
            )
            + (("\n\n" + problem) if problem else ""),
            _("&Quit without saving"),
            _("&Back"),
        )

    def _start_file_log(self, unlocked: bool) -> None:
        """Someone who keeps a vault has chosen to store things here: only then keep a log."""
        if unlocked and not self.started_in_training:
            setup_logging(self.dirs.logs)

    # --- training mode and the self-test decide whether the vault is offered ------------------
    def training(self) -> bool:
        return self.started_in_training or self.window.training

    def update_availability(self) -> None:
        usable = self.crypto_ok is not False and not self.training()
        self.flow.available = usable
        self.window.set_vault_available(usable)
        self.crypto_note.setVisible(self.crypto_ok is False)
        for action in (self.saved_action, self.export_action, self.import_action):
            action.setEnabled(usable and not self.lock.locked)

    def _on_vault_toggled(self, on: bool) -> None:
        if not on or self.crypto_ok is not None:
            return

        def check() -> None:
            from zelfscan.storage import crypto

            crypto.self_test()

        def ok(_result: object) -> None:
            self.crypto_ok = True
            self.update_availability()

        def failed(exc: BaseException) -> None:
            log.error("encryption self-test failed: %s", type(exc).__name__)
            self.crypto_ok = False
            self.update_availability()

        run_in_background(check, ok, failed, pool=self.pool)

    # --- menu ------------------------------------------------------------------------------
    def _action(self, trigger: Callable[[], None], shortcut: Shortcut | None = None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(shortcut.sequence())
        action.triggered.connect(trigger)
        self.menu.addAction(action)
        return action

    def _build_menu(self) -> None:
        window = self.window
        self.menu = QMenu(window)
        self.lock_action = self._action(self.lock.lock, Shortcut.LOCK)
        self.menu.addSeparator()
        self.saved_action = self._action(self.flow.show_saved_scans)
        self.export_action = self._action(self.flow.export)
        self.import_action = self._action(self.flow.import_)
        self.menu.addSeparator()
        self.auto_lock_action = self._action(self.choose_auto_lock)
        # The app's one preference: macOS shows it as "Instellingen…" (⌘,) in the app menu.
        self.auto_lock_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.wipe_action = self._action(self.show_wipe)
        window.add_menu(self.menu)
        self.crypto_note = plain_label(parent=window, name="cryptoNote")
        window.add_storage_note(self.crypto_note)
        self.crypto_note.setVisible(False)

    def _hook_window(self) -> None:
        window = self.window
        window.look_chosen.connect(self._user_changed_look)
        window.vault_option_toggled.connect(self._on_vault_toggled)
        window.training_changed.connect(lambda _on: self.update_availability())

    def retranslate(self) -> None:
        self.menu.setTitle(_("&Privacy"))
        for action, text in (
            (self.lock_action, _("&Lock")),
            (self.saved_action, _("&Saved scans…")),
            (self.export_action, _("&Export vault…")),
            (self.import_action, _("&Import vault…")),
            (self.auto_lock_action, _("Lock &automatically…")),
            (self.wipe_action, _("&Delete everything…")),
        ):
            action.setText(text)
        self.crypto_note.setText(
            _(
                "Saving in a vault is not available: the encryption on this laptop did not "
                "pass its self-test. Your answers stay in memory only."
            )
        )
        self.lock.retranslate()
        self.save_banner.retranslate()

    # --- settings: written only when the user changes one -------------------------------------
    def _user_changed_look(self) -> None:
        self.retranslate()
        self.update_settings(language=current_language(), text_scale=self.window.text_scale / 100)

    def update_settings(self, **changes: object) -> None:
        new = dataclasses.replace(self.settings, **changes)  # type: ignore[arg-type]
        if new == self.settings:
            return
        self.settings = new
        if self.training():
            return  # training mode writes nothing
        try:
            save_settings(self.dirs.settings_file, new)
        except OSError as exc:
            log.warning("settings not saved: %s", type(exc).__name__)

    def remember_window(self) -> None:
        """Keep the window's size and place for the next start, only when the user keeps
        settings already (a settings file exists): otherwise nothing is written (#17)."""
        if not self.dirs.settings_file.exists():
            return
        geometry = self.window.geometry()
        self.update_settings(
            window=(geometry.x(), geometry.y(), geometry.width(), geometry.height())
        )

    def choose_auto_lock(self) -> None:
        from zelfscan.gui.dialogs.auto_lock import AutoLockDialog

        dialog = AutoLockDialog(self.settings.auto_lock_minutes, self.window)
        if self.flow.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            minutes = dialog.minutes.value()
            self.lock.idle.set_minutes(minutes)
            self.update_settings(auto_lock_minutes=minutes)
        dialog.deleteLater()

    # --- alles wissen --------------------------------------------------------------------------
    def show_wipe(self) -> None:
        from zelfscan.gui.dialogs.wipe import WipeDialog

        dialog = WipeDialog(self.dirs, self.wipe, self.window)
        self.flow.exec_dialog(dialog)
        dialog.deleteLater()

    def wipe(self, include_questionnaires: bool) -> list[Path]:
        """Forget the open scan, close the vault and the log file, then delete everything.

        Refused (:class:`VaultInUse`, nothing deleted) while another running Zelfscan has the
        vault open: it would write the vault again at its next answer, so "everything" would
        not stay deleted. The lock is given back just before the delete, which removes the
        lock file and then the emptied folder with the rest.
        """
        from zelfscan.storage.wipe import WipeIncomplete, wipe_everything

        if not self.controller.reserve():
            raise VaultInUse()
        self.window.close_scan()
        lock_file = self.controller.instance_lock.path
        had_lock = lock_file.exists()
        self.controller.close()
        setup_logging(None)  # closes the log file; nothing is logged to disk after a wipe
        gone = [lock_file] if had_lock and not lock_file.exists() else []  # the dialog listed it
        try:
            return gone + wipe_everything(self.dirs, include_questionnaires=include_questionnaires)
        except WipeIncomplete as exc:
            exc.removed[:0] = gone
            raise


def _apply_settings(window: Shell, settings: Settings, *, lang: str | None) -> None:
    """The saved choices; the saved language only when ``--lang`` did not name one."""
    if lang is None and settings.language != current_language():
        window.set_language(settings.language)
    percent = round(settings.text_scale * 100)
    if not window.training and percent != window.text_scale:
        window.set_text_scale(percent)


def install(
    window: Shell,
    dirs: UserDirs,
    *,
    training: bool,
    lang: str | None = None,
    params: KdfParams | None = None,
    pool: Pool | None = None,
) -> Privacy:
    """Start-up steps and wiring (see the module docstring); returns the live object."""
    # By default nothing is written to disk: the (redacted) log file exists only for people
    # who keep a vault, from the moment it is opened (see Privacy._start_file_log).
    keeps_vault = not training and dirs.vault_file.exists()
    setup_logging(dirs.logs if keeps_vault else None)
    if not training and dirs.data.is_dir() and not lock_path(dirs.vault_file).exists():
        from zelfscan.storage.atomic import clean_stale_temp_files

        if clean_stale_temp_files(dirs.data):
            log.info("removed temp files left by an interrupted save")
    settings = Settings()
    if dirs.settings_file.exists():
        settings = load_settings(dirs.settings_file)
        _apply_settings(window, settings, lang=lang)
    return Privacy(window, dirs, training=training, settings=settings, params=params, pool=pool)
