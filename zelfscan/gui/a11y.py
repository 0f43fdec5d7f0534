"""What screen readers need beyond accessible names: headings announced as headings, buttons
that open something announced with their expanded state, and an alert that is read out.

Qt gives every QLabel the role "static text", so a screen-reader user could not jump from
heading to heading as on a web page; and a checkable button that opens help was announced as
a check box. :func:`install` registers an accessibility factory (public API:
``QAccessible.installFactory``) for three kinds of our widgets, marked by a property:

* ``heading``: a :class:`~zelfscan.gui.widgets.common.Heading`, role ``Heading`` (Qt 6);
* ``expanded`` (bool): a push button that opens and closes details, role ``Button`` with
  the states *expandable* and *expanded* (:func:`set_expanded` keeps it up to date);
* ``alert`` (bool): a panel with urgent information, role ``AlertMessage``; showing it
  sends an alert event (:func:`announce`), which screen readers read out at once.

Everything else keeps Qt's own interface.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

_installed = False


class HeadingAccessible(QAccessibleWidget):
    """A heading: role Heading, named by its text unless it has its own accessible name."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self.label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.label.accessibleName() or self.label.text()
        return super().text(kind)


class ExpandableAccessible(QAccessibleWidget):
    """A push button that opens details: a button (pressable) that says whether it is open."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, QAccessible.Role.Button)
        self.button = button

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.button.accessibleName() or self.button.text().replace("&", "")
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        state.expandable = True
        state.expanded = bool(self.button.property("expanded"))
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self.button.click()
        else:
            super().doAction(name)


class AlertAccessible(QAccessibleWidget):
    """A panel that must be read out when it appears (the urgent-help panel)."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel, QAccessible.Role.AlertMessage)
        self.panel = panel

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.panel.accessibleName()
        if kind == QAccessible.Text.Description:
            return self.panel.accessibleDescription()
        return super().text(kind)


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and obj.property("heading"):
        return HeadingAccessible(obj)
    if isinstance(obj, QAbstractButton) and obj.property("expanded") is not None:
        return ExpandableAccessible(obj)
    if isinstance(obj, QWidget) and obj.property("alert"):
        return AlertAccessible(obj)
    return None


def make_expandable(button: QAbstractButton) -> None:
    """Announce ``button`` as one that opens and closes details (closed at first)."""
    install()
    button.setCheckable(False)  # a button, not a check box
    button.setProperty("expanded", False)


def set_expanded(button: QAbstractButton, expanded: bool) -> None:
    """Record the new state and tell assistive technology that it changed."""
    button.setProperty("expanded", expanded)
    changed = QAccessible.State()
    changed.expanded = True
    QAccessible.updateAccessibility(QAccessibleStateChangeEvent(button, changed))


def make_alert(panel: QWidget) -> None:
    """Announce ``panel`` as an alert (see :func:`announce`)."""
    install()
    panel.setProperty("alert", True)


def announce(panel: QWidget) -> None:
    """Ask screen readers to read the alert now (it appeared or its text changed)."""
    QAccessible.updateAccessibility(QAccessibleEvent(panel, QAccessible.Event.Alert))


def install() -> None:
    """Register the factory once per process (Qt keeps a list of factories)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def role(widget: QObject) -> QAccessible.Role | None:
    """The role a screen reader is told (for tests and the self-check)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.role() if interface is not None else None
