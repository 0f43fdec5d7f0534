"""Frozen entry point of the desktop app (``zelfscan`` in the bundle; see ``build.spec``).

A launcher script rather than ``zelfscan/__main__.py`` itself: PyInstaller runs the entry
as a top-level script, so it must not depend on being inside the package. It does exactly
what ``python -m zelfscan`` does.
"""

import multiprocessing
import sys

from zelfscan.gui.app import main

if __name__ == "__main__":
    # A frozen app that ever starts a child process must call this first (dangerzone does
    # too); harmless when it never does.
    multiprocessing.freeze_support()
    sys.exit(main())
