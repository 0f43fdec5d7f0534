"""Process start times (for telling a live lock holder from a reused process id)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from zelfscan import procinfo


def test_this_process_started_in_the_past() -> None:
    started = procinfo.process_start_time(os.getpid())
    assert started is not None
    assert started <= time.time()


def test_no_process_no_answer() -> None:
    assert procinfo.process_start_time(0) is None
    assert procinfo.process_start_time(-5) is None
    assert procinfo.process_start_time(2**22 + 12345) is None  # above Linux's pid_max


def test_proc_stat_with_a_name_holding_spaces_and_parentheses(tmp_path: Path) -> None:
    (tmp_path / "42").mkdir()
    fields = ["S", *map(str, range(4, 22)), "500", "0"]  # field 22 (start time) is 500 ticks
    (tmp_path / "42" / "stat").write_text(f"42 (a ) (b) {' '.join(fields)}\n", encoding="ascii")
    (tmp_path / "stat").write_text("cpu 1 2 3\nbtime 1000000\n", encoding="ascii")
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    assert procinfo._proc_start(42, tmp_path) == pytest.approx(1_000_000 + 500 / ticks)


@pytest.mark.skipif(
    not (Path("/proc/self/stat").is_file() and shutil.which("ps")),
    reason="cross-checks /proc with ps (Linux)",
)
def test_ps_agrees_with_proc() -> None:
    """macOS reads the start time with ``ps``; on Linux both ways must give the same second."""
    assert procinfo._ps_start(os.getpid()) == pytest.approx(
        procinfo._proc_start(os.getpid()), abs=1.5
    )


@pytest.mark.skipif(sys.platform != "win32", reason="GetProcessTimes is Windows only")
def test_windows_start_time_is_recent() -> None:
    started = procinfo._windows_start(os.getpid())
    assert started is not None
    assert time.time() - 24 * 3600 < started <= time.time()
