"""Evaluate the declarative conditions of the YAML (``show_if``, advice and red-flag ``when``).

Conditions are data, never code: four node types, evaluated by pattern matching.

They are evaluated in three values (Kleene logic): ``True``, ``False`` and ``None`` for
"not known". A test ``{answer: q, in: [...]}`` is not known when

* ``q`` was not asked (hidden, or not answered yet): a condition about a question the person
  never saw is never true, not even under ``not``;
* ``q`` is answered "weet ik niet" and the test does not name ``weet-niet`` itself: the real
  answer may still turn out either way.

``all`` is false as soon as one part is false, ``any`` true as soon as one part is true, and
``not`` of "not known" stays "not known". Only a condition that is ``True`` triggers anything
(:func:`holds`); an advice item that is "not known" only because of "weet ik niet" answers
becomes part of the find-out task instead (:mod:`zelfscan.core.advice`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

from zelfscan.core.model import UNKNOWN, AllOf, AnswerIn, Answers, AnyOf, Condition, Not

Truth: TypeAlias = bool | None
"""``True``, ``False``, or ``None`` for "not known" (not asked, or answered "weet ik niet")."""


def truth(condition: Condition, answers: Answers) -> Truth:
    """The three-valued truth of ``condition`` for ``answers`` (see the module docstring).

    For a multiple-choice answer ``in`` is true when any ticked option is listed. Callers pass
    answers of visible questions only (see :func:`zelfscan.core.flow.effective_answers`), so a
    hidden answer is "not asked".
    """
    match condition:
        case AnswerIn(question=qid, options=options):
            value = answers.get(qid)
            if value is None:
                return None
            chosen = (value,) if isinstance(value, str) else value
            if not chosen:
                return None
            if any(v in options for v in chosen):
                return True
            if UNKNOWN in chosen:
                return None
            return False
        case AllOf(conditions=parts):
            values = [truth(p, answers) for p in parts]
            if False in values:
                return False
            return True if all(v is True for v in values) else None
        case AnyOf(conditions=parts):
            values = [truth(p, answers) for p in parts]
            if True in values:
                return True
            return False if all(v is False for v in values) else None
        case Not(condition=inner):
            negated = truth(inner, answers)
            return None if negated is None else not negated
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - closed union


def holds(condition: Condition, answers: Answers) -> bool:
    """Whether ``condition`` is certainly true for ``answers`` (:func:`truth` is ``True``)."""
    return truth(condition, answers) is True


def explain(condition: Condition, answers: Answers, want: bool = True) -> Iterator[AnswerIn]:
    """The tests that make ``condition`` evaluate to ``want`` ("waarom zie ik dit?").

    For a true condition: every true test of an ``all``, the true parts of an ``any``, and
    under ``not`` the tests that made the inner condition false. Every test yielded is on an
    answered question (a test on a question that was not asked is never true or false), so a
    condition that is ``True`` always yields at least one test: the reasons are never empty.
    Callers must only ask for ``want`` when :func:`truth` gives exactly that value.
    """
    match condition:
        case AnswerIn():
            if truth(condition, answers) is want:
                yield condition
        case AllOf(conditions=parts):
            for p in parts:
                if want or truth(p, answers) is False:
                    yield from explain(p, answers, want)
        case AnyOf(conditions=parts):
            for p in parts:
                if not want or truth(p, answers) is True:
                    yield from explain(p, answers, want)
        case Not(condition=inner):
            yield from explain(inner, answers, not want)


def leaves(condition: Condition) -> Iterator[AnswerIn]:
    """Every ``{answer, in}`` test inside ``condition``, in file order."""
    match condition:
        case AnswerIn():
            yield condition
        case AllOf(conditions=parts) | AnyOf(conditions=parts):
            for p in parts:
                yield from leaves(p)
        case Not(condition=inner):
            yield from leaves(inner)


def referenced(condition: Condition) -> list[str]:
    """The question ids a condition reads, first occurrence first, without repeats."""
    return list(dict.fromkeys(leaf.question for leaf in leaves(condition)))
