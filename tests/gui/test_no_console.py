"""The windowed build has no console: ``sys.stdout`` and ``sys.stderr`` are ``None``.

PyInstaller's ``console=False`` does that on Windows and macOS (like ``pythonw``); on Linux a
Python started with descriptors 1 and 2 closed does the same, which is how the subprocess
tests here (and ``packaging/smoke_test.py`` for the frozen app) reproduce it. Reliability
goal 19: the app starts, an error in a slot still reaches the crash dialog, and the redacted
crash log entry is still written when a vault session keeps a log; goal 21: without the
answers. A memory-only session still writes nothing at all.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.osaware import NO_CONSOLE
from zelfscan.gui import app as gui_app
from zelfscan.gui.dialogs import error
from zelfscan.i18n import _
from zelfscan.logsetup import LOG_NAME
from zelfscan.userdirs import UserDirs

from .vault_helpers import App, answer_profile, files_under, make_app, restored_logging

ROOT = Path(__file__).resolve().parents[2]
CANARY = "KANARIE-91d2-onze-buurman"
# Every line of the log file, as the redacting formatter writes it (nothing from Qt).
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+: ")
posix_only = pytest.mark.skipif(
    os.name != "posix", reason="closes fds 1 and 2 and execs (Windows: the bundle smoke test)"
)


@pytest.fixture
def no_console(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``sys.stdout``/``sys.stderr`` as the windowed build has them; the app's own exception
    hook (pytest-qt installs its own for the test) and only this test's emergency saves."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "excepthook", error.excepthook)
    monkeypatch.setattr(error, "_emergency_saves", [])
    with restored_logging():
        yield


def raise_in_a_slot(qtbot, app: App) -> QMessageBox:
    """A bug in a timer slot, its message quoting an answer; the crash dialog it led to."""
    shown: list[QMessageBox] = []

    def crash_dialog(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        shown.append(dialog)
        return 0

    app.driver.then(crash_dialog)
    error.dialog_runner = app.driver

    def broken_slot() -> None:
        raise RuntimeError(f"bug while handling {CANARY}")

    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        error.dialog_runner = None
    (box,) = shown
    assert box.windowTitle() == _("Something went wrong")
    assert box.text().startswith(_("Something went wrong").rstrip("."))
    assert CANARY not in box.text()
    return box


def log_text(dirs: UserDirs) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (dirs.logs / LOG_NAME).read_text(encoding="utf-8")


def test_vault_session_without_console_shows_the_dialog_and_logs_no_answers(
    qtbot, mini, dirs: UserDirs, no_console: None
) -> None:
    app = make_app(qtbot, [mini], dirs)
    app.driver.passphrase()
    app.start_vault_scan()
    answer_profile(app)
    app.window.session.set_answer("toelichting", CANARY)
    raise_in_a_slot(qtbot, app)
    text = log_text(dirs)
    assert "ERROR zelfscan.gui.dialogs.error: unexpected error | builtins.RuntimeError at " in text
    assert "test_no_console.py:" in text
    assert CANARY not in text
    assert all(LOG_LINE.match(line) for line in text.splitlines()), text
    assert app.open_vault().scans("mini")[0].answers["toelichting"] == CANARY


def test_memory_only_session_without_console_shows_the_dialog_and_writes_nothing(
    qtbot, mini, dirs: UserDirs, no_console: None
) -> None:
    app = make_app(qtbot, [mini], dirs)
    wizard = app.window.start_scan(mini.id)
    wizard.session.set_answer("toelichting", CANARY)
    raise_in_a_slot(qtbot, app)
    assert dirs.home is not None
    assert files_under(dirs.home) == []


def test_arguments_without_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse prints usage and help to streams that are not there, and still exits."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as bad:
        gui_app.parse_args(["--bad-argument"])
    assert bad.value.code == 2
    with pytest.raises(SystemExit) as helped:
        gui_app.parse_args(["--help"])
    assert helped.value.code == 0


def test_self_test_output_without_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    gui_app._say("self-test ok")
    gui_app._say("self-test: broken", problem=True)


def test_the_self_test_crash_check_can_fail(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that cannot fail proves nothing: with a hook that only records, the crash
    dialog is never reached and ``--self-test-crash`` would exit 1."""
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _exc, _tb: seen.append(kind))
    assert not gui_app._exception_hook_works()
    assert seen == [gui_app.SelfTestError]
    monkeypatch.setattr(sys, "excepthook", error.excepthook)
    monkeypatch.setattr(error, "_emergency_saves", [])
    assert gui_app._exception_hook_works()
    assert error.dialog_runner is None


# --- the real entry point in a subprocess, with fds 1 and 2 closed ------------------------------


def run_without_console(*args: str, home: Path) -> int:
    """``python -m zelfscan ARGS`` as the windowed build runs: no output, only an exit code."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZELFSCAN_HOME": str(home)}
    return subprocess.run(
        [*NO_CONSOLE, sys.executable, "-m", "zelfscan", *args],
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    ).returncode


@posix_only
def test_closed_fds_give_python_no_console(tmp_path: Path) -> None:
    """The harness reproduces the windowed build: Python sees ``None`` for both streams."""
    out = tmp_path / "streams.txt"
    code = f"import sys; open({str(out)!r}, 'w').write(repr((sys.stdout, sys.stderr)))"
    subprocess.run([*NO_CONSOLE, sys.executable, "-c", code], timeout=60, check=True)
    assert out.read_text(encoding="utf-8") == "(None, None)"


@posix_only
def test_no_file_lands_on_a_closed_standard_fd(tmp_path: Path) -> None:
    """Files opened later must not become fd 1 or 2, where C code (Qt's warnings) writes."""
    out = tmp_path / "fd.txt"
    code = (
        "import os; from zelfscan.gui.app import _without_console; _without_console(); "
        f"fd = os.open({str(out)!r}, os.O_WRONLY | os.O_CREAT); os.write(fd, str(fd).encode())"
    )
    subprocess.run([*NO_CONSOLE, sys.executable, "-c", code], cwd=ROOT, timeout=60, check=True)
    assert int(out.read_text(encoding="utf-8")) > 2


@posix_only
def test_self_test_without_console(tmp_path: Path) -> None:
    assert run_without_console("--self-test", home=tmp_path) == 0
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_self_test_crash_without_console_memory_only_writes_nothing(tmp_path: Path) -> None:
    assert run_without_console("--self-test-crash", home=tmp_path) == 0
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_self_test_crash_without_console_writes_the_redacted_crash_log(tmp_path: Path) -> None:
    """Someone who keeps a vault has a log from the start (the app only checks that the vault
    file exists; the self-test never opens it): the test error is logged there, redacted,
    and nothing else gets into the file (Qt's warnings used to, through fd 2)."""
    vault = tmp_path / "data" / "vault.zsv"
    vault.parent.mkdir(parents=True)
    vault.write_bytes(b"not opened by the self-test")
    assert run_without_console("--self-test-crash", home=tmp_path) == 0
    text = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "self-test: raising a test error in a slot on purpose" in text
    assert "unexpected error | zelfscan.gui.app.SelfTestError at app.py:" in text
    assert all(LOG_LINE.match(line) for line in text.splitlines()), text


@posix_only
def test_bad_argument_without_console_exits_2(tmp_path: Path) -> None:
    assert run_without_console("--bad-argument", home=tmp_path) == 2
    assert run_without_console("--help", home=tmp_path) == 0
