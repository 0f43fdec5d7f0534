"""What the OS may refuse during a save, simulated.

Each refusal has its own outcome: a fallback that still saves (``F_FULLFSYNC``, the folder
fsync after the rename, the backup), or :class:`SaveFailed` with the step and the reason the
GUI turns into its own true message. The old file is untouched whenever a save fails, and no
temporary file or hard link is left behind in any case.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from tests.storage.conftest import CHEAP, PASSPHRASE
from zelfscan.storage import atomic
from zelfscan.storage.atomic import (
    BACKUP_NOT_UPDATED,
    DISK_FULL,
    FOLDER_BLOCKED,
    FOLDER_SYNC_REFUSED,
    FULL_FSYNC_REFUSED,
    IN_USE,
    READ_ONLY_DISK,
    TEMP_PREFIX,
    SaveFailed,
    atomic_write,
    backup_path,
)
from zelfscan.storage.content import Scan
from zelfscan.storage.errors import StorageIOError
from zelfscan.storage.vault import Vault


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def test_a_refused_full_fsync_falls_back_to_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS on some network and USB volumes: F_FULLFSYNC says ENOTSUP; fsync already ran."""
    fcntl = pytest.importorskip("fcntl")
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    def refuse(_fd: int, _cmd: int, *_a: object) -> int:
        raise OSError(errno.ENOTSUP, "Operation not supported")

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(fcntl, "fcntl", refuse)
    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "advies.pdf"
    warnings = atomic_write(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert FULL_FSYNC_REFUSED in warnings
    assert synced  # the plain fsync ran before F_FULLFSYNC was tried
    assert _leftovers(tmp_path) == []


def test_a_refused_folder_fsync_after_the_rename_is_saved_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name != "posix":
        pytest.skip("Windows does not fsync folders at all")
    real_open = os.open

    def no_folder(path: object, flags: int, *args: object) -> int:
        if Path(str(path)) == tmp_path:
            raise PermissionError(errno.EACCES, "folder can not be opened")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_folder)
    target = tmp_path / "advies.pdf"
    target.write_bytes(b"old")
    assert atomic_write(target, b"new") == (FOLDER_SYNC_REFUSED,)
    assert target.read_bytes() == b"new"


def test_a_held_backup_is_a_warning_and_leaves_no_hard_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: a virus scanner holds vault.zsv.bak; the vault itself is still saved."""
    target = tmp_path / "vault.zsv"
    atomic_write(target, b"one", keep_backup=True)
    atomic_write(target, b"two", keep_backup=True)
    assert backup_path(target).read_bytes() == b"one"
    real_replace = os.replace

    def held(src: str, dst: str | Path) -> None:
        if Path(dst) == backup_path(target):
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", held)
    assert atomic_write(target, b"three", keep_backup=True) == (BACKUP_NOT_UPDATED,)
    assert target.read_bytes() == b"three"
    assert backup_path(target).read_bytes() == b"one"  # the old backup, as it was
    assert _leftovers(tmp_path) == []  # no temporary hard link left behind


def test_a_vault_whose_backup_is_held_is_saved_and_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vault.zsv"
    vault = Vault.create(path, PASSPHRASE, params=CHEAP)
    vault.save()
    real_replace = os.replace

    def held(src: str, dst: str | Path) -> None:
        if Path(dst) == backup_path(path):
            raise PermissionError(errno.EACCES, "in use")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", held)
    vault.add(Scan.new("veilige-woning", "1"))
    assert vault.save() == (BACKUP_NOT_UPDATED,)
    monkeypatch.undo()
    again = Vault.open(path, PASSPHRASE, params=CHEAP)
    assert len(again.scans()) == 1
    assert again.notice is None  # an older backup is no rollback
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("step", "error", "windows", "reason"),
    [
        ("replace", PermissionError(errno.EACCES, "denied"), True, IN_USE),  # viewer, Windows
        ("create", PermissionError(errno.EACCES, "denied"), True, FOLDER_BLOCKED),  # CFA
        ("create", PermissionError(errno.EACCES, "denied"), False, FOLDER_BLOCKED),
        ("write", OSError(errno.ENOSPC, "No space left on device"), False, DISK_FULL),
        ("create", OSError(errno.EROFS, "Read-only file system"), False, READ_ONLY_DISK),
        ("write", OSError(errno.EIO, "Input/output error"), False, "other"),
    ],
)
def test_each_failure_has_its_reason(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    error: OSError,
    windows: bool,
    reason: str,
) -> None:
    target = tmp_path / "advies.pdf"
    target.write_bytes(b"old report")
    if windows:
        monkeypatch.setattr(
            atomic, "_replace", _raising(error) if step == "replace" else os.replace
        )
        monkeypatch.setattr(sys, "platform", "win32")
    if step == "create":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", _raising(error))
    elif step == "write":
        monkeypatch.setattr(os, "write", _raising(error))
    elif not windows:
        monkeypatch.setattr(atomic, "_replace", _raising(error))
    try:
        with pytest.raises(SaveFailed) as caught:
            atomic_write(target, b"new report")
    finally:
        monkeypatch.undo()
    assert caught.value.step == step
    assert caught.value.reason == reason
    assert isinstance(caught.value, type(error))  # `except PermissionError` still works
    assert target.read_bytes() == b"old report"
    assert _leftovers(tmp_path) == []


def test_windows_sharing_violation_codes_mean_in_use(tmp_path: Path) -> None:
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    assert atomic._reason("create", error) == IN_USE


def test_the_vault_reports_a_failed_write_as_storage_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vault.zsv"
    vault = Vault.create(path, PASSPHRASE, params=CHEAP)
    before = path.read_bytes()
    monkeypatch.setattr(atomic, "_replace", _raising(PermissionError(errno.EACCES, "held")))
    vault.add(Scan.new("veilige-woning", "1"))
    with pytest.raises(StorageIOError):
        vault.save()
    assert vault.dirty  # still to be saved
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def _raising(error: OSError):  # type: ignore[no-untyped-def]
    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    return fail


def test_a_failed_save_then_a_good_one_leaves_no_temp_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a main rename was refused, backup and vault are one file: the next save's
    backup step must not leave its temp link behind (a rename between links is a no-op)."""
    target = tmp_path / "vault.zsv"
    atomic_write(target, b"one", keep_backup=True)
    atomic_write(target, b"two", keep_backup=True)
    real_replace = os.replace

    def main_held(src: str, dst: str | Path) -> None:
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "held")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", main_held)
    with pytest.raises(SaveFailed):
        atomic_write(target, b"three", keep_backup=True)
    assert os.path.samefile(target, backup_path(target))
    with pytest.raises(SaveFailed):
        atomic_write(target, b"three", keep_backup=True)
    monkeypatch.undo()
    assert atomic_write(target, b"three", keep_backup=True) == ()
    assert target.read_bytes() == b"three"
    assert backup_path(target).read_bytes() == b"two"
    assert _leftovers(tmp_path) == []
