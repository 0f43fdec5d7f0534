"""Words and symbols for engine values, so a level is never shown by colour alone.

One table for the results page, the chart, the print version and their accessible texts.
"""

from __future__ import annotations

from zelfscan.core.model import AnswerValue, Level, Priority, Question, QuestionType
from zelfscan.i18n import N_, _

LEVEL_WORDS: dict[Level, str] = {
    Level.GOED: N_("Good"),
    Level.AANDACHT: N_("Needs attention"),
    Level.RISICO: N_("Risk"),
    Level.ONBEKEND: N_("Unknown"),
}

LEVEL_SYMBOLS: dict[Level, str] = {
    Level.GOED: "✓",
    Level.AANDACHT: "!",
    Level.RISICO: "✗",
    Level.ONBEKEND: "?",
}

PRIORITY_WORDS: dict[Priority, str] = {
    Priority.HOOG: N_("high priority"),
    Priority.MIDDEN: N_("medium priority"),
    Priority.LAAG: N_("low priority"),
}


def level_word(level: Level) -> str:
    return _(LEVEL_WORDS[level])


def level_text(level: Level) -> str:
    """Symbol and word together, e.g. "! Aandacht nodig"."""
    return f"{LEVEL_SYMBOLS[level]} {level_word(level)}"


def priority_word(priority: Priority) -> str:
    return _(PRIORITY_WORDS[priority])


def score_text(score: float | None, level: Level | None = None) -> str:
    """ "38 of 100"; no number next to *onbekend*, where "0 of 100" would read as failing."""
    if score is None or level is Level.ONBEKEND:
        return _("no score")
    return _("{score} of 100").format(score=round(score))


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
