"""Atomic writes: content, permissions, backups, no leftovers, and the old file on failure."""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path

import pytest

from tests.osaware import assert_mode
from zelfscan.storage.atomic import TEMP_PREFIX, atomic_write, backup_path, clean_stale_temp_files


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_writes_new_file_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "f.bin"
    atomic_write(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert_mode(target, 0o600)
    assert _leftovers(tmp_path) == []


def test_replaces_existing_and_tightens_permissions(tmp_path: Path) -> None:
    target = tmp_path / "f.bin"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert_mode(target, 0o600)


def test_large_payload_written_completely(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    atomic_write(tmp_path / "big", data)
    assert (tmp_path / "big").read_bytes() == data


def test_backup_keeps_previous_good_copy(tmp_path: Path) -> None:
    target = tmp_path / "vault.zsv"
    atomic_write(target, b"one", keep_backup=True)
    assert not backup_path(target).exists()  # nothing to back up yet
    atomic_write(target, b"two", keep_backup=True)
    atomic_write(target, b"three", keep_backup=True)
    assert target.read_bytes() == b"three"
    assert backup_path(target).read_bytes() == b"two"
    assert backup_path(target).name == "vault.zsv.bak"
    assert_mode(backup_path(target), 0o600)
    assert _leftovers(tmp_path) == []


def test_backup_falls_back_to_a_copy_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "vault.zsv"
    atomic_write(target, b"one", keep_backup=True)
    atomic_write(target, b"two", keep_backup=True)
    assert target.read_bytes() == b"two"
    assert backup_path(target).read_bytes() == b"one"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO, errno.EACCES])
def test_failure_keeps_old_file_byte_identical_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, code: int
) -> None:
    """Goal 6: injected ENOSPC/EIO/EACCES on write, fsync and replace lose nothing."""
    target = tmp_path / "vault.zsv"
    atomic_write(target, b"old good content", keep_backup=True)
    atomic_write(target, b"current content", keep_backup=True)
    before = (target.read_bytes(), backup_path(target).read_bytes())
    real = getattr(os, failing)

    def broken(*args: object, **kwargs: object) -> object:
        if failing == "replace" and str(args[1]).endswith(".bak"):
            return real(*args, **kwargs)  # let the backup step pass; fail the main rename
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(OSError, match=os.strerror(code)) as info:
        atomic_write(target, b"new content that must not appear", keep_backup=True)
    monkeypatch.undo()
    assert info.value.errno == code
    assert target.read_bytes() == before[0]
    assert _leftovers(tmp_path) == []


def test_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "nope" / "f", b"x")
    assert not (tmp_path / "nope").exists()


def test_clean_stale_temp_files_removes_only_ours(tmp_path: Path) -> None:
    ours = [tmp_path / f"{TEMP_PREFIX}abc.tmp", tmp_path / f"{TEMP_PREFIX}vault.zsv.bak"]
    for path in ours:
        path.write_bytes(b"ciphertext")
    keep = tmp_path / "vault.zsv"
    keep.write_bytes(b"x")
    other = tmp_path / ".other-tmp"
    other.write_bytes(b"x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious").write_bytes(b"x")
    link = tmp_path / f"{TEMP_PREFIX}link"
    link.symlink_to(outside / "precious")
    folder_like = tmp_path / f"{TEMP_PREFIX}dir"
    folder_like.mkdir()

    removed = clean_stale_temp_files(tmp_path)

    assert sorted(removed) == sorted(ours)
    assert keep.exists()
    assert other.exists()
    assert folder_like.is_dir()
    assert link.is_symlink()
    assert (outside / "precious").exists()


def test_clean_stale_temp_files_on_missing_folder(tmp_path: Path) -> None:
    assert clean_stale_temp_files(tmp_path / "missing") == []


def test_replace_retries_only_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = os.replace

    def flaky(src: str, dst: Path) -> None:
        calls.append(1)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "sharing violation")
        real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    monkeypatch.setattr(sys, "platform", "win32")
    atomic_write(tmp_path / "f", b"x")
    assert len(calls) == 3
    assert (tmp_path / "f").read_bytes() == b"x"
