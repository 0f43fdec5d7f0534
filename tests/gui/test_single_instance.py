"""One running Zelfscan per vault (reliability goal 23): a second window hears "already open"
and can still scan in memory, the vault frees up at exit and "alles wissen", Ctrl+L keeps it,
and a lock left by a killed process is taken over without a word."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from zelfscan.gui.dialogs.passphrase import PassphraseDialog
from zelfscan.gui.dialogs.saved_scans import SavedScansDialog
from zelfscan.gui.dialogs.wipe import WipeDialog
from zelfscan.gui.session import StorageChoice
from zelfscan.gui.vault.controller import VaultController
from zelfscan.gui.vault.file_lock import VaultInUse, VaultLock, lock_path
from zelfscan.storage.atomic import TEMP_PREFIX, TEMP_SUFFIX
from zelfscan.storage.errors import StorageIOError
from zelfscan.storage.vault import Vault
from zelfscan.userdirs import UserDirs

from .vault_helpers import (
    CHEAP,
    PASS,
    App,
    answer_profile,
    make_app,
    pause_after_typing,
    quit_app,
)

ROOT = Path(__file__).resolve().parents[2]
CANARY = "kanarie slot 4d2b"
IN_USE_NL = "Zelfscan is al geopend met deze kluis, in een ander venster. Sluit dat venster eerst."


def resume_first(dialog: QDialog) -> int:
    assert isinstance(dialog, SavedScansDialog)
    dialog.list.setCurrentRow(0)
    dialog.resume_button.click()
    return dialog.result()


def new_scan(dialog: QDialog) -> int:
    assert isinstance(dialog, SavedScansDialog)
    dialog.new_button.click()
    return dialog.result()


def open_with_a_scan(app: App) -> None:
    """The first window: create the vault and answer, so there is something to overwrite."""
    app.driver.passphrase()
    app.start_vault_scan()
    answer_profile(app)
    app.window.session.set_answer("toelichting", CANARY)
    pause_after_typing(app)
    assert app.privacy.controller.instance_lock.held


def test_a_second_window_is_told_and_can_still_scan_in_memory(
    qtbot, mini, dirs: UserDirs, app: App
) -> None:
    open_with_a_scan(app)
    vault_bytes = dirs.vault_file.read_bytes()
    second = make_app(qtbot, [mini], dirs)
    second.start_vault_scan()  # no passphrase dialog queued: asking one would fail the test
    assert second.driver.seen == []
    ((title, text),) = second.driver.messages
    assert title == "De kluis is al geopend"
    assert text.startswith(IN_USE_NL)
    assert "Alleen in het geheugen" in text
    assert second.window.wizard is None
    assert not second.privacy.controller.is_open
    assert dirs.vault_file.read_bytes() == vault_bytes  # nothing of the vault touched
    # in English too, through the same catalogue
    second.window.language_actions["en"].trigger()
    second.start_vault_scan()
    assert second.driver.messages[-1] == (
        "Vault already open",
        "Zelfscan already has this vault open in another window. Close that window first."
        "\n\nYou can still do a scan now with “Only in memory”. Then nothing is saved.",
    )
    second.window.language_actions["nl"].trigger()
    # a memory-only scan works as always
    wizard = second.window.start_scan("mini")
    assert wizard.session.storage is StorageChoice.MEMORY
    answer_profile(second)
    assert dirs.vault_file.read_bytes() == vault_bytes
    # the first window quits: now the second opens the vault and finds the scan
    quit_app(app)
    assert not lock_path(dirs.vault_file).exists()
    second.window.close_scan()
    second.driver.passphrase().then(resume_first)
    second.start_vault_scan()
    assert second.privacy.controller.is_open
    assert second.window.wizard is not None
    assert second.window.wizard.session.answer("toelichting") == CANARY


def test_a_second_controller_is_refused_with_the_message(dirs: UserDirs) -> None:
    """Controller level, and the race where both passphrase dialogs were open at once."""
    first = VaultController(dirs.vault_file, params=CHEAP)
    second = VaultController(dirs.vault_file, params=CHEAP)
    errors: list[BaseException] = []
    assert second.reserve()  # no data folder yet: nothing to hold, and nothing created
    assert not dirs.data.exists()
    first.unlock(PASS, create=True, on_done=lambda: None, on_error=errors.append)
    assert first.is_open
    assert not second.reserve()
    second.unlock(PASS, create=False, on_done=lambda: None, on_error=errors.append)
    (refused,) = errors
    assert isinstance(refused, VaultInUse)
    assert refused.message("nl") == IN_USE_NL
    assert not second.is_open
    assert not second.instance_lock.held
    first.close()
    assert not lock_path(dirs.vault_file).exists()
    second.unlock(PASS, create=False, on_done=lambda: None, on_error=errors.append)
    assert second.is_open
    assert len(errors) == 1
    second.close()


def test_the_passphrase_dialog_says_it_when_another_window_got_there_first(
    qtbot, mini, dirs: UserDirs, app: App
) -> None:
    second = make_app(qtbot, [mini], dirs)
    shown: list[str] = []

    def first_window_creates_meanwhile(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        app.driver.passphrase()
        app.start_vault_scan()  # the other window makes the vault while this dialog is open
        dialog.first.setText(PASS)
        dialog.second.setText(PASS)
        dialog.ok.click()
        shown.append(dialog.error.text())
        dialog.reject()
        return dialog.result()

    second.driver.then(first_window_creates_meanwhile)
    second.start_vault_scan()
    assert shown == [IN_USE_NL]
    assert not second.privacy.controller.is_open
    assert app.privacy.controller.is_open
    assert app.privacy.controller.instance_lock.held


def test_locking_the_window_keeps_the_vault_for_this_window(
    qtbot, mini, dirs: UserDirs, app: App
) -> None:
    open_with_a_scan(app)
    qtbot.keyClick(app.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.privacy.lock.locked
    assert not app.privacy.controller.is_open  # the key is gone ...
    assert app.privacy.controller.instance_lock.held  # ... the claim on the vault is not
    second = make_app(qtbot, [mini], dirs)
    second.start_vault_scan()
    assert second.driver.messages[-1][1].startswith(IN_USE_NL)
    app.driver.passphrase("verkeerd wachtwoord")  # a failed try keeps the lock as well
    app.privacy.lock.screen.button.click()
    assert app.privacy.controller.instance_lock.held
    app.driver.passphrase()
    app.privacy.lock.screen.button.click()
    assert not app.privacy.lock.locked
    assert app.window.wizard is not None
    assert app.window.wizard.session.answer("toelichting") == CANARY


def test_a_cancelled_passphrase_gives_the_lock_back(dirs: UserDirs, app: App) -> None:
    Vault.create(dirs.vault_file, PASS, params=CHEAP)
    app.driver.then(lambda d: (d.reject(), d.result())[1])
    app.start_vault_scan()
    assert not app.privacy.controller.instance_lock.held
    assert not lock_path(dirs.vault_file).exists()


def test_the_lock_file_is_owner_only_and_holds_no_answers(dirs: UserDirs, app: App) -> None:
    open_with_a_scan(app)
    path = lock_path(dirs.vault_file)
    assert path.parent == dirs.vault_file.parent
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == str(os.getpid())  # pid, process name, host, machine and boot ids
    assert CANARY not in path.read_text(encoding="utf-8")
    assert "raadslid" not in path.read_text(encoding="utf-8")
    if os.name == "posix":  # even with the test's umask 022
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def confirm_wipe(dialog: QDialog) -> int:
    assert isinstance(dialog, WipeDialog)
    dialog.go.click()
    return QDialog.DialogCode.Accepted


def test_alles_wissen_waits_for_the_other_window_then_removes_the_lock(
    qtbot, mini, dirs: UserDirs, app: App
) -> None:
    open_with_a_scan(app)
    second = make_app(qtbot, [mini], dirs)
    outcome: list[str] = []

    def wipe(dialog: QDialog) -> int:
        assert isinstance(dialog, WipeDialog)
        dialog.go.click()
        outcome.append(dialog.outcome.text())
        assert dialog.go.isVisibleTo(dialog)  # nothing happened: the user can try again later
        dialog.reject()
        return dialog.result()

    second.driver.then(wipe)
    second.privacy.wipe_action.trigger()
    assert outcome == [IN_USE_NL + " Er is niets gewist."]
    assert dirs.vault_file.exists()
    assert app.privacy.controller.instance_lock.held
    assert app.open_vault().scans("mini")[0].answers["toelichting"] == CANARY
    # the window that has the vault open can wipe: vault, lock file and data folder go
    assert lock_path(dirs.vault_file).exists()
    app.driver.then(confirm_wipe)
    app.privacy.wipe_action.trigger()
    assert not lock_path(dirs.vault_file).exists()
    assert not dirs.data.exists()
    assert not app.privacy.controller.instance_lock.held
    # and now the second window may make a new vault
    second.driver.passphrase()
    second.start_vault_scan()
    assert second.privacy.controller.is_open


def test_temp_files_wait_for_the_lock_holder(qtbot, mini, dirs: UserDirs, app: App) -> None:
    """Start-up leaves temp files alone while a lock file says someone may be saving."""
    Vault.create(dirs.vault_file, PASS, params=CHEAP)
    temp = dirs.data / f"{TEMP_PREFIX}busy{TEMP_SUFFIX}"
    temp.write_bytes(b"half a save")
    other = VaultLock(dirs.vault_file)
    assert other.acquire()
    make_app(qtbot, [mini], dirs)
    assert temp.exists()
    other.release()
    app.driver.passphrase().then(new_scan)
    app.start_vault_scan()
    assert app.privacy.controller.is_open
    assert not temp.exists()  # the new lock holder cleaned up


HOLD_LOCK = (
    "import sys; from pathlib import Path; from zelfscan.gui.vault.file_lock import VaultLock\n"
    "lock = VaultLock(Path(sys.argv[1]))\n"
    "print('locked' if lock.acquire() else 'refused', flush=True)\n"
    "sys.stdin.read()\n"  # hold it until killed
)


def test_a_lock_left_by_a_killed_process_is_taken_over(dirs: UserDirs, app: App) -> None:
    Vault.create(dirs.vault_file, PASS, params=CHEAP)
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(dirs.vault_file)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )  # fmt: skip
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        # while it lives, another process really is refused
        assert not VaultController(dirs.vault_file, params=CHEAP).reserve()
    finally:
        child.kill()  # SIGKILL: no clean-up of any kind
        child.wait()
        if child.stdin is not None:
            child.stdin.close()
        if child.stdout is not None:
            child.stdout.close()
    path = lock_path(dirs.vault_file)
    assert path.read_text(encoding="utf-8").splitlines()[0] == str(child.pid)  # left behind
    app.driver.passphrase().then(new_scan)
    app.start_vault_scan()
    assert app.driver.messages == []  # no prompt, no "already open"
    assert app.privacy.controller.is_open
    assert path.read_text(encoding="utf-8").splitlines()[0] == str(os.getpid())


def test_a_lock_that_can_not_be_made_gets_the_storage_message(dirs: UserDirs, app: App) -> None:
    """No traceback when the lock file can not be created (here: "data" is a file)."""
    dirs.data.parent.mkdir(parents=True, exist_ok=True)
    dirs.data.write_bytes(b"")
    with pytest.raises(StorageIOError):
        VaultLock(dirs.vault_file).acquire()
    shown: list[str] = []

    def try_create(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        dialog.first.setText(PASS)
        dialog.second.setText(PASS)
        dialog.ok.click()
        shown.append(dialog.error.text())
        dialog.reject()
        return dialog.result()

    app.driver.then(try_create)
    app.start_vault_scan()
    assert shown == [StorageIOError().message("nl")]
    assert not app.privacy.controller.is_open


def _left_by_a_killed_holder(dirs: UserDirs) -> Path:
    """A lock file written by a process that was then killed (its native lock is gone)."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(dirs.vault_file)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()
    return lock_path(dirs.vault_file)


