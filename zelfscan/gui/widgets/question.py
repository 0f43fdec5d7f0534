"""The frame every question shares: its text as a buddy label, and help that opens on demand.

Subclasses add the controls for one question type. They read and write answers only through
the :class:`~zelfscan.gui.session.ScanSession`; :meth:`QuestionWidget.refresh` redraws the
controls from it, so there is one truth for what the user answered.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zelfscan.core.model import Question
from zelfscan.gui import a11y
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
        self.help_button: QPushButton | None = None
        self.help_label: QLabel | None = None
        if question.help is not None:
            # a button that opens the help (announced as such, with its state), not a
            # check box: that is what it does
            self.help_button = QPushButton(self)
            self.help_button.setObjectName("helpButton")
            self.help_button.setFlat(True)
            a11y.make_expandable(self.help_button)
            self.help_label = plain_label(parent=self, name="helpText")
            self.help_label.setVisible(False)
            self.help_button.clicked.connect(lambda: self.set_help_open(not self.help_open))
            row = QHBoxLayout()
            row.addWidget(self.help_button)
            row.addStretch(1)
            self._layout.addLayout(row)
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
    @property
    def help_open(self) -> bool:
        return self.help_label is not None and not self.help_label.isHidden()

    def set_help_open(self, on: bool) -> None:
        """Show or hide the explanation below the question."""
        if self.help_button is None or self.help_label is None:
            return
        self.help_label.setVisible(on)
        a11y.set_expanded(self.help_button, on)
        self._retranslate_help(current_language())

    def set_missing(self, missing: bool) -> None:
        """Mark the question as still needing an answer, in words ("Nog niet beantwoord"),
        right under the question: not by colour alone."""
        self.setProperty("missing", "true" if missing else "false")
        self.missing_label.setVisible(missing)

    def _retranslate_help(self, lang: str) -> None:
        help_text = self.question.help
        if self.help_button is None or self.help_label is None or help_text is None:
            return
        # the arrow shows the state to the eye; screen readers hear "expanded"/"collapsed"
        arrow = "▾" if self.help_open else "▸"
        self.help_button.setText(f"{arrow} " + _("Why do we ask this?"))
        self.help_button.setAccessibleName(
            _("Why do we ask this? {question}").format(question=self.question.text.get(lang))
        )
        self.help_button.setAccessibleDescription(_("Shows or hides the explanation"))
        self.help_label.setText(help_text.get(lang))

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
        self._retranslate_help(lang)
        self.missing_label.setText(_("Not answered yet"))
        self.missing_label.setAccessibleName(_("Not answered yet"))
        self.retranslate_controls(lang)
