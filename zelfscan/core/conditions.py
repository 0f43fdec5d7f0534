"""Evaluate the declarative conditions of the YAML (``show_if``, advice and red-flag ``when``).

Conditions are data, never code: four node types, evaluated by pattern matching.
"""

from __future__ import annotations

from collections.abc import Iterator

from zelfscan.core.model import AllOf, AnswerIn, Answers, AnyOf, Condition, Not


def holds(condition: Condition, answers: Answers) -> bool:
    """Whether ``condition`` is true for ``answers``.

    An unanswered question matches no ``in`` list. For a multiple-choice answer ``in`` is true
    when any ticked option is listed. Callers pass answers of visible questions only (see
    :func:`zelfscan.core.flow.effective_answers`), so a hidden answer never triggers anything.
    """
    match condition:
        case AnswerIn(question=qid, options=options):
            value = answers.get(qid)
            if value is None:
                return False
            if isinstance(value, str):
                return value in options
            return any(v in options for v in value)
        case AllOf(conditions=parts):
            return all(holds(p, answers) for p in parts)
        case AnyOf(conditions=parts):
            return any(holds(p, answers) for p in parts)
        case Not(condition=inner):
            return not holds(inner, answers)
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - closed union


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


def positive_leaves(condition: Condition, negated: bool = False) -> Iterator[AnswerIn]:
    """The tests that must be true (not negated) for the condition to hold.

    Used for "waarom zie ik dit?": an answer that made a ``not`` true is not shown as a reason.
    """
    match condition:
        case AnswerIn():
            if not negated:
                yield condition
        case AllOf(conditions=parts) | AnyOf(conditions=parts):
            for p in parts:
                yield from positive_leaves(p, negated)
        case Not(condition=inner):
            yield from positive_leaves(inner, not negated)
