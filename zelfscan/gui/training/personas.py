"""Demo personas on the start screen: one click starts a scan filled with a made-up person's
answers, so nobody in a training session has to reveal their own situation.

Names, descriptions and answers come from the questionnaire YAML (``personas:``) and are shown
as plain text only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGroupBox, QPushButton, QVBoxLayout, QWidget

from zelfscan.core.model import Persona, Questionnaire
from zelfscan.gui.widgets.common import Heading, escape_mnemonic, plain_label
from zelfscan.i18n import _, current_language


class EnterButton(QPushButton):
    """A push button that Enter and Return press too, as they do in a dialog: outside a
    dialog Qt only takes Space, and a trainer at a laptop reaches for Enter."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.animateClick()
            return
        super().keyPressEvent(event)


class PersonaCard(QFrame):
    """A persona's name as a button, with its description under it."""

    def __init__(self, persona: Persona, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.persona = persona
        self.setObjectName("personaCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = EnterButton(self)
        self.description = plain_label(parent=self, name="personaDescription")
        layout.addWidget(self.button)
        layout.addWidget(self.description)
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_language()
        name = self.persona.name.get(lang)
        description = self.persona.description.get(lang)
        self.button.setText(escape_mnemonic(name))
        self.button.setAccessibleName(_("Fill in as demo person: {name}").format(name=name))
        self.button.setAccessibleDescription(description)
        self.description.setText(description)


class PersonaPanel(QGroupBox):
    """Every scan's demo personas and its blank paper version; shown in training mode only."""

    persona_chosen = Signal(str, str)
    """(questionnaire id, persona id)."""
    blank_requested = Signal(str)
    """(questionnaire id): save the blank paper version."""

    def __init__(
        self, questionnaires: Sequence[Questionnaire], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personaPanel")
        layout = QVBoxLayout(self)
        self.lead = plain_label(parent=self)
        layout.addWidget(self.lead)
        self.headings: dict[str, Heading] = {}
        self.cards: dict[tuple[str, str], PersonaCard] = {}
        self.blank_buttons: dict[str, QPushButton] = {}
        self.questionnaires = list(questionnaires)
        for questionnaire in self.questionnaires:
            heading = Heading(level=3, parent=self)
            self.headings[questionnaire.id] = heading
            layout.addWidget(heading)
            for persona in questionnaire.personas:
                card = PersonaCard(persona, self)
                card.button.clicked.connect(
                    lambda _c=False, q=questionnaire.id, p=persona.id: self.persona_chosen.emit(
                        q, p
                    )
                )
                self.cards[(questionnaire.id, persona.id)] = card
                layout.addWidget(card)
            blank = QPushButton(self)
            blank.clicked.connect(lambda _c=False, q=questionnaire.id: self.blank_requested.emit(q))
            self.blank_buttons[questionnaire.id] = blank
            layout.addWidget(blank)
        self.retranslate()

    def first_button(self) -> QPushButton | None:
        for card in self.cards.values():
            return card.button
        return None

    def retranslate(self) -> None:
        lang = current_language()
        self.setTitle(_("Training: demo persons"))
        self.lead.setText(
            _(
                "Choose a demo person: the scan is filled in with their answers, so nobody has "
                "to share their own situation. You can still step through and change answers."
            )
        )
        for questionnaire in self.questionnaires:
            title = questionnaire.title.get(lang)
            self.headings[questionnaire.id].setText(title)
            blank = self.blank_buttons[questionnaire.id]
            blank.setText(_("Save blank paper version (PDF)…"))
            blank.setAccessibleName(_("Save blank paper version: {title}").format(title=title))
            blank.setAccessibleDescription(
                _("Every question with tick boxes, to print and fill in by hand")
            )
        for card in self.cards.values():
            card.retranslate()
