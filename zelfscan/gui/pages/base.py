"""What every wizard page shares: a progress line, a scroll area and re-translation.

Pages are long at 200% text size, so the content always sits in a QScrollArea; the progress
line stays visible above it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.common import ReflowContent, ReflowScrollArea, plain_label
from zelfscan.gui.widgets.wrapping import WrappingButton
from zelfscan.i18n import _


class AfterFirstPaint(QObject):
    """Event filter: after the watched widget's next paint, run ``then`` (once per install).

    For work that can wait until the page the user asked for is on screen. Not a plain zero
    timer: Qt 6 paints on an update request that comes ~5 ms later, so a zero timer ran first
    and delayed that paint by the whole of the work."""

    def __init__(self, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)  # after this paint has finished
        return False


class ScanPage(QWizardPage):
    """A page with a progress line on top and scrollable content below."""

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        outer = self.page_layout = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        progress = QWidget(self)  # one item in page_layout: banners go in under it
        progress_layout = QVBoxLayout(progress)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.setSpacing(0)
        self.progress_label: QLabel = plain_label(parent=progress, name="progress")
        self.step_bar = QProgressBar(progress)  # the steps at a glance; never goes back
        self.step_bar.setObjectName("stepBar")
        self.step_bar.setTextVisible(False)
        self.step_bar.setFixedHeight(max(4, self.fontMetrics().height() // 4))
        self.step_bar.setVisible(False)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.step_bar)
        outer.addWidget(progress)
        self.scroll_area = ReflowScrollArea(self)
        self.content = ReflowContent()
        self.content.setObjectName("pageContent")
        self.content_layout = QVBoxLayout(self.content)
        self.scroll_area.setWidget(self.content)
        outer.addWidget(self.scroll_area, 1)
        self.prepared_viewport: QSize | None = None
        """What :meth:`prepare_layout` last laid out for (None: not laid out ahead)."""

    def prepare_layout(self, viewport: QSize) -> None:
        """Lay out this (hidden) page's content ahead, for the scroll area's ``viewport``
        (that of the page on screen), so that showing it finds the work done.

        Showing a page laid out its content for the first time: a word-wrapping label lays
        out its text several times the first time a layout asks for its sizes, a wrapping
        option breaks its label for its width, and the page is laid out again once they
        have. On the review and results pages that was half the click to them. Done here,
        while the user reads the page before, the click finds the same sizes and only
        shows and paints. Polished first, so the sizes are those of the stylesheet's fonts
        and margins; the content is as wide as the viewport, less the vertical scroll bar
        when it is taller, and at least as tall (what the scroll area will make it)."""
        self.ensurePolished()
        for child in self.content.findChildren(QWidget):
            child.ensurePolished()
        boxes = self._lay_out(viewport)
        buttons = [b for b in self.content.findChildren(QAbstractButton) if b.isVisibleTo(self)]
        changed = [b.wrap(b.width()) for b in buttons if isinstance(b, WrappingButton)]
        for view in self.content.findChildren(QAbstractItemView):
            # a table lays out its rows later, for the width it then has, and shows or
            # hides its scroll bars on a queued call after that
            view.doItemsLayout()
            QCoreApplication.sendPostedEvents(view, QEvent.Type.MetaCall)
            view.updateGeometry()
            changed.append(True)
        if any(changed):
            for box in reversed(boxes):  # their sizes changed with the lines
                box.updateGeometry()
            boxes = self._lay_out(viewport)
        for box in reversed(boxes):  # innermost first: each tells its parent it changed
            box.layout().activate()  # type: ignore[union-attr]
        self.content_layout.activate()
        self.prepared_viewport = viewport

    def _lay_out(self, viewport: QSize) -> list[QWidget]:
        """Size the content for ``viewport`` and hand every visible nested layout its
        widget's rectangle, outermost first: what showing the page does through the resize
        events a hidden widget only gets when shown. Returns the widgets with a layout."""
        width, height = viewport.width(), viewport.height()
        content_height = self.content.heightForWidth(width)
        if content_height > height:
            width -= self.scroll_area.verticalScrollBar().sizeHint().width()
            content_height = self.content.heightForWidth(width)
        self.content.resize(width, max(content_height, height))
        self.content_layout.setGeometry(self.content.contentsRect())
        boxes = [
            w
            for w in self.content.findChildren(QWidget)  # parents before their children
            if w.layout() is not None and w.isVisibleTo(self.content)
        ]
        for box in boxes:
            box.layout().setGeometry(box.contentsRect())  # type: ignore[union-attr]
        return boxes

    def focus_heading(self) -> bool:
        """Put the focus on the page's heading (see Heading.make_focus_target); False when
        the page has none."""
        heading = getattr(self, "heading", None)
        if heading is None or not heading.isVisible():
            return False
        heading.make_focus_target()
        self.scroll_area.verticalScrollBar().setValue(0)
        heading.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def step_position(self) -> tuple[int, int] | None:
        """(this step, all steps) for the progress line; None where it shows no step."""
        return None

    def step_text(self) -> str:
        """The progress line: "Stap 3 van 9"; pages without a step number override."""
        position = self.step_position()
        if position is None:
            return ""
        return _("Step {number} of {total}").format(number=position[0], total=position[1])

    def update_progress(self) -> None:
        text = self.step_text()
        self.progress_label.setText(text)
        self.progress_label.setAccessibleName(text)
        self.progress_label.setVisible(bool(text))
        position = self.step_position()
        self.step_bar.setVisible(position is not None)
        if position is not None:
            self.step_bar.setRange(0, position[1])
            self.step_bar.setValue(position[0])
            self.step_bar.setAccessibleName(text)

    def retranslate(self) -> None:
        self.update_progress()
