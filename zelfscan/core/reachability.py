"""Can an advice item or red flag ever be triggered? A bounded search over answers.

Only the questions a trigger reads matter, plus the questions their visibility (own and
section ``show_if``) depends on, transitively. For each of those, the candidate values are the
ones a condition can tell apart: unanswered, each option a condition mentions, and for a
checklist every combination of the mentioned options (exclusive ones alone). Each combination
goes through :func:`flow.effective_answers` (hidden answers are dropped, as in the wizard)
and :func:`conditions.holds`. Past :data:`MAX_COMBINATIONS` the item is skipped, not failed.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable

from zelfscan.core.conditions import holds, leaves
from zelfscan.core.flow import effective_answers
from zelfscan.core.model import (
    UNKNOWN,
    AnswerValue,
    Condition,
    Question,
    Questionnaire,
    QuestionType,
)

MAX_COMBINATIONS = 50_000
MAX_SUBSET_OPTIONS = 8

Candidate = AnswerValue | None


def unreachable(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    """``(kind, id)`` for every advice item (``"advice"``) and red flag (``"red flag"``)
    that no allowed combination of answers triggers."""
    search = _Search(questionnaire)
    found = [("advice", a.id) for a in questionnaire.advice if not search.reachable(a.when)]
    found += [("red flag", r.id) for r in questionnaire.red_flags if not search.reachable(r.when)]
    return found


class _Search:
    def __init__(self, questionnaire: Questionnaire) -> None:
        self.q = questionnaire
        self.section_of = {q.id: s for s in questionnaire.sections for q in s.questions}

    def _visibility(self, question: Question) -> Iterable[Condition]:
        if question.show_if is not None:
            yield question.show_if
        section = self.section_of.get(question.id)
        if section is not None and section.show_if is not None:
            yield section.show_if

    def reachable(self, when: Condition) -> bool:
        mentioned: dict[str, set[str]] = {}
        pending = [when]
        while pending:
            for leaf in leaves(pending.pop()):
                if leaf.question in mentioned:
                    mentioned[leaf.question] |= leaf.options
                    continue
                mentioned[leaf.question] = set(leaf.options)
                question = self.q.questions.get(leaf.question)
                if question is not None:
                    pending.extend(self._visibility(question))
        order = [q for q in self.q.questions.values() if q.id in mentioned]
        choices = [_candidates(q, mentioned[q.id]) for q in order]
        total = 1
        for c in choices:
            total *= len(c)
            if total > MAX_COMBINATIONS:
                return True  # too many to try: skip the check for this item
        sub = self._restricted({q.id for q in order})
        for combo in itertools.product(*choices):
            answers = {q.id: v for q, v in zip(order, combo, strict=True) if v is not None}
            if holds(when, effective_answers(sub, answers)):
                return True
        return False

    def _restricted(self, keep: set[str]) -> Questionnaire:
        """The questionnaire with only the questions in ``keep`` (visibility stays the same:
        the kept set is closed under the questions visibility depends on)."""
        sections = tuple(
            dataclasses.replace(s, questions=tuple(q for q in s.questions if q.id in keep))
            for s in self.q.sections
            if any(q.id in keep for q in s.questions)
        )
        return dataclasses.replace(self.q, sections=sections, advice=(), red_flags=(), personas=())


def _candidates(question: Question, mentioned: set[str]) -> list[Candidate]:
    """Values that conditions can tell apart: unanswered, each mentioned option, and one real
    option no condition mentions (every such option makes the same tests false; "not asked"
    and "weet ik niet" make them not known, which never makes a condition true)."""
    ids = [o.id for o in question.options if o.id in mentioned]
    other = next(
        (o.id for o in question.options if o.id not in mentioned and o.id != UNKNOWN), None
    )
    result: list[Candidate] = [None]
    if question.type is not QuestionType.MULTIPLE:
        result.extend(ids)
        if other is not None:
            result.append(other)
        return result
    if other is not None:
        result.append((other,))
    exclusive = {o.id for o in question.options if o.exclusive}
    free = [i for i in ids if i not in exclusive]
    result.extend((i,) for i in ids if i in exclusive)
    if len(free) <= MAX_SUBSET_OPTIONS:
        for size in range(1, len(free) + 1):
            result.extend(itertools.combinations(free, size))
    else:
        result.extend((i,) for i in free)
        result.append(tuple(free))
    return result
