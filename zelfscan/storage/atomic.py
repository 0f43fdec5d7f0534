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
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = ".zelfscan-tmp-"
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
_REPLACE_TRIES = 5


def backup_path(path: Path) -> Path:
    """Where :func:`atomic_write` keeps the previous good copy of ``path``."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_file(fd: int) -> None:
    os.fsync(fd)
    if sys.platform == "darwin":
        import fcntl

        full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_fsync is not None:
            fcntl.fcntl(fd, full_fsync)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows can not open folders; NTFS journals the metadata."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(src: str, dst: Path) -> None:
    """``os.replace`` with a short backoff for Windows sharing violations (≈1 s in total)."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)


def _keep_backup(path: Path) -> None:
    """Point ``<name>.bak`` at the current file before it is replaced.

    A hard link costs no copy and the target never goes missing; the old backup is only
    unlinked once the new one is ready (via a temp link name and a rename).
    """
    if not path.exists():
        return
    bak = backup_path(path)
    link = path.with_name(f"{TEMP_PREFIX}{path.name}{BACKUP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    try:
        os.link(path, link)
    except OSError:  # FAT, some network shares: fall back to a full copy
        atomic_write(bak, path.read_bytes(), keep_backup=False)
        return
    _replace(str(link), bak)


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new content.

    On any error the temp file is removed, the old file is untouched, and the ``OSError``
    propagates for the caller to report. The new file is owner-only (0o600).
    With ``keep_backup`` the previous content survives as :func:`backup_path`.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            _fsync_file(fd)
        finally:
            os.close(fd)
        if keep_backup:
            _keep_backup(path)
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


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
