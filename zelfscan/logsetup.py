"""Logging that cannot leak answers: only message templates and code locations are written.

A log line like ``log.info("saved %s", path)`` is written as ``saved …``: runtime values never
reach the file, whoever writes the log call. Exceptions are logged as their type and the
file:line of each frame, without the message (which may quote a note or a file's content).
The log file is owner-only, small and rotated; in training mode nothing is written at all.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from pathlib import Path

LOG_NAME = "zelfscan.log"
_PLACEHOLDER = re.compile(r"%(\([^)]*\))?[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[diouxXeEfFgGcrsa%]")


def redact_template(template: object) -> str:
    """The message template with every ``%`` placeholder replaced by ``…``."""
    text = template if isinstance(template, str) else type(template).__name__
    return _PLACEHOLDER.sub(lambda m: "%" if m.group(0) == "%%" else "…", text)


def redact_exception(exc_info: tuple[type[BaseException], BaseException, object] | None) -> str:
    """Type and frames of an exception, never its message or local values."""
    if not exc_info or exc_info[0] is None:
        return ""
    etype, _message, tb = exc_info
    frames = traceback.extract_tb(tb)  # type: ignore[arg-type]
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{etype.__module__}.{etype.__qualname__} at {where}" if where else etype.__qualname__


class RedactingFormatter(logging.Formatter):
    """Formats records without their arguments or exception messages."""

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.LogRecord(
            record.name,
            record.levelno,
            record.pathname,
            record.lineno,
            redact_template(record.msg),
            None,
            None,
        )
        safe.created = record.created
        safe.msecs = record.msecs
        line = super().format(safe)
        if record.exc_info:
            line += " | " + redact_exception(record.exc_info)  # type: ignore[arg-type]
        return line


def setup_logging(log_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Log to stderr and, when ``log_dir`` is given, to an owner-only rotating file.

    Returns the log file's path (for "alles wissen" and the about dialog), or ``None`` when
    nothing is written to disk (training mode passes ``None``).

    The windowed build runs with ``sys.stderr`` set to ``None`` (PyInstaller's
    ``console=False`` on Windows and macOS, like ``pythonw``): then there is no console
    handler at all, rather than one that fails on every record, and with no file either a
    ``NullHandler`` keeps logging's last-resort handler (which also writes to
    ``sys.stderr``) out of it. The file log, when there is one, works the same either way.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        console.setLevel(logging.DEBUG if verbose else logging.WARNING)
        root.addHandler(console)
    if log_dir is None:
        if not root.handlers:
            root.addHandler(logging.NullHandler())
        return None
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    from logging.handlers import RotatingFileHandler  # only when a file log is kept

    handler = RotatingFileHandler(path, maxBytes=256 * 1024, backupCount=1, encoding="utf-8")
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return path
