"""The text size reaches every widget, also under the app's stylesheet (issue #17 item 2).

Under an application stylesheet Qt did not hand a new application font to widgets that were
already polished: the start screen's body text, its radio buttons and "Start deze scan"
stayed at 100% while the headings grew. These tests run with the real stylesheet.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle

from zelfscan.gui import theme
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.session import StorageChoice


def sizes(window: MainWindow) -> dict[str, float]:
    start = window.start
    card = start.cards[0]
    return {
        "body": start.lead.font().pointSizeF(),
        "radio": start.storage_buttons[StorageChoice.MEMORY].font().pointSizeF(),
        "start button": card.button.font().pointSizeF(),
        "card text": card.intro.font().pointSizeF(),
        "heading": start.heading.font().pointSizeF(),
    }


@pytest.mark.parametrize("percent", [150, 200])
def test_every_widget_on_the_start_screen_grows(styled, window: MainWindow, percent: int) -> None:  # type: ignore[no-untyped-def]
    before = sizes(window)
    window.set_text_scale(percent)
    after = sizes(window)
    for name, size in before.items():
        assert after[name] == pytest.approx(size * percent / 100, rel=0.05), name


def test_training_mode_reaches_the_body_text_too(styled, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    before = sizes(window)["body"]
    window.set_training(True)
    assert sizes(window)["body"] == pytest.approx(before * 1.5, rel=0.05)


def test_widgets_made_after_the_change_are_large_too(styled, window: MainWindow, mini) -> None:  # type: ignore[no-untyped-def]
    body = window.start.lead.font().pointSizeF()
    window.set_text_scale(200)  # as at start-up, when the settings ask for 200%
    wizard = window.start_scan(mini.id)
    page = wizard.currentPage()
    button = next(iter(page.questions.values())).controls()[0]
    assert button.font().pointSizeF() == pytest.approx(body * 2, rel=0.05)


def test_indicators_grow_with_the_text(styled, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    radio = window.start.storage_buttons[StorageChoice.MEMORY]
    metric = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
    small = radio.style().pixelMetric(metric, None, radio)
    window.set_text_scale(200)
    assert radio.style().pixelMetric(metric, None, radio) >= small * 1.9
    box = QCheckBox(window.start)  # check boxes follow the same token
    check = QStyle.PixelMetric.PM_IndicatorHeight
    assert box.style().pixelMetric(check, None, box) >= small * 1.9


def test_the_focus_mark_is_at_least_two_pixels(styled, window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """WCAG 2.4.7: a faint 1 px outline was the only sign of focus on buttons."""
    from PySide6.QtGui import QColor

    from zelfscan.gui import tokens

    window.activateWindow()
    button = window.start.cards[0].button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    image = button.grab().toImage()
    focus = QColor(tokens.LIGHT.focus)
    row = image.height() // 2

    def is_focus(x: int) -> bool:
        pixel = image.pixelColor(x, row)
        return abs(pixel.red() - focus.red()) + abs(pixel.green() - focus.green()) < 30

    assert tokens.FOCUS_WIDTH >= 2
    assert sum(is_focus(x) for x in range(6)) >= 2
    assert sum(is_focus(image.width() - 1 - x) for x in range(6)) >= 2


def test_the_overall_level_has_its_colour_band_next_to_the_word(styled, wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Level = word + symbol + colour band (issue #17 item 11); the band is never alone."""
    from PySide6.QtGui import QColor

    from zelfscan.gui import tokens

    from .test_results_page import to_results
    from .test_wizard import FULL

    to_results(wizard, FULL)
    overall = wizard.results.overall
    card = overall.parentWidget()
    level = card.property("level")
    assert level in {"goed", "aandacht", "risico", "onbekend"}
    image = card.grab().toImage()
    band = QColor(getattr(tokens.LIGHT, f"band_{level}"))
    pixel = image.pixelColor(2, image.height() // 2)
    assert abs(pixel.red() - band.red()) + abs(pixel.green() - band.green()) < 30
    assert overall.text().split(" ")[0] in {"✓", "⚠", "✗", "?"} or overall.text()[0] != ""


def test_high_contrast_keeps_the_systems_colours_and_our_sizes(  # type: ignore[no-untyped-def]
    styled, window: MainWindow, monkeypatch
) -> None:
    from PySide6.QtGui import QPalette

    from zelfscan.gui import tokens

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(theme, "high_contrast", lambda: True)
    theme.apply_stylesheet(app)
    assert tokens.LIGHT.canvas not in app.styleSheet()
    assert "font-size" in app.styleSheet()
    window_colour = app.palette().color(QPalette.ColorRole.Window).name()
    assert window_colour != tokens.LIGHT.canvas  # ours would hide the high-contrast scheme
    body = sizes(window)["body"]
    window.set_text_scale(200)
    assert sizes(window)["body"] == pytest.approx(body * 2, rel=0.05)
    monkeypatch.undo()
    theme.apply_stylesheet(app)
