"""Assertions that mean the same thing on every OS the tests run on.

POSIX permission bits do not exist on Windows: ``chmod`` only toggles the read-only flag and
``st_mode & 0o777`` reads 0o666 or 0o444 whatever the access list says. There, "owner-only"
is the protected access list of the folders Zelfscan makes, which files inherit; that is
checked with ``icacls`` in ``tests/storage/test_winacl.py``. So mode assertions hold on POSIX
and are skipped, by name, on Windows, never silently passed.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

POSIX = os.name == "posix"

posix_modes = pytest.mark.skipif(
    not POSIX, reason="POSIX mode bits; Windows access lists: tests/storage/test_winacl.py"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_mode(path: Path, expected: int) -> None:
    """``path`` has exactly the permission bits ``expected`` (POSIX only; see above)."""
    if POSIX:
        assert mode(path) == expected, f"{path}: {oct(mode(path))} != {oct(expected)}"


# Start a program with descriptors 1 and 2 closed, as a desktop starts a windowed app on
# POSIX (Python then sets sys.stdout and sys.stderr to None). Python closes them and execs,
# so no shell is assumed. Windows gives a windowed process no console streams by itself;
# there the frozen windowed build is started as is (packaging/smoke_test.py).
CLOSE_STDOUT_STDERR_THEN_EXEC = (
    "import os, sys; os.close(1); os.close(2); os.execv(sys.argv[1], sys.argv[1:])"
)
NO_CONSOLE = [sys.executable, "-c", CLOSE_STDOUT_STDERR_THEN_EXEC]
