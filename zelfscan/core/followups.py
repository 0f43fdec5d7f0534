"""Follow-up questions and their share of the score: a better answer never lowers a score.

A *follow-up* is a scored question whose ``show_if`` depends on a scored question, its
*parent* ("Heeft u een alarm?" -> "Is het BORG-gecertificeerd?"). If a follow-up simply
joined the score when it appeared, a better parent answer could lower the score: alarm
"geen" -> "sirene" opens two questions, and answering them "nee" adds points at stake that
"geen" never had. So the follow-up's points belong to its parent's budget: as soon as the
parent has a real answer they are at stake, whether the follow-up shows or not.

* Hidden behind a *worse* parent answer (fewer points than every answer that shows it), the
  follow-up earns nothing: no alarm, so no certified alarm either.
* Hidden behind a *better* parent answer (more points than every answer that shows it), it
  earns its full points: the address can not be found, so no removal request is needed.
* Hidden behind "weet ik niet", its points are unknown; behind "n.v.t." or an unscored
  answer, they leave the denominator with the parent.

For this to be well defined, a follow-up's ``show_if`` reads one scored question, as
``{answer: p, in: [...]}`` (or ``not`` of that), optionally inside ``all`` next to tests on
unscored questions; no scored answer that hides it may lie between the answers that show it;
it can not be shown by "weet ik niet". :func:`follow_up_problems` lists what breaks this, so
the loader can refuse it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from zelfscan.core.conditions import holds, referenced
from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    AllOf,
    AnswerIn,
    AnswerValue,
    Condition,
    Not,
    Option,
    Question,
    Questionnaire,
    QuestionType,
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    question: Question
    parent: Question
    showing: frozenset[str]
    """The parent's options that show the follow-up (when the rest of its show_if holds)."""

    def credit(self, value: AnswerValue) -> str:
        """What the hidden follow-up earns for the parent answer ``value``: ``"zero"``,
        ``"full"``, ``"unknown"`` or ``"none"`` (not at stake)."""
        chosen = (value,) if isinstance(value, str) else value
        if UNKNOWN in chosen:
            return "unknown"
        if NOT_APPLICABLE in chosen:
            return "none"
        if self.parent.type is QuestionType.MULTIPLE:
            exclusive = all(o.exclusive for o in self._showing_options())
            return "full" if exclusive else "zero"
        option = self.parent.option(chosen[0]) if chosen else None
        if option is None or option.points is None:
            return "none"
        shown = [o.points for o in self._showing_options() if o.points is not None]
        return "zero" if shown and option.points < min(shown) else "full"

    def _showing_options(self) -> list[Option]:
        return [o for o in _real(self.parent) if o.id in self.showing]


def _real(question: Question) -> list[Option]:
    return [o for o in question.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]


_Test = tuple[AnswerIn, bool] | None
"""The one test on a scored question in a show_if, and whether it is under ``not``."""


def _split(condition: Condition, scored: Mapping[str, Question]) -> tuple[_Test, bool]:
    """The one test on a scored question in ``condition``, and whether the form is allowed."""
    match condition:
        case AnswerIn(question=qid):
            return ((condition, False) if qid in scored else None), True
        case Not(condition=AnswerIn(question=qid) as leaf):
            return ((leaf, True) if qid in scored else None), True
        case AllOf(conditions=parts):
            found: _Test = None
            for part in parts:
                if not any(q in scored for q in referenced(part)):
                    continue
                inner, ok = _split(part, scored)
                if not ok or found is not None or isinstance(part, AllOf):
                    return None, False
                found = inner
            return found, True
    return None, not any(q in scored for q in referenced(condition))


def follow_ups(questionnaire: Questionnaire) -> Iterator[FollowUp]:
    """Every follow-up whose show_if has an allowed form (see the module docstring)."""
    scored = {q.id: q for q in questionnaire.questions.values() if q.scored}
    for question in questionnaire.questions.values():
        if question.show_if is None or not question.scored:
            continue
        test, ok = _split(question.show_if, scored)
        if not ok or test is None:
            continue
        leaf, negated = test
        parent = scored[leaf.question]
        ids = {o.id for o in _real(parent)}
        showing = (ids - leaf.options) if negated else (ids & leaf.options)
        yield FollowUp(question, parent, frozenset(showing))


def follow_up_problems(questionnaire: Questionnaire) -> Iterator[tuple[str, str]]:
    """``(question id, message)`` for every follow-up the score can not treat fairly."""
    scored = {q.id: q for q in questionnaire.questions.values() if q.scored}
    found = {f.question.id: f for f in follow_ups(questionnaire)}
    for section in questionnaire.sections:
        if section.show_if is not None and any(q in scored for q in referenced(section.show_if)):
            first = section.questions[0].id if section.questions else section.id
            yield (
                first,
                (
                    f"the show_if of section {section.id!r} reads a scored question; a theme can "
                    "only depend on profile or unscored questions"
                ),
            )
    for question in questionnaire.questions.values():
        if question.show_if is None or not question.scored:
            continue
        test, ok = _split(question.show_if, scored)
        if not ok:
            yield (
                question.id,
                (
                    "show_if reads more than one scored question, or in a form the score can not "
                    "follow; write it as {answer: q, in: [...]} (or not:) on one scored question, "
                    "optionally inside all: with tests on unscored questions"
                ),
            )
            continue
        if test is None:
            continue
        leaf, negated = test
        if UNKNOWN in leaf.options and not negated:
            yield question.id, "a follow-up can not be shown by 'weet-niet' of its parent"
            continue
        yield from _order_problems(found[question.id], negated)


def _order_problems(follow: FollowUp, negated: bool) -> Iterator[tuple[str, str]]:
    parent, qid = follow.parent, follow.question.id
    showing = follow._showing_options()
    if not [o for o in showing if o.points is not None]:
        yield qid, f"no scored answer to {parent.id!r} shows it; a follow-up needs one"
        return
    if parent.type is QuestionType.MULTIPLE:
        if negated:
            yield qid, f"a follow-up of the checklist {parent.id!r} can not use not:"
        elif len({o.exclusive for o in showing}) > 1 or any(
            not o.exclusive and (o.points or 0) <= 0 for o in showing
        ):
            yield (
                qid,
                (
                    f"shown by a mix of answers to the checklist {parent.id!r}; list either "
                    "measures that earn points, or only its exclusive 'none' option"
                ),
            )
        return
    shown = [o.points for o in showing if o.points is not None]
    low, high = min(shown), max(shown)
    for option in _real(parent):
        if option.id in follow.showing or option.points is None:
            continue
        if low <= option.points <= high:
            yield (
                qid,
                (
                    f"hidden when {parent.id!r} is {option.id!r} ({option.points:g} points), "
                    f"which is not below or above every answer that shows it ({low:g} to "
                    f"{high:g}); the score would treat it unfairly"
                ),
            )


def is_hidden_by_parent(follow: FollowUp, kept: Mapping[str, AnswerValue]) -> bool:
    """Whether the follow-up would show if its parent had a showing answer (the rest of its
    show_if, e.g. the role, holds): only then is it at stake while hidden."""
    if follow.question.show_if is None or not follow.showing:
        return False
    some = sorted(follow.showing)[0]
    value: AnswerValue = (some,) if follow.parent.type is QuestionType.MULTIPLE else some
    return holds(follow.question.show_if, {**kept, follow.parent.id: value})
