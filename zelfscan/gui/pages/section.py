"""One page per section of the YAML: the profile first, then one per theme.

The page never decides what is visible or complete: it asks ``core.flow`` after every answer
and shows or hides question widgets accordingly (a condition on the same page acts at once).

The question widgets are built on the page's first visit (:meth:`SectionPage.ensure_built`,
called from ``initializePage``), not when the wizard is created: building every page of a
scan up front cost ~0.15 s and ~10 MiB per scan at start-up (docs/performance.md), and a user
sees one page at a time. Completeness (``isComplete``) asks ``core.flow``, so it never needs
the widgets.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget

from zelfscan.core import flow
from zelfscan.core.model import AnswerValue, Section
from zelfscan.gui.pages.base import ScanPage
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.gui.widgets.factory import make_question_widget
from zelfscan.gui.widgets.question import QuestionWidget
from zelfscan.i18n import _, current_language


class SectionPage(ScanPage):
    def __init__(
        self, section: Section, session: ScanSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.section = section
        self.setObjectName(f"section-{section.id}")
        self.heading = Heading(level=1, parent=self.content)
        self.content_layout.addWidget(self.heading)
        self.intro = plain_label(parent=self.content, name="sectionIntro")
        self.content_layout.addWidget(self.intro)
        self.questions: dict[str, QuestionWidget] = {}
        """Question id -> widget; empty until the page is first shown (:meth:`ensure_built`)."""
        self.built = False
        self.content_layout.addStretch(1)
        self.content_layout.setSpacing(self.fontMetrics().height())
        session.answer_changed.connect(self._on_answer_changed)
        self.retranslate()

    def ensure_built(self) -> None:
        """Create the question widgets once, in file order, above the closing stretch.

        Each widget reads its answer and texts from the session and the current language
        when it is made, so a page built late looks exactly like one built up front.
        """
        if self.built:
            return
        self.built = True
        at = self.content_layout.count() - 1  # before the stretch
        for question in self.section.questions:
            widget = make_question_widget(question, self.session, self.content)
            self.questions[question.id] = widget
            self.content_layout.insertWidget(at, widget)
            at += 1
        self._set_tab_order()
        self.update_visibility()

    def _set_tab_order(self) -> None:
        """Question by question: help button, then the controls, in file order."""
        chain: list[QWidget] = []
        for widget in self.questions.values():
            if widget.help_button is not None:
                chain.append(widget.help_button)
            chain.extend(widget.controls())
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_answer_changed(self, question_id: str, _value: AnswerValue | None) -> None:
        if not self.built:  # nothing on screen yet: initializePage() reads the session
            return
        widget = self.questions.get(question_id)
        if widget is not None:
            widget.refresh()
        self.update_visibility()
        self.update_progress()
        self.completeChanged.emit()

    def update_visibility(self) -> None:
        visible = {
            q.id
            for q in flow.visible_questions(
                self.session.questionnaire, self.session.answers, self.section.id
            )
        }
        for question_id, widget in self.questions.items():
            widget.setVisible(question_id in visible)

    def isComplete(self) -> bool:
        missing = flow.missing_required(
            self.session.questionnaire, self.session.answers, self.section.id
        )
        return not missing

    def initializePage(self) -> None:
        self.ensure_built()
        for widget in self.questions.values():
            widget.refresh()
        self.update_visibility()
        self.update_progress()
        self.scroll_area.verticalScrollBar().setValue(0)

    def step_text(self) -> str:
        if self.section.profile:
            return _("About you")
        themes = [
            s
            for s in flow.visible_sections(self.session.questionnaire, self.session.answers)
            if not s.profile
        ]
        ids = [s.id for s in themes]
        if self.section.id not in ids:
            return ""
        return _("Theme {number} of {total}").format(
            number=ids.index(self.section.id) + 1, total=len(ids)
        )

    def retranslate(self) -> None:
        lang = current_language()
        title = self.section.title.get(lang)
        self.heading.setText(title)
        self.setAccessibleName(title)
        intro = self.section.intro.get(lang) if self.section.intro is not None else ""
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))
        if not self.built:
            # The progress line counts over the whole questionnaire (flow.progress), and the
            # wizard and main window re-translate every page at start: initializePage()
            # writes it when the page is first shown.
            return
        for widget in self.questions.values():
            widget.retranslate()
        super().retranslate()
