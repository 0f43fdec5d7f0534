"""Autosave on one background worker, with driven timers and pools.

No waiting on the clock: the debounce, max-wait and retry timers are fired by emitting their
``timeout``; the worker is a pool the test runs by hand (``HeldPool``), the synchronous pool,
or once the real one-thread ``QThreadPool`` that :meth:`Autosaver.finish` waits for.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable

from tests.gui.vault_helpers import App, answer_profile, pause_after_typing
from zelfscan.gui import workers
from zelfscan.gui.vault import autosave
from zelfscan.storage import atomic
from zelfscan.storage import vault as vault_module
from zelfscan.storage.atomic import TEMP_PREFIX, backup_path
from zelfscan.userdirs import UserDirs

NOTE = "zeventien tekens!"  # 17 characters, typed one by one


class HeldPool:
    """A worker that runs nothing until the test says so: a save "in flight"."""

    def __init__(self) -> None:
        self.jobs: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.jobs.append(runnable)

    def run_next(self) -> None:
        self.jobs.pop(0).run()


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts vault writes (and on which thread they ran)."""
    real = vault_module.write_image
    threads: list[int] = []

    def counting(path: Path, prepared: vault_module.PreparedSave) -> tuple[str, ...]:
        threads.append(threading.get_ident())
        return real(path, prepared)

    monkeypatch.setattr(vault_module, "write_image", counting)
    return threads


def _open_scan(app: App) -> None:
    app.driver.passphrase()
    app.start_vault_scan()
    answer_profile(app)


def _type(app: App, text: str) -> None:
    session = app.window.session
    assert session is not None
    for end in range(1, len(text) + 1):
        session.set_answer("toelichting", text[:end])


def _saved_note(app: App) -> str | None:
    answers = app.open_vault().scans("mini")[0].answers
    note = answers.get("toelichting")
    return note if isinstance(note, str) else None


def test_typing_a_note_writes_once_after_the_pause(app: App, writes: list[int]) -> None:
    _open_scan(app)
    before = len(writes)
    _type(app, NOTE)
    assert len(writes) == before  # 17 keystrokes: nothing written yet (was: 17 saves)
    assert app.privacy.controller.autosaver.debounce.interval() == autosave.DEBOUNCE_MS
    pause_after_typing(app)
    assert len(writes) == before + 1
    assert _saved_note(app) == NOTE


def test_typing_without_a_pause_is_still_written_within_the_max_wait(
    app: App, writes: list[int]
) -> None:
    """Goal 18 allows 5 s: a long note is written every MAX_WAIT_MS even while typing."""
    assert autosave.DEBOUNCE_MS < autosave.MAX_WAIT_MS < 5000
    _open_scan(app)
    saver = app.privacy.controller.autosaver
    before = len(writes)
    _type(app, "een lange")
    assert saver.max_wait.isActive()
    saver.max_wait.timeout.emit()  # 4 s of typing have passed
    assert len(writes) == before + 1
    assert _saved_note(app) == "een lange"
    _type(app, "een lange notitie")
    assert saver.debounce.isActive()  # the next pause will write the rest


def test_a_choice_is_written_at_once(app: App, writes: list[int]) -> None:
    _open_scan(app)
    session = app.window.session
    assert session is not None
    before = len(writes)
    session.set_answer("slot", "ja")
    assert len(writes) == before + 1
    assert app.open_vault().scans("mini")[0].answers["slot"] == "ja"


def test_one_save_in_flight_and_the_newest_state_wins(app: App, writes: list[int]) -> None:
    _open_scan(app)
    held = HeldPool()
    workers.set_default_pool(held)
    session = app.window.session
    assert session is not None
    session.set_answer("slot", "ja")
    session.set_answer("slot", "nee")
    session.set_answer("slot", "weet-niet")
    assert len(held.jobs) == 1  # the first save is in flight; the others wait, coalesced
    held.run_next()
    assert len(held.jobs) == 1  # exactly one follow-up save, of the newest state
    held.run_next()
    assert held.jobs == []
    assert app.open_vault().scans("mini")[0].answers["slot"] == "weet-niet"


def test_the_window_never_waits_for_the_disk(app: App, writes: list[int]) -> None:
    """With the worker held, answering returns at once and nothing ran on this thread."""
    _open_scan(app)
    held = HeldPool()
    workers.set_default_pool(held)
    before = len(writes)
    session = app.window.session
    assert session is not None
    session.set_answer("slot", "ja")
    assert len(writes) == before  # the write is queued for the worker, not done here
    held.run_next()
    assert len(writes) == before + 1


