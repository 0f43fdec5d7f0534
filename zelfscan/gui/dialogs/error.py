"""Unexpected errors: a calm dialog and a redacted log entry instead of a console traceback.

PySide6 prints exceptions from slots and carries on, which a user never sees. The hook runs
the emergency save, logs only the exception type and code locations (never its message, which
may quote an answer) and tells the user that their answers are still there. Exceptions in
Python threads are carried to the GUI thread first.

Nothing here writes to ``sys.stdout`` or ``sys.stderr``: the windowed build (PyInstaller,
``console=False``) runs with both set to ``None`` on Windows and macOS, and this hook is
exactly what must keep working there. The log entry goes through the logging handlers
(:mod:`zelfscan.logsetup` adds a console handler only when there is a console), and the
default hook that ``KeyboardInterrupt`` is handed back to already writes nothing when
``sys.stderr`` is ``None``.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from zelfscan.i18n import _

log = logging.getLogger(__name__)
_showing = False
_emergency_saves: list[Callable[[], None]] = []

# Who shows the crash dialog: ``None`` means ``QMessageBox.exec`` on a real screen and no
# dialog on the headless offscreen platform. ``--self-test-crash`` and the GUI tests put a
# driver here (it gets the built dialog, shows or answers it, and returns), so they can check
# that the dialog was reached without blocking on it.
dialog_runner: Callable[[QMessageBox], object] | None = None


def on_error_save(save: Callable[[], None]) -> None:
    """Register an emergency save (the open vault's; never a plaintext one) for the hook."""
    _emergency_saves.append(save)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    # The redacting log formatter writes the type and frames of exc_info, never the message.
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    for save in list(_emergency_saves):  # before any dialog: the user may quit from there
        try:
            save()
        except Exception:  # the hook must survive a failing save
            log.error("emergency save failed")
    app = QApplication.instance()
    if _showing or not isinstance(app, QApplication):
        return  # no second dialog on top of the first
    run = dialog_runner
    if run is None:
        if app.platformName() == "offscreen":
            return  # nobody to show it to (headless tests, the self-test)
        run = QMessageBox.exec
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
        run(box)
    finally:
        _showing = False


class _ToGuiThread(QObject):
    """Carries an exception from a worker thread to the GUI thread (a queued signal), where
    the emergency save and the dialog may safely run."""

    raised = Signal(object, object, object)


_bridge: _ToGuiThread | None = None


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if _bridge is None:  # pragma: no cover - install() sets it before any thread runs
        return
    _bridge.raised.emit(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    """Route uncaught exceptions of the GUI thread and of Python threads to the hook."""
    global _bridge
    sys.excepthook = excepthook
    if _bridge is None:
        _bridge = _ToGuiThread()
        _bridge.raised.connect(excepthook, Qt.ConnectionType.QueuedConnection)
    threading.excepthook = _thread_hook
