"""What screen readers need beyond accessible names: headings announced as headings.

Qt gives every QLabel the role "static text", so a screen-reader user could not jump from
heading to heading as on a web page. :func:`install` registers an accessibility factory
(public API: ``QAccessible.installFactory``) that gives our :class:`Heading` labels the role
``Heading`` (Qt 6) and their text as name; everything else keeps Qt's own interface.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

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


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and obj.property("heading"):
        return HeadingAccessible(obj)
    return None


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
