"""When a process started: to tell a live lock holder from a reused process id.

A lock file names the process id of its holder. After a crash or ``kill -9`` that id can be
given to a new, unrelated process; if that process has the same program name (``python3`` for
a source checkout, any ``zelfscan`` for the bundle), Qt's ``QLockFile`` takes the lock for
live and a vault stays refused until the other program ends. The holder must have started
*before* it wrote the lock file, so a process that started later is not the holder.

Qt-free and standard library only: ``/proc`` on Linux, ``ps`` on macOS and other Unix
systems, ``GetProcessTimes`` on Windows. ``None`` whenever the answer is not certain; callers
then keep the safe verdict (refuse).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

_WINDOWS_EPOCH_OFFSET = 116_444_736_000_000_000  # 1601-01-01 to 1970-01-01 in 100 ns


def process_start_time(pid: int) -> float | None:
    """Seconds since the epoch when process ``pid`` started, or ``None`` (gone, unknown)."""
    if pid <= 0:
        return None
    try:
        if sys.platform == "win32":
            return _windows_start(pid)
        if Path("/proc/self/stat").is_file():
            return _proc_start(pid)
        return _ps_start(pid)
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return None


def _proc_start(pid: int, proc: Path = Path("/proc")) -> float:
    """Linux: field 22 of ``/proc/PID/stat`` (clock ticks after boot) plus the boot time."""
    stat = (proc / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    after_name = stat.rsplit(")", 1)[1].split()  # the name may hold spaces and parentheses
    ticks = int(after_name[19])  # field 22; after_name starts at field 3
    boot = next(
        int(line.split()[1])
        for line in (proc / "stat").read_text(encoding="ascii").splitlines()
        if line.startswith("btime ")
    )
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def _ps_start(pid: int) -> float:
    """macOS and other Unix systems: ``ps -o lstart=`` in the C locale (one-second steps)."""
    out = subprocess.run(  # noqa: S603  (fixed arguments, a number from a lock file)
        ["/bin/ps", "-o", "lstart=", "-p", str(pid)],
        capture_output=True,
        text=True,
        encoding="ascii",
        errors="replace",
        env={**os.environ, "LC_ALL": "C"},
        check=True,
        timeout=10,
    ).stdout
    return time.mktime(time.strptime(" ".join(out.split()), "%a %b %d %H:%M:%S %Y"))


def _windows_start(pid: int) -> float | None:
    import ctypes
    from ctypes import wintypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    kernel.OpenProcess.restype = wintypes.HANDLE
    kernel.GetProcessTimes.argtypes = [wintypes.HANDLE] + [ctypes.POINTER(wintypes.FILETIME)] * 4
    kernel.GetProcessTimes.restype = wintypes.BOOL
    kernel.CloseHandle.argtypes = [wintypes.HANDLE]
    process_query_limited_information = 0x1000
    handle = kernel.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return None
    try:
        created, exited, kernel_time, user_time = (wintypes.FILETIME() for _ in range(4))
        if not kernel.GetProcessTimes(
            handle,
            ctypes.byref(created),
            ctypes.byref(exited),
            ctypes.byref(kernel_time),
            ctypes.byref(user_time),
        ):
            return None
        ticks = (created.dwHighDateTime << 32) | created.dwLowDateTime
        return (ticks - _WINDOWS_EPOCH_OFFSET) / 10_000_000
    finally:
        kernel.CloseHandle(handle)
