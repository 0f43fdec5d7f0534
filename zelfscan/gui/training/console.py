"""The trainer console: on the laptop, what the room does not see.

A dock in the main window (so the wizard stays usable next to it) with the trainer notes,
the key message and every prompt of the current theme, the next theme, the clock, the time
spent on this theme against the time planned in the session script, and the session's own
time. With two screens it opens by itself when the audience view goes to the projector;
with one (mirrored) screen it stays closed unless the trainer opens it, because the room
would see it.

Times are read from an injectable monotonic clock, so tests never wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import _
from zelfscan.report.slides import Slide


def minutes_seconds(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class TrainerConsole(QDockWidget):
    closed = Signal()
    """Closed with the dock's own close button."""
    lock_changed = Signal(bool)
    presenter_requested = Signal()
    black_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trainerConsole")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.clock, self.wall = clock, wall
        self.slide: Slide | None = None
        self.session_start: float | None = None
        self.theme_start = clock()
        self._theme_key: tuple[str | None, str] | None = None
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.time_label = plain_label(parent=inner, name="consoleClock")
        self.theme_time = plain_label(parent=inner, name="consoleThemeTime")
        self.screen_state = plain_label(parent=inner, name="consoleScreenState")
        self.now_heading = Heading(level=2, parent=inner)
        self.key_message = plain_label(parent=inner, name="consoleKeyMessage")
        self.prompts_heading = Heading(level=3, parent=inner)
        self.prompts = plain_label(parent=inner, name="consolePrompts")
        self.notes_heading = Heading(level=3, parent=inner)
        self.notes = plain_label(parent=inner, name="consoleNotes")
        self.next_label = plain_label(parent=inner, name="consoleNext")
        for widget in (
            self.time_label,
            self.theme_time,
            self.screen_state,
            self.now_heading,
            self.key_message,
            self.prompts_heading,
            self.prompts,
            self.notes_heading,
            self.notes,
            self.next_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        for label, scale in ((self.time_label, 1.5), (self.theme_time, 1.2)):
            font = QFont(label.font())  # the clock is read at a glance, mid-sentence
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(True)
            label.setFont(font)
        self.lock = QCheckBox(inner)
        self.lock.setChecked(True)
        self.lock.toggled.connect(self.lock_changed)
        layout.addWidget(self.lock)
        row = QHBoxLayout()
        self.present_button = QPushButton(inner)
        self.present_button.clicked.connect(self.presenter_requested)
        self.black_button = QPushButton(inner)
        self.black_button.clicked.connect(self.black_requested)
        self.restart_button = QPushButton(inner)
        self.restart_button.clicked.connect(self.restart_clock)
        for button in (self.present_button, self.black_button, self.restart_button):
            row.addWidget(button)
        layout.addLayout(row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.setWidget(scroll)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.screen_text = ""
        self.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.ticker.stop()
        self.closed.emit()

    # --- content ---------------------------------------------------------------------------
    def show_slide(self, slide: Slide) -> None:
        key = (slide.section_id, slide.title)
        if key != self._theme_key:  # a new step: its own time starts now
            self._theme_key = key
            self.theme_start = self.clock()
        self.slide = slide
        self.retranslate()

    def set_screen_state(self, text: str) -> None:
        """What the projector shows now, in words ("Op het scherm: ...")."""
        self.screen_text = text
        self.screen_state.setText(text)
        self.screen_state.setAccessibleName(text)
        self.screen_state.setVisible(bool(text))

    def start_session(self) -> None:
        """The session clock starts at the first F5 and runs until "Klok opnieuw"."""
        if self.session_start is None:
            self.session_start = self.clock()
        self.ticker.start()
        self.tick()

    def restart_clock(self) -> None:
        self.session_start = self.clock()
        self.theme_start = self.clock()
        self.tick()

    def tick(self) -> None:
        now = self.clock()
        parts = [self.wall().strftime("%H:%M")]
        if self.session_start is not None:
            parts.append(
                _("session {elapsed}").format(elapsed=minutes_seconds(now - self.session_start))
            )
        text = " · ".join(parts)
        self.time_label.setText(text)
        self.time_label.setAccessibleName(text)
        spent = now - self.theme_start
        slide = self.slide
        if slide is not None and slide.minutes:
            theme = _("This step: {spent} of {planned} min").format(
                spent=minutes_seconds(spent), planned=slide.minutes
            )
            if spent > slide.minutes * 60:
                theme = "⏰ " + theme + " · " + _("over time")
        else:
            theme = _("This step: {spent}").format(spent=minutes_seconds(spent))
        self.theme_time.setText(theme)
        self.theme_time.setAccessibleName(theme)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Trainer console"))
        self.setAccessibleName(_("Trainer console"))
        slide = self.slide
        texts = (
            (self.now_heading, _("Now: {title}").format(title=slide.title) if slide else ""),
            (
                self.key_message,
                _("Key message: {text}").format(text=slide.key_message)
                if slide and slide.key_message
                else "",
            ),
            (self.prompts_heading, _("Prompts for the room") if slide and slide.prompts else ""),
            (
                self.prompts,
                "\n".join(f"{n}. {p}" for n, p in enumerate(slide.prompts, 1)) if slide else "",
            ),
            (self.notes_heading, _("Trainer notes") if slide and slide.notes else ""),
            (self.notes, slide.notes if slide else ""),
            (
                self.next_label,
                _("Next: {title}").format(title=slide.next_title)
                if slide and slide.next_title
                else "",
            ),
        )
        for label, text in texts:
            label.setText(text)
            label.setAccessibleName(text)
            label.setVisible(bool(text))
        self.lock.setText(_("Only demo persons on the projector"))
        self.lock.setAccessibleName(self.lock.text())
        self.lock.setAccessibleDescription(
            _("Someone's own scan is never shown on the audience view")
        )
        buttons = (
            (self.present_button, _("Audience view (F5)")),
            (self.black_button, _("Black screen (B)")),
            (self.restart_button, _("Restart the clock")),
        )
        for button, text in buttons:
            button.setText(text)
            button.setAccessibleName(text)
        self.tick()
