"""The entry point: --self-test in a subprocess, usage errors, the calm exception hook."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zelfscan.gui.app import parse_args
from zelfscan.gui.dialogs import error

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "questionnaires" / "mini.yaml"


def run_app(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZELFSCAN_HOME": str(home)}
    return run_python("-m", "zelfscan", *args, env=env)


def run_python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter from the repository root, its output as text."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        encoding="utf-8",
    )


def test_self_test_exits_0(tmp_path: Path) -> None:
    own = tmp_path / "data" / "questionnaires"
    own.mkdir(parents=True)
    shutil.copy(MINI, own / "mini.yaml")
    result = run_app("--self-test", "--home", str(tmp_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    assert "Traceback" not in result.stderr


def test_self_test_start_quits_after_the_start_screen_painted(tmp_path: Path) -> None:
    """The start-up benchmark's command: a user's start, ended by the first paint; like any
    start it writes nothing."""
    result = run_app("--self-test=start", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "did not paint" not in result.stderr
    assert sorted(tmp_path.rglob("*")) == []


def test_the_start_screen_paints_before_the_scan_modules_load(tmp_path: Path) -> None:
    """What only opening a scan needs is imported after the start screen's first paint: the
    wizard, the questionnaires (the start screen shows their compiled copies' summaries) and
    the model, and training mode's stage."""
    from zelfscan import paths
    from zelfscan.core import compiled

    root = tmp_path / "data"
    shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
    (root / "resources").symlink_to(paths.resources_dir(), target_is_directory=True)
    compiled.build(root / "questionnaires")  # as `make` does
    later = ["zelfscan.gui.wizard", "zelfscan.core.model", "zelfscan.gui.training.stage"]
    probe = (
        "import sys\n"
        "from zelfscan.gui import app\n"
        "code = app.main(['--self-test=start'])\n"
        f"print(code, *(m in sys.modules for m in {later!r}))\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ZELFSCAN_HOME": str(tmp_path / "home"),
        paths.DATA_ROOT_ENV: str(root),
    }
    result = run_python("-c", probe, env=env)
    assert result.stdout.split() == ["0", "False", "False", "False"], result.stderr


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_self_test_on_a_real_x11_screen(tmp_path: Path) -> None:
    """The real windowing plugin (xcb) on a virtual screen, as on a Linux desktop: catches
    missing system libraries that the offscreen plugin never needs. ``--self-test-crash``:
    the crash dialog is shown (and closed at once) on a real screen too."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "ZELFSCAN_HOME": str(tmp_path)}
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "zelfscan", "--self-test-crash"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test ok" in result.stdout


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_app("--lang", "fr", home=tmp_path)
    assert result.returncode == 2
    with pytest.raises(SystemExit) as info:
        parse_args(["--bogus"])
    assert info.value.code == 2


def test_arguments() -> None:
    args = parse_args(["--training", "--lang", "en", "--home", "/x"])
    assert args.training
    assert args.lang == "en"
    assert args.home == Path("/x")
    assert parse_args([]).lang == "nl"
    assert parse_args([]).self_test is False
    assert parse_args(["--self-test"]).self_test is True
    assert parse_args(["--self-test=start"]).self_test == "start"


def test_excepthook_logs_no_message(tmp_path: Path) -> None:
    from zelfscan.logsetup import setup_logging

    log_file = setup_logging(tmp_path / "logs")
    assert log_file is not None
    private = "ik word bedreigd door mijn buurman"
    try:
        try:
            raise ValueError(private)
        except ValueError as exc:
            error.excepthook(ValueError, exc, exc.__traceback__)
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
    finally:
        setup_logging(None)
    assert "unexpected error | builtins.ValueError at test_app.py:" in text
    assert private not in text


def test_exceptions_in_python_threads_reach_the_hook_on_the_gui_thread(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    seen: list[tuple[type[BaseException], bool]] = []

    def record(exc_type, _exc, _tb) -> None:  # type: ignore[no-untyped-def]
        seen.append((exc_type, threading.current_thread() is threading.main_thread()))

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(error, "excepthook", record)
    monkeypatch.setattr(error, "_bridge", None)
    error.install()

    def fail() -> None:
        raise RuntimeError("in een thread")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(RuntimeError, True)]


def test_load_errors_are_shown_calmly(qtbot, mini) -> None:
    from zelfscan.core.errors import LoadError
    from zelfscan.gui.main_window import MainWindow

    problem = LoadError("kapot.yaml", 3, 5, "unknown key 'vraag'")
    window = MainWindow([mini], [problem])
    qtbot.addWidget(window)
    window.show()
    start = window.start
    assert start.errors_box.isVisible()
    assert "kapot.yaml" in start.broken.text()
    assert "3:5: unknown key 'vraag'" in start.broken.text()
    shown: list[str] = []

    def look(dialog) -> int:
        shown.append(dialog.details.toPlainText())
        dialog.copy()
        return 0

    start.exec_dialog = look
    start.details_button.click()
    assert shown == ["kapot.yaml:3:5: unknown key 'vraag'"]
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == shown[0]


def test_training_mode_shows_banner(qtbot, mini) -> None:
    from zelfscan.gui.main_window import MainWindow

    window = MainWindow([mini])
    qtbot.addWidget(window)
    window.show()
    assert not window.banner.isVisible()
    window.start.training_button.click()
    assert window.banner.isVisible()
    wizard = window.start_scan(mini.id)
    assert wizard.session.training
    window.banner.stop.click()
    assert not window.banner.isVisible()
