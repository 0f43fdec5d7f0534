"""Class 3 (validation time): the reachability check agrees with brute force on small
generated questionnaires, and on crafted ones it stops at its work budget with a located
"too complex to check" (the budget is a work counter: no clock in these tests).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile import crafted
from zelfscan.core import reachability
from zelfscan.core.conditions import holds
from zelfscan.core.errors import QuestionnaireError
from zelfscan.core.flow import effective_answers
from zelfscan.core.loader import load_text
from zelfscan.core.model import (
    AdviceItem,
    AllOf,
    AnswerIn,
    AnyOf,
    Condition,
    Not,
    Option,
    Priority,
    Question,
    Questionnaire,
    QuestionType,
    Section,
    Text,
    TextList,
    Thresholds,
)

T = Text({"nl": "x", "en": "x"})


def _condition(draw: st.DrawFn, questions: list[Question], depth: int = 0) -> Condition:
    if not questions:
        raise ValueError("no questions")
    kind = draw(st.sampled_from(["leaf", "leaf", "all", "any", "not"] if depth < 3 else ["leaf"]))
    if kind == "leaf":
        q = draw(st.sampled_from(questions))
        ids = [o.id for o in q.options]
        chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
        return AnswerIn(q.id, frozenset(chosen))
    if kind == "not":
        return Not(_condition(draw, questions, depth + 1))
    parts = tuple(_condition(draw, questions, depth + 1) for _ in range(draw(st.integers(1, 3))))
    return AllOf(parts) if kind == "all" else AnyOf(parts)


@st.composite
def small_questionnaires(draw: st.DrawFn) -> Questionnaire:
    questions: list[Question] = []
    for i in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from([QuestionType.SINGLE, QuestionType.MULTIPLE]))
        n = draw(st.integers(2, 3))
        options = [Option(f"o{j}", T, 1.0) for j in range(n)]
        if kind is QuestionType.MULTIPLE and draw(st.booleans()):
            options.append(Option("geen", T, 0.0, True))
        show_if = None
        if questions and draw(st.booleans()):
            show_if = _condition(draw, questions)
        questions.append(Question(f"q{i}", kind, T, "s", True, tuple(options), show_if=show_if))
    advice = tuple(
        AdviceItem(
            f"a{k}",
            "s",
            Priority.HOOG,
            _condition(draw, questions),
            T,
            T,
            TextList({"nl": ("x",), "en": ("x",)}),
            T,
            T,
            T,
        )
        for k in range(draw(st.integers(1, 3)))
    )
    return Questionnaire(
        id="gen", version="1", schema_version=1, title=T, intro=T, minutes=1,
        stand_per="2026-11-01", thresholds=Thresholds(80.0, 50.0),
        sections=(Section("s", T, tuple(questions)),), advice=advice,
    )  # fmt: skip


def _values(question: Question) -> list[object]:
    ids = [o.id for o in question.options]
    if question.type is not QuestionType.MULTIPLE:
        return [None, *ids]
    exclusive = {o.id for o in question.options if o.exclusive}
    free = [i for i in ids if i not in exclusive]
    subsets = [c for r in range(1, len(free) + 1) for c in itertools.combinations(free, r)]
    return [None, *((e,) for e in exclusive), *subsets]


def _brute_force(questionnaire: Questionnaire, when: Condition) -> bool:
    questions = list(questionnaire.questions.values())
    for combo in itertools.product(*(_values(q) for q in questions)):
        answers = {q.id: v for q, v in zip(questions, combo, strict=True) if v is not None}
        if holds(when, effective_answers(questionnaire, answers)):  # type: ignore[arg-type]
            return True
    return False


@settings(max_examples=80, deadline=None)
@given(small_questionnaires())
def test_search_agrees_with_brute_force(questionnaire: Questionnaire) -> None:
    verdict = reachability.check(questionnaire, reachability.Budget(10**7))
    assert verdict.too_complex == []
    expected = [
        ("advice", a.id) for a in questionnaire.advice if not _brute_force(questionnaire, a.when)
    ]
    assert verdict.unreachable == expected


@pytest.mark.parametrize("kind", sorted(crafted.KINDS))
def test_crafted_files_stay_within_the_work_budget(kind: str) -> None:
    text = crafted.KINDS[kind](12 if kind != "contradiction" else 30)
    budget = reachability.Budget.for_size(len(text))
    used: list[int] = []
    real_check = reachability.check

    def spy(questionnaire: Questionnaire, b: reachability.Budget | None = None) -> object:
        verdict = real_check(questionnaire, b)
        used.append(b.used if b else 0)
        return verdict

    reachability_check = pytest.MonkeyPatch()
    reachability_check.setattr("zelfscan.core.loader.check", spy)
    try:
        try:
            load_text(text, f"{kind}.yaml")
        except QuestionnaireError as exc:
            for error in exc.errors:
                assert error.file == f"{kind}.yaml"
                assert error.line >= 1
    finally:
        reachability_check.undo()
    if used:  # the model checks ran (the file had no earlier errors)
        assert used[0] <= budget.total + reachability.ITEM_BUDGET


def test_an_unsatisfiable_item_over_many_questions_is_too_complex_at_its_when() -> None:
    text = crafted.contradiction(30)
    with pytest.raises(QuestionnaireError) as caught:
        load_text(text, "c.yaml")
    (error,) = caught.value.errors
    when_line = next(i for i, line in enumerate(text.splitlines(), 1) if "when:" in line)
    assert error.line == when_line
    assert "too complex to check" in error.message
    assert "'a0'" in error.message


def test_the_budget_is_shared_by_the_whole_file() -> None:
    budget = reachability.Budget(total=1000, per_item=600)
    budget.start_item()
    budget.spend(600)
    budget.start_item()
    assert budget.item_left == 400
    assert not budget.afford(401)
    assert budget.afford(400)
