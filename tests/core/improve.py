"""Whole answer sets and "better answer" changes, for the monotonic-score properties.

Shared by the generated scans (test_engine_properties.py) and the real ones
(test_scan_properties.py): a change is *better* when it moves a scored answer to one with at
least as many points, turns "weet ik niet" into a real answer, or ticks another measure. Every
question the change opens is then answered too, worst answers included.
"""

from __future__ import annotations

from hypothesis import strategies as st

from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import answered, visible_questions
from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    AnswerValue,
    Question,
    Questionnaire,
    QuestionType,
)
from zelfscan.core.results import Evaluation

Answers = dict[str, AnswerValue]


def draw_answer(data: st.DataObject, question: Question) -> AnswerValue:
    """Any answer the wizard allows, with a bias towards the worst scored one."""
    ids = [o.id for o in question.options]
    if question.type is not QuestionType.MULTIPLE:
        scored = [o for o in question.options if o.points is not None and not o.is_unknown]
        worst = min(scored, key=lambda o: o.points or 0.0).id if scored else ids[0]
        if data.draw(st.booleans()):
            return worst
        return str(data.draw(st.sampled_from(ids)))
    exclusive = [o.id for o in question.options if o.exclusive]
    plain = [o.id for o in question.options if not o.exclusive]
    if exclusive and data.draw(st.booleans()):
        return (data.draw(st.sampled_from(exclusive)),)
    picked = data.draw(st.lists(st.sampled_from(plain), min_size=1, unique=True))
    return tuple(o for o in plain if o in picked)


def complete(q: Questionnaire, answers: Answers, data: st.DataObject) -> Answers:
    """``answers`` with every visible, unanswered choice question answered (file order)."""
    result = dict(answers)
    changed = True
    while changed:
        changed = False
        for question in visible_questions(q, result):
            if question.type is QuestionType.TEXT or answered(question, result):
                continue
            result[question.id] = draw_answer(data, question)
            changed = True
            break  # visibility may change: look again from the start
    return result


def better_values(question: Question, current: AnswerValue) -> list[AnswerValue]:
    """Answers to ``question`` that are at least as good as ``current`` (see the docstring)."""
    chosen = (current,) if isinstance(current, str) else current
    real = [o for o in question.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]
    if question.type is not QuestionType.MULTIPLE:
        now = question.option(chosen[0])
        if now is None or now.id == NOT_APPLICABLE:
            return []
        if now.id == UNKNOWN:
            return [o.id for o in real if o.points is not None]
        if now.points is None:
            return []
        return [o.id for o in real if o.points is not None and o.points >= now.points]
    if NOT_APPLICABLE in chosen:
        return []
    plain = [o.id for o in real if not o.exclusive]
    if any(question.option(c) and question.option(c).exclusive for c in chosen):  # type: ignore[union-attr]
        return [(o,) for o in plain]
    return [
        tuple(o for o in plain if o in {*chosen, extra}) for extra in plain if extra not in chosen
    ]


def scores(ev: Evaluation) -> dict[str, float | None]:
    found: dict[str, float | None] = {s.section_id: s.score for s in ev.sections}
    found["*"] = ev.overall_score
    return found


def assert_not_lower(before: Evaluation, after: Evaluation, note: str = "") -> None:
    old, new = scores(before), scores(after)
    for key, value in old.items():
        if value is not None and new.get(key) is not None:
            assert new[key] >= value - 1e-9, f"{key}: {value} -> {new[key]} {note}"  # type: ignore[operator]


def check_a_better_answer(q: Questionnaire, answers: Answers, data: st.DataObject) -> None:
    """Pick a scored visible question, give it a better answer, answer what that opens, and
    check that no theme score and not the overall score went down."""
    shown = visible_questions(q, answers)
    changes = [
        (qu, value)
        for qu in shown
        if qu.scored and qu.id in answers
        for value in better_values(qu, answers[qu.id])
    ]
    if not changes:
        return
    ids = {qu.id for qu in shown}
    opening = [
        (qu, value)
        for qu, value in changes
        if {v.id for v in visible_questions(q, {**answers, qu.id: value})} - ids
    ]
    pool = opening if opening and data.draw(st.booleans()) else changes
    question, value = data.draw(st.sampled_from(pool))
    after = complete(q, {**answers, question.id: value}, data)
    note = f"({question.id}: {answers[question.id]!r} -> {value!r})"
    assert_not_lower(evaluate(q, answers), evaluate(q, after), note)
