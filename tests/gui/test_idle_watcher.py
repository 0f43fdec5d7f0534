"""The auto-lock countdown restarts on input in any window, and only on input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from zelfscan.gui.screen_lock import IdleWatcher


class _Spy:
    def __init__(self, watcher: IdleWatcher) -> None:
        self.restarts = 0
        original = watcher.timer.start

        def start(*args: object) -> None:
            self.restarts += 1
            original(*args)

        watcher.timer.start = start  # type: ignore[method-assign]


def test_input_in_a_window_restarts_the_countdown_other_events_do_not(qtbot) -> None:
    watcher = IdleWatcher()
    watcher.set_minutes(10)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is field.windowHandle())
    spy = _Spy(watcher)
    window = field.windowHandle()

    QTest.keyClick(window, Qt.Key.Key_A)
    assert spy.restarts >= 1
    assert field.text() == "a"  # the filter only looks: the key still reaches the field

    before = spy.restarts
    field.update()
    field.resize(field.width() + 10, field.height())
    QApplication.processEvents()
    assert spy.restarts == before  # paint and resize are no activity

    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, move)
    assert spy.restarts == before + 1


def test_a_window_shown_later_is_watched_once_it_has_the_focus(qtbot) -> None:
    watcher = IdleWatcher()
    watcher.set_minutes(10)
    spy = _Spy(watcher)
    later = QLineEdit()
    qtbot.addWidget(later)
    later.show()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is later.windowHandle())
    QTest.keyClick(later.windowHandle(), Qt.Key.Key_B)
    assert spy.restarts >= 1


def test_no_countdown_no_restart(qtbot) -> None:
    watcher = IdleWatcher()
    watcher.set_minutes(0)  # "never"
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is field.windowHandle())
    QTest.keyClick(field.windowHandle(), Qt.Key.Key_C)
    assert not watcher.timer.isActive()


class _Wall:
    """An injected wall clock: the laptop's sleep is a jump forward of this alone."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _key_in(window: object) -> None:
    QTest.keyClick(window, Qt.Key.Key_B)  # type: ignore[arg-type]


def test_the_first_input_after_sleep_locks_instead_of_restarting(qtbot) -> None:
    """Lid closed for 11 minutes: the monotonic QTimer did not count them, the wall clock did."""
    wall = _Wall()
    watcher = IdleWatcher(wall=wall)
    watcher.set_minutes(10)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is field.windowHandle())
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))

    wall.now += 9 * 60
    _key_in(field.windowHandle())
    assert fired == []  # nine minutes: a normal restart
    wall.now += 11 * 60  # asleep; the countdown (monotonic) still has minutes to go
    assert watcher.timer.isActive()
    _key_in(field.windowHandle())
    assert fired == [True]
    assert not watcher.timer.isActive()


def test_the_heartbeat_and_reactivation_lock_after_sleep_without_input(qtbot) -> None:
    wall = _Wall()
    watcher = IdleWatcher(wall=wall)
    watcher.set_minutes(10)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    assert watcher.heartbeat.isActive()
    watcher.check_wall_clock()
    assert fired == []
    wall.now += 10 * 60 + 1
    watcher.heartbeat.timeout.emit()  # what the next heartbeat after waking does
    assert fired == [True]

    watcher.restart()
    wall.now += 60 * 60
    watcher._on_state(Qt.ApplicationState.ApplicationActive)  # the app is brought back
    assert fired == [True, True]


def test_never_means_never_also_after_sleep(qtbot) -> None:
    wall = _Wall()
    watcher = IdleWatcher(wall=wall)
    watcher.set_minutes(0)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    wall.now += 24 * 3600
    watcher.check_wall_clock()
    assert fired == []
    assert not watcher.heartbeat.isActive()
