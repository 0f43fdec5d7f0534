"""Radio buttons and check boxes whose label wraps to the width they get.

Qt's own buttons never wrap, so one long option ("Ja, overal zitten sloten met het
SKG-keurmerk …") made a whole page wider than the window at 200% text and cut every
paragraph off at the right edge. These keep the real button (keyboard, screen readers,
``text()`` and the accessible name stay the full label) and only break the painted text into
lines that fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
)

_SLACK = 6  # pixels: the styles draw the label a little inside the contents rectangle


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` (a long word stays
    whole on its own line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


if TYPE_CHECKING:
    _ButtonBase = QAbstractButton
else:  # at run time the mixin must not be a Qt class itself: the button class comes second
    _ButtonBase = object


class _WrappingLabel(_ButtonBase):
    """Mixin for a QAbstractButton subclass: keep the full label, paint it wrapped."""

    _full: str = ""
    _wrapped_for: tuple[int, QFont] | None = None
    """The width and font the painted text was broken for; None when not broken yet."""
    _indicator_element: QStyle.SubElement

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Qt's buttons never shrink below their one-line label ("Minimum"); these can, down
        # to the longest word (minimumSizeHint), so a layout can narrow an unwrapped label.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        """The whole label, as set (not the line-broken copy that is painted)."""
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        if self.isVisible():
            self._rewrap(self.width())
        else:  # not laid out yet: its width is a guess; wrapped when shown (showEvent)
            self._wrapped_for = None
            QAbstractButton.setText(self, text)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(w) for w in self._full.split()), default=0)
        width = self._label_offset() + longest + _SLACK
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.wrap(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.wrap(self.width())  # the text may have changed while hidden

    def wrap(self, width: int) -> bool:
        """Break the label for ``width``, unless it already is (for this font): a page laid
        out ahead (ScanPage.prepare_layout) is not broken again when it is shown. True when
        the lines changed."""
        if self._wrapped_for == (width, self.font()):
            return False
        return self._rewrap(width)

    def _label_offset(self) -> int:
        option = QStyleOptionButton()
        option.initFrom(self)
        return self.style().subElementRect(self._indicator_element, option, self).left()

    def _rewrap(self, width: int) -> bool:
        self._wrapped_for = (width, self.font())
        available = max(width - self._label_offset() - _SLACK, 1)
        wrapped = "\n".join(wrap_words(self._full, self.fontMetrics(), available))
        if QAbstractButton.text(self) == wrapped:
            return False
        QAbstractButton.setText(self, wrapped)
        return True


WrappingButton = _WrappingLabel
"""What the wrapping buttons share (for ``isinstance``)."""


class WrapRadioButton(_WrappingLabel, QRadioButton):
    _indicator_element = QStyle.SubElement.SE_RadioButtonContents


class WrapCheckBox(_WrappingLabel, QCheckBox):
    _indicator_element = QStyle.SubElement.SE_CheckBoxContents
