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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from zelfscan.core import flow
from zelfscan.core.model import AnswerValue, Section
from zelfscan.gui.pages.base import ScanPage
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.gui.widgets.factory import make_question_widget
from zelfscan.gui.widgets.missing import MissingBanner
from zelfscan.gui.widgets.question import QuestionWidget
from zelfscan.i18n import current_language


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
        self.missing_banner = MissingBanner(self)
        self.missing_banner.go_requested.connect(self.go_to_first_missing)
        self.page_layout.insertWidget(1, self.missing_banner)  # under the progress line
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
        if self.missing_banner.isVisible():  # the marks follow the answers
            self._mark_missing(announce=False)

    def update_visibility(self) -> None:
        visible = {
            q.id
            for q in flow.visible_questions(
                self.session.questionnaire, self.session.answers, self.section.id
            )
        }
        for question_id, widget in self.questions.items():
            widget.setVisible(question_id in visible)

    def missing(self) -> list[str]:
        """Ids of the required questions on this page that still need an answer."""
        found = flow.missing_required(
            self.session.questionnaire, self.session.answers, self.section.id
        )
        return [q.id for q in found]

    def isComplete(self) -> bool:
        """Always: "Volgende" never greys out without saying why. Pressed with questions
        still open, :meth:`validatePage` stays on the page and says which ones."""
        return True

    def validatePage(self) -> bool:
        if not self.missing():
            self._mark_missing(announce=False)
            return True
        self.ensure_built()
        self._mark_missing(announce=True)
        return False

    def _mark_missing(self, *, announce: bool) -> None:
        """Mark the open questions and name them in the bar above the page (or clear both)."""
        missing = self.missing()
        lang = current_language()
        for question_id, widget in self.questions.items():
            widget.set_missing(question_id in missing)
        if not missing:
            self.missing_banner.clear()
            return
        texts = [self.questions[q].question.text.get(lang) for q in missing if q in self.questions]
        self.missing_banner.show_missing(texts)
        if announce:
            self.missing_banner.go_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_first_missing(self) -> None:
        """Scroll to the first open question and put the focus on its first choice."""
        missing = self.missing()
        if not missing or missing[0] not in self.questions:
            return
        widget = self.questions[missing[0]]
        self.scroll_area.ensureWidgetVisible(widget)
        controls = widget.controls()
        if controls:
            controls[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def initializePage(self) -> None:
        self.ensure_built()
        self.missing_banner.clear()
        for widget in self.questions.values():
            widget.set_missing(False)
        for widget in self.questions.values():
            widget.refresh()
        self.update_visibility()
        self.update_progress()
        self.scroll_area.verticalScrollBar().setValue(0)

    def step_position(self) -> tuple[int, int] | None:
        """(this page, all steps): the visible sections and the check at the end.

        Counted in pages, not questions: a question count grew as follow-up questions
        appeared (47 → 51), so it seemed to move backwards; the number of pages only changes
        with the answers about you, on the first pages."""
        ids = [
            s.id for s in flow.visible_sections(self.session.questionnaire, self.session.answers)
        ]
        if self.section.id not in ids:
            return None
        return ids.index(self.section.id) + 1, len(ids) + 1

    def retranslate(self) -> None:
        lang = current_language()
        title = self.section.title.get(lang)
        self.heading.setText(title)
        self.setAccessibleName(title)
        intro = self.section.intro.get(lang) if self.section.intro is not None else ""
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))
        self.missing_banner.retranslate()
        if not self.built:
            # The progress line counts over the whole questionnaire (flow.progress), and the
            # wizard and main window re-translate every page at start: initializePage()
            # writes it when the page is first shown.
            return
        for widget in self.questions.values():
            widget.retranslate()
        super().retranslate()
