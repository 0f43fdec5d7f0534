"""Properties of scoring that must hold for every questionnaire, not just the built-in ones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.genmodel import scans
from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers, visible_questions
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


@given(scans(), st.data())
def test_a_safer_option_never_lowers_a_score(scan: Scan, data: st.DataObject) -> None:
    q, answers = scan
    candidates = [
        qu for qu in visible_questions(q, answers) if qu.type is QuestionType.SINGLE and qu.scored
    ]
    if not candidates:
        return
    question = data.draw(st.sampled_from(candidates))
    current = answers.get(question.id)
    scored = [o for o in question.options if o.points is not None and not o.is_unknown]
    if not isinstance(current, str) or current in (UNKNOWN, NOT_APPLICABLE):
        return
    now = question.option(current)
    assert now is not None
    assert now.points is not None
    safer = [o for o in scored if o.points is not None and o.points >= now.points]
    better = data.draw(st.sampled_from(safer))
    _not_lower(evaluate(q, answers), evaluate(q, {**answers, question.id: better.id}))


@given(scans(), st.data())
def test_ticking_another_measure_never_lowers_a_score(scan: Scan, data: st.DataObject) -> None:
    q, answers = scan
    lists = [qu for qu in visible_questions(q, answers) if qu.type is QuestionType.MULTIPLE]
    if not lists:
        return
    question = data.draw(st.sampled_from(lists))
    current = answers.get(question.id)
    ticked = () if current is None or isinstance(current, str) else current
    if any(question.option(o).exclusive for o in ticked if question.option(o)):  # type: ignore[union-attr]
        return
    extra = data.draw(st.sampled_from([o.id for o in question.options if not o.exclusive]))
    bigger = tuple(dict.fromkeys([*ticked, extra]))
    if not ticked:
        return  # from unanswered to answered adds a denominator: not a "safer option" change
    _not_lower(evaluate(q, answers), evaluate(q, {**answers, question.id: bigger}))


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
    before = evaluate(q, {**answers, question.id: unsafe_value})
    after = evaluate(q, {**answers, question.id: nvt})
    _not_lower(before, after)


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
