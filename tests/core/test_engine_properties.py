"""Properties of scoring that must hold for every questionnaire, not just the built-in ones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.genmodel import scans
from tests.core.improve import check_a_better_answer, complete
from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers, visible_questions
from zelfscan.core.followups import follow_up_problems, follow_ups
from zelfscan.core.model import NOT_APPLICABLE, UNKNOWN, Level, Questionnaire, QuestionType
from zelfscan.core.results import Evaluation

Scan = tuple[Questionnaire, dict[str, str | tuple[str, ...]]]


def _scores(ev: Evaluation) -> dict[str, float | None]:
    found: dict[str, float | None] = {s.section_id: s.score for s in ev.sections}
    found["*"] = ev.overall_score
    return found


def _not_lower(before: Evaluation, after: Evaluation) -> None:
    old, new = _scores(before), _scores(after)
    for key, value in old.items():
        if value is not None and new.get(key) is not None:
            assert new[key] >= value - 1e-9, key


@given(scans())
def test_scores_stay_between_0_and_100(scan: Scan) -> None:
    q, answers = scan
    ev = evaluate(q, answers)
    for score in _scores(ev).values():
        assert score is None or 0.0 <= score <= 100.0
    for section in ev.sections:
        assert (section.score is None) == (
            section.level is Level.ONBEKEND and section.possible == 0
        )


@settings(max_examples=300)
@given(scans(), st.data())
def test_a_better_answer_never_lowers_a_score(scan: Scan, data: st.DataObject) -> None:
    """Also when it opens follow-up questions, answered however badly."""
    q, answers = scan
    check_a_better_answer(q, complete(q, answers, data), data)


@given(scans())
def test_generated_follow_ups_are_ones_the_validator_accepts(scan: Scan) -> None:
    q, _ = scan
    assert list(follow_up_problems(q)) == []


@given(scans(), st.data())
def test_nvt_never_lowers_a_score_compared_with_an_unsafe_or_unknown_answer(
    scan: Scan, data: st.DataObject
) -> None:
    q, answers = scan
    candidates = [qu for qu in visible_questions(q, answers) if qu.scored]
    if not candidates:
        return
    question = data.draw(st.sampled_from(candidates))
    worst = min(
        (o for o in question.options if o.points is not None and not o.exclusive),
        key=lambda o: o.points or 0.0,
    )
    unsafe_value: str | tuple[str, ...]
    if question.type is QuestionType.MULTIPLE:
        unsafe_value = data.draw(st.sampled_from([("geen",), (UNKNOWN,)]))
        nvt: str | tuple[str, ...] = (NOT_APPLICABLE,)
    else:
        unsafe_value = data.draw(st.sampled_from([worst.id, UNKNOWN]))
        nvt = NOT_APPLICABLE
    # what the unsafe answer opens is answered worst too (its points belong to this question)
    unsafe = {**answers, question.id: unsafe_value, **_worst_follow_ups(q, question.id)}
    before = evaluate(q, unsafe)
    after = evaluate(q, {**answers, question.id: nvt})
    _not_lower(before, after)


def _worst_follow_ups(q: Questionnaire, parent: str) -> dict[str, str | tuple[str, ...]]:
    worst: dict[str, str | tuple[str, ...]] = {}
    for follow in follow_ups(q):
        if follow.parent.id == parent:
            question = follow.question
            if question.type is QuestionType.MULTIPLE:
                worst[question.id] = ("geen",)
            else:
                scored = [o for o in question.options if o.points is not None]
                worst[question.id] = min(scored, key=lambda o: o.points or 0.0).id
            worst.update(_worst_follow_ups(q, question.id))
    return worst


@given(scans(), st.data())
def test_answers_to_hidden_questions_change_nothing(scan: Scan, data: st.DataObject) -> None:
    q, answers = scan
    kept = effective_answers(q, answers)
    hidden = [
        qu for qu in q.questions.values() if qu.id not in {v.id for v in visible_questions(q, kept)}
    ]
    extra = dict(answers)
    for question in hidden:
        extra[question.id] = data.draw(st.sampled_from([o.id for o in question.options]))
    assert evaluate(q, extra) == evaluate(q, kept)


@settings(max_examples=50)
@given(scans())
def test_unknown_everywhere_is_never_goed(scan: Scan) -> None:
    q, answers = scan
    unknown = {
        qu.id: (UNKNOWN if qu.type is QuestionType.SINGLE else (UNKNOWN,))
        for qu in q.questions.values()
        if qu.scored
    }
    everywhere = {"profiel": answers["profiel"], **unknown}
    ev = evaluate(q, everywhere)
    assert all(s.level in (Level.ONBEKEND,) for s in ev.sections)
    assert ev.overall_level is not Level.GOED
    asked = [qu for qu in visible_questions(q, everywhere) if qu.scored]
    assert [t.question.id for t in ev.tasks] == [qu.id for qu in asked]


@given(scans())
def test_every_advice_item_says_why(scan: Scan) -> None:
    q, answers = scan
    for advice in evaluate(q, answers).advice:
        assert advice.reasons, advice.id
        for reason in advice.reasons:
            assert reason.answer_labels
            assert len(reason.answer_ids) == len(reason.answer_labels)


@given(scans(), st.data())
def test_weet_niet_is_never_an_action_and_finding_out_keeps_the_actions(
    scan: Scan, data: st.DataObject
) -> None:
    q, answers = scan
    ev = evaluate(q, answers)
    for advice in ev.advice:  # generated triggers never name weet-niet
        assert all(UNKNOWN not in r.answer_ids for r in advice.reasons), advice.id
    for task in ev.tasks:
        for conditional in task.then:
            assert conditional.question.id == task.question.id
            assert conditional.options
            assert conditional.line.get("en")
    unknown = [
        qu
        for qu in visible_questions(q, answers)
        if qu.id in answers and UNKNOWN in _chosen(answers[qu.id])
    ]
    if not unknown:
        return
    question = data.draw(st.sampled_from(unknown))
    real = [o.id for o in question.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]
    picked = data.draw(st.sampled_from(real))
    value = picked if question.type is QuestionType.SINGLE else (picked,)
    found = evaluate(q, {**answers, question.id: value})
    now = {a.id for a in found.advice}
    assert {a.id for a in ev.advice} <= now  # knowing more never takes an action away
    still = {c.advice.id for t in found.tasks for c in t.then}
    for task in ev.tasks:
        if task.question.id != question.id:
            continue
        for c in task.then:
            if (picked in {o.id for o in c.options}) != c.missing:  # the "if" came true
                assert c.advice.id in now | still, c.advice.id


def _chosen(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value
