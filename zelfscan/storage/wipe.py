"""Alles wissen: delete everything the app stored, and say what and where.

What is deleted: the whole content of the config, data and logs folders (vault and its
backup, settings, logs, stale temp files, anything a later version adds there) and the
folders themselves once empty.

What is kept by default: the user questionnaires folder (``data/questionnaires``). Those
files are the user's own content (e.g. a questionnaire from their municipality), not answers
or anything the app derived about them, and the app may hold the only copy; deleting them
silently would destroy work the user can not get back. They are *listed* in the plan so the
user sees them, and ``include_questionnaires=True`` (a separate checkbox in the GUI) deletes
them too.

Files are unlinked, not overwritten: on SSDs and journaling filesystems overwriting does not
reach the old blocks, and the vault is ciphertext anyway (the user docs recommend full-disk
encryption). Symlinks are removed, never followed. Before calling this the GUI must close the
vault and give back its lock (``vault.zsv.lock``, then deleted with the rest). The log file is
never held open between records (:mod:`zelfscan.logsetup`), so a second Zelfscan window does
not block its deletion.

Windows can not delete a file that another program has open *right now* (a virus scanner or
the search indexer looking at a file that was just closed, a backup tool). Such a sharing
violation is usually over within a second, so a refused delete is retried a few times with a
growing pause before it counts as failed. What still fails is listed, with the likely causes,
and everything else is deleted anyway.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zelfscan.storage.errors import StorageError
from zelfscan.userdirs import APP_DIR_NAME, UserDirs, all_locations

# Pauses before each retry of a delete Windows refused (sharing violation): 1.55 s in all.
SHARING_RETRIES = (0.05, 0.1, 0.2, 0.4, 0.8)


class WipeIncomplete(StorageError):
    nl = (
        "Niet alles kon worden gewist. De bestanden hieronder zijn er nog. Meestal heeft een "
        "ander programma ze open: een tweede Zelfscan-venster, een pdf-lezer, een virusscanner "
        "of een back-upprogramma. Sluit dat programma en kies opnieuw Alles wissen."
    )
    en = (
        "Not everything could be deleted. The files below are still there. Usually another "
        "program has them open: a second Zelfscan window, a PDF viewer, a virus scanner or a "
        "backup program. Close that program and choose Delete everything again."
    )

    def __init__(self, removed: list[Path], failed: list[Path]) -> None:
        super().__init__(f"{len(failed)} path(s) could not be deleted")
        self.removed = removed
        self.failed = failed


@dataclass(frozen=True)
class WipePlan:
    """What a wipe would do, for the confirmation dialog."""

    locations: list[Path]  # the app's folders, to show "where"
    delete: list[Path]  # existing files and folders that will go
    keep: list[Path]  # user questionnaire files that stay


def _roots(dirs: UserDirs) -> list[Path]:
    """The folders to empty, leaving out any that lies inside another (Windows: logs in data)."""
    folders = [dirs.config, dirs.data, dirs.logs]
    return [
        f
        for i, f in enumerate(folders)
        if f not in folders[:i] and not any(o != f and f.is_relative_to(o) for o in folders)
    ]


def _walk(path: Path, keep: Path | None, out_delete: list[Path], out_keep: list[Path]) -> None:
    """List ``path`` depth-first (children before their folder), splitting delete and keep."""
    if keep is not None and path == keep:
        if path.is_dir() and not path.is_symlink():
            out_keep.extend(sorted(p for p in path.rglob("*") if not p.is_dir()))
        return
    if path.is_dir() and not path.is_symlink():
        for child in sorted(path.iterdir()):
            _walk(child, keep, out_delete, out_keep)
    if path.exists() or path.is_symlink():
        out_delete.append(path)


def plan_wipe(dirs: UserDirs, *, include_questionnaires: bool = False) -> WipePlan:
    keep = None if include_questionnaires else dirs.questionnaires
    delete: list[Path] = []
    kept: list[Path] = []
    for root in _roots(dirs):
        _walk(root, keep, delete, kept)
    if keep is not None and keep.exists():  # the folders that hold the kept ones stay too
        delete = [p for p in delete if not keep.is_relative_to(p)]
    return WipePlan(locations=all_locations(dirs), delete=delete, keep=kept)


LOCK_SUFFIX = ".lock"  # the GUI's QLockFile next to the vault (zelfscan.gui.vault.file_lock)
_REUSE_MARGIN_S = 2.0


def vault_in_use(dirs: UserDirs) -> bool:
    """A running Zelfscan (on this computer or another) holds the vault lock right now.

    The Qt-free reading of the GUI's lock file, for ``zelfscan-cli wipe`` (the uninstallers):
    line 1 is the holder's process id, line 3 its host name. A holder on another computer
    counts as running (a vault folder on a network drive). A process that is gone, or that
    started after the lock was written (its id was reused), does not.
    """
    import platform

    from zelfscan.procinfo import process_start_time

    lock = dirs.vault_file.with_name(dirs.vault_file.name + LOCK_SUFFIX)
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
        written = lock.stat().st_mtime
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return False
    host = lines[2] if len(lines) > 2 else ""
    if host and host.lower() != platform.node().lower():
        return True
    started = process_start_time(pid)
    return started is not None and started <= written + _REUSE_MARGIN_S


def _delete(path: Path, retries: Sequence[float], sleep: Callable[[float], None]) -> None:
    """Remove one file or empty folder, retrying while Windows reports it in use."""
    for pause in (*retries, None):
        try:
            if path.is_dir() and not path.is_symlink():
                os.rmdir(path)
            else:
                os.unlink(path)
            return
        except PermissionError:  # Windows' sharing violation (and a real "no access")
            if pause is None:
                raise
            sleep(pause)


def wipe_everything(
    dirs: UserDirs,
    *,
    include_questionnaires: bool = False,
    retries: Sequence[float] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Path]:
    """Delete what :func:`plan_wipe` lists; return what was removed.

    Keeps going after a failure and raises :class:`WipeIncomplete` (with ``removed`` and
    ``failed``) at the end, so one locked file never leaves the rest behind. A delete refused
    with ``PermissionError`` is tried again after each pause in ``retries`` (default: on
    Windows :data:`SHARING_RETRIES`, elsewhere none, where that error is not transient).
    """
    if retries is None:
        retries = SHARING_RETRIES if os.name == "nt" else ()
    plan = plan_wipe(dirs, include_questionnaires=include_questionnaires)
    removed: list[Path] = []
    failed: list[Path] = []
    for path in plan.delete:  # children come before their folder
        failed_child = any(f.is_relative_to(path) for f in failed)  # a folder holding one
        try:
            _delete(path, () if failed_child else retries, sleep)
            removed.append(path)
        except FileNotFoundError:
            continue
        except OSError:
            if not failed_child:  # else: not empty because of a file already reported
                failed.append(path)
    if dirs.home is None:  # platformdirs may nest ours one level deeper (…/zelfscan/log)
        for root in _roots(dirs):
            parent = root.parent
            if parent.name == APP_DIR_NAME and parent not in _roots(dirs):
                with contextlib.suppress(OSError):
                    os.rmdir(parent)  # only succeeds when empty
                    removed.append(parent)
    if failed:
        raise WipeIncomplete(removed, failed)
    return removed
