"""The audience view: large text for the projector, one :class:`Slide` at a time.

A separate top-level window rather than a full-screen main window, because that works with
both set-ups a trainer meets: with an *extended* desktop it opens full screen on the other
screen (the projector) while the laptop keeps the wizard and the trainer console; with a
*mirrored* screen it covers the wizard, and F5 or Esc returns to it.

The room sees the theme, the demo person's result in words, symbol and score (never colour
alone), the question to discuss and the key message. The trainer notes are not on it; on a
single screen N shows them for a moment (and hides them again), B blacks the screen out.
Someone's own scan never shows here while the "demo persons only" lock is on.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.training.poll_chart import PollChart
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language
from zelfscan.report import slides
from zelfscan.report.slides import Slide


class _Body(QWidget):
    """The scrolling part. Its height is what its wrapped text needs at the width it gets
    (height-for-width), not the labels' own size hints: those wrap at a narrower width and
    made a scroll bar appear where the content fits."""

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)


class PresenterView(QWidget):
    closed = Signal()
    """The trainer closed the view (F5, Esc or the button)."""
    back_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.slide: Slide = slides.waiting_slide(None, current_language())
        self.locked = True
        """"Alleen voorbeeldpersonen": someone's own scan is replaced by a neutral slide."""
        self.show_notes = False
        outer = self._outer = QVBoxLayout(self)
        self.context = plain_label(parent=self, name="presenterContext")
        self.title = plain_label(parent=self, name="presenterTitle")
        self.result = plain_label(parent=self, name="presenterResult")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = _Body(self.scroll_area)
        body_layout = self._body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)  # aligned with the title above
        self.body = plain_label(parent=body, name="presenterBody")
        self.chart = PollChart(body)
        self.discussion_heading = plain_label(parent=body, name="presenterHeading")
        self.discussion = plain_label(parent=body, name="presenterDiscussion")
        self.key_heading = plain_label(parent=body, name="presenterHeading")
        self.key_message = plain_label(parent=body, name="presenterKeyMessage")
        self.notes_heading = plain_label(parent=body, name="presenterHeading")
        self.notes = plain_label(parent=body, name="presenterNotes")
        self._blocks: tuple[QLabel, ...] = (
            self.body,
            self.discussion_heading,
            self.discussion,
            self.key_heading,
            self.key_message,
            self.notes_heading,
            self.notes,
        )
        for label in self._blocks:
            body_layout.addWidget(label)
        body_layout.insertWidget(1, self.chart)  # the room poll's bars, after the body
        body_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        for widget in (self.context, self.title, self.result):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            outer.addWidget(widget)
        outer.addWidget(self.scroll_area, 1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self.close)
        for button in (self.back_button, self.next_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work anywhere anyway
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        outer.addLayout(row)
        self.black = QWidget(self)
        self.black.setObjectName("presenterBlack")
        self.black.setStyleSheet("background: black;")
        self.black.hide()
        self.resize(1280, 720)
        self.show_slide(self.slide)

    # --- what is shown ----------------------------------------------------------------------
    @property
    def shown(self) -> Slide:
        """The slide on the projector: with the lock on, never someone's own scan."""
        slide = self.slide
        if self.locked and slide.own:
            return slides.own_scan_slide(slide.scan, current_language())
        return slide

    def show_slide(self, slide: Slide) -> None:
        self.slide = slide
        self.refresh()

    def set_locked(self, on: bool) -> None:
        self.locked = on
        self.refresh()

    def toggle_black(self) -> None:
        """B: a black screen for the room (a discussion without the slide), and back."""
        self.black.setVisible(not self.black.isVisible())
        if self.black.isVisible():
            self.black.setGeometry(self.rect())
            self.black.raise_()

    def toggle_notes(self) -> None:
        """N: the trainer notes on this screen, for a single mirrored screen only."""
        self.show_notes = not self.show_notes
        self.refresh()

    def refresh(self) -> None:
        self._retranslate_buttons()
        slide = self.shown
        notes = slide.notes if self.show_notes and not slide.own else ""
        pairs: tuple[tuple[QLabel, str], ...] = (
            (self.context, slide.context),
            (self.title, slide.title),
            (self.result, slide.result),
            (self.body, slide.body),
            (self.discussion_heading, _("To discuss") if slide.discuss else ""),
            (self.discussion, slide.discuss),
            (self.key_heading, _("Remember") if slide.key_message else ""),
            (self.key_message, slide.key_message),
            (self.notes_heading, _("For the trainer") if notes else ""),
            (self.notes, notes),
        )
        for label, text in pairs:
            label.setText(text)
            label.setAccessibleName(text)
            label.setVisible(bool(text))
        # a room poll: aligned bars instead of the body's text (which names the chart)
        self.chart.set_rows(slide.poll, slide.body)
        self.chart.setVisible(bool(slide.poll))
        self.body.setVisible(bool(slide.body) and not slide.poll)
        self._apply_fonts()

    def set_navigation(self, back: bool, forward: bool) -> None:
        self.back_button.setEnabled(back)
        self.next_button.setEnabled(forward)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.black.hide()  # the next F5 shows the slide, not a black screen
        self.show_notes = False  # and never the notes by surprise
        self.refresh()
        self.closed.emit()

    # --- showing ------------------------------------------------------------------------
    def present(self, anchor: QWidget) -> bool:
        """Full screen on a screen other than ``anchor``'s if there is one (the projector on
        an extended desktop), else full screen over it (a mirrored projector). True when it
        went to another screen."""
        home = anchor.screen()
        others = [s for s in QGuiApplication.screens() if s is not home]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        return bool(others)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.black.setGeometry(self.rect())
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        """Text grows with the window: readable from the back of a room at 1280×720. A long
        slide (the results) steps its body text down until it fits, so there is no scroll
        bar where the content could fit; only text that can not fit at 60% scrolls."""
        base = max(QFont(self.font()).pixelSize(), self.height() // 26, 16)
        sizes = {
            self.context: 0.8,
            self.title: 1.9,
            self.result: 1.35,
        }
        for label, size in sizes.items():
            self._set_font(label, round(base * size), bold=label is self.title)
        margin = base
        self._outer.setContentsMargins(margin * 2, margin, margin * 2, margin // 2)
        for button in (self.back_button, self.next_button, self.close_button):
            font = QFont(button.font())
            font.setPixelSize(round(base * 0.7))  # big enough to hit on a touch screen too
            button.setFont(font)
        self._fit_body(base)

    def _fit_body(self, base: int) -> None:
        headings = (self.discussion_heading, self.key_heading, self.notes_heading)
        layout = self._body_layout
        for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
            size = round(base * scale)
            for label in self._blocks:
                self._set_font(
                    label, round(size * (1.1 if label in headings else 1.0)), label in headings
                )
            self.chart.setFont(self.body.font())
            layout.setSpacing(size // 3)
            for heading in headings:
                heading.setContentsMargins(0, size, 0, 0)  # a blank line before each block
            self._outer.activate()  # the title lines took their new height
            width = self.scroll_area.width()
            if layout.totalHeightForWidth(width) <= self.scroll_area.height():
                break

    @staticmethod
    def _set_font(label: QLabel, pixels: int, bold: bool) -> None:
        font = QFont(label.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        label.setFont(font)

    def _retranslate_buttons(self) -> None:
        self.setWindowTitle(_("Audience view — Zelfscan"))
        self.setAccessibleName(_("Audience view"))
        self.black.setAccessibleName(_("Black screen"))
        texts = (
            (self.back_button, _("< Back (Page Up)"), _("Back")),
            (self.next_button, _("Next (Page Down) >"), _("Next")),
            (self.close_button, _("Close (F5)"), _("Close the audience view")),
        )
        for button, text, name in texts:
            button.setText(text)
            button.setAccessibleName(name)
