"""Logs hold templates and code locations only: a canary in any argument never reaches disk."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from zelfscan.logsetup import redact_template, setup_logging

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
        assert [type(h).__name__ for h in root.handlers] == ["RotatingFileHandler"]
        logging.getLogger("zelfscan.test").warning("kept for %s", CANARY)
        root.handlers[0].flush()
        assert "WARNING zelfscan.test: kept for …" in path.read_text(encoding="utf-8")
    finally:
        monkeypatch.undo()
        setup_logging(None)
