"""User folders: where they are, that computing them creates nothing, and owner-only modes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from tests.osaware import posix_modes
from tests.storage.conftest import mode
from zelfscan.userdirs import HOME_ENV, UserDirs, all_locations, ensure, user_dirs


def test_explicit_home_puts_everything_under_it(tmp_path: Path) -> None:
    d = user_dirs(tmp_path)
    assert (d.config, d.data, d.logs) == (tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    assert d.questionnaires == tmp_path / "data" / "questionnaires"
    assert d.vault_file == tmp_path / "data" / "vault.zsv"
    assert d.settings_file == tmp_path / "config" / "settings.json"
    assert d.home == tmp_path
    assert list(tmp_path.iterdir()) == []  # computing paths creates nothing


def test_env_var_used_when_no_explicit_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "env"))
    assert user_dirs().data == tmp_path / "env" / "data"
    assert user_dirs(tmp_path / "flag").data == tmp_path / "flag" / "data"  # --home wins


def test_relative_home_is_made_absolute_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    d = user_dirs(Path("portable"))
    assert d.data == tmp_path / "portable" / "data"
    assert d.data.is_absolute()


def test_platformdirs_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    pd = platformdirs.PlatformDirs("zelfscan", appauthor=False)
    d = user_dirs()
    assert (d.config, d.data, d.logs) == (pd.user_config_path, pd.user_data_path, pd.user_log_path)
    assert d.home is None


def test_blank_env_var_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOME_ENV, "  ")
    assert user_dirs().home is None


@posix_modes
def test_ensure_creates_every_missing_level_owner_only(tmp_path: Path) -> None:
    before = mode(tmp_path)
    old = os.umask(0o022)
    try:
        target = ensure(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert mode(folder) == 0o700
    assert mode(tmp_path) == before  # an existing parent is not ours: untouched


@posix_modes
def test_ensure_tightens_an_existing_target_but_not_its_parent(tmp_path: Path) -> None:
    parent = tmp_path / "shared"
    parent.mkdir(mode=0o755)
    parent.chmod(0o755)
    target = parent / "data"
    target.mkdir()
    target.chmod(0o755)
    ensure(target)
    assert mode(target) == 0o700
    assert mode(parent) == 0o755


def test_all_locations_lists_each_folder_once() -> None:
    same = Path("/x/app")
    d = UserDirs(config=same, data=same, logs=same / "Logs", questionnaires=same / "questionnaires")
    assert all_locations(d) == [same, same / "questionnaires", same / "Logs"]


@pytest.mark.skipif(
    os.name != "posix",
    reason="umask and RLIMIT_CORE are POSIX (Windows: best effort, see harden_process)",
)
def test_harden_process_in_a_child() -> None:
    """Goal 22: umask 077, RLIMIT_CORE 0 and (Linux) Dumpable 0 after startup."""
    code = (
        "import os, resource\n"
        "from zelfscan.userdirs import harden_process\n"
        "h = harden_process()\n"
        "m = os.umask(0); print(oct(m))\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
        "print(h)\n"
        "import sys, ctypes\n"
        "if sys.platform.startswith('linux'):\n"
        "    print('get_dumpable=%d' % ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        encoding="utf-8",
    ).stdout
    assert "0o77" in out
    assert "(0, 0)" in out
    assert "core_dumps_off=True" in out
    if sys.platform.startswith("linux"):
        assert "not_dumpable=True" in out
        assert "get_dumpable=0" in out  # PR_GET_DUMPABLE (gVisor has no Dumpable line)
