"""OS-level proof that Zelfscan opens no internet socket, in Python *or* in Qt's C++ code.

Python-level guards (the autouse fixture) cannot see sockets that Qt opens itself, so these
tests run complete scenarios in a fresh network namespace (``unshare -rn``) under
``strace -f`` and assert that not a single AF_INET/AF_INET6 socket was even created.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "questionnaires" / "mini.yaml"


def _can_trace() -> str | None:
    if not sys.platform.startswith("linux"):
        return "strace and network namespaces are Linux-only"
    for tool in ("strace", "unshare"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install strace util-linux)"
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "this machine does not allow user network namespaces"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(_can_trace()), reason=_can_trace() or "")]


def traced(args: list[str], tmp_path: Path, env: dict[str, str]) -> list[str]:
    """Run ``args`` isolated from every network, and return the socket calls it made."""
    log = tmp_path / "strace.log"
    result = subprocess.run(
        [
            "unshare",
            "-rn",
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect",
            "-o",
            str(log),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [line for line in log.read_text(encoding="utf-8").splitlines() if "socket(" in line]


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ZELFSCAN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def _internet(calls: list[str]) -> list[str]:
    return [c for c in calls if "AF_INET" in c]  # matches AF_INET6 too


def test_cli_report_opens_no_internet_socket(tmp_path: Path, zelfscan_home: Path) -> None:
    persona = next(iter(sorted((ROOT / "tests" / "personas").glob("*/*.yaml"))), None)
    if persona is None:
        pytest.skip("no persona answer files yet")
    qid = persona.parent.name
    out = tmp_path / "advies.pdf"
    calls = traced(
        [
            sys.executable,
            "-m",
            "zelfscan.cli",
            "report",
            qid,
            "--answers",
            str(persona),
            "--out",
            str(out),
        ],
        tmp_path,
        _env(zelfscan_home),
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert _internet(calls) == []


def test_cli_on_the_mini_fixture_opens_no_internet_socket(
    tmp_path: Path, zelfscan_home: Path
) -> None:
    answers = tmp_path / "a.json"
    persona = {
        "rol": "raadslid", "woning": "huis", "kinderen": "nee", "slot": "ja",
        "verlichting": "altijd", "maatregelen": ["camera"], "bedreigd": "nee",
    }  # fmt: skip
    answers.write_text(json.dumps({"questionnaire": "mini", "answers": persona}), encoding="utf-8")
    folder = zelfscan_home / "data" / "questionnaires"
    folder.mkdir(parents=True)
    shutil.copy(MINI, folder)
    out = tmp_path / "advies.pdf"
    args = ["report", "mini", "--answers", str(answers), "--out", str(out)]
    calls = traced([sys.executable, "-m", "zelfscan.cli", *args], tmp_path, _env(zelfscan_home))
    assert out.exists()
    assert _internet(calls) == []


def test_the_trace_would_see_an_internet_socket(tmp_path: Path, zelfscan_home: Path) -> None:
    """The detector works: a deliberate socket shows up (a check that cannot fail is no proof)."""
    code = "import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).close()"
    calls = traced([sys.executable, "-c", code], tmp_path, _env(zelfscan_home))
    assert _internet(calls)


GUI_SCAN = ROOT / "tests" / "e2e" / "gui_full_scan.py"


@pytest.mark.parametrize("vault", [False, True], ids=["memory", "vault"])
def test_a_complete_gui_scan_opens_no_internet_socket(
    tmp_path: Path, zelfscan_home: Path, vault: bool
) -> None:
    """The real window, offscreen: answer every page, (autosave), save the PDF, quit."""
    out = tmp_path / "advies.pdf"
    args = [sys.executable, str(GUI_SCAN), str(zelfscan_home), str(out), "--note", "notitie"]
    if vault:
        args += ["--vault", "een lang test wachtwoord"]
    calls = traced(args, tmp_path, _env(zelfscan_home))
    assert out.read_bytes().startswith(b"%PDF")
    assert (zelfscan_home / "data" / "vault.zsv").exists() is vault
    assert _internet(calls) == []  # offscreen Qt opens no socket at all (calls == [])
