"""Read a file someone else may have put there: regular files only, size checked first.

Every file Zelfscan reads on the user's behalf (questionnaires, answers files, password
files, the vault and its backup, the settings) can be anything: a 3 GB file, ``/dev/zero``,
a named pipe that blocks a reader forever, a folder. ``Path.read_bytes()`` reads all of it
into memory before any size check can run. :func:`read_limited` instead

1. ``stat``\\s the path and refuses what is not a regular file (a FIFO, a device, a folder,
   a socket) and a file larger than the limit, before opening it;
2. opens it non-blocking (a FIFO swapped in after the ``stat`` can not block the open) and
   checks the *opened* file again with ``fstat`` (the path may have changed in between);
3. reads at most ``limit + 1`` bytes, so a file that grows while it is read is still caught.

Refusals raise :class:`UnreadableFile`, an ``OSError`` whose ``strerror`` is a short English
reason (callers that already report ``OSError`` keep working); a missing file raises the
usual ``FileNotFoundError``. Qt-free and dependency-free.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFile(OSError):
    """A file that is not read: not a regular file, or too large. ``strerror`` says why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(None, reason, str(path))

    @property
    def reason(self) -> str:
        return str(self.strerror)


class FileTooLarge(UnreadableFile):
    """Larger than the limit of its kind."""


def size_text(limit: int) -> str:
    """``1 MB``, ``64 MB``, ``64 KB``: how a limit is shown in messages."""
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    if limit >= 1024:
        return f"{limit // 1024} KB"
    return f"{limit} bytes"


def _check(path: Path | str, info: os.stat_result, limit: int) -> None:
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise UnreadableFile(path, f"not a regular file ({kind})")
    if info.st_size > limit:
        raise FileTooLarge(path, f"the file is larger than {size_text(limit)}")


def read_limited(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, which must hold at most ``limit`` bytes."""
    _check(path, os.stat(path), limit)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        _check(path, os.fstat(fd), limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(_CHUNK, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLarge(path, f"the file is larger than {size_text(limit)}")
    return data
