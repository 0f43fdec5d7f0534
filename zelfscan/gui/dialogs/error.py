"""Unexpected errors: a calm dialog and a redacted log entry instead of a console traceback.

PySide6 prints exceptions from slots and carries on, which a user never sees. The hook logs
only the exception type and code locations (never its message, which may quote an answer)
and tells the user that their answers are still there.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from zelfscan.i18n import _

log = logging.getLogger(__name__)
_showing = False
_emergency_saves: list[Callable[[], None]] = []


def on_error_save(save: Callable[[], None]) -> None:
    """Register an emergency save (the open vault's; never a plaintext one) for the hook."""
    _emergency_saves.append(save)


def redacted(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and frames (file:line in function), without the message or any local values."""
    frames = traceback.extract_tb(tb)
    where = " < ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in frames[::-1])
    return f"{exc_type.__name__} at {where}"


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected error: %s", redacted(exc_type, tb))
    for save in list(_emergency_saves):  # before any dialog: the user may quit from there
        try:
            save()
        except Exception:  # the hook must survive a failing save
            log.error("emergency save failed")
    app = QApplication.instance()
    if _showing or not isinstance(app, QApplication) or app.platformName() == "offscreen":
        return  # no second dialog on top of the first; none headless (tests, self-test)
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Something went wrong"), "")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _(
                "Something went wrong. Your answers are not lost. You can carry on; if it "
                "happens again, save your advice as PDF and restart the app."
            )
        )
        box.exec()
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
