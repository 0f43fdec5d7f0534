"""Shared fixtures: cheap KDF parameters (tests only) and a throw-away user home."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan.storage.crypto import KdfParams
from zelfscan.userdirs import UserDirs, user_dirs

# The cheapest Argon2id the library accepts. Passed explicitly to every call that derives a
# key; production code never sees these values (there is no global switch).
CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"  # noqa: S105 (test fixture)


@pytest.fixture
def cheap() -> KdfParams:
    return CHEAP


@pytest.fixture
def dirs(tmp_path: Path) -> UserDirs:
    return user_dirs(tmp_path / "home")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
