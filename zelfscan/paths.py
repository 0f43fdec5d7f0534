"""Find the bundled ``questionnaires/`` and ``resources/`` folders, wherever the app runs from.

One Qt-free function for a source checkout, an installed package and a PyInstaller bundle, so
no other module ever guesses a path (and nothing resolves against the current directory).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_ROOT_ENV = "ZELFSCAN_DATA_ROOT"


def data_root() -> Path:
    """The folder that holds ``questionnaires/`` and ``resources/``.

    Order: the ``ZELFSCAN_DATA_ROOT`` override (tests), the PyInstaller bundle
    (``sys._MEIPASS``), then the repository root next to the package.
    """
    override = os.environ.get(DATA_ROOT_ENV)
    if override:
        return Path(override)
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parents[1]


def questionnaires_dir() -> Path:
    return data_root() / "questionnaires"


def resources_dir() -> Path:
    return data_root() / "resources"


def locale_dir() -> Path:
    return resources_dir() / "locale"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
