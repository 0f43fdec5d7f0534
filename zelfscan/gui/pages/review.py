"""Check your answers before the results: every visible answer per theme, with "Wijzig".

Only answers that count are shown (``flow.effective_answers``), so an answer to a question
that a later change hid does not appear here and does not reach the results.

The list is rebuilt each time the page opens, but when the same questions are visible in the
same language only the answer texts change: then the existing labels are updated in place
(creating ~130 labels cost ~7 ms of the step to this page). The wizard also prepares the
list while the last theme is shown (:meth:`ReviewPage.rebuild` from its prebuild).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from zelfscan.core import flow
from zelfscan.gui.labels import answer_text
from zelfscan.gui.pages.base import ScanPage
from zelfscan.gui.session import ScanSession, StorageChoice
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import _, current_language


class ReviewPage(ScanPage):
    edit_section = Signal(str)
    """The user wants to change the answers of this section id."""

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("review")
        self.heading = Heading(level=1, parent=self.content)
        self.content_layout.addWidget(self.heading)
        self.explanation = plain_label(parent=self.content)
        self.content_layout.addWidget(self.explanation)
        self.body = QWidget(self.content)
        self.content_layout.addWidget(self.body)
        self.content_layout.addStretch(1)
        self.edit_buttons: dict[str, QPushButton] = {}
        self._answer_labels: dict[str, QLabel] = {}
        self._shape: tuple[object, ...] | None = None
        """Language and visible (section, questions) of the current list; see rebuild()."""
        self.retranslate()

    def initializePage(self) -> None:
        self.rebuild()
        self.update_progress()

    def rebuild(self) -> None:
        """Show the session's answers: new texts in place when the same questions are
        visible in the same language, else a new list (one label pair per answer)."""
        lang = current_language()
        questionnaire = self.session.questionnaire
        answers = self.session.effective()
        rows = [
            (section, flow.visible_questions(questionnaire, answers, section.id))
            for section in flow.visible_sections(questionnaire, self.session.answers)
        ]
        shape = (lang, *((s.id, *(q.id for q in qs)) for s, qs in rows))
        if shape == self._shape:
            for _section, questions in rows:
                for question in questions:
                    value = answer_text(question, answers.get(question.id), lang)
                    label = self._answer_labels[question.id]
                    if label.text() != value:
                        label.setText(value)
            return
        self._shape = shape
        self._answer_labels = {}
        old = self.body
        self.body = QWidget(self.content)
        self.content_layout.replaceWidget(old, self.body)
        old.deleteLater()
        # A grid, not a QFormLayout: the form squeezed the question column to a few words.
        form = QGridLayout(self.body)
        form.setColumnStretch(0, 3)
        form.setColumnStretch(1, 2)
        form.setHorizontalSpacing(24)
        line = 0
        self.edit_buttons = {}
        for section, questions in rows:
            if line:  # a line of space between the themes, so each reads as a block
                form.setRowMinimumHeight(line, self.fontMetrics().height())
                line += 1
            title = section.title.get(lang)
            row = QHBoxLayout()
            row.addWidget(Heading(title, level=2, parent=self.body), 1)
            button = QPushButton(_("Change"), self.body)
            button.setAccessibleName(_("Change: {section}").format(section=title))
            button.setAccessibleDescription(_("Go back to this theme to change your answers"))
            button.clicked.connect(lambda _c=False, sid=section.id: self.edit_section.emit(sid))
            self.edit_buttons[section.id] = button
            row.addWidget(button)
            form.addLayout(row, line, 0, 1, 2)
            line += 1
            for question in questions:
                question_label = plain_label(question.text.get(lang), self.body)
                value = answer_text(question, answers.get(question.id), lang)
                answer_label = plain_label(value, self.body, name="answer")
                question_label.setBuddy(answer_label)
                for text_label in (question_label, answer_label):  # wrapped text starts at the top
                    text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self._answer_labels[question.id] = answer_label
                form.addWidget(question_label, line, 0, Qt.AlignmentFlag.AlignTop)
                form.addWidget(answer_label, line, 1, Qt.AlignmentFlag.AlignTop)
                line += 1

    def retranslate(self) -> None:
        self.heading.setText(_("Check your answers"))
        self.setAccessibleName(_("Check your answers"))
        if self.session.storage is StorageChoice.VAULT:
            where = _("They are kept in your encrypted vault; nothing has been sent.")
        else:
            where = _("Nothing has been saved or sent.")
        # two messages, two lines: run together they read as one
        self.explanation.setText(
            _("These are your answers. Use “Change” to go back to a theme.") + "\n" + where
        )
        if self.edit_buttons:
            self.rebuild()
            super().retranslate()
        # else: not shown yet; initializePage() writes the list and the progress line

    def step_position(self) -> tuple[int, int] | None:
        """The last step: after every visible section."""
        total = len(flow.visible_sections(self.session.questionnaire, self.session.answers)) + 1
        return total, total

    def step_text(self) -> str:
        return _("{step}: check your answers").format(step=super().step_text())
