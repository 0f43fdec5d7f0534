"""privacy.install at start-up: stale temp files go, a failed encryption self-test disables the
vault option with a message, and nothing heavy is imported until the vault is chosen."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zelfscan.gui.session import StorageChoice
from zelfscan.storage import crypto
from zelfscan.storage.atomic import TEMP_PREFIX, TEMP_SUFFIX
from zelfscan.userdirs import UserDirs, user_dirs

from .vault_helpers import App, make_app, restored_logging

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dirs(zelfscan_home: Path) -> UserDirs:
    return user_dirs(zelfscan_home)


@pytest.fixture
def logging_restored() -> Iterator[None]:
    with restored_logging():
        yield


def test_stale_temp_files_of_a_killed_save_are_removed(
    qtbot, mini, dirs: UserDirs, logging_restored: None
) -> None:
    dirs.data.mkdir(parents=True)
    stale = dirs.data / f"{TEMP_PREFIX}abc{TEMP_SUFFIX}"
    stale.write_bytes(b"half a vault")
    mine = dirs.data / "notes.txt"
    mine.write_text("not ours", encoding="utf-8")
    make_app(qtbot, [mini], dirs)
    assert not stale.exists()
    assert mine.exists()


def test_failed_self_test_disables_the_vault_option(
    qtbot, mini, dirs: UserDirs, logging_restored: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise RuntimeError("no Argon2 in this OpenSSL")

    monkeypatch.setattr(crypto, "self_test", broken)
    app: App = make_app(qtbot, [mini], dirs)
    start = app.window.start
    start.storage_buttons[StorageChoice.VAULT].setChecked(True)
    assert app.privacy.crypto_ok is False
    assert not start.storage_buttons[StorageChoice.VAULT].isEnabled()
    assert start.storage_choice() is StorageChoice.MEMORY
    assert app.privacy.crypto_note.isVisibleTo(start)
    assert "zelftest" in app.privacy.crypto_note.text()
    assert not app.privacy.saved_action.isEnabled()


def test_start_up_imports_no_cryptography(tmp_path: Path) -> None:
    code = (
        "import sys; from zelfscan.gui import app; "
        f"rc = app.main(['--self-test', '--home', {str(tmp_path)!r}]); "
        "print('heavy', 'cryptography' in sys.modules, 'reportlab' in sys.modules); sys.exit(rc)"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=False, encoding="utf-8"
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "heavy False False" in result.stdout
    assert not (tmp_path / "config").exists()  # no settings file unless the user changes one
    assert not (tmp_path / "data").exists()
