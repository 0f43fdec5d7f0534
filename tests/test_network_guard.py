"""The autouse guard in conftest really refuses network use (an idle guard proves nothing)."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUsed


def test_internet_socket_is_refused() -> None:
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_name_lookup_is_refused() -> None:
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)


def test_unix_socket_still_works() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    left.close()
    right.close()
