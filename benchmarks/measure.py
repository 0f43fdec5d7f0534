"""What every benchmark row is built from: child processes timed side by side, and a row.

Each budget (docs/performance.md) is a ratio against a baseline timed in the same run, so the
children run interleaved (one warm-up each, then rounds that alternate which goes first) and
each reports its wall time and its own peak RSS.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
PY = sys.executable
FRAME_MS = 16.0


@dataclass
class Row:
    name: str
    baseline_label: str
    baseline: float | None
    ours: float | None
    unit: str
    budget: float
    budget_label: str
    note: str = ""
    ratio_row: bool = True
    """False: a row in frames (``ours`` / 16 ms), whose baseline is one frame."""

    @property
    def ratio(self) -> float | None:
        if self.ours is None:
            return None
        if not self.ratio_row:
            return self.ours / FRAME_MS
        if not self.baseline:
            return None
        return self.ours / self.baseline

    @property
    def verdict(self) -> str:
        if self.ratio is None:
            return "n/a"
        return "pass" if self.ratio <= self.budget else "FAIL"


# --- child processes ------------------------------------------------------------------------


@dataclass
class ChildRun:
    seconds: float
    maxrss_kib: float | None
    returncode: int
    stderr: str


def run_child(command: list[str], env: dict[str, str]) -> ChildRun:
    """Run ``command``; wall time and the child's own peak RSS (``wait4``, not a delta)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            # Linux reports KiB, macOS bytes.
            rss = usage.ru_maxrss / 1024 if sys.platform == "darwin" else float(usage.ru_maxrss)
        else:  # Windows: time only
            proc.wait()
            seconds = time.perf_counter() - start
            rss = None
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return ChildRun(seconds, rss, proc.returncode, text)


def interleaved(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, list[ChildRun]]:
    """One warm-up each, then ``runs`` rounds alternating which command goes first."""
    names = list(commands)
    for name in names:
        run_child(commands[name], env)
    results: dict[str, list[ChildRun]] = {name: [] for name in names}
    for i in range(runs):
        for name in names if i % 2 == 0 else reversed(names):
            results[name].append(run_child(commands[name], env))
    return results


def bench_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZELFSCAN_HOME": str(home)}
    env.pop("ZELFSCAN_DATA_ROOT", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def failure_note(runs: list[ChildRun]) -> str:
    codes = sorted({r.returncode for r in runs if r.returncode != 0})
    if not codes:
        return ""
    last = next(r for r in reversed(runs) if r.returncode != 0)
    lines = [ln for ln in last.stderr.splitlines() if ln.strip()]
    first_fatal = next((ln for ln in lines if "Fatal" in ln or "Error" in ln), lines[-1:])
    return f"exit {codes} in {sum(r.returncode != 0 for r in runs)}/{len(runs)} runs: {first_fatal}"


def timeit(func: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        func()
    return (time.perf_counter() - start) / number
