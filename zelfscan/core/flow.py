"""Which sections and questions apply, given the answers so far.

The wizard asks this module what to show; it never decides visibility itself. A question is
visible when its section and its own ``show_if`` hold on the answers of *visible* questions, so
a condition on a hidden question is false, and hiding cascades.
"""

from __future__ import annotations

from collections.abc import Mapping

from zelfscan.core.conditions import holds
from zelfscan.core.model import (
    Answers,
    AnswerValue,
    Question,
    Questionnaire,
    QuestionType,
    Section,
)


def effective_answers(questionnaire: Questionnaire, answers: Answers) -> dict[str, AnswerValue]:
    """The answers of visible questions only, in questionnaire order.

    Conditions may only refer to earlier questions (the loader checks this), so one pass in
    file order settles visibility.
    """
    kept: dict[str, AnswerValue] = {}
    for section in questionnaire.sections:
        if section.show_if is not None and not holds(section.show_if, kept):
            continue
        for question in section.questions:
            if question.show_if is not None and not holds(question.show_if, kept):
                continue
            value = answers.get(question.id)
            if value is not None and _is_answered(question, value):
                kept[question.id] = value
    return kept


def visible_sections(questionnaire: Questionnaire, answers: Answers) -> list[Section]:
    """Sections that apply; a section whose questions are all hidden does not apply."""
    kept = effective_answers(questionnaire, answers)
    return [
        s
        for s in questionnaire.sections
        if (s.show_if is None or holds(s.show_if, kept))
        and any(q.show_if is None or holds(q.show_if, kept) for q in s.questions)
    ]


def visible_questions(
    questionnaire: Questionnaire, answers: Answers, section_id: str | None = None
) -> list[Question]:
    kept = effective_answers(questionnaire, answers)
    result: list[Question] = []
    for section in questionnaire.sections:
        if section_id is not None and section.id != section_id:
            continue
        if section.show_if is not None and not holds(section.show_if, kept):
            continue
        result.extend(q for q in section.questions if q.show_if is None or holds(q.show_if, kept))
    return result


def is_visible(questionnaire: Questionnaire, question_id: str, answers: Answers) -> bool:
    return any(q.id == question_id for q in visible_questions(questionnaire, answers))


def missing_required(
    questionnaire: Questionnaire, answers: Answers, section_id: str | None = None
) -> list[Question]:
    """Visible required questions without an answer: Next stays disabled while any remain."""
    return [
        q
        for q in visible_questions(questionnaire, answers, section_id)
        if q.required and not _is_answered(q, answers.get(q.id))
    ]


def toggle_option(
    question: Question, current: AnswerValue | None, option_id: str, on: bool
) -> tuple[str, ...]:
    """The new checklist value after ticking or unticking ``option_id``.

    An exclusive option ("geen van deze", "weet ik niet") clears the others, and ticking any
    other option clears the exclusive ones: the rule lives here so GUI and tests share it.
    """
    selected = [] if current is None or isinstance(current, str) else list(current)
    option = question.option(option_id)
    if option is None:
        raise KeyError(option_id)
    if not on:
        return tuple(o for o in selected if o != option_id)
    if option.exclusive:
        return (option_id,)
    exclusive = {o.id for o in question.options if o.exclusive}
    kept = [o for o in selected if o not in exclusive and o != option_id]
    order = [o.id for o in question.options]
    return tuple(sorted([*kept, option_id], key=order.index))


def progress(questionnaire: Questionnaire, answers: Answers) -> tuple[int, int]:
    """(answered, total) over the visible questions, for the progress indicator."""
    visible = visible_questions(questionnaire, answers)
    done = sum(1 for q in visible if _is_answered(q, answers.get(q.id)))
    return done, len(visible)


def _is_answered(question: Question, value: AnswerValue | None) -> bool:
    if value is None:
        return False
    if question.type is QuestionType.MULTIPLE:
        return not isinstance(value, str) and len(value) > 0
    if question.type is QuestionType.TEXT:
        return isinstance(value, str) and value.strip() != ""
    return isinstance(value, str) and value != ""


def answered(question: Question, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether ``question`` has a real answer in ``answers`` (an empty checklist does not count)."""
    return _is_answered(question, answers.get(question.id))
