"""The page Next would open is laid out while the current one is read (ScanPage.prepare_layout),
so showing it only shows and paints; and what is kept for that is measured again when what it
depends on changes. Checked by geometry and by the labels' own answers, never by a clock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from zelfscan.gui.pages.base import ScanPage
from zelfscan.gui.widgets.common import plain_label
from zelfscan.gui.widgets.wrapping import WrapRadioButton
from zelfscan.gui.wizard import RESULTS_ID, ScanWizard

from .test_lazy_pages import built
from .test_wizard import FULL, answer_page, run_to_review

LONG = " ".join(["een lang antwoord dat over meer regels loopt"] * 6)


def geometries(page: ScanPage) -> dict[int, tuple[int, int, int, int]]:
    return {
        id(w): w.geometry().getRect()
        for w in page.content.findChildren(QWidget)
        if w.isVisibleTo(page.content)
    }


class PaintSpy(QObject):
    def __init__(self, then: Callable[[], object]) -> None:
        super().__init__()
        self.then = then
        self.seen: list[object] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen.append(self.then())
        return False


def test_the_next_page_is_laid_out_before_it_is_shown(styled, wizard: ScanWizard, qtbot) -> None:
    answer_page(wizard, FULL)
    thuis = wizard.section_pages[wizard.section_ids["thuis"]]
    qtbot.waitUntil(lambda: "thuis" in built(wizard) and thuis.prepared_viewport is not None)
    before = geometries(thuis)
    spy = PaintSpy(lambda: geometries(thuis))
    thuis.installEventFilter(spy)
    wizard.next()
    qtbot.waitUntil(lambda: bool(spy.seen))
    thuis.removeEventFilter(spy)
    assert wizard.currentPage() is thuis
    assert len(before) > 10
    assert spy.seen[0] == before  # shown as laid out: nothing moved or resized
    options = [b for b in thuis.findChildren(WrapRadioButton) if b.isVisible()]
    assert options
    assert all(b._wrapped_for is not None for b in options)
    assert all(b._wrapped_for[0] == b.width() for b in options)


def test_the_results_page_is_laid_out_while_the_review_is_read(
    styled, wizard: ScanWizard, qtbot
) -> None:
    run_to_review(wizard, FULL)
    qtbot.waitUntil(lambda: wizard._results is not None and wizard.results.evaluation is not None)
    results = wizard.results
    qtbot.waitUntil(lambda: results.prepared_viewport is not None)
    qtbot.waitUntil(lambda: results.advice_complete)
    before = geometries(results)
    spy = PaintSpy(lambda: geometries(results))
    results.installEventFilter(spy)
    wizard.next()
    qtbot.waitUntil(lambda: bool(spy.seen))
    results.removeEventFilter(spy)
    assert wizard.currentId() == RESULTS_ID
    assert spy.seen[0] == before


def test_the_plan_is_built_on_after_the_results_page_has_painted(wizard: ScanWizard, qtbot) -> None:
    run_to_review(wizard, FULL)
    qtbot.waitUntil(lambda: wizard._results is not None and wizard.results.evaluation is not None)
    results = wizard.results
    results.rebuild()  # as prepared: the plan's rows still to come
    pending = len(results._pending)
    assert pending > 0
    spy = PaintSpy(lambda: len(results._pending))
    results.installEventFilter(spy)
    wizard.next()
    qtbot.waitUntil(lambda: bool(spy.seen))
    results.removeEventFilter(spy)
    assert spy.seen[0] == pending  # the page first, then its plan
    qtbot.waitUntil(lambda: results.advice_complete)
    assert results._advice_box.isVisible()


def test_a_label_measures_again_when_its_text_or_font_changes(qtbot) -> None:
    label = plain_label("kort")
    qtbot.addWidget(label)
    plain = QLabel("kort")
    qtbot.addWidget(plain)
    plain.setWordWrap(True)

    def same() -> bool:
        return all(label.heightForWidth(w) == plain.heightForWidth(w) for w in (80, 200, 80))

    assert same()
    short = label.heightForWidth(80)
    label.setText(LONG)
    plain.setText(LONG)
    assert label.heightForWidth(80) > short
    assert same()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    before = label.heightForWidth(200)
    label.setFont(font)
    plain.setFont(font)
    assert label.heightForWidth(200) > before
    assert same()
    label.setContentsMargins(0, 10, 0, 10)
    plain.setContentsMargins(0, 10, 0, 10)
    assert same()


def painted(button: WrapRadioButton) -> str:
    """The line-broken text the button paints (its text() is the full label)."""
    return QAbstractButton.text(button)


def test_an_option_is_broken_again_for_a_new_width_or_font(qtbot) -> None:
    button = WrapRadioButton()
    qtbot.addWidget(button)
    button.setText(LONG)
    button.resize(300, 40)
    button.show()
    narrow = painted(button).count("\n")
    assert narrow > 0
    assert button.text() == LONG  # the full label stays the button's text
    assert not button.wrap(300)  # same width and font: nothing to do
    assert button.wrap(600)
    assert painted(button).count("\n") < narrow
    font = QFont(button.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    button.setFont(font)
    assert button.wrap(600)  # same width, larger font: broken again
