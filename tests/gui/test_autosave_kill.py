"""Autosave loss window (reliability goal 18): ``kill -9`` the real GUI while a user types.

A child process (``tests/e2e/gui_full_scan.py --announce``) builds the app as ``main`` does,
offscreen, starts a vault scan of a built-in questionnaire through the start screen and
answers it page by page through the session, with a short random pause in between, and
prints ``saved <question id>`` when the autosave reports the save that holds that answer as
written (:class:`zelfscan.gui.vault.autosave.Autosaver`'s ``saved``). A note is
written after a pause in typing (1 s, at most 4 s while typing goes on) and a choice at once,
on a worker thread; here the worker runs in line (``SyncPool``), so a choice is announced
before the next answer and a note when its page is left. The parent reads a random number
of those lines, waits a random moment and sends SIGKILL, then checks, as the next start would:

* the vault opens with the passphrase (Qt-free, through the storage API): not corrupt, one
  scan, and every answer announced before the kill is in it with the value typed;
* the backup copy, if any, opens too;
* the next start's vault lock is not blocked by the dead process, and taking it leaves no
  stale temp file next to the vault (:meth:`VaultController.reserve` cleans them).

What this guarantees: every save the app reported as written survives ``kill -9`` at any
moment, also in the middle of the next write. With the debounce, goal 18's window ("edited
more than 5 s before the kill") is bounded by the autosave's timers, 1 s after the last
keystroke and 4 s of continuous typing (``tests/gui/test_autosave.py`` checks those bounds
with driven timers), plus the write itself. No timing is asserted here; the seeded RNG only
decides where the kill lands.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.gui.vault_helpers import CHEAP, PASS
from zelfscan.core.answers import load_answers_file
from zelfscan.core.model import AnswerValue
from zelfscan.gui.vault.controller import VaultController
from zelfscan.storage.atomic import TEMP_PREFIX, backup_path
from zelfscan.storage.vault import Vault
from zelfscan.userdirs import user_dirs

ROUNDS = 10
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "e2e" / "gui_full_scan.py"
PERSONA = ROOT / "tests" / "personas" / "veilige-woning" / "huurder-appartement.yaml"
MAX_KILL_AFTER = 50  # the persona answers more questions than this, so the kill is mid-scan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL harness is Linux only"),
]


def _stored(value: AnswerValue) -> str | list[str]:
    """How the vault keeps an answer: a checklist's tuple becomes a list."""
    return value if isinstance(value, str) else list(value)


def _kill_while_typing(home: Path, seed: int, kill_after: int, pause: float) -> list[str]:
    """Run the child, SIGKILL it after ``kill_after`` announced answers; return their ids."""
    env = {**os.environ, "ZELFSCAN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, str(SCRIPT), str(home), str(home / "advies.pdf")]
    args += ["--persona", str(PERSONA), "--vault", PASS, "--announce", str(seed)]
    log = home.parent / f"{home.name}.stderr"
    with log.open("wb") as stderr:
        child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=stderr, env=env)
    assert child.stdout is not None
    saved: list[str] = []
    try:
        while len(saved) < kill_after:
            line = child.stdout.readline().decode()
            assert line, (
                f"child ended after {saved[-1:]}: {log.read_text(encoding='utf-8')[-2000:]}"
            )
            assert line.startswith("saved "), line
            saved.append(line.split()[1])
        time.sleep(pause)
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return saved


def test_sigkill_while_typing_loses_no_saved_answer(tmp_path: Path) -> None:
    _, typed = load_answers_file(PERSONA)
    rng = random.Random(20261118)
    for round_ in range(ROUNDS):
        home = tmp_path / f"home{round_}"
        kill_after = rng.randint(1, MAX_KILL_AFTER)
        saved = _kill_while_typing(home, rng.randrange(2**31), kill_after, rng.uniform(0, 0.02))
        vault_file = user_dirs(home).vault_file

        scans = Vault.open(vault_file, PASS, params=CHEAP).scans()
        assert [s.questionnaire for s in scans] == ["veilige-woning"]
        answers = scans[0].answers
        lost = [q for q in saved if answers.get(q) != _stored(typed[q])]
        assert lost == [], f"round {round_}: killed after {kill_after}, lost {lost}"
        if backup_path(vault_file).exists():
            Vault.open(vault_file, PASS, params=CHEAP, from_backup=True)

        controller = VaultController(vault_file, params=CHEAP)  # the next start's first step
        assert controller.reserve()
        assert controller.instance_lock.held, "the killed process still blocks the vault"
        left = [p.name for p in vault_file.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]
        controller.close()
        assert left == []