def _name_pid(path: Path, pid: int, written: float) -> None:
    """Point the lock at ``pid`` (a process with the same program name: python), written at
    ``written`` (seconds since the epoch), as if the killed holder's id had been reused."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([str(pid), *lines[1:]]) + "\n", encoding="utf-8")
    os.utime(path, (written, written))


@pytest.fixture
def same_named_process() -> object:
    """A live process with the holder's program name (python), started now."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    yield child
    child.kill()
    child.wait()
    if child.stdin is not None:
        child.stdin.close()


def test_a_reused_process_id_does_not_keep_the_vault_locked(
    dirs: UserDirs, same_named_process: subprocess.Popen[bytes]
) -> None:
    """Simulated pid reuse: Qt alone calls this lock live (pid alive, same program name); the
    process started an hour after the lock was written, so it is not the holder."""
    from zelfscan.procinfo import process_start_time

    Vault.create(dirs.vault_file, PASS, params=CHEAP)
    path = _left_by_a_killed_holder(dirs)
    started = process_start_time(same_named_process.pid)
    assert started is not None
    _name_pid(path, same_named_process.pid, written=started - 3600)
    lock = VaultLock(dirs.vault_file)
    assert lock.acquire()
    assert path.read_text(encoding="utf-8").splitlines()[0] == str(os.getpid())
    lock.release()


def test_a_live_holder_that_started_before_its_lock_is_still_refused(
    dirs: UserDirs, same_named_process: subprocess.Popen[bytes]
) -> None:
    from zelfscan.procinfo import process_start_time

    Vault.create(dirs.vault_file, PASS, params=CHEAP)
    path = _left_by_a_killed_holder(dirs)
    started = process_start_time(same_named_process.pid)
    assert started is not None
    _name_pid(path, same_named_process.pid, written=started + 5)  # a lock it could have made
    assert not VaultLock(dirs.vault_file).acquire()
    assert path.read_text(encoding="utf-8").splitlines()[0] == str(same_named_process.pid)
