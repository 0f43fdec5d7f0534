"""Shared helpers for the vault, lock and wipe GUI tests: a real window with privacy installed
(cheap KDF parameters, injected per controller) and a driver that answers dialogs in order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from zelfscan.core.model import Questionnaire
from zelfscan.gui.dialogs.passphrase import PassphraseDialog
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.privacy import Privacy, install
from zelfscan.gui.session import StorageChoice
from zelfscan.storage.crypto import KdfParams
from zelfscan.storage.vault import Vault
from zelfscan.userdirs import UserDirs

CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)
PASS = "blauwe fiets rijdt snel"  # noqa: S105 (test fixture)
PROFILE = {"rol": "raadslid", "woning": "huis", "kinderen": "nee"}


@dataclass
class Driver:
    """Plays the user in modal dialogs: each queued step handles the next dialog shown."""

    steps: list[Callable[[QDialog], int]] = field(default_factory=list)
    seen: list[QDialog] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)
    quit_questions: int = 0
    """How often quitting asked "quit without saving?" (answered yes: the test ends)."""

    def confirm_quit(self) -> bool:
        self.quit_questions += 1
        return True

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if not self.steps:
            raise AssertionError(f"unexpected dialog {type(dialog).__name__}")
        return self.steps.pop(0)(dialog)

    def passphrase(self, text: str = PASS, confirm: str | None = None) -> Driver:
        def step(dialog: QDialog) -> int:
            assert isinstance(dialog, PassphraseDialog)
            dialog.first.setText(text)
            dialog.second.setText(text if confirm is None else confirm)
            dialog.ok.click()
            return dialog.result()

        self.steps.append(step)
        return self

    def then(self, step: Callable[[QDialog], int]) -> Driver:
        self.steps.append(step)
        return self


@dataclass
class App:
    window: MainWindow
    privacy: Privacy
    driver: Driver
    dirs: UserDirs

    @property
    def flow(self):
        return self.privacy.flow

    def start_vault_scan(self, qid: str = "mini") -> None:
        self.window.start.storage_buttons[StorageChoice.VAULT].setChecked(True)
        card = next(c for c in self.window.start.cards if c.questionnaire.id == qid)
        card.button.click()

    def open_vault(self) -> Vault:
        """Read the file as a second program would, through the storage API."""
        return Vault.open(self.dirs.vault_file, PASS, params=CHEAP)


@contextmanager
def restored_logging() -> Iterator[None]:
    """privacy.install replaces the root handlers; give pytest its own back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        for handler in handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(level)


def make_app(
    qtbot: object, questionnaires: list[Questionnaire], dirs: UserDirs, **kw: object
) -> App:
    window = MainWindow(questionnaires, training=bool(kw.get("training", False)))
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(900, 700)
    window.show()
    features = install(window, dirs, training=bool(kw.get("training", False)), params=CHEAP)
    driver = Driver()
    features.flow.exec_dialog = driver
    features.flow.inform = lambda title, text: driver.messages.append((title, text))
    features.confirm_quit_unsaved = driver.confirm_quit
    return App(window, features, driver, dirs)


def quit_app(app: App) -> None:
    """What quitting does to the vault: ``aboutToQuit`` closes it and gives its lock back.

    The test process keeps running, so a "next start" is another :func:`make_app` on the same
    folder; without this the first window would still hold the vault lock (as a live app does).
    """
    app.window.close_scan()
    instance = QCoreApplication.instance()
    assert instance is not None
    instance.aboutToQuit.emit()
    app.window.close()


def answer_profile(app: App) -> None:
    wizard = app.window.wizard
    assert wizard is not None
    for qid, value in PROFILE.items():
        wizard.session.set_answer(qid, value)
    wizard.next()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def pause_after_typing(app: App) -> None:
    """The user stops typing: the autosave's pause (``DEBOUNCE_MS``) runs out, as its
    timer would after a second, and the note is written (synchronously in tests)."""
    debounce = app.privacy.controller.autosaver.debounce
    if debounce.isActive():
        debounce.timeout.emit()
