"""The frame every question shares: its text as a buddy label, and help that opens on demand.

Subclasses add the controls for one question type. They read and write answers only through
the :class:`~zelfscan.gui.session.ScanSession`; :meth:`QuestionWidget.refresh` redraws the
controls from it, so there is one truth for what the user answered.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from zelfscan.core.model import Question
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.common import Heading, escape_mnemonic, plain_label
from zelfscan.i18n import _, current_language


class QuestionWidget(QFrame):
    """One question: label (buddy of the first control), optional help, then the controls."""

    def __init__(self, question: Question, session: ScanSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.session = session
        self.setObjectName("question")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.label: QLabel = Heading(level=3, parent=self)
        self.label.setObjectName("questionText")
        self._layout.addWidget(self.label)
        self.help_button: QToolButton | None = None
        self.help_label: QLabel | None = None
        if question.help is not None:
            self.help_button = QToolButton(self)
            self.help_button.setCheckable(True)
            self.help_button.setObjectName("helpButton")
            self.help_label = plain_label(parent=self, name="helpText")
            self.help_label.setVisible(False)
            self.help_button.toggled.connect(self.help_label.setVisible)
            self._layout.addWidget(self.help_button)
            self._layout.addWidget(self.help_label)
        self.missing_label = plain_label(parent=self, name="missingMark")
        self.missing_label.setVisible(False)
        self._layout.addWidget(self.missing_label)
        self.body = QWidget(self)
        self._layout.addWidget(self.body)
        self.build_controls()
        controls = self.controls()
        if controls:
            self.label.setBuddy(controls[0])
        self.refresh()
        self.retranslate()

    # --- for subclasses ----------------------------------------------------------------
    def build_controls(self) -> None:
        raise NotImplementedError

    def controls(self) -> list[QWidget]:
        """The focusable controls, in tab order."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the session's current answer in the controls, without emitting changes."""
        raise NotImplementedError

    def retranslate_controls(self, lang: str) -> None:
        raise NotImplementedError

    # --- shared -----------------------------------------------------------------------
    def set_missing(self, missing: bool) -> None:
        """Mark the question as still needing an answer: a word and a band, not colour alone."""
        if bool(self.property("missing")) == missing:
            return
        self.setProperty("missing", missing)
        self.missing_label.setVisible(missing)
        self.style().unpolish(self)
        self.style().polish(self)

    def description(self, lang: str) -> str:
        """The accessible description of every control: question text plus help text."""
        parts = [self.question.text.get(lang)]
        if self.question.help is not None:
            parts.append(self.question.help.get(lang))
        return " ".join(p for p in parts if p)

    def retranslate(self) -> None:
        lang = current_language()
        text = self.question.text.get(lang)
        if not self.question.required:
            text = _("{question} (optional)").format(question=text)
        self.label.setText(escape_mnemonic(text))
        self.body.setAccessibleName(self.question.text.get(lang))
        help_text = self.question.help
        if self.help_button is not None and self.help_label is not None and help_text is not None:
            self.help_button.setText(_("Why do we ask this?"))
            self.help_button.setAccessibleName(
                _("Why do we ask this? {question}").format(question=self.question.text.get(lang))
            )
            self.help_button.setAccessibleDescription(_("Shows or hides the explanation"))
            self.help_label.setText(help_text.get(lang))
        self.missing_label.setText(_("Not answered yet"))
        self.missing_label.setAccessibleName(_("Not answered yet"))
        self.retranslate_controls(lang)
