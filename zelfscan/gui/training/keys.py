"""The clicker's keys, whatever has focus: one application-wide event filter for the session.

A presentation clicker sends Page Up/Page Down (some send the arrows, Space or B for a black
screen), and a trainer presses Esc to leave the projector. Those key presses arrive at
whatever widget has focus: a text field in the wizard, the urgent-help panel, the trainer
console, the scroll area of the audience view. A per-widget ``keyPressEvent`` never sees most
of them, so while the audience view is up this filter on the ``QApplication`` catches them
first and turns them into the session's commands.

Kept narrow so typing still works: in an editable text field only Page Up/Page Down act
(a clicker never types letters, and a trainer typing a note needs the arrows, Space and B);
a modal dialog or an open menu gets every key as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

Key = Qt.Key

CLICKER_BACK = (Key.Key_PageUp,)
CLICKER_NEXT = (Key.Key_PageDown,)
ARROWS_BACK = (Key.Key_Left, Key.Key_Up)
ARROWS_NEXT = (Key.Key_Right, Key.Key_Down, Key.Key_Space)
BLACK = (Key.Key_B, Key.Key_Period)
"""B as in slide software; some clickers send "." for their black-screen button."""
NOTES = (Key.Key_N,)
"""Show or hide the trainer notes on a single (mirrored) screen."""
LEAVE = (Key.Key_Escape,)

OWN_KEYS = "zelfscanOwnKeys"
"""A window with this property set to true keeps all its keys (the room poll's buttons)."""


@dataclass(frozen=True)
class Commands:
    """What the keys do; the training controller passes its own methods."""

    back: Callable[[], None]
    next: Callable[[], None]
    black: Callable[[], None]
    notes: Callable[[], None]
    leave: Callable[[], None]


def _is_text_input(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not (isinstance(widget, QLineEdit) and widget.isReadOnly())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return False


class ClickerKeys(QObject):
    """Installed on the application while the audience view is shown (see :meth:`set_on`)."""

    def __init__(self, commands: Commands, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.on = False

    def set_on(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self.on:
            return
        self.on = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def command_for(self, key: int, modifiers: Qt.KeyboardModifier, target: QWidget) -> object:
        """The command for ``key`` pressed in ``target``, or ``None`` to let it through."""
        if modifiers & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            return None  # Ctrl/Alt combinations are the app's own shortcuts and mnemonics
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            return None
        if target.window().property(OWN_KEYS):
            return None  # a trainer's tool window (the room poll) keeps every key
        c = self.commands
        table: list[tuple[tuple[Key, ...], Callable[[], None]]] = [
            (CLICKER_BACK, c.back),
            (CLICKER_NEXT, c.next),
        ]
        if not _is_text_input(target):
            table += [
                (ARROWS_BACK, c.back),
                (ARROWS_NEXT, c.next),
                (BLACK, c.black),
                (NOTES, c.notes),
                (LEAVE, c.leave),
            ]
        for keys, command in table:
            if key in keys:
                return command
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only widgets: a key press reaches the QWindow first and then its focus widget,
        # and the widget is where we know whether it is a text field.
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
        ):
            command = self.command_for(event.key(), event.modifiers(), watched)
            if command is not None and callable(command):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours: no menu shortcut or mnemonic takes it
                    return True
                if not event.isAutoRepeat():
                    command()
                return True
        return False
