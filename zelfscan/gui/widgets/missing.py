"""The message above a page when "Volgende" is pressed with questions still open.

"Volgende" never greys out without a reason (issue #17 item 4): pressed too early it stays
on the page, and this bar says which question still needs an answer and offers to go there.
The open questions are also marked where they are, with words ("Nog niet beantwoord") in
the warning colour, right under the question. The bar's button takes the focus, so a
screen reader reads out what is missing at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _


class MissingBanner(QFrame):
    go_requested = Signal()
    """The user wants to go to the first open question."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingBanner")
        layout = QHBoxLayout(self)
        self.label = plain_label(parent=self, name="missingText")
        self.go_button = QPushButton(self)
        self.go_button.clicked.connect(self.go_requested.emit)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.go_button)
        self.questions: list[str] = []
        self.setVisible(False)
        self.retranslate()

    def show_missing(self, questions: list[str]) -> None:
        """Name the open questions (their texts, in page order) and show the bar."""
        self.questions = questions
        self.retranslate()
        self.setVisible(bool(questions))

    def clear(self) -> None:
        self.questions = []
        self.setVisible(False)

    def retranslate(self) -> None:
        self.go_button.setText(_("&Go to the question"))
        self.go_button.setAccessibleName(_("Go to the question"))
        if not self.questions:
            return
        first = self.questions[0]
        count = len(self.questions)
        if count == 1:
            text = _("One question on this page still needs an answer: “{question}”.")
        else:
            text = _("{n} questions on this page still need an answer. The first: “{question}”.")
        text = text.format(n=count, question=first)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.go_button.setAccessibleName(_("Go to the question: {question}").format(question=first))
        self.go_button.setAccessibleDescription(text)
