"""Whatever the input, only QuestionnaireError / AnswersError may escape (reliability.md 7)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zelfscan.core.answers import check_answers, load_answers_file
from zelfscan.core.errors import AnswersError, LoadError, QuestionnaireError
from zelfscan.core.loader import load_questionnaire, load_text

MINI = Path(__file__).parents[1] / "data" / "questionnaires" / "mini.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
MINI_DATA = yaml.safe_load(MINI_TEXT)
POSITION = re.compile(r"^f\.yaml:\d+:\d+: \S")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def survives(text: str | bytes) -> None:
    errors: list[LoadError] = []
    try:
        load_text(text, "f.yaml")
        return
    except QuestionnaireError as exc:  # the only exception allowed
        errors = exc.errors
    assert errors, "a QuestionnaireError without errors"
    for error in errors:
        assert error.line >= 1
        assert error.col >= 1
        assert POSITION.match(str(error)), str(error)


def test_truncated_at_sampled_cut_points() -> None:
    for cut in range(0, len(MINI_TEXT), 41):
        survives(MINI_TEXT[:cut])


@FAST
@given(st.integers(0, len(MINI_TEXT)), st.text(max_size=20))
def test_cut_and_junk(cut: int, junk: str) -> None:
    survives(MINI_TEXT[:cut] + junk + MINI_TEXT[cut:])


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    survives(data)


@FAST
@given(st.text(max_size=500))
def test_random_text(text: str) -> None:
    survives(text)


@FAST
@given(st.lists(st.tuples(st.integers(0, len(MINI_TEXT) * 8 - 1)), min_size=1, max_size=8))
def test_bit_flips(flips: list[tuple[int]]) -> None:
    data = bytearray(MINI_TEXT.encode("utf-8"))
    for (bit,) in flips:
        if bit // 8 < len(data):
            data[bit // 8] ^= 1 << (bit % 8)
    survives(bytes(data))


@FAST
@given(st.integers(1, 3000), st.sampled_from(["[", "{", "- ", "a: ", "[{a: "]))
def test_deep_nesting(depth: int, opener: str) -> None:
    if opener == "- ":
        text = "".join("  " * i + "- \n" for i in range(min(depth, 200)))
    elif opener == "a: ":
        text = "".join("  " * i + "a:\n" for i in range(min(depth, 200)))
    else:
        text = opener * depth
    survives(text)


def test_huge_strings() -> None:
    survives("title: " + "x" * 2_000_000)
    survives(MINI_TEXT.replace("Miniscan", "M" * 900_000))
    survives(MINI_TEXT.replace("Miniscan", "M" * 2_000_000))


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(MINI_DATA)
WRONG = [None, True, "yes", 3, -1.5, "3", [], {}, ["x"], {"nl": "x"}, "Hoofdletter Id", "a" * 300]


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replace(data[path[0]], path[1:], value)  # type: ignore[index]
    return copy


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATHS), st.sampled_from(WRONG))
def test_wrong_type_in_every_field(path: tuple[Any, ...], value: Any) -> None:
    text = yaml.safe_dump(_replace(MINI_DATA, path, value), allow_unicode=True)
    survives(text)


@FAST
@given(st.binary(max_size=1000))
def test_answers_file_random_bytes(data: bytes) -> None:
    path = Path("/tmp") / "zelfscan-fuzz-answers.yaml"
    path.write_bytes(b"questionnaire: mini\nanswers:\n" + data)
    errors = ["-"]
    try:
        load_answers_file(path)
    except AnswersError as exc:  # the only exception allowed
        errors = exc.errors
    assert errors


ANSWER_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=10)
    | st.sampled_from(["ja", "nee", "weet-niet", "nvt", "geen", "camera"]),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner),
    max_leaves=6,
)


@FAST
@given(
    st.dictionaries(
        st.sampled_from([*load_questionnaire(MINI).questions, "onbekend"]) | st.integers(),
        ANSWER_VALUES,
        max_size=12,
    )
)
def test_check_answers_never_raises(answers: dict[Any, Any]) -> None:
    questionnaire = load_questionnaire(MINI)
    problems = check_answers(questionnaire, answers)
    assert all(isinstance(p, str) for p in problems)
