"""One running Zelfscan per vault: an exclusive lock file next to it (``vault.zsv.lock``).

Two processes that both opened the vault would each autosave their own copy from memory, and
the last writer would silently drop the other's answers. So opening the vault (unlock or
create) takes this lock, and a second process is told "already open" instead of a passphrase.

Why the lock belongs to *opening the vault*, not to starting the app: memory-only and training
sessions promise to write nothing to disk (the tests check the home folder stays empty), and a
lock file at start-up would break that promise for the people who never chose the vault.

Why it is kept after Ctrl+L / auto-lock (which drop the key): the locked window still owns the
vault. It resumes the same scan after the passphrase, and its saved position and answers are
written again from that moment. A second window that opened the vault meanwhile would bring
back exactly the last-writer-wins conflict, now with one of the two windows hidden behind a
lock screen. So the lock is released only when this process is really done with the vault:
at exit, before "alles wissen" (which deletes the lock file with everything else), and after
a passphrase dialog that did not open it (nothing was claimed then).

Why :class:`QLockFile` rather than an own lock in :mod:`zelfscan.storage`: it already does
what the reliability goal asks (row 23) and is hard to get right by hand: it writes the PID,
the process name, the host name and the machine and boot ids, and it treats a lock whose
process is gone (``kill -9``, a crash, a reboot) as stale and takes it over by itself, guarded
by a ``.rmlock`` file so two starting processes can not both remove it. As Qt's documentation
prescribes for a lock held as long as a document is open, the stale time is set to 0: the age
of the file never counts, only a process that is gone (the default of 30 s is meant for short
operations and would declare a window that has been open for a minute stale; Qt's native file
lock on the open lock file would still stop the removal, but that should not be the only
guard). Only the GUI opens the vault (the CLI never does), so a Qt class in the GUI layer is
enough, and the storage layer stays Qt-free.

A process id reused by another program *with the same name* (``python3`` for a source
checkout, ``zelfscan`` for the bundle) looks alive to ``QLockFile``. So when it refuses, the
holder's start time is compared with the lock file's time (:mod:`zelfscan.procinfo`): the
real holder started before it wrote the lock, so a process that started later only inherited
the number, and the lock is removed through ``QLockFile.removeStaleLockFile``, which still
refuses while a live holder keeps its native file lock (``flock`` on Linux and macOS, the
open handle on Windows). When the start time can not be read, the lock stays refused.

Limits: a lock written by *another computer* (a vault folder on a network drive) is never
stale for this one. That only ever refuses (the message says to close the other window); it
never lets two writers in.

The file holds no answers and nothing about the user beyond that process information, and it
is made owner-only (0o600) whatever the umask.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from zelfscan.i18n import _
from zelfscan.storage.errors import StorageError, StorageIOError

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
FILE_MODE = 0o600
REUSE_MARGIN_S = 2.0
"""A process that started this much later than the lock was written did not write it (``ps``
gives whole seconds; file times may be rounded to two seconds on FAT)."""


def lock_path(vault_file: Path) -> Path:
    """Where the lock of ``vault_file`` lives: next to it, ``vault.zsv.lock``."""
    return vault_file.with_name(vault_file.name + LOCK_SUFFIX)


def in_use_text() -> str:
    """What a second window says when another running Zelfscan has the vault open."""
    return _("Zelfscan already has this vault open in another window. Close that window first.")


class VaultInUse(StorageError):
    """Another running Zelfscan holds the vault lock; nothing was read or written."""

    def __init__(self) -> None:
        super().__init__("the vault is open in another process")

    def message(self, lang: str = "nl") -> str:
        """In the current gettext language (the GUI's), whatever ``lang`` says."""
        return in_use_text()


class VaultLock:
    """The vault's lock for this process: :meth:`acquire` once, :meth:`release` when done."""

    def __init__(self, vault_file: Path) -> None:
        self.path = lock_path(vault_file)
        self._file = QLockFile(str(self.path))
        self._file.setStaleLockTime(0)  # held for hours: only a dead process makes it stale

    @property
    def held(self) -> bool:
        return self._file.isLocked()

    def acquire(self) -> bool:
        """Take the lock; ``False`` when another live process holds it.

        A lock left by a process that is gone is taken over without asking. The folder must
        exist. Raises :class:`StorageIOError` when the file can not be made (no access, disk
        full), so the caller shows the usual storage message instead of a traceback.
        """
        if self.held:
            return True
        left_over = self.path.exists()
        if self._file.tryLock(0):
            with contextlib.suppress(OSError):  # Windows has no mode bits to set
                os.chmod(self.path, FILE_MODE)
            if left_over:
                log.info("took over the vault lock of a process that is gone")
            return True
        error = self._file.error()
        if error == QLockFile.LockError.LockFailedError:
            if self._holder_id_was_reused() and self._take_over():
                log.info("took over the vault lock of a process id now used by another program")
                return True
            log.info("the vault is open in another process")
            return False
        raise StorageIOError(f"vault lock: {error.name}")

    def _holder_id_was_reused(self) -> bool:
        """The lock names a process of this computer that started after the lock was written."""
        from PySide6.QtCore import QSysInfo

        from zelfscan.procinfo import process_start_time

        pid, hostname, _app = self._file.getLockInfo()  # pid 0: no readable lock
        if pid <= 0 or (hostname and hostname != QSysInfo.machineHostName()):
            return False
        started = process_start_time(pid)
        try:
            written = self.path.stat().st_mtime
        except OSError:
            return False
        return started is not None and started > written + REUSE_MARGIN_S

    def _take_over(self) -> bool:
        """Remove the lock (refused while its holder still has Qt's file lock) and take it."""
        if not self._file.removeStaleLockFile():
            return False
        if self._file.tryLock(0):
            with contextlib.suppress(OSError):
                os.chmod(self.path, FILE_MODE)
            return True
        return False

    def release(self) -> None:
        """Give the lock back (deletes the file); harmless when not held."""
        self._file.unlock()
