"""Qt's own warnings go through our redacting logger, not to the system's log.

Without a handler, Qt writes its messages (``qWarning`` and friends, from Qt itself and its
plugins) to stderr on Linux, to the debugger output (``OutputDebugString``, readable by any
process of the same user with DebugView) on Windows and to the unified system log on macOS
(kept for days, readable with ``log show``). Those messages can quote file paths, widget
texts or font names, past :mod:`zelfscan.logsetup`'s redaction. ``qInstallMessageHandler``
replaces that for the whole process: every message becomes a record of the ``qt.<category>``
logger (the category is Qt's fixed name, such as ``qt.qpa.fonts``), and the message text
itself is an argument, which the redacting formatter writes as ``…``. So nothing Qt says
reaches any log with its content, and in training mode (no file log) nothing reaches disk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """One Qt message: logged under ``qt.<category>``, its text redacted by the formatter."""
    category = context.category or "default"
    name = "qt." + category.removeprefix("qt.") if category != "default" else "qt"
    logging.getLogger(name).log(_LEVELS.get(kind, logging.WARNING), "Qt says: %s", message)


def install() -> None:
    """Route every Qt message of this process to :func:`handle` (again is harmless)."""
    qInstallMessageHandler(handle)
