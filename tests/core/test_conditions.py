"""Three-valued conditions: "not asked" and "weet ik niet" are not known, never true by `not`."""

from __future__ import annotations

import pytest

from zelfscan.core.conditions import explain, holds, truth
from zelfscan.core.model import UNKNOWN, AllOf, AnswerIn, AnyOf, Condition, Not

A_JA = AnswerIn("a", frozenset({"ja"}))
B_NEE = AnswerIn("b", frozenset({"nee"}))
LIST_X = AnswerIn("lijst", frozenset({"x"}))


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        (A_JA, {"a": "ja"}, True),
        (A_JA, {"a": "nee"}, False),
        (A_JA, {}, None),  # not asked
        (Not(A_JA), {}, None),  # a `not` on a question nobody saw is not true
        (A_JA, {"a": UNKNOWN}, None),  # weet ik niet: could go either way
        (Not(A_JA), {"a": UNKNOWN}, None),
        (AnswerIn("a", frozenset({UNKNOWN})), {"a": UNKNOWN}, True),  # named: a real match
        (AllOf((A_JA, B_NEE)), {"a": "ja", "b": UNKNOWN}, None),
        (AllOf((A_JA, B_NEE)), {"a": "nee", "b": UNKNOWN}, False),
        (AnyOf((A_JA, B_NEE)), {"a": "ja", "b": UNKNOWN}, True),
        (AnyOf((A_JA, B_NEE)), {"a": "nee", "b": UNKNOWN}, None),
        (AnyOf((A_JA, B_NEE)), {"a": "nee", "b": "ja"}, False),
        (LIST_X, {"lijst": ("y", "x")}, True),
        (Not(LIST_X), {"lijst": ("y",)}, True),
        (Not(LIST_X), {"lijst": (UNKNOWN,)}, None),
        (Not(LIST_X), {"lijst": ()}, None),
    ],
)
def test_truth(condition: Condition, answers: dict[str, object], expected: bool | None) -> None:
    assert truth(condition, answers) is expected  # type: ignore[arg-type]
    assert holds(condition, answers) is (expected is True)  # type: ignore[arg-type]


def test_explain_names_the_answer_that_made_a_not_true() -> None:
    condition = AllOf((A_JA, Not(LIST_X)))
    answers = {"a": "ja", "lijst": ("y", "z")}
    assert holds(condition, answers)
    assert [leaf.question for leaf in explain(condition, answers)] == ["a", "lijst"]


def test_explain_of_any_gives_only_the_true_parts() -> None:
    condition = AnyOf((A_JA, B_NEE))
    assert list(explain(condition, {"a": "nee", "b": "nee"})) == [B_NEE]
