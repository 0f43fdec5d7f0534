"""Follows the open scan page by page and says what the current step's :class:`Slide` is.

The audience view and the trainer console both listen to :attr:`SlideSource.changed`; the
slide itself is built Qt-free by :mod:`zelfscan.report.slides`. It also drives the wizard for
the clicker (Back/Next), so every way of moving on goes through the wizard's own rules.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWizard

from zelfscan.core import flow
from zelfscan.core.model import AnswerValue, Persona, Section
from zelfscan.i18n import current_language
from zelfscan.report import slides
from zelfscan.report.slides import Slide

if TYPE_CHECKING:  # the wizard loads when a scan opens, after the start screen painted
    from zelfscan.gui.session import ScanSession
    from zelfscan.gui.wizard import ScanWizard


class SlideSource(QObject):
    changed = Signal(object)
    """The current :class:`Slide` (after a page turn, an answer or a language switch)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wizard: ScanWizard | None = None
        self.session: ScanSession | None = None
        self.persona: Persona | None = None
        self.slide: Slide = slides.waiting_slide(None, current_language())
        self.active = False
        """Build slides only while someone looks at them (audience view or console)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # many answers change at once when a persona is loaded
        self._timer.timeout.connect(self.refresh)

    # --- following --------------------------------------------------------------------
    def follow(self, wizard: ScanWizard, session: ScanSession, persona: Persona | None) -> None:
        self.detach()
        self.wizard, self.session, self.persona = wizard, session, persona
        wizard.currentIdChanged.connect(self.schedule)
        session.answer_changed.connect(self._on_answer)
        self.schedule()

    def set_persona(self, persona: Persona | None) -> None:
        self.persona = persona
        self.schedule()

    def detach(self) -> None:
        """Forget the scan (it is being closed); safe to call twice."""
        if self.wizard is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # deleted with its wizard
                self.wizard.currentIdChanged.disconnect(self.schedule)
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.session.answer_changed.disconnect(self._on_answer)
        self.wizard = self.session = None

    def reset(self) -> None:
        """Volgende deelnemer: nothing of the previous person stays."""
        self.detach()
        self.persona = None
        self.refresh()

    def _on_answer(self, _qid: str, _value: AnswerValue | None) -> None:
        self.schedule()

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    # --- navigation -----------------------------------------------------------------------
    def go_back(self) -> None:
        if self.wizard is not None and len(self.wizard.visitedIds()) > 1:
            self.wizard.back()

    def go_next(self) -> None:
        if self.can_go_next() and self.wizard is not None:
            self.wizard.next()

    def can_go_back(self) -> bool:
        return self.wizard is not None and len(self.wizard.visitedIds()) > 1

    def can_go_next(self) -> bool:
        wizard = self.wizard
        if wizard is None or wizard.nextId() == -1:
            return False
        return wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    # --- the slide ----------------------------------------------------------------------------
    @property
    def own_scan(self) -> bool:
        """A scan is open without a demo person: someone's own answers."""
        return self.session is not None and self.persona is None

    def current_section(self) -> Section | None:
        wizard, session = self.wizard, self.session
        if wizard is None or session is None:
            return None
        ids = {number: sid for sid, number in wizard.section_ids.items()}
        section_id = ids.get(wizard.currentId())
        return session.questionnaire.section(section_id) if section_id else None

    def refresh(self) -> None:
        self.slide = self.build()
        self.changed.emit(self.slide)

    def build(self) -> Slide:
        lang = current_language()
        wizard, session = self.wizard, self.session
        if wizard is None or session is None:
            return slides.waiting_slide(None, lang)
        from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID  # a scan is open: loaded

        questionnaire = session.questionnaire
        if not self.active:
            return slides.waiting_slide(questionnaire, lang)
        evaluation = session.evaluate()
        section = self.current_section()
        if section is not None:
            visible = flow.visible_sections(questionnaire, session.answers)
            ids = [s.id for s in visible]
            following = ids.index(section.id) + 1 if section.id in ids else len(ids)
            next_title = (
                visible[following].title.get(lang)
                if following < len(visible)
                else slides.review_slide(questionnaire, evaluation, self.persona, lang).title
            )
            return slides.section_slide(
                questionnaire, section, evaluation, self.persona, lang, next_title
            )
        if wizard.currentId() == REVIEW_ID:
            return slides.review_slide(questionnaire, evaluation, self.persona, lang)
        if wizard.currentId() == RESULTS_ID:
            return slides.results_slide(questionnaire, evaluation, self.persona, lang)
        return slides.waiting_slide(questionnaire, lang)
