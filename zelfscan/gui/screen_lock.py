"""Screen lock: hide every answer at once (Ctrl+L, or after idle time) until the user comes back.

A locked window shows only a lock screen: the scan is not just covered but taken out of the
visible stack, other windows (urgent help, open dialogs) are closed, and every menu action
is disabled. For a vault scan locking goes further: the scan is saved, the session cleared
and the key dropped, so the answers are gone from memory until the passphrase is typed again
and the scan resumes where it was. A memory-only scan can not be dropped (nothing else holds
it), so it stays hidden behind an "Unlock" button.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.session import StorageChoice
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import _

if TYPE_CHECKING:
    from zelfscan.gui.shell import Shell
    from zelfscan.gui.vault.flow import VaultFlow

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


HEARTBEAT_MS = 30_000
"""How often the wall clock is compared while the app runs (see :class:`IdleWatcher`)."""


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``interval`` ms without keyboard, mouse or touch input.

    Sleep and a closed lid count as time without input. ``QTimer`` runs on a monotonic clock
    that stands still while the laptop sleeps (Linux, macOS), so after two hours in a bag a
    10-minute countdown would still have minutes to go, and the first touch of the mouse
    would restart it: the answers would be on screen for whoever opens the lid. So the wall
    clock of the last input is kept as well and compared (``wall``, injectable for tests):
    at the first input after a gap longer than the interval (which then locks instead of
    restarting the countdown), every :data:`HEARTBEAT_MS`, and when the app becomes active
    again. Locking when the *screen* locks would need each OS's own session notifications;
    the wall clock covers that case too, at the latest by the end of the interval.

    It watches the top-level windows (each one from the moment it first gets the focus),
    not the whole application: keyboard, mouse and touch input reach a window before the
    widget in it, but an application-wide filter also sees every paint, layout and child
    event of every widget. As a Python filter that cost ~80 ms of start-up and a large part
    of every page change (docs/performance.md), to look at input that is a tiny share of
    those events.
    """

    idle = Signal()

    def __init__(
        self, parent: QObject | None = None, *, wall: Callable[[], float] = time.time
    ) -> None:
        super().__init__(parent)
        self.wall = wall
        self.last_input = wall()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._went_idle)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.check_wall_clock)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            app.applicationStateChanged.connect(self._on_state)
            self.watch(app.focusWindow())

    def watch(self, window: QWindow | None) -> None:
        """Count input in ``window`` as activity (again is harmless: Qt keeps one filter)."""
        if window is not None:
            window.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """0 means never."""
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self.timer.stop()
        self.heartbeat.stop()
        self.timer.setInterval(max(ms, 0))
        if ms > 0:
            self.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.counting():
            if self.slept_past_interval():
                self._went_idle()  # the first touch after the lid opens: lock, don't restart
            else:
                self.restart()  # restart the countdown
        return False

    def counting(self) -> bool:
        return self.timer.interval() > 0 and self.timer.isActive()

    def slept_past_interval(self) -> bool:
        """More wall-clock time than the interval has passed since the last input."""
        return self.wall() - self.last_input >= self.timer.interval() / 1000

    def check_wall_clock(self) -> None:
        """Heartbeat and app activation: idle when the wall clock says so (sleep, lid)."""
        if self.counting() and self.slept_past_interval():
            self._went_idle()

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_wall_clock()

    def _went_idle(self) -> None:
        self.timer.stop()
        self.heartbeat.stop()
        self.idle.emit()

    def restart(self) -> None:
        if self.timer.interval() > 0:
            self.last_input = self.wall()
            self.timer.start()
            if not self.heartbeat.isActive():
                self.heartbeat.start()


class LockScreen(QWidget):
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = Heading(level=1, parent=self)
        self.text = plain_label(parent=self, name="lockText")
        self.button = QPushButton(self)
        self.button.clicked.connect(self.unlock_requested.emit)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        margin = self.fontMetrics().height() * 3
        layout.setContentsMargins(margin, margin, margin, margin)
        self.vault = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Zelfscan is locked"))
        if self.vault:
            self.text.setText(
                _(
                    "Your answers are saved in your encrypted vault and have been removed "
                    "from memory. Type your passphrase to carry on where you were."
                )
            )
        else:
            self.text.setText(
                _("Your answers are hidden. They are still in memory until you close the app.")
            )
        self.text.setAccessibleName(self.text.text())
        self.button.setText(_("&Unlock…") if self.vault else _("&Unlock"))
        self.button.setAccessibleName(_("Unlock"))


class LockController(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: Shell, flow: VaultFlow | None) -> None:
        super().__init__(window)
        self.window = window
        self.flow = flow
        self.screen = LockScreen(window)
        self.screen.unlock_requested.connect(self.unlock)
        window.add_page(self.screen)
        self.locked = False
        self._before: QWidget | None = None
        self._enable_again: Callable[[], None] = lambda: None
        self._resume_id: str | None = None
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.auto_lock)

    def has_content(self) -> bool:
        return self.window.session is not None or (
            self.flow is not None and self.flow.controller.is_open
        )

    def auto_lock(self) -> None:
        if self.has_content() and not self.locked:
            self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        window = self.window
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.hide()
        window.close_side_windows()
        session = window.session
        vault_scan = session is not None and session.storage is StorageChoice.VAULT
        self.screen.vault = bool(self.flow and (vault_scan or self.flow.controller.is_open))
        if self.flow is not None and self.flow.controller.is_open:
            controller = self.flow.controller
            self._resume_id = None
            if vault_scan and controller.scan is not None:
                controller.save_now()
                if self._stored(controller.scan.id):  # else no answer yet: nothing to resume
                    self._resume_id = controller.scan.id
            if vault_scan:
                window.close_scan()
            controller.lock()
        self._before = None if self.screen.vault else window.current_page()
        window.show_page(self.screen)
        self._enable_again = window.suspend_actions()
        self.screen.retranslate()
        self.screen.button.setFocus()
        self.locked_changed.emit(True)

    def _stored(self, scan_id: str) -> bool:
        vault = self.flow.controller.vault if self.flow else None
        return vault is not None and any(s.id == scan_id for s in vault.scans())

    def unlock(self) -> None:
        if not self.locked:
            return
        if self.screen.vault and self.flow is not None:
            self.flow.ask_unlock(self._after_vault_unlock)
            return
        self._show(self._before)

    def _after_vault_unlock(self) -> None:
        scan_id, self._resume_id = self._resume_id, None
        self._show(None)
        if scan_id is not None and self.flow is not None and self._stored(scan_id):
            self.flow.resume(scan_id)

    def _show(self, widget: QWidget | None) -> None:
        self.locked = False
        self._enable_again()
        self._enable_again = lambda: None
        target = widget if widget is not None and widget is not self.screen else None
        self.window.show_page(target)
        self._before = None
        self.idle.restart()
        self.locked_changed.emit(False)

    def retranslate(self) -> None:
        self.screen.retranslate()
