"""Class 9 (D-Bus autolaunch): on an X display without a session bus the app starts no bus
and writes nothing under HOME; where a bus exists it is used as before."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from zelfscan.gui.session_bus import ADDRESS, DISABLED, prevent_autolaunch

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix" or sys.platform == "darwin", reason="Linux")


def test_an_existing_session_bus_is_left_alone() -> None:
    env = {ADDRESS: "unix:path=/run/user/1000/bus"}
    assert prevent_autolaunch(env) is None
    assert env[ADDRESS] == "unix:path=/run/user/1000/bus"


def test_a_user_bus_socket_is_used(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as bus:
        bus.bind(str(tmp_path / "bus"))
        env = {"XDG_RUNTIME_DIR": str(tmp_path)}
        assert prevent_autolaunch(env) == f"unix:path={tmp_path / 'bus'}"


def test_without_any_bus_autolaunch_is_disabled(tmp_path: Path) -> None:
    (tmp_path / "bus").write_text("not a socket", encoding="utf-8")
    env = {"XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":99"}
    assert prevent_autolaunch(env) == DISABLED
    assert env[ADDRESS] == DISABLED


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("dbus-launch")),
    reason="needs xvfb-run and dbus-launch (Debian: xvfb, dbus-x11) to show the autolaunch",
)
def test_the_app_on_a_bare_x_display_writes_nothing_under_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in (ADDRESS, "XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY")
        and not k.startswith("QT_")
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="xcb", PYTHONDONTWRITEBYTECODE="1")
    command = ["xvfb-run", "-a", sys.executable, "-m", "zelfscan", "--self-test"]
    result = subprocess.run(
        command,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    created = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert created == [], created  # no .dbus/session-bus/..., no settings, no log
