"""The first window shows the whole start screen and fits the screen (issue #17 item 1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from zelfscan.core.catalog import builtin_dirs, discover
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.window_size import fit, place_first_window

# available geometry: the screen minus a task bar of 30 pixels
SCREENS = {
    "1024x600": QRect(0, 0, 1024, 570),
    "1366x768": QRect(0, 0, 1366, 738),
    "1920x1080": QRect(0, 0, 1920, 1050),
}


@pytest.fixture
def real_window(qtbot, styled) -> MainWindow:  # type: ignore[no-untyped-def]
    catalog = discover(builtin_dirs())
    window = MainWindow(list(catalog.questionnaires.values()))
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("screen", SCREENS)
def test_the_start_screen_is_whole_and_inside_the_screen(real_window: MainWindow, screen) -> None:  # type: ignore[no-untyped-def]
    available = SCREENS[screen]
    rect = place_first_window(real_window, available)
    real_window.show()
    assert available.contains(rect)
    assert real_window.width() >= 520 * 1.5  # not Qt's 520×373 any more
    start = real_window.start
    assert start.scroll_area.verticalScrollBar().maximum() == 0  # nothing below the fold
    for card in start.cards:  # every "Start deze scan" is on screen, not clipped
        top_left = card.button.mapTo(real_window, card.button.rect().topLeft())
        assert real_window.rect().contains(top_left)
        bottom = card.button.mapTo(real_window, card.button.rect().bottomRight())
        assert real_window.rect().contains(bottom)


@pytest.mark.parametrize("screen", SCREENS)
def test_at_200_percent_the_window_still_fits_and_scrolls(real_window: MainWindow, screen) -> None:  # type: ignore[no-untyped-def]
    real_window.set_text_scale(200)
    available = SCREENS[screen]
    rect = place_first_window(real_window, available)
    assert available.contains(rect)


def test_fit_shrinks_and_centres() -> None:
    from PySide6.QtCore import QSize

    rect = fit(QSize(2000, 300), QRect(0, 0, 1000, 600))
    assert (rect.width(), rect.height()) == (1000, 300)
    assert rect.center().y() == QRect(0, 0, 1000, 600).center().y()


def test_a_remembered_place_is_used_when_it_fits_the_screen(real_window: MainWindow) -> None:
    available = SCREENS["1366x768"]
    rect = place_first_window(real_window, available, remembered=(100, 50, 900, 600))
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (100, 50, 900, 600)
    # a place on a screen that is not there any more (or larger than this one): ignored
    rect = place_first_window(real_window, available, remembered=(2000, 50, 900, 600))
    assert available.contains(rect)
    assert rect.x() != 2000


def test_the_place_is_kept_only_when_settings_are_kept(app) -> None:  # type: ignore[no-untyped-def]
    from zelfscan.storage.settings import load_settings

    settings_file = app.dirs.settings_file
    app.privacy.remember_window()
    assert not settings_file.exists()  # nothing chosen to keep: nothing written
    app.privacy.update_settings(language="en")  # the user changed a setting: kept from now
    app.window.setGeometry(120, 80, 1000, 640)
    app.privacy.remember_window()
    remembered = load_settings(settings_file).window
    assert remembered is not None
    assert remembered[2:] == (1000, 640)


def test_training_mode_remembers_nothing(qtbot, mini, dirs) -> None:  # type: ignore[no-untyped-def]
    from .vault_helpers import make_app, restored_logging

    with restored_logging():
        training = make_app(qtbot, [mini], dirs, training=True)
        training.privacy.update_settings(language="en")
        training.privacy.remember_window()
    assert not dirs.settings_file.exists()
