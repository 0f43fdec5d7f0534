"""Crash safety (goal 5): SIGKILL a saving process at random moments; the vault always opens.

A child process (``crash_writer.py``) re-saves the vault in a tight loop. The parent kills it
with SIGKILL after a random short delay, then checks, as the next app start would:

* the vault opens with the passphrase and holds exactly one complete version (the counter and
  the filler derived from it agree), never older than what an earlier round saw;
* the backup copy, if any, opens too and is not newer than the vault;
* stale temp files are counted, then removed by :func:`clean_stale_temp_files`.

Cheap KDF parameters and a ~6 KB vault keep 200 rounds well under a minute. A process kill
does not test power loss (the page cache survives); that is a manual release test (goal 7).
"""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.storage.conftest import CHEAP, PASSPHRASE
from tests.storage.crash_writer import filler
from zelfscan.storage.atomic import backup_path, clean_stale_temp_files
from zelfscan.storage.vault import Scan, Vault

ROUNDS = 200
REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL"),
]


def _counter(path: Path) -> int:
    scan = Vault.open(path, PASSPHRASE, params=CHEAP).scans()[0]
    counter = int(str(scan.answers["teller"]))
    if counter:
        assert scan.answers["vulling"] == filler(counter), "content mixes two versions"
    return counter


def test_sigkill_during_saves_never_loses_the_vault(tmp_path: Path) -> None:
    vault_file = tmp_path / "vault.zsv"
    vault = Vault.create(vault_file, PASSPHRASE, params=CHEAP)
    vault.add(dataclasses.replace(Scan.new("veilige-woning", "1"), answers={"teller": "0"}))
    vault.save()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(20261123)
    last = 0
    orphans = 0
    progressed = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(vault_file), PASSPHRASE],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.015))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL

        now = _counter(vault_file)
        assert now >= last, "the vault went back in time"
        progressed += now > last
        last = now
        if backup_path(vault_file).exists():
            assert _counter(backup_path(vault_file)) <= now
        orphans += len(clean_stale_temp_files(tmp_path))
        assert clean_stale_temp_files(tmp_path) == []

    print(
        f"\ncrash test: {ROUNDS} kills, 0 unreadable, {last} saves completed, "
        f"{progressed} rounds advanced, {orphans} stale temp files cleaned"
    )
    assert progressed > 0  # the writer really was saving when killed
