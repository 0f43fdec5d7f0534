"""Words and symbols for engine values in the GUI's current language.

The words and symbols themselves live in one Qt-free table,
:mod:`zelfscan.report.words`, shared with the PDF, the HTML and the print-out; these
helpers only pick the current language. A level is never shown by colour alone.
"""

from __future__ import annotations

from zelfscan.core.model import AnswerValue, Level, Priority, Question, QuestionType
from zelfscan.i18n import _, current_language
from zelfscan.report import words


def level_word(level: Level) -> str:
    return words.level_word(level, current_language())


def level_text(level: Level) -> str:
    """Symbol and word together, e.g. "⚠ Aandacht nodig"."""
    return words.level_text(level, current_language())


def priority_word(priority: Priority) -> str:
    return words.priority_word(priority, current_language())


def priority_text(priority: Priority) -> str:
    """Symbol and word together, e.g. "●●○ Midden"."""
    return words.priority_text(priority, current_language())


def score_text(score: float | None, level: Level | None = None) -> str:
    """ "38 van 100"; no number next to *onbekend*, where "0 van 100" would read as failing."""
    shown = None if score is None or level is Level.ONBEKEND else round(score)
    return words.score_text(shown, current_language())


def answer_text(question: Question, value: AnswerValue | None, lang: str) -> str:
    """The answer as the user saw it: option labels, or their own text."""
    if value is None:
        return _("not answered")
    if question.type is QuestionType.TEXT:
        return str(value)
    ids = [value] if isinstance(value, str) else list(value)
    labels = []
    for option_id in ids:
        option = question.option(option_id)
        labels.append(option.label.get(lang) if option is not None else option_id)
    return ", ".join(labels)
