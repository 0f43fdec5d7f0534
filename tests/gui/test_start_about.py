"""The questionnaire's ``about`` text (how the scan works, its limits) is on its start card,
folded behind a checkable button so the card stays short."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from zelfscan.core.model import Questionnaire
from zelfscan.gui.start import ScanCard
from zelfscan.gui.translations import apply_language


def test_the_button_unfolds_about_in_the_current_language(
    qtbot: object, mini: Questionnaire
) -> None:
    assert mini.about is not None
    card = ScanCard(mini)
    qtbot.addWidget(card)  # type: ignore[attr-defined]
    card.show()
    assert card.about_button.isVisible()
    assert not card.about.isVisible()
    card.about_button.setFocus()
    qtbot.keyClick(card.about_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert card.about.isVisible()
    assert card.about_button.property("expanded") is True  # announced as expanded
    assert card.about.text() == mini.about.get("nl")
    assert card.about_button.text() == "Hoe werkt deze scan?"
    apply_language("en")
    card.retranslate()
    assert card.about.text() == mini.about.get("en")
    qtbot.keyClick(card.about_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert not card.about.isVisible()


def test_a_card_without_about_has_no_button(qtbot: object, mini: Questionnaire) -> None:
    card = ScanCard(dataclasses.replace(mini, about=None))
    qtbot.addWidget(card)  # type: ignore[attr-defined]
    card.show()
    assert not card.about_button.isVisible()
    assert card.intro.isVisible()


def test_a_draft_is_marked_on_its_card(qtbot: object, mini: Questionnaire) -> None:
    card = ScanCard(dataclasses.replace(mini, draft=True))
    qtbot.addWidget(card)  # type: ignore[attr-defined]
    assert card.title.text() == f"{mini.title.get('nl')} (concept)"
    plain = ScanCard(mini)
    qtbot.addWidget(plain)  # type: ignore[attr-defined]
    assert plain.title.text() == mini.title.get("nl")
