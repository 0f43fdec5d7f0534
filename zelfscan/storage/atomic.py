"""Crash-safe file replacement (reliability.md §4).

A save must leave either the old file or the new file at the target path, never a mix or an
empty file, even when the process is killed or the disk fills up mid-write. Recipe:

1. write the bytes to a temp file in the *same* folder (same filesystem, so the rename is
   atomic), created owner-only (0o600) by ``mkstemp``, name prefix :data:`TEMP_PREFIX`;
2. flush and ``fsync`` it (``F_FULLFSYNC`` on macOS, where plain fsync may stay in the drive cache);
3. optionally keep the current file as ``<name>.bak`` (a hard link, so the target never
   disappears; a copy where hard links are not supported);
4. ``os.replace`` the temp file over the target (retried briefly on Windows, where a virus
   scanner or indexer can hold the target open);
5. ``fsync`` the folder (POSIX) so the rename itself survives a power cut.

Callers encrypt *before* calling this, so a temp file only ever holds ciphertext. A kill
between steps can leave a temp file behind; :func:`clean_stale_temp_files` removes those when
no other process can be writing: by the GUI when it takes the vault lock, and at start-up only
while no vault lock file exists.

What the operating system may refuse, and what each refusal means:

* ``F_FULLFSYNC`` refused (some network and USB volumes on macOS): the plain ``fsync`` that
  came first is the best that volume offers; the save goes on (warning ``full-fsync``).
* The folder ``fsync`` refused *after* the rename (some network shares, FUSE): the new file is
  in place and readable, so the save succeeded; only its survival of a power cut in the next
  seconds is less certain (warning ``folder-sync``).
* The backup refused (Windows: ``vault.zsv.bak`` held open by a virus scanner or a backup
  tool): the main file is still saved, the previous backup stays as it was, and the temporary
  hard link is removed again (warning ``backup``). A failed backup never fails the save.
* The main file refused: :class:`SaveFailed`, an ``OSError`` that says at which step and why
  (:attr:`SaveFailed.reason`), so the GUI can tell a PDF open in a viewer from a folder that
  Windows' Controlled folder access guards, a full disk or a read-only stick.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import ClassVar

TEMP_PREFIX = ".zelfscan-tmp-"
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
_REPLACE_TRIES = 5

# Warnings of a save that succeeded (see the module docstring).
FULL_FSYNC_REFUSED = "full-fsync"
FOLDER_SYNC_REFUSED = "folder-sync"
BACKUP_NOT_UPDATED = "backup"

# Why a save failed (SaveFailed.reason).
IN_USE = "in-use"  # Windows: the target is open in another program (a PDF viewer)
FOLDER_BLOCKED = "folder-blocked"  # no new file may be made here (permissions, Windows CFA)
DISK_FULL = "disk-full"
READ_ONLY_DISK = "read-only-disk"
OTHER = "other"

_WINDOWS_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class SaveFailed(OSError):
    """The file was not saved; the old file (if any) is untouched.

    ``step`` is where it failed: ``"create"`` (the temp file in the target folder),
    ``"write"`` (its bytes and fsync) or ``"replace"`` (putting it in place). ``reason`` is one
    of the module's reason constants. Raised through :meth:`of`, as a subclass of the original
    error's class too, so ``except PermissionError`` and ``except FileNotFoundError`` still
    see what they always saw.
    """

    step: str
    reason: str
    _kinds: ClassVar[dict[type[OSError], type[SaveFailed]]] = {}

    @classmethod
    def of(cls, step: str, cause: OSError, path: Path) -> SaveFailed:
        kind = type(cause)
        if kind not in cls._kinds:
            cls._kinds[kind] = type(f"SaveFailed{kind.__name__}", (cls, kind), {})
        failed = cls._kinds[kind](
            cause.errno,
            cause.strerror or kind.__name__,
            str(path),
            getattr(cause, "winerror", None),
        )
        failed.step = step
        failed.reason = _reason(step, cause)
        return failed


def _reason(step: str, cause: OSError) -> str:
    code = getattr(cause, "winerror", None)
    if code in _WINDOWS_IN_USE:
        return IN_USE
    if cause.errno == errno.ENOSPC or code == 112:  # ERROR_DISK_FULL
        return DISK_FULL
    if cause.errno == errno.EROFS or code == 19:  # ERROR_WRITE_PROTECT
        return READ_ONLY_DISK
    if isinstance(cause, PermissionError):
        # A file open in a viewer without delete sharing lets the temp file be made but not
        # put in place (ERROR_ACCESS_DENIED at the rename); a folder guarded by Controlled
        # folder access, or without write permission, refuses the temp file itself.
        if step == "replace" and sys.platform == "win32":
            return IN_USE
        return FOLDER_BLOCKED
    return OTHER


def backup_path(path: Path) -> Path:
    """Where :func:`atomic_write` keeps the previous good copy of ``path``."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_file(fd: int, warnings: list[str]) -> None:
    """``fsync``, then on macOS ``F_FULLFSYNC`` (through the drive's cache); a volume that
    refuses the latter keeps the former's guarantee and the save goes on."""
    os.fsync(fd)
    if sys.platform == "darwin":
        import fcntl

        full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_fsync is not None:
            try:
                fcntl.fcntl(fd, full_fsync)
            except OSError:  # ENOTSUP/EINVAL/ENOTTY on some network and USB volumes
                warnings.append(FULL_FSYNC_REFUSED)