def test_a_save_runs_on_the_worker_thread_and_finish_waits_for_it(
    app: App, writes: list[int]
) -> None:
    _open_scan(app)
    workers.set_default_pool(None)  # the autosaver's own one-thread QThreadPool
    session = app.window.session
    assert session is not None
    before = len(writes)
    session.set_answer("slot", "ja")
    assert app.privacy.controller.autosaver.finish()
    assert len(writes) == before + 1
    assert writes[-1] != threading.get_ident()
    assert app.open_vault().scans("mini")[0].answers["slot"] == "ja"


def _hold_the_vault(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """A virus scanner holds vault.zsv: every rename onto it is refused (Windows)."""
    real = os.replace

    def held(src: str, dst: str | Path) -> None:
        if Path(dst) == path:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real(src, dst)

    monkeypatch.setattr(os, "replace", held)


def test_a_held_vault_shows_the_banner_retries_with_back_off_and_recovers(
    app: App, dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_scan(app)
    saver = app.privacy.controller.autosaver
    banner = app.privacy.save_banner
    told: list[str] = []
    app.privacy.controller.save_failed.connect(told.append)
    monkeypatch.setattr(sys, "platform", "win32")  # the rename's refusal as Windows gives it
    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)  # its retries, on the worker
    _hold_the_vault(monkeypatch, dirs.vault_file)
    session = app.window.session
    assert session is not None
    session.set_answer("slot", "ja")
    assert saver.retry.isActive()
    intervals = [saver.retry.interval()]
    session.set_answer("slot", "nee")  # fails too (it tries at once: newest state)
    intervals.append(saver.retry.interval())
    assert len(told) == 1  # said once, not per answer
    assert app.driver.messages == []  # no modal dialog
    assert banner.isVisibleTo(app.window)
    assert "virusscanner" in banner.label.text()
    for _ in range(5):
        saver.retry.timeout.emit()
        intervals.append(saver.retry.interval())
    assert intervals == [2000, 4000, 8000, 16000, 32000, 60000, 60000]
    monkeypatch.undo()  # the scanner lets go
    banner.retry.click()  # "Opnieuw proberen"
    assert not banner.isVisibleTo(app.window)
    assert app.open_vault().scans("mini")[0].answers["slot"] == "nee"
    leftovers = [p.name for p in dirs.data.iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert leftovers == []


def test_a_held_backup_is_no_failure(
    app: App, dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_scan(app)
    _hold_the_vault(monkeypatch, backup_path(dirs.vault_file))
    told: list[str] = []
    app.privacy.controller.save_failed.connect(told.append)
    session = app.window.session
    assert session is not None
    session.set_answer("slot", "ja")
    assert told == []
    assert not app.privacy.save_banner.isVisibleTo(app.window)
    monkeypatch.undo()
    assert app.open_vault().scans("mini")[0].answers["slot"] == "ja"
    leftovers = [p.name for p in dirs.data.iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert leftovers == []  # no temporary hard link left behind


def test_quitting_writes_the_waiting_note(app: App, writes: list[int]) -> None:
    _open_scan(app)
    _type(app, NOTE)
    assert _saved_note(app) is None
    app.window.close()  # the window's close waits for the last save (bounded)
    assert app.driver.quit_questions == 0
    assert _saved_note(app) == NOTE


def test_quitting_after_a_failed_save_asks_and_can_be_cancelled(
    app: App, dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_scan(app)
    _hold_the_vault(monkeypatch, dirs.vault_file)
    _type(app, NOTE)
    asked: list[bool] = []
    app.privacy.confirm_quit_unsaved = lambda: asked.append(True) or False  # "Terug"
    assert not app.window.close()
    assert asked == [True]
    assert app.window.isVisible()
    monkeypatch.undo()
    assert app.window.close()  # the disk is back: the note is written, no question
    assert asked == [True]
    assert _saved_note(app) == NOTE


def test_locking_while_the_disk_refuses_keeps_the_encrypted_image_and_writes_it_later(
    app: App, dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_scan(app)
    _hold_the_vault(monkeypatch, dirs.vault_file)
    session = app.window.session
    assert session is not None
    session.set_answer("slot", "ja")
    app.privacy.lock.lock()
    assert app.privacy.controller.vault is None  # the key and the answers are gone
    saver = app.privacy.controller.autosaver
    assert not saver.idle  # but the encrypted image waits
    monkeypatch.undo()
    saver.retry.timeout.emit()
    assert saver.idle
    assert app.open_vault().scans("mini")[0].answers["slot"] == "ja"
