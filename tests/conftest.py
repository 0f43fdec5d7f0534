"""Project-wide test fixtures: no network, and a throw-away home folder for every test."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Child Pythons (the CLI, the app, helper scripts) write their pipes in UTF-8 on every OS, as
# the tests read them (encoding="utf-8"); Windows would use its ANSI code page otherwise. A
# test that checks another encoding sets its own (tests/test_cli.py).
os.environ["PYTHONIOENCODING"] = "utf-8"


class NetworkUsed(RuntimeError):
    """Raised when code under test tries to reach a network: Zelfscan never should."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every Python-level internet socket fail (Qt's own sockets are caught at OS level by
    ``tests/test_no_network.py``). Unix sockets stay: they never leave the machine."""
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                raise NetworkUsed(f"network socket opened (family {family})")
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkUsed("network lookup attempted")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty ZELFSCAN_HOME, so no test touches the real user folders."""
    home = tmp_path_factory.mktemp("zelfscan-home")
    monkeypatch.setenv("ZELFSCAN_HOME", str(home))
    return home


@pytest.fixture
def zelfscan_home(_isolated_home: Path) -> Path:
    return _isolated_home
