"""Bind one :class:`ScanSession` to the encrypted vault: unlock, autosave, resume, compare.

The session keeps the one answers dict; this controller only *listens* (``answer_changed``,
``plan_changed``, the wizard's page changes), puts a snapshot into the vault's memory each
time and hands the writing to :class:`~zelfscan.gui.vault.autosave.Autosaver` (a worker thread,
debounced for typing, retried on failure). Only unlocking pays for Argon2id, and that runs
through :func:`run_in_background`.

Widget-free on purpose (dialogs live in :mod:`zelfscan.gui.vault.flow`), so the logic can be
tested with a plain session. ``params`` is the injectable KDF cost: tests pass cheap values,
production leaves it ``None`` (the storage layer's defaults). There is no global switch.

Opening the vault also takes its lock (:mod:`zelfscan.gui.vault.file_lock`), so a second running
Zelfscan can not open the same vault and overwrite this one's answers. The lock stays with
this process until :meth:`VaultController.close` (exit, "alles wissen"); see that module for
why locking the window (Ctrl+L) keeps it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from zelfscan.gui.session import ScanSession
from zelfscan.gui.vault.file_lock import VaultInUse, VaultLock
from zelfscan.gui.workers import Pool, run_in_background
from zelfscan.i18n import current_language
from zelfscan.storage.errors import StorageError, StorageIOError
from zelfscan.userdirs import ensure

if TYPE_CHECKING:
    from zelfscan.storage.content import Scan
    from zelfscan.storage.crypto import KdfParams
    from zelfscan.storage.vault import ImportResult, Vault

log = logging.getLogger(__name__)

REVIEW_POSITION = "review"
RESULTS_POSITION = "results"


@dataclass(frozen=True)
class Resumed:
    """What the user should hear after a resume: the questions to answer (again)."""

    updated_content: bool
    """The saved scan was made with an older content version."""
    to_answer: tuple[str, ...]


def _stored(value: object) -> str | list[str]:
    return value if isinstance(value, str) else [str(v) for v in value]  # type: ignore[attr-defined]


class VaultController(QObject):
    """The open vault (if any) and the scan the current session writes to."""

    unlocked_changed = Signal(bool)
    save_failed = Signal(str)
    """A user-facing message: the disk refused a save (the previous file was kept); told
    once per kind of failure, and the autosaver keeps retrying (:mod:`.autosave`)."""
    save_recovered = Signal()
    """A save succeeded after failures: the banner can go."""
    notice = Signal(str)
    """A user-facing message after opening: the vault opened, but something was found."""

    def __init__(
        self,
        path: Path,
        *,
        params: KdfParams | None = None,
        pool: Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.params = params
        self.pool = pool
        self.vault: Vault | None = None
        self.session: ScanSession | None = None
        self.scan: Scan | None = None
        self._in_vault = False
        self.busy = False
        self.instance_lock = VaultLock(path)
        self._claimed = False
        """This process has opened the vault (since the last close): the lock is ours to keep."""
        from zelfscan.gui.vault.autosave import Autosaver

        self.autosaver = Autosaver(path, lambda: self.vault, pool=pool, parent=self)
        """Writes the vault on a worker thread: debounced, coalesced, retried."""
        self.autosaver.failed.connect(self.save_failed)
        self.autosaver.recovered.connect(self.save_recovered)

    # --- the vault itself -----------------------------------------------------------------
    @property
    def exists(self) -> bool:
        return self.path.exists()

    @property
    def backup_exists(self) -> bool:
        from zelfscan.storage.atomic import backup_path

        return backup_path(self.path).exists()

    @property
    def backup_only(self) -> bool:
        """The vault file is gone but its backup is there: restore it, never make a new one."""
        return not self.exists and self.backup_exists

    @property
    def is_open(self) -> bool:
        return self.vault is not None

    def _kdf(self) -> dict[str, Any]:
        return {} if self.params is None else {"params": self.params}

    def unlock(
        self,
        passphrase: str,
        *,
        create: bool,
        from_backup: bool = False,
        on_done: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Create or open the vault off the GUI thread (Argon2id is slow on purpose).

        First the vault lock is taken (on this thread, before any file is read or written):
        when another running Zelfscan holds it, ``on_error`` gets :class:`VaultInUse`.
        """
        path, kdf = self.path, self._kdf()
        # What a locked window could not write yet goes first; what still fails is dropped,
        # since the file about to be read is what the user gets back (the banner said so).
        if not self.autosaver.finish():
            self.autosaver.forget_unwritten()
        try:
            if create:
                ensure(path.parent)
            if not self._take_lock():
                on_error(VaultInUse())
                return
        except StorageError as exc:  # the lock file could not be made (no access, disk full)
            on_error(exc)
            return
        except OSError as exc:
            on_error(StorageIOError(type(exc).__name__))
            return

        def job() -> Vault:
            from zelfscan.storage.vault import Vault

            if create:
                return Vault.create(path, passphrase, **kdf)
            return Vault.open(path, passphrase, from_backup=from_backup, **kdf)

        def done(vault: object) -> None:
            self.busy = False
            self.vault = vault  # type: ignore[assignment]
            self._claimed = True
            if from_backup or self.vault.dirty:  # type: ignore[union-attr]
                self._write()  # repair the main file / upgrade the KDF, in the background
            self.unlocked_changed.emit(True)
            on_done()
            notice = self.vault.notice if self.vault is not None else None
            if notice is not None:
                self.notice.emit(notice.message(current_language()))

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.release_unless_open()
            on_error(exc)

        self.busy = True
        run_in_background(job, done, failed, pool=self.pool)

    def lock(self) -> None:
        """Save what is bound, then drop the key and the decrypted scans from memory.

        The vault lock is kept: this window still owns the vault and resumes its scan after
        the passphrase, so another window must not open it meanwhile (see :meth:`close`).
        The last save is waited for (bounded); if it can not be written now, its encrypted
        image is kept and retried while locked (no key needed for that).
        """
        self.save_now()
        self.autosaver.finish()
        self.detach()
        if self.vault is not None:
            self.vault.close()
        self.vault = None
        self.unlocked_changed.emit(False)

    # --- one running Zelfscan per vault ----------------------------------------------------
    def _take_lock(self) -> bool:
        """Take the vault lock (the folder must exist); ``False``: another process has it.

        The first time, temp files a killed save left next to the vault are removed: only the
        lock holder writes there, so none of them can belong to a live save.
        """
        if self.instance_lock.held:
            return True
        if not self.instance_lock.acquire():
            return False
        from zelfscan.storage.atomic import clean_stale_temp_files

        if clean_stale_temp_files(self.path.parent):
            log.info("removed temp files left by an interrupted save")
        return True

    def reserve(self) -> bool:
        """Take the lock before the passphrase is asked, so a second window hears it at once.

        ``False`` when another running Zelfscan holds it. Without a data folder nobody can
        hold it and nothing is created here (:meth:`unlock` makes the folder when it creates
        the vault). A lock that can not be written is left for :meth:`unlock` to report.
        """
        if self.instance_lock.held or not self.path.parent.is_dir():
            return True
        try:
            return self._take_lock()
        except (StorageError, OSError):
            return True

    def release_unless_open(self) -> None:
        """Give the lock back when this process never got the vault open (a cancelled dialog)."""
        if self.vault is None and not self._claimed:
            self.instance_lock.release()

    def finish_saving(self) -> bool:
        """Before quitting: write what is pending and wait for it (bounded). True when all of
        it is on disk; the window asks the user what to do otherwise."""
        self.save_now()
        return self.autosaver.finish()

    def close(self) -> None:
        """At exit and before "alles wissen": save what is pending (bounded wait), drop the
        key and the scans, then give the lock back.

        The window asked the user already when the last save failed (:meth:`finish_saving`);
        here the outcome is only logged. The scan is detached first, so nothing writes to
        the vault after the lock is gone.
        """
        was_open = self.vault is not None
        if was_open and not self.finish_saving():
            log.warning("quitting with changes that could not be saved")
        self.autosaver.forget_unwritten()
        self.detach()
        if self.vault is not None:
            self.vault.close()
        self.vault = None
        self._claimed = False
        self.instance_lock.release()
        if was_open:
            self.unlocked_changed.emit(False)

    def scans(self, questionnaire_id: str | None = None) -> list[Scan]:
        """Saved scans, newest first (the list the user picks from)."""
        if self.vault is None:
            return []
        return list(reversed(self.vault.scans(questionnaire_id)))

    def delete_scan(self, scan_id: str) -> None:
        if self.vault is None:
            return
        if self.scan is not None and self.scan.id == scan_id:
            self.detach()
        self.vault.delete(scan_id)
        self._write()

    def _write(self) -> bool:
        """Save the vault as it is in memory (on the autosaver's worker); False when locked."""
        if self.vault is None:
            return False
        self.autosaver.changed()
        return True

    # --- one scan bound to the session -----------------------------------------------------
    def attach(self, session: ScanSession, scan: Scan | None = None) -> Resumed:
        """Bind ``session`` to ``scan`` (``None``: a new scan, stored at the first answer).

        Resuming loads the saved answers through ``carry_over`` (also for the same version,
        which turns stored lists back into the session's tuples) before autosave listens.
        """
        if self.vault is None:
            raise RuntimeError("vault is locked")
        from zelfscan.core.migrate import carry_over  # the model: not needed before a scan
        from zelfscan.storage.content import Scan as ScanRecord

        self.detach()
        questionnaire = session.questionnaire
        result = Resumed(False, ())
        if scan is None:
            scan = ScanRecord.new(questionnaire.id, questionnaire.version)
            self._in_vault = False
        else:
            carried = carry_over(questionnaire, scan.answers)
            session.load_answers(carried.answers)
            session.load_plan(scan.plan)
            newer = scan.version != questionnaire.version
            result = Resumed(newer, carried.to_answer if newer else ())
            self._in_vault = True
        self.session, self.scan = session, scan
        self._set_previous(session, scan.id)
        session.answer_changed.connect(self._on_answer)
        session.plan_changed.connect(self._on_change)
        session.cleared.connect(self.detach)
        return result

    def _set_previous(self, session: ScanSession, scan_id: str) -> None:
        """The last finished scan of this questionnaire, seen through the current content."""
        if self.vault is None:
            return
        old = self.vault.latest_finished(session.questionnaire.id, before=scan_id)
        if old is None:
            return
        from zelfscan.core import flow
        from zelfscan.core.evaluate import evaluate
        from zelfscan.core.migrate import carry_over

        questionnaire = session.questionnaire
        answers = carry_over(questionnaire, old.answers).answers
        session.previous = evaluate(questionnaire, flow.effective_answers(questionnaire, answers))
        # The vault does not keep the old content; with the same version the ids are exact.
        session.previous_advice_ids = tuple(a.id for a in questionnaire.advice)
        session.previous_plan = dict(old.plan)

    def detach(self) -> None:
        session = self.session
        if session is not None:
            self.autosaver.flush()  # a note still waiting for its pause: written now
            session.answer_changed.disconnect(self._on_answer)
            session.plan_changed.disconnect(self._on_change)
            session.cleared.disconnect(self.detach)
        self.session = None
        self.scan = None
        self._in_vault = False

    def _on_answer(self, question_id: str, _value: object) -> None:
        """Typing in a note saves after a pause (:data:`.autosave.DEBOUNCE_MS`); a choice
        saves at once."""
        session = self.session
        question = session.questionnaire.questions.get(question_id) if session else None
        typing = question is not None and question.type.value == "text"
        self._in_vault = True  # a scan enters the list with its first answer
        self._stage()  # in the vault's memory at once; only the write waits
        self.autosaver.changed(typing=typing)

    def _on_change(self, *_args: object) -> None:
        self._in_vault = True
        self.save_now()

    def set_position(self, position: str | None, *, finished: bool = False) -> None:
        """The wizard moved to ``position`` (a section id, "review" or "results")."""
        if self.scan is None:
            return
        self.scan = replace(self.scan, position=position, finished=self.scan.finished or finished)
        if self._in_vault:
            self.save_now()

    def snapshot(self) -> Scan | None:
        if self.session is None or self.scan is None:
            return None
        from zelfscan.storage.content import now_iso

        session = self.session
        return replace(
            self.scan,
            version=session.questionnaire.version,
            answers={k: _stored(v) for k, v in session.answers.items()},
            plan=dict(session.plan),
            updated=now_iso(),
        )

    def _stage(self) -> None:
        """Put the bound scan's current state into the vault's memory (at every change;
        the autosaver encrypts and writes what is there)."""
        scan = self.snapshot()
        if self.vault is None or scan is None or not self._in_vault:
            return
        try:
            self.vault.update(scan)
        except KeyError:  # first save of a new scan, or deleted meanwhile
            self.vault.add(scan)
        self.scan = scan

    def save_now(self) -> bool:
        """Start saving the bound scan's current state now (the write runs on the worker;
        the vault's memory holds it at once). False when there is nothing to save."""
        if self.vault is None or self.snapshot() is None or not self._in_vault:
            return False
        self._stage()
        self.autosaver.changed()
        return True

    def emergency_save(self) -> None:
        """From the exception hook: encrypted save of whatever is bound; never raises."""
        try:
            if self.session is not None and self.session.answers:
                self._in_vault = True
            self.save_now()
            self.autosaver.finish(2000)  # reliability goal 17: on disk within 2 s
        except Exception as exc:  # the hook must never fail on top of the first error
            log.error("emergency save failed: %s", type(exc).__name__)

    # --- moving between laptops ----------------------------------------------------------
    def export_to(self, path: Path) -> None:
        """Same format and passphrase as the vault; raises ``StorageError``."""
        if self.vault is None:
            raise RuntimeError("vault is locked")
        self.save_now()
        self.vault.export_to(path)

    def import_from(
        self,
        path: Path,
        passphrase: str,
        on_done: Callable[[ImportResult], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Merge another vault file (slow: its key is derived in the background)."""
        vault = self.vault
        if vault is None:
            raise RuntimeError("vault is locked")

        def done(result: object) -> None:
            self.busy = False
            self._write()
            on_done(result)  # type: ignore[arg-type]

        def failed(exc: BaseException) -> None:
            self.busy = False
            on_error(exc)

        self.busy = True
        run_in_background(lambda: vault.import_from(path, passphrase), done, failed, self.pool)
