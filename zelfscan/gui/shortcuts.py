"""Every keyboard shortcut of the app in one place, so they never collide and can be documented.

Mnemonics (``&Volgende``) live in the translated texts; these are the extra key combinations.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QKeySequence


class Shortcut(Enum):
    NEW_SCAN = "Ctrl+N"
    SAVE_PDF = "Ctrl+S"
    PRINT = "Ctrl+P"
    QUIT = "Ctrl+Q"
    TEXT_LARGER = "Ctrl++"
    TEXT_SMALLER = "Ctrl+-"
    TEXT_RESET = "Ctrl+0"
    LOCK = "Ctrl+L"
    """Hide everything at once (a vault scan also drops its key until the passphrase)."""
    URGENT_HELP = "F2"
    """Reopen the urgent-help panel after closing it."""
    PRESENTER = "F5"
    """Training mode: show or hide the large-text presenter view (as in slide software)."""

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.value)
