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

Limits: a lock written by *another computer* (a vault folder on a network drive) is never
stale for this one, and a PID reused by a process with the same name counts as alive. Both
only ever refuse (the message says to close the other window); they never let two writers in.

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
            log.info("the vault is open in another process")
            return False
        raise StorageIOError(f"vault lock: {error.name}")

    def release(self) -> None:
        """Give the lock back (deletes the file); harmless when not held."""
        self._file.unlock()
