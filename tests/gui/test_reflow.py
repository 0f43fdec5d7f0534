"""At 200% text no page of the real scans is wider than the window: nothing is cut off.

The scroll areas only scroll vertically, so anything wider than the viewport would simply be
clipped; one long option label used to do that to a whole page.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton

from zelfscan.core.catalog import builtin_dirs, discover
from zelfscan.core.model import QuestionType
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.widgets.wrapping import WrapRadioButton
from zelfscan.gui.wizard import REVIEW_ID

WIDTH = 700  # a 1366-pixel laptop screen at 200% scaling is about this wide


@pytest.mark.parametrize("qid", ["persoonlijke-veiligheid", "veilige-woning"])
def test_every_page_fits_the_window_at_200_percent(qtbot, qid: str) -> None:  # type: ignore[no-untyped-def]
    questionnaire = discover(builtin_dirs()).questionnaires[qid]
    window = MainWindow([questionnaire])
    qtbot.addWidget(window)
    window.resize(WIDTH, 700)
    window.show()
    before = window.font().pointSizeF()
    window.set_text_scale(200)
    # Qt hands the new application font to existing widgets through posted events
    qtbot.waitUntil(lambda: window.font().pointSizeF() >= before * 1.95)
    wizard = window.start_scan(qid)
    session = window.session
    assert session is not None
    checked = 0
    while wizard.currentId() != REVIEW_ID:
        page = wizard.currentPage()
        for question in page.section.questions:  # answer anything: only the layout matters
            if question.options and session.answer(question.id) is None:
                first = question.options[0].id
                value = (first,) if question.type is QuestionType.MULTIPLE else first
                session.set_answer(question.id, value)
        qtbot.waitUntil(lambda page=page: page.isComplete())
        viewport = page.scroll_area.viewport().width()
        needed = page.content.minimumSizeHint().width()
        assert needed <= viewport, (page.section.id, needed, viewport)
        checked += 1
        wizard.next()
    assert checked >= 5


def test_a_long_option_wraps_but_keeps_its_whole_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    button = WrapRadioButton()
    qtbot.addWidget(button)
    label = "Ja, overal zitten sloten met het SKG-keurmerk (twee of drie sterren), maar geen"
    button.setText(label)
    button.resize(200, 40)
    button.show()  # the resize reaches a widget when it is shown
    assert button.text() == label  # what tests, code and screen readers see
    assert button.minimumSizeHint().width() < 200
    painted = QAbstractButton.text(button)  # the line-broken copy that is painted
    assert "\n" in painted
    assert painted.replace("\n", " ") == label