def _fsync_dir(folder: Path, warnings: list[str]) -> None:
    """Make a rename durable. Windows can not open folders; NTFS journals the metadata.

    Called after the rename succeeded: a refusal here means "saved, a little less durable",
    never "not saved"."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        warnings.append(FOLDER_SYNC_REFUSED)


def _replace(src: str, dst: Path) -> None:
    """``os.replace`` with a short backoff for Windows sharing violations (≈1 s in total)."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)


def _keep_backup(path: Path) -> bool:
    """Point ``<name>.bak`` at the current file before it is replaced; False when refused.

    A hard link costs no copy and the target never goes missing; the old backup is only
    unlinked once the new one is ready (via a temp link name and a rename). When the rename
    is refused (Windows: the backup is open elsewhere), the temp link is removed again and
    the old backup stays: the caller still saves the main file.
    """
    if not path.exists():
        return True
    bak = backup_path(path)
    with contextlib.suppress(OSError):
        if os.path.samefile(path, bak):
            # The last save failed after its backup step: the backup is this file already.
            # (A rename between two links of one file does nothing and would leave the
            # temp link behind, POSIX rename(2).)
            return True
    link = path.with_name(f"{TEMP_PREFIX}{path.name}{BACKUP_SUFFIX}")
    try:
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
        try:
            os.link(path, link)
        except OSError:  # FAT, some network shares: fall back to a full copy
            atomic_write(bak, path.read_bytes(), keep_backup=False)
            return True
        _replace(str(link), bak)
    except OSError:
        with contextlib.suppress(OSError):
            link.unlink()
        return False
    return True


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = False) -> tuple[str, ...]:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new content.

    Returns the warnings of a save that succeeded (the module's ``*_REFUSED`` and
    :data:`BACKUP_NOT_UPDATED` constants; usually none). On failure the temp file is removed,
    the old file is untouched, and :class:`SaveFailed` (an ``OSError``) says at which step
    and why. The new file is owner-only (0o600). With ``keep_backup`` the previous content
    survives as :func:`backup_path` (best effort, see :func:`_keep_backup`).
    """
    folder = path.parent
    warnings: list[str] = []
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise SaveFailed.of("create", exc, path) from exc
    step = "write"
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            _fsync_file(fd, warnings)
        finally:
            os.close(fd)
        if keep_backup and not _keep_backup(path):
            warnings.append(BACKUP_NOT_UPDATED)
        step = "replace"
        _replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, SaveFailed):
            raise SaveFailed.of(step, exc, path) from exc
        raise
    _fsync_dir(folder, warnings)
    return tuple(warnings)


def clean_stale_temp_files(folder: Path) -> list[Path]:
    """Delete temp files a killed save left in ``folder``; return what was removed.

    Only regular files with our prefix are touched (never symlinks, never other files).
    Call this only when no other process can be saving here (e.g. while holding the vault
    lock): a live writer's temp file looks the same.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return removed
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
