"""Carry saved answers over to a newer content version by their stable ids.

Ids never change meaning (questionnaires/README.md): when a question's meaning changes it gets
a new id. So an answer is kept when its question and options still exist; everything else is
dropped, and the visible questions left without an answer are flagged to answer (again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zelfscan.core.flow import missing_required
from zelfscan.core.model import AnswerValue, Question, Questionnaire, QuestionType


@dataclass(frozen=True, slots=True)
class CarriedOver:
    answers: dict[str, AnswerValue]
    dropped: tuple[str, ...]
    """Question ids whose answer no longer fits the content (question or option gone)."""
    to_answer: tuple[str, ...]
    """Visible required questions without an answer after the carry-over."""


def _fits(question: Question, value: object) -> bool:
    if question.type is QuestionType.TEXT:
        return isinstance(value, str)
    known = {o.id for o in question.options}
    if question.type is QuestionType.MULTIPLE:
        return (
            isinstance(value, list | tuple)
            and len(value) > 0
            and all(isinstance(v, str) and v in known for v in value)
        )
    return isinstance(value, str) and value in known


def carry_over(questionnaire: Questionnaire, saved: Mapping[str, object]) -> CarriedOver:
    kept: dict[str, AnswerValue] = {}
    dropped: list[str] = []
    for qid, value in saved.items():
        question = questionnaire.questions.get(qid)
        if question is None or not _fits(question, value):
            dropped.append(qid)
        elif isinstance(value, str):
            kept[qid] = value
        else:
            kept[qid] = tuple(value)  # type: ignore[arg-type]  # checked by _fits
    todo = tuple(q.id for q in missing_required(questionnaire, kept))
    return CarriedOver(kept, tuple(dropped), todo)
