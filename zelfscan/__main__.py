"""``python -m zelfscan`` starts the desktop app (and the frozen bundle's entry point)."""

from __future__ import annotations

import multiprocessing
import sys


def run() -> int:
    multiprocessing.freeze_support()  # PyInstaller: child processes must not start the GUI
    from zelfscan.gui.app import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
