"""``python -m zelfscan`` starts the desktop app (and the frozen bundle's entry point)."""

from __future__ import annotations

import sys


def run() -> int:
    if getattr(sys, "frozen", False):
        # PyInstaller: child processes must not start the GUI. Only the bundle needs it, and
        # importing multiprocessing costs ~9 ms of every start from source.
        import multiprocessing

        multiprocessing.freeze_support()
    from zelfscan.gui.app import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
