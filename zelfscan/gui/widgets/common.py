"""Small building blocks shared by all pages: plain-text labels and headings that scale.

Text from the YAML or from the user is always shown as plain text, never rich text, so a
``<b>`` or a link in content can not change what the user sees.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QSizePolicy, QWidget

from zelfscan.gui import a11y
from zelfscan.gui.theme import scaled_font


class WrapLabel(QLabel):
    """A QLabel that remembers its height for the widths it was asked about.

    Qt's layouts ask a word-wrapping label for its height many times while a page is first
    laid out: every nested box layout asks each item again for every width it tries (its
    own preferred width and the real one, in turn), and QLabel lays out its text anew for
    each answer. On the results page that was ~400 text layouts and a third of the click.
    The answers are kept per width for as long as what they depend on stays the same: the
    text, the font, wrapping and alignment, and the space around the text (frame,
    margins, indent)."""

    _MAX_WIDTHS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hfw_key: tuple[object, ...] | None = None
        self._hfw: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        inner = self.contentsRect()
        key = (
            self.text(),
            self.font(),
            self.width() - inner.width(),
            self.height() - inner.height(),
            self.indent(),
            self.margin(),
            self.wordWrap(),
            self.alignment(),
        )
        if key != self._hfw_key or len(self._hfw) > self._MAX_WIDTHS:
            self._hfw_key = key
            self._hfw = {}
        height = self._hfw.get(width)
        if height is None:
            height = self._hfw[width] = super().heightForWidth(width)
        return height


def plain_label(text: str = "", parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A word-wrapping plain-text label (the only kind used for content)."""
    label = WrapLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if name:
        label.setObjectName(name)
    return label


def escape_mnemonic(text: str) -> str:
    """Content text on a label with a buddy: a literal ``&`` must not become a shortcut."""
    return text.replace("&", "&&")


class Heading(WrapLabel):
    """A bold, larger plain-text label; its size is the stylesheet's (``heading`` property:
    the type scale in :mod:`zelfscan.gui.tokens`), so it follows the text-size menu."""

    STYLE: ClassVar[str | None] = None
    """The type-scale step when not the level's own (e.g. ``"display"``)."""
    FACTORS: ClassVar[dict[int, float]] = {1: 1.65, 2: 1.35, 3: 1.15}

    def __init__(self, text: str = "", level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        a11y.install()  # announced with the role Heading, not as plain text
        self.level = level
        self._factor = self.FACTORS.get(level, 1.0)
        self.setProperty("heading", self.STYLE or str(level))
        self.setIndent(0)  # a (focus) border must not push the text in
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setAccessibleName(text)
        self.refresh_font()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)

    def make_focus_target(self) -> None:
        """The page's heading takes the focus when the page opens (by program or click,
        not by Tab): a screen reader then reads where the user is, and Tab goes on to the
        first question. It shows the focus mark like any control."""
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def refresh_font(self) -> None:
        """Called by :func:`zelfscan.gui.theme.set_text_scale` after the app font changed."""
        self.setFont(scaled_font(self._factor))


class ReflowContent(QWidget):
    """The content of a :class:`ReflowScrollArea`: as tall as its width needs, no taller.

    Qt sums the *minimum* heights of word-wrapping labels (each measured at a guessed width)
    into the content's minimum height, so a page was as tall as if every paragraph were
    narrow: on a wide window the start screen scrolled past empty space and "Start deze
    scan" fell below the fold. Only the width is a hard minimum here; the height comes from
    ``heightForWidth``, which :class:`QScrollArea` asks for."""

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        if layout is None:
            return super().minimumSizeHint()
        return QSize(layout.totalMinimumSize().width(), 0)


class ReflowScrollArea(QScrollArea):
    """A frameless, vertical-only scroll area for a page of wrapping text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:
        layout = widget.layout()
        if layout is not None:  # the height follows the width (see ReflowContent)
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        super().setWidget(widget)
