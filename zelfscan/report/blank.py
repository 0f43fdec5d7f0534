"""The blank paper version of a scan: every question with tick boxes, no answers.

For people who prefer paper and for training sessions. Because paper can not hide questions,
every condition is written out in words ("Alleen als u bij ‘Wonen er kinderen bij u thuis?’
Ja antwoordde"), so the reader skips what does not apply to them. The form itself, with the
points to score it by hand, is laid out by :mod:`zelfscan.report.paper_pdf`.
"""

from __future__ import annotations

from collections.abc import Mapping

from zelfscan.core.model import (
    AllOf,
    AnswerIn,
    AnyOf,
    Condition,
    Not,
    Question,
    Questionnaire,
    QuestionType,
)
from zelfscan.report.words import Translate

INLINE_CHARS = 80
"""Options whose labels fit on about one line are printed side by side (saves paper)."""


def _labels(questionnaire: Questionnaire, leaf: AnswerIn, lang: str, _: Translate) -> str:
    question = questionnaire.questions.get(leaf.question)
    if question is None:
        return _(" or ").join(sorted(leaf.options))
    labels = [o.label.get(lang) for o in question.options if o.id in leaf.options]
    return _(" or ").join(labels or sorted(leaf.options))


def describe(
    condition: Condition,
    questionnaire: Questionnaire,
    lang: str,
    _: Translate,
    *,
    nested: bool = False,
    numbers: Mapping[str, str] | None = None,
) -> str:
    """A condition in words, e.g. "you answered Yes to ‘Do children live with you?’"; with
    ``numbers`` (question id -> printed number) "you answered Yes to question 1.4", which
    is shorter on a form where that question is printed just above."""

    def again(inner: Condition) -> str:
        return describe(inner, questionnaire, lang, _, nested=True, numbers=numbers)

    match condition:
        case AnswerIn(question=qid):
            question = questionnaire.questions.get(qid)
            answers = _labels(questionnaire, condition, lang, _)
            ticked = question is not None and question.type is QuestionType.MULTIPLE
            if numbers is not None and qid in numbers:
                rest = _complement(question, condition.options) if not ticked else None
                if rest is not None:  # shorter, and the same for a single answer
                    return again(Not(AnswerIn(qid, rest)))
                words = (
                    _("you ticked {answers} at question {number}")
                    if ticked
                    else _("you answered {answers} to question {number}")
                )
                return words.format(answers=answers, number=numbers[qid])
            text = question.text.get(lang) if question else qid
            if ticked:
                return _("you ticked {answers} at ‘{question}’").format(
                    answers=answers, question=text
                )
            return _("you answered {answers} to ‘{question}’").format(
                answers=answers, question=text
            )
        case Not(condition=AnswerIn(question=qid) as inner):
            question = questionnaire.questions.get(qid)
            answers = _labels(questionnaire, inner, lang, _)
            if numbers is not None and qid in numbers:
                return _("you did not answer {answers} to question {number}").format(
                    answers=answers, number=numbers[qid]
                )
            return _("you did not answer {answers} to ‘{question}’").format(
                answers=answers,
                question=question.text.get(lang) if question else qid,
            )
        case Not(condition=inner):
            return _("it is not so that {}").format(again(inner))
        case AllOf(conditions=parts) | AnyOf(conditions=parts):
            joiner = _(" and ") if isinstance(condition, AllOf) else _(" or ")
            text = joiner.join(again(p) for p in parts)
            return f"({text})" if nested and len(parts) > 1 else text
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - closed union


def _complement(question: Question | None, options: frozenset[str]) -> frozenset[str] | None:
    """The other options of a single-choice question, when they are fewer to read."""
    if question is None:
        return None
    rest = frozenset(o.id for o in question.options) - options
    return rest if rest and len(rest) < len(options) else None


def only_if(
    condition: Condition,
    questionnaire: Questionnaire,
    lang: str,
    _: Translate,
    numbers: Mapping[str, str] | None = None,
) -> str:
    return _("Only if {}.").format(describe(condition, questionnaire, lang, _, numbers=numbers))


def render_blank(questionnaire: Questionnaire, lang: str, *, deterministic: bool = False) -> bytes:
    """The paper version of ``questionnaire`` as PDF bytes: since issue 19 the form people
    score by hand (:mod:`zelfscan.report.paper_pdf`)."""
    from zelfscan.report.paper_pdf import render_paper

    return render_paper(questionnaire, lang, deterministic=deterministic)
