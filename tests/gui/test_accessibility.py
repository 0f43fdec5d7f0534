"""WCAG 2.1 AA basics that a test can check: names, buddies, contrast, plain text, scaling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID, ScanWizard

from .test_wizard import FULL, answer_page

STYLES = Path(__file__).resolve().parents[2] / "resources" / "styles"
INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox)


def qt_internal(widget: QWidget) -> bool:
    """Qt's own helper buttons (a line edit's clear button) are not ours to name."""
    return widget.objectName().startswith("qt_") or isinstance(widget.parent(), QLineEdit)


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and not widget.accessibleName().strip():
            if qt_internal(widget):
                continue
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {text}")
    return missing


def test_every_control_on_every_page_has_an_accessible_name(
    window: MainWindow, wizard: ScanWizard
) -> None:
    assert unnamed(window.start) == []
    seen = []
    for lang in ("nl", "en"):
        window.set_language(lang)
        wizard.restart()
        while True:
            page = wizard.currentPage()
            seen.append(page.objectName())
            if wizard.currentId() not in (REVIEW_ID, RESULTS_ID):
                answer_page(wizard, FULL)
            assert unnamed(page) == [], page.objectName()
            if wizard.currentId() == RESULTS_ID:
                break
            wizard.urgent.close()
            wizard.next()
        assert unnamed(wizard.urgent) == []
    assert "results" in seen
    assert "review" in seen


def test_question_labels_are_buddies_and_controls_are_described(wizard: ScanWizard) -> None:
    for page in wizard.section_pages.values():
        page.ensure_built()  # pages build their widgets on the first visit
        assert page.questions
        for widget in page.questions.values():
            assert widget.label.buddy() is widget.controls()[0]
            for control in widget.controls():
                assert widget.question.text.get("nl") in control.accessibleDescription()
                if widget.question.help is not None:
                    assert widget.question.help.get("nl") in control.accessibleDescription()


def test_content_labels_are_plain_text(wizard: ScanWizard) -> None:
    for page_id in wizard.pageIds():
        for label in wizard.page(page_id).findChildren(QLabel):
            if label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_help_opens_on_demand(wizard: ScanWizard) -> None:
    answer_page(wizard, FULL)
    wizard.next()
    question = wizard.currentPage().questions["slot"]
    assert question.help_label is not None
    assert question.help_button is not None
    assert not question.help_label.isVisible()
    question.help_button.click()
    assert question.help_label.isVisible()
    assert question.help_label.text() == "Een goed slot houdt inbrekers tegen."


def test_text_scales_to_200_percent(window: MainWindow, wizard: ScanWizard, qtbot) -> None:
    page = wizard.currentPage()
    before = page.heading.font().pointSizeF()
    label_before = page.progress_label.font().pointSizeF()
    window.set_text_scale(200)
    assert page.heading.font().pointSizeF() == pytest.approx(before * 2, rel=0.05)
    # Qt propagates the application font to existing widgets through posted events
    qtbot.waitUntil(lambda: page.progress_label.font().pointSizeF() >= label_before * 1.95)
    button = page.questions["rol"].buttons["raadslid"]
    assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())


# --- contrast: every colour pair in the stylesheets meets WCAG AA (4.5:1) ------------------


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour_pairs(qss: str) -> list[tuple[str, str, str]]:
    text = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    pairs = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        fg = re.search(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,6})", body)
        bg = re.search(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,6})", body)
        if fg or bg:
            assert fg, f"{selector.strip()}: set the text colour with the background"
            assert bg, f"{selector.strip()}: set the background with the text colour"
            pairs.append((selector.strip(), fg.group(1), bg.group(1)))
    return pairs


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("scheme", ["LIGHT", "DARK"])
def test_stylesheet_colours_meet_wcag_aa(scheme: str) -> None:
    from zelfscan.gui import tokens

    colours = getattr(tokens, scheme)
    qss = tokens.stylesheet((STYLES / "app.qss").read_text(encoding="utf-8"), colours, 10, 1)
    pairs = colour_pairs(qss)
    assert pairs, "no colour pairs found"
    for selector, fg, bg in pairs:
        assert contrast(fg, bg) >= 4.5, f"{scheme} {selector}: {fg} on {bg}"
    # what the palette pairs too (tables, combo boxes): text, secondary text, selection
    for fg, bg in (
        (colours.text, colours.canvas),
        (colours.text, colours.surface),
        (colours.muted, colours.surface),
        (colours.muted, colours.canvas),
        (colours.on_accent, colours.accent),
        (colours.accent, colours.surface),
        (colours.accent, colours.canvas),
        (colours.text, colours.accent_soft),
    ):
        assert contrast(fg, bg) >= 4.5, f"{scheme}: {fg} on {bg}"
    # non-text contrast (WCAG 1.4.11): control outlines and the focus mark, >= 3:1
    for edge in (colours.border_strong, colours.focus):
        for bg in (colours.canvas, colours.surface):
            assert contrast(edge, bg) >= 3, f"{scheme}: {edge} against {bg}"


def test_font_sizes_in_the_stylesheet_follow_the_text_size() -> None:
    """Font sizes only as tokens: the text-size menu scales all of them (200% without
    clipping), and high contrast keeps them while dropping every colour."""
    from zelfscan.gui import tokens

    template = (STYLES / "app.qss").read_text(encoding="utf-8")
    sizes = re.findall(r"font-size:\s*([^;]+);", template)
    assert sizes
    assert all(re.fullmatch(r"\$\{\w+_pt\}pt", s) for s in sizes), sizes
    at_100 = tokens.stylesheet(template, tokens.LIGHT, 10, 1)
    at_200 = tokens.stylesheet(template, tokens.LIGHT, 20, 2)
    assert "font-size: 10.0pt" in at_100
    assert "font-size: 20.0pt" in at_200
    high = tokens.stylesheet(template, None, 10, 1)
    assert "font-size: 10.0pt" in high
    assert not re.search(r"#[0-9a-fA-F]{6}", high)
