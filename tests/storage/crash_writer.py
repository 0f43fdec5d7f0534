"""Child process for the crash-safety test: save the vault in a tight loop until killed.

Every save stores a counter and a filler derived from it, so the parent can tell that what it
reads back is exactly one complete version (never a mix of two).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from zelfscan.storage.crypto import KdfParams
from zelfscan.storage.vault import Vault, now_iso

CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)


def filler(counter: int) -> list[str]:
    return [f"{counter:08d}-{i:04d}-" + "x" * 40 for i in range(100)]  # about 6 KB


def main() -> None:
    path, passphrase = Path(sys.argv[1]), sys.argv[2]
    vault = Vault.open(path, passphrase, params=CHEAP)
    scan = vault.scans()[0]
    counter = int(str(scan.answers["teller"]))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        counter += 1
        scan = dataclasses.replace(
            scan, answers={"teller": str(counter), "vulling": filler(counter)}, updated=now_iso()
        )
        vault.update(scan)
        vault.save()


if __name__ == "__main__":
    main()
