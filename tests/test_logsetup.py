"""Logs hold templates and code locations only: a canary in any argument never reaches disk."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest

from zelfscan.logsetup import ShortLivedFileHandler, redact_template, setup_logging

CANARY = "KANARIE-7f3a-geheim-adres"


def test_placeholders_become_ellipses() -> None:
    assert redact_template("saved %s to %r (%d%%)") == "saved … to … (…%)"
    assert redact_template("%(name)s: %5.2f") == "…: …"


def test_no_argument_or_exception_message_reaches_the_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    assert path is not None
    log = logging.getLogger("zelfscan.test")
    log.warning("answer was %s", CANARY)
    log.info(CANARY)  # even a value passed as the message itself is a "template"...
    try:
        raise ValueError(CANARY)
    except ValueError:
        log.exception("failed for %s", CANARY)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "answer was …" in text
    assert "builtins.ValueError at test_logsetup.py:" in text
    assert text.count(CANARY) == 1  # ...so never pass user data as the message: see the next test
    if os.name == "posix":
        assert oct(path.stat().st_mode & 0o777) == "0o600"
    setup_logging(None)


def test_the_codebase_never_logs_a_non_literal_message() -> None:
    """Every log call's first argument is a string literal, so templates cannot carry data."""
    import ast

    root = Path(__file__).resolve().parents[1] / "zelfscan"
    offenders = []
    for source in root.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in {"log", "logger", "logging"}
                and node.func.attr in {"debug", "info", "warning", "error", "exception", "critical"}
                and node.args
                and not (
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                )
            ):
                offenders.append(f"{source.relative_to(root)}:{node.lineno}")
    assert offenders == []


def test_training_mode_writes_no_log(tmp_path: Path) -> None:
    assert setup_logging(None) is None
    logging.getLogger("zelfscan.test").warning("nothing on disk")
    assert list(tmp_path.iterdir()) == []


def test_no_console_no_console_handler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The windowed build has ``sys.stderr is None``: no handler that fails on every record,
    and logging's last resort (also stderr) is kept out by a NullHandler; the file log stays."""
    monkeypatch.setattr(sys, "stderr", None)
    root = logging.getLogger()
    try:
        assert setup_logging(None) is None
        assert [type(h) for h in root.handlers] == [logging.NullHandler]
        logging.getLogger("zelfscan.test").error("nowhere to go, and no error about it")
        path = setup_logging(tmp_path / "logs")
        assert path is not None
        assert [type(h).__name__ for h in root.handlers] == ["ShortLivedFileHandler"]
        logging.getLogger("zelfscan.test").warning("kept for %s", CANARY)
        assert "WARNING zelfscan.test: kept for …" in path.read_text(encoding="utf-8")
    finally:
        monkeypatch.undo()
        setup_logging(None)


# --- the file is open only while a record is written -------------------------------------


def _open_descriptors_on(path: Path) -> list[str]:
    """Linux: this process's descriptors that point at ``path`` (what Windows would lock)."""
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            if Path(os.readlink(fd)) == path:
                found.append(fd.name)
        except OSError:
            continue
    return found


def test_setting_up_the_log_creates_no_file_and_holds_nothing_open(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    try:
        assert path is not None
        assert not path.exists()  # a start with a vault writes nothing until there is news
        logging.getLogger("zelfscan.test").warning("one record")
        assert path.read_text(encoding="utf-8").count("one record") == 1
        if Path("/proc/self/fd").is_dir():
            assert _open_descriptors_on(path) == []
        # What "Alles wissen" in another window does; Windows refuses this for an open file.
        path.unlink()
        (tmp_path / "logs").rmdir()
        logging.getLogger("zelfscan.test").warning("after the wipe")
        assert not (tmp_path / "logs").exists()  # the deleted folder does not come back
    finally:
        setup_logging(None)


def test_rotation_refused_by_windows_keeps_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "zelfscan.log"
    handler = ShortLivedFileHandler(path, max_bytes=100)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("zelfscan.rotation")
    log.addHandler(handler)
    log.propagate = False
    real_replace = os.replace

    def in_use(src: object, dst: object) -> None:
        raise PermissionError(32, "The process cannot access the file")

    try:
        monkeypatch.setattr(os, "replace", in_use)
        for n in range(6):
            log.warning("record %d is long enough to fill the file", n)
        text = path.read_text(encoding="utf-8")
        assert [f"record {n}" in text for n in range(6)] == [True] * 6  # none lost
        assert not handler.rotated.exists()
        monkeypatch.setattr(os, "replace", real_replace)
        log.warning("rotated now")
        assert handler.rotated.exists()
        assert path.read_text(encoding="utf-8").strip() == "rotated now"
    finally:
        log.removeHandler(handler)
        log.propagate = True
