"""Class 1/2 (huge and non-finite numbers): every numeric field of a questionnaire, and every
number in the JSON files we read, is bounded before Python converts it (zelfscan.core.numbers).

Generated: a hostile literal (thousands of digits, an exponent that overflows to inf, an
out-of-range value) put into each numeric field of the mini questionnaire in turn; the file
is refused with a message at that line, never a traceback, ``inf`` or ``NaN``.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zelfscan.core import numbers
from zelfscan.core.errors import QuestionnaireError
from zelfscan.core.loader import load_text

MINI = Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "mini.yaml"
NUMERIC = re.compile(r"\b(points|minutes|goed|aandacht|schema_version): ([0-9][0-9.]*)")
TEXT = MINI.read_text(encoding="utf-8")
FIELDS = list(NUMERIC.finditer(TEXT))

huge_ints = st.integers(41, 6000).map(lambda n: "9" * n)
overflowing = st.tuples(st.integers(1, 9), st.integers(309, 99999), st.sampled_from("+-")).map(
    lambda t: f"{t[2]}{t[0]}.0e{t[1]}".lstrip("+")
)
out_of_range = st.integers(1001, 10**30).map(str)
hostile = st.one_of(huge_ints, overflowing, out_of_range)


def test_every_numeric_field_is_found() -> None:
    names = {m.group(1) for m in FIELDS}
    assert names == {"points", "minutes", "goed", "aandacht", "schema_version"}


@settings(max_examples=60, deadline=None)
@given(index=st.integers(0, len(FIELDS) - 1), literal=hostile)
def test_hostile_number_in_any_field_is_a_located_error(index: int, literal: str) -> None:
    match = FIELDS[index]
    text = TEXT[: match.start(2)] + literal + TEXT[match.end(2) :]
    line = TEXT.count("\n", 0, match.start()) + 1
    with pytest.raises(QuestionnaireError) as caught:
        load_text(text, "t.yaml")
    errors = caught.value.errors
    assert any(e.line == line and match.group(1) in e.message for e in errors), errors
    assert all(len(e.message) < 300 for e in errors)  # the literal is not echoed whole


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.integers(-(10**40), 10**40).map(str), st.floats().map(repr)))
def test_parse_number_returns_finite_in_range_or_refuses(text: str) -> None:
    bounds = numbers.Bounds(0, 1000)
    try:
        value = numbers.parse_number(text, bounds)
    except numbers.NumberProblem:
        return
    assert math.isfinite(value)
    assert 0 <= value <= 1000


@pytest.mark.parametrize(
    "document",
    [
        '{"a": ' + "9" * 5000 + "}",
        '{"a": 1e999}',
        '{"a": -1e999}',
        '{"a": NaN}',
        '{"a": Infinity}',
        '{"a": 9007199254740993}',
    ],
)
def test_json_hooks_refuse_what_a_file_never_needs(document: str) -> None:
    with pytest.raises(numbers.NumberProblem):
        json.loads(document, **numbers.json_hooks())  # type: ignore[arg-type]


def test_json_hooks_keep_ordinary_numbers() -> None:
    doc = json.loads('{"a": 1, "b": 2.5, "c": -3}', **numbers.json_hooks())  # type: ignore[arg-type]
    assert doc == {"a": 1, "b": 2.5, "c": -3}


@pytest.mark.parametrize("value", ["9" * 5000, "1e999", "NaN", "-Infinity"])
def test_a_settings_file_with_hostile_numbers_gives_the_defaults(
    tmp_path: Path, value: str
) -> None:
    from zelfscan.storage.settings import Settings, load_settings

    path = tmp_path / "settings.json"
    path.write_text('{"schema_version": 1, "auto_lock_minutes": ' + value + "}", encoding="utf-8")
    assert load_settings(path) == Settings()


@pytest.mark.parametrize("literal", ["9" * 5000, "1.0e999", "-5", "1001"])
def test_validate_cli_reports_the_place_and_exits_1(tmp_path: Path, literal: str) -> None:
    from tests.test_cli import run

    bad = tmp_path / "bad.yaml"
    match = next(m for m in FIELDS if m.group(1) == "points")
    bad.write_text(TEXT[: match.start(2)] + literal + TEXT[match.end(2) :], encoding="utf-8")
    line = TEXT.count("\n", 0, match.start()) + 1
    result = run("validate", bad, home=tmp_path / "home")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:{line}:")
    assert "points" in result.stderr
