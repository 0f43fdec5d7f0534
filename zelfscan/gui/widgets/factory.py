"""Question type → widget. The only place that knows which widget shows which type."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zelfscan.core.model import Question, QuestionType
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.choice import ChecklistQuestion, ChoiceQuestion
from zelfscan.gui.widgets.question import QuestionWidget
from zelfscan.gui.widgets.text import TextQuestion

_WIDGETS: dict[QuestionType, type[QuestionWidget]] = {
    QuestionType.SINGLE: ChoiceQuestion,
    QuestionType.YESNO: ChoiceQuestion,
    QuestionType.MULTIPLE: ChecklistQuestion,
    QuestionType.TEXT: TextQuestion,
}


def make_question_widget(
    question: Question, session: ScanSession, parent: QWidget | None = None
) -> QuestionWidget:
    return _WIDGETS[question.type](question, session, parent)
