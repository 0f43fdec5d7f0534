"""Autosave for the vault: one background writer, coalesced, debounced, backed off.

Before, every keystroke in a note saved the whole vault on the GUI thread (17 characters:
17 saves, 34 fsyncs), and a vault held open by a virus scanner froze the window for ~0.75 s
per answer with a modal "Niet opgeslagen". Now:

* **Off the GUI thread.** The vault is encrypted on the GUI thread (it is in memory there
  and takes well under a millisecond); writing, fsync and the Windows rename retries run on
  one worker thread (``QThreadPool`` with one thread): at most one save in flight.
* **Coalescing, newest wins.** A change while a save is in flight does not queue a second
  copy of old state: when the save lands, one more save of the then-current state follows.
* **Memory first.** The controller puts every change into the vault's memory at once (cheap);
  only the encrypting and writing wait. So clearing or locking a session never loses a
  change that was still waiting for its save.
* **Debounce for typing.** Text answers save :data:`DEBOUNCE_MS` after the last keystroke,
  and at the latest :data:`MAX_WAIT_MS` after the first unsaved one while typing goes on.
  Choices, action-plan marks and page moves save at once. So an answer is on disk at most
  ~4 s after it was typed (reliability goal 18 allows 5), usually within 1 s.
* **Failure is not a dialog.** The banner (:mod:`zelfscan.gui.widgets.save_banner`) says
  what is wrong, once per kind of failure, with "Opnieuw proberen"; meanwhile the autosaver
  retries by itself after 2, 4, 8 ... 60 s. The encrypted image that failed is kept, so a
  retry can even write it after the window was locked and the key dropped.
* **A warning is not a failure.** A backup that could not be updated, or a folder fsync the
  volume refused after the rename, is logged; the save counts as done.
* **Quit waits, bounded.** :meth:`Autosaver.finish` writes what is pending and waits up to
  :data:`FINISH_WAIT_MS` for the worker; the window then tells the user when it failed.

Qt timers only (no threads of our own beyond the pool); tests drive the timers by emitting
their ``timeout`` and run the worker synchronously (``workers.SyncPool``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer, Signal

from zelfscan.gui import workers
from zelfscan.i18n import current_language
from zelfscan.storage.errors import StorageError

if TYPE_CHECKING:
    from zelfscan.storage.vault import PreparedSave, Vault

log = logging.getLogger(__name__)

DEBOUNCE_MS = 1000
MAX_WAIT_MS = 4000
RETRY_FIRST_MS = 2000
RETRY_MAX_MS = 60_000
FINISH_WAIT_MS = 5000


class Autosaver(QObject):
    saved = Signal(int)
    """The change number (see :meth:`changed`) that is now on disk, and all before it."""
    failed = Signal(str)
    """A save failed (a user-facing message; once per kind until a save succeeds)."""
    recovered = Signal()
    """A save succeeded after one or more failures."""

    def __init__(
        self,
        path: Path,
        vault: Callable[[], Vault | None],
        *,
        pool: workers.Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._vault = vault
        self._pool = pool
        self._own_pool: QThreadPool | None = None
        self.change = 0
        self._pending = False
        self._in_flight: PreparedSave | None = None
        self._in_flight_change = 0
        self._unwritten: PreparedSave | None = None
        self._unwritten_change = 0
        self.failures = 0
        self._last_failure: type[BaseException] | None = None
        self.debounce = self._timer(DEBOUNCE_MS)
        self.max_wait = self._timer(MAX_WAIT_MS)
        self.retry = self._timer(RETRY_FIRST_MS)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self.flush)
        return timer

    # --- what the controller calls -------------------------------------------------------
    @property
    def idle(self) -> bool:
        """Nothing is pending, in flight or unwritten."""
        return not self._pending and self._in_flight is None and self._unwritten is None

    def changed(self, *, typing: bool = False) -> int:
        """Something to save; returns its change number. ``typing`` debounces it."""
        self.change += 1
        self._pending = True
        if typing:
            self.debounce.start()
            if not self.max_wait.isActive():
                self.max_wait.start()
        else:
            self.flush()
        return self.change

    def flush(self) -> None:
        """Start a save of the current state now, unless one is in flight (then it follows)."""
        for timer in (self.debounce, self.max_wait, self.retry):
            timer.stop()
        if self._in_flight is not None:
            return  # _done/_failed start the next one: the newest state wins
        vault = self._vault()
        if vault is not None and (self._pending or self._unwritten is not None):
            try:
                prepared = vault.prepare_save()
            except StorageError as exc:  # read-only vault: nothing written; "retry" may help
                self._pending = True
                self._report(exc)
                return
            change, self._pending, self._unwritten = self.change, False, None
        elif self._unwritten is not None:  # locked, key dropped: the encrypted image is enough
            prepared, change = self._unwritten, self._unwritten_change
        else:
            return
        from zelfscan.storage.vault import write_image

        self._in_flight, self._in_flight_change = prepared, change
        path = self.path
        workers.run_in_background(
            lambda: write_image(path, prepared),
            self._done,
            self._failed,
            pool=self._worker_pool(),
        )

    def retry_now(self) -> None:
        """The banner's "Opnieuw proberen"."""
        self.flush()

    def finish(self, wait_ms: int = FINISH_WAIT_MS) -> bool:
        """Save what is pending and wait, at most ``wait_ms``, for the worker; True when
        everything reached the disk. For quitting, locking and the crash handler."""
        deadline = time.monotonic() + wait_ms / 1000
        failures = self.failures
        self.flush()
        while self._in_flight is not None and time.monotonic() < deadline:
            self._wait_for_worker(deadline)
            if self.failures > failures:
                break  # no retry loop here; the caller tells the user
        self.debounce.stop()
        self.max_wait.stop()
        return self.idle

    def forget_unwritten(self) -> None:
        """Drop an image that could not be written (before the vault is read again)."""
        if self._unwritten is not None:
            log.warning("an unsaved vault image was dropped")
        self._unwritten = None
        self.retry.stop()

    # --- the worker's answers ------------------------------------------------------------
    def _done(self, warnings: object) -> None:
        prepared, change = self._in_flight, self._in_flight_change
        self._in_flight = None
        vault = self._vault()
        if vault is not None and prepared is not None:
            vault.commit_saved(prepared)
        if prepared is self._unwritten:
            self._unwritten = None
        if self.failures:
            self.failures = 0
            self._last_failure = None
            self.recovered.emit()
        for warning in warnings if isinstance(warnings, tuple) else ():
            log.warning("vault saved with a warning: %s", warning)
        self.saved.emit(change)
        if self._pending or self._unwritten is not None:
            self.flush()

    def _failed(self, exc: BaseException) -> None:
        prepared, change = self._in_flight, self._in_flight_change
        self._in_flight = None
        if prepared is not None:
            self._unwritten, self._unwritten_change = prepared, change
        self.failures += 1
        self._report(exc)
        delay = min(RETRY_FIRST_MS * 2 ** (self.failures - 1), RETRY_MAX_MS)
        self.retry.setInterval(delay)
        self.retry.start()

    def _report(self, exc: BaseException) -> None:
        log.warning("vault save failed: %s", type(exc).__name__)
        if type(exc) is self._last_failure:
            return  # said once, not after every answer
        self._last_failure = type(exc)
        from zelfscan.gui.save_errors import vault_save_problem

        fallback = exc.message(current_language()) if isinstance(exc, StorageError) else ""
        self.failed.emit(vault_save_problem(exc, fallback))

    # --- the worker ------------------------------------------------------------------------
    def _worker_pool(self) -> workers.Pool:
        if self._pool is not None:
            return self._pool
        default = workers.current_default_pool()
        if default is not None:
            return default
        if self._own_pool is None:
            self._own_pool = QThreadPool(self)
            self._own_pool.setMaxThreadCount(1)
        return self._own_pool

    def _wait_for_worker(self, deadline: float) -> None:
        pool = self._worker_pool()
        if isinstance(pool, QThreadPool):
            pool.waitForDone(max(1, int((deadline - time.monotonic()) * 1000)))
        # The worker's result travels to this thread as a queued call: deliver it now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
