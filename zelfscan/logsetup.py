"""Logging that cannot leak answers: only message templates and code locations are written.

A log line like ``log.info("saved %s", path)`` is written as ``saved …``: runtime values never
reach the file, whoever writes the log call. Exceptions are logged as their type and the
file:line of each frame, without the message (which may quote a note or a file's content).
The log file is owner-only, small and rotated; in training mode nothing is written at all.

The file is open only while one record is written (:class:`ShortLivedFileHandler`), never
for the whole session: Windows can not delete or rename a file another process holds open,
so a log kept open by a second Zelfscan window made "Alles wissen" fail, and rotation
(a rename) failed the same way.
"""

from __future__ import annotations

import contextlib
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


MAX_BYTES = 256 * 1024
_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)


class ShortLivedFileHandler(logging.Handler):
    """Appends each record to ``path`` and closes the file at once; rotates at ``max_bytes``.

    * Open only for the moment of one write, so another process (a second window doing
      "Alles wissen", a virus scanner, a backup) can delete or rename it any other time.
    * Rotation renames the file to ``<name>.1`` (one old generation). When Windows refuses
      the rename because someone has the file open right now, the record is appended anyway
      and the next record tries again: a slightly larger log, never a lost record or an error.
    * The folder is never re-created: once "Alles wissen" (maybe in another window) removed it,
      records are dropped, so nothing comes back after the user deleted everything.
    * New files are owner-only (0o600 on POSIX; on Windows they inherit the folder's
      owner-only access list, see :mod:`zelfscan.winacl`). Appends from two processes do
      not interleave within a line (``O_APPEND``, one write per record).
    """

    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES) -> None:
        super().__init__()
        self.path = path
        self.max_bytes = max_bytes

    @property
    def rotated(self) -> Path:
        return self.path.with_name(self.path.name + ".1")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            data = (self.format(record) + "\n").encode("utf-8", errors="replace")
            self._rotate_if_full(len(data))
            try:
                fd = os.open(self.path, _OPEN_FLAGS, 0o600)
            except FileNotFoundError:  # the folder was deleted ("Alles wissen"): stay gone
                return
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        except Exception:
            self.handleError(record)

    def _rotate_if_full(self, incoming: int) -> None:
        try:
            size = os.stat(self.path).st_size
        except FileNotFoundError:
            return
        if size + incoming <= self.max_bytes:
            return
        try:
            os.replace(self.path, self.rotated)
        except OSError:  # Windows: open elsewhere at this instant; retried at the next record
            return


def setup_logging(log_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Log to stderr and, when ``log_dir`` is given, to an owner-only rotating file.

    The folder is made here; the file only when the first record is written, and it is
    closed again after every record (:class:`ShortLivedFileHandler`).

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
    from zelfscan.userdirs import ensure

    ensure(log_dir)  # owner-only, also on Windows; the file itself appears with the first record
    path = log_dir / LOG_NAME
    with contextlib.suppress(FileNotFoundError, PermissionError):
        os.chmod(path, 0o600)  # an older version's file
    handler = ShortLivedFileHandler(path)
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return path
