"""Owner-only folders on Windows: an explicit, protected access list.

On any OS the rules are checked through a recorder in place of the Win32 calls, with
``sys.platform`` set to ``win32`` (``pathlib`` and ``os.chmod`` keep working). On a real
Windows runner (the release workflow's test job) the last test reads the folder's access list
back with ``icacls``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zelfscan import winacl
from zelfscan.userdirs import ensure, user_dirs

USER_SID = "S-1-5-21-1004336348-1177238915-682003330-1001"


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[Path, str]] = []
        self.fail = fail

    def user_sid(self) -> str:
        return USER_SID

    def set_protected_dacl(self, path: Path, sddl: str) -> None:
        if self.fail:
            raise OSError(50, "not supported (FAT32)")
        self.calls.append((path, sddl))


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(winacl, "_api", recorder)
    return recorder


def test_the_access_list_is_protected_and_names_only_user_system_admins() -> None:
    sddl = winacl.owner_only_sddl(USER_SID)
    assert sddl.startswith("D:P")  # protected: nothing inherited from the parent folder
    aces = sddl[3:].strip("()").split(")(")
    assert aces == [f"A;OICI;FA;;;{USER_SID}", "A;OICI;FA;;;SY", "A;OICI;FA;;;BA"]
    for forbidden in ("WD", "AU", "BU", "OW"):  # Everyone, Authenticated/Users, OWNER RIGHTS
        assert f";{forbidden})" not in sddl


def test_ensure_restricts_every_folder_it_creates(tmp_path: Path, windows: Recorder) -> None:
    dirs = user_dirs(tmp_path / "stick" / "zelfscan")
    ensure(dirs.questionnaires)
    made = [tmp_path / "stick", tmp_path / "stick" / "zelfscan", dirs.data, dirs.questionnaires]
    assert [path for path, _sddl in windows.calls] == made
    assert {sddl for _path, sddl in windows.calls} == {winacl.owner_only_sddl(USER_SID)}


def test_an_existing_folder_of_ours_is_tightened_its_parents_are_not(
    tmp_path: Path, windows: Recorder
) -> None:
    home = tmp_path / "D" / "Zelfscan"
    home.mkdir(parents=True)
    ensure(home)
    assert [path for path, _sddl in windows.calls] == [home]


def test_a_file_system_without_permissions_is_used_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(winacl, "_api", Recorder(fail=True))
    with caplog.at_level(logging.WARNING):
        assert ensure(tmp_path / "fat32").is_dir()
    assert "could not make a folder owner-only" in caplog.text


def test_linux_and_macos_use_mode_bits_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(winacl, "_api", recorder)
    ensure(tmp_path / "posix")
    assert recorder.calls == []


@pytest.mark.skipif(os.name != "nt", reason="reads a real Windows access list with icacls")
def test_on_windows_icacls_shows_only_user_system_and_administrators(tmp_path: Path) -> None:
    folder = ensure(tmp_path / "zelfscan" / "data")
    (folder / "vault.zsv").write_bytes(b"x")
    for path in (folder, folder / "vault.zsv"):
        icacls = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32" / "icacls.exe"
        out = subprocess.run(
            [str(icacls), str(path)],
            capture_output=True,
            text=True,
            encoding="oem",
            errors="replace",
            check=True,
        ).stdout
        for principal in ("Everyone", "Authenticated Users", "BUILTIN\\Users", "Iedereen"):
            assert principal not in out, out
        assert "NT AUTHORITY\\SYSTEM" in out or "NT AUTHORITY\\System" in out, out
        assert os.environ["USERNAME"].lower() in out.lower(), out
