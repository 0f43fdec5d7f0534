"""The size and place of the first window: the whole start screen, inside the screen.

Qt's own choice (the size hint of a window whose content sits in a scroll area) was 520×373:
on a 13-inch laptop the start buttons were below the fold. Here the window asks the start
screen how tall it is at a comfortable reading width, and takes that, but never more than
the screen's *available* area (without task bar or dock), centred in it. On a 1024×600 netbook
that is the whole available area; the start screen then scrolls, as it must at 200% text.

The size and place are remembered only when the user keeps settings anyway (a settings file
exists, :meth:`zelfscan.gui.privacy.Privacy.remember_window`); otherwise they are worked out
again at every start and no file records how someone's screen is set up.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLayout, QMainWindow, QScrollArea, QWidget

READING_WIDTH_EM = 64
"""A comfortable line length for the start screen's paragraphs, in widths of "M"."""


def start_content(window: QMainWindow) -> QWidget | None:
    """The start screen's scrolled content (the part that must be seen whole)."""
    start = getattr(window, "start", None)
    scroll = start.findChild(QScrollArea) if isinstance(start, QWidget) else None
    return scroll.widget() if scroll is not None else None


def preferred_size(window: QMainWindow, max_width: int | None = None) -> QSize:
    """The window size that shows the start screen without scrolling.

    Starts at a comfortable reading width and widens (up to ``max_width``) while the start
    screen is taller than would fit a screen that wide at 16:9 or so: wider lines mean fewer
    of them, which on a low laptop screen is what brings "Start deze scan" into view."""
    metrics = window.fontMetrics()
    em = metrics.horizontalAdvance("M")
    width = em * READING_WIDTH_EM
    content = start_content(window)
    layout = content.layout() if content is not None else None
    if layout is None:
        return window.sizeHint().expandedTo(QSize(width, width * 3 // 4))
    width = max(width, layout.minimumSize().width())
    limit = max(width, max_width or width)
    height = _height_for(window, layout, width)
    while width < limit and height > width * 9 // 16:
        width = min(limit, width + em * 4)
        height = _height_for(window, layout, width)
    return QSize(width, height)


def _height_for(window: QMainWindow, layout: QLayout, width: int) -> int:
    chrome_w, chrome_h = _chrome(window)
    inner = width - chrome_w
    height = layout.totalHeightForWidth(inner) if layout.hasHeightForWidth() else 0
    return (height or layout.sizeHint().height()) + chrome_h


def _chrome(window: QMainWindow) -> tuple[int, int]:
    """Width and height the window adds around the start content: menu bar, margins."""
    menu = window.menuBar().sizeHint().height() if window.menuBar() is not None else 0
    start = getattr(window, "start", None)
    margins_w = margins_h = 0
    start_layout = start.layout() if isinstance(start, QWidget) else None
    if start_layout is not None:
        m = start_layout.contentsMargins()
        margins_w, margins_h = m.left() + m.right(), m.top() + m.bottom()
    frame = window.style().pixelMetric(window.style().PixelMetric.PM_ScrollBarExtent)
    # a little slack, so rounding in word wrap never brings in a scroll bar
    slack = window.fontMetrics().height()
    return margins_w + frame, menu + margins_h + slack


def fit(size: QSize, available: QRect) -> QRect:
    """``size`` shrunk to ``available`` where needed, centred in it."""
    width = min(size.width(), available.width())
    height = min(size.height(), available.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def place_first_window(
    window: QMainWindow,
    available: QRect | None = None,
    remembered: tuple[int, int, int, int] | None = None,
) -> QRect:
    """Size and centre ``window`` on ``available`` (default: its screen's available area),
    or put it where it was last time (``remembered``: x, y, width, height, from the
    settings) when that still fits the screen.

    Returns the geometry given to the window's client area, which leaves room for a title
    bar and border (the real frame is only known once the window is shown)."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)
    if remembered is not None:
        last = QRect(*remembered)
        if available.contains(last):  # the same screen (set-up) as last time
            window.resize(last.size())
            window.move(last.topLeft())
            return last
    window.ensurePolished()
    style = window.style()
    title = style.pixelMetric(style.PixelMetric.PM_TitleBarHeight)
    border = style.pixelMetric(style.PixelMetric.PM_DefaultFrameWidth) * 2
    # the window manager's frame goes around the client area: keep it on the screen too
    inside = available.adjusted(border, title + border, -border, -border)
    size = preferred_size(window, inside.width())
    # room for the scan pages too, which are longer than the start screen
    size.setHeight(max(size.height(), inside.height() * 4 // 5))
    rect = fit(size, inside)
    window.resize(rect.size())
    window.move(rect.topLeft())
    return rect
