"""The strict YAML layer refuses what the format does not allow, with file:line:col."""

from __future__ import annotations

import pytest

from zelfscan.core.errors import QuestionnaireError
from zelfscan.core.yamlsafe import MAX_BYTES, compose_strict


def one_error(text: str | bytes) -> tuple[int, int, str]:
    with pytest.raises(QuestionnaireError) as info:
        compose_strict(text, "f.yaml")
    errors = info.value.errors
    assert len(errors) == 1, errors
    assert str(errors[0]).startswith(f"f.yaml:{errors[0].line}:{errors[0].col}: ")
    return errors[0].line, errors[0].col, errors[0].message


@pytest.mark.parametrize(
    ("text", "line", "col", "fragment"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first defined on line 1)"),
        ("a: &x 1\n", 1, 4, "anchors"),
        ("a: 1\nb: *x\n", 2, 4, "aliases"),
        ("<<: {a: 1}\n", 1, 1, "merge keys"),
        ("a: 1\n---\nb: 2\n", 2, 1, "one document"),
        ("? [a]\n: 1\n", 1, 3, "keys must be plain text"),
        ("a: !!python/object:os.system 1\n", 1, 4, "tags like '!!python/object:os.system'"),
        ("a: 1\nb: x\x07y\n", 2, 5, "control characters"),
        ("é: 1\nb: \x00\n", 2, 4, "control characters"),
        (b"a: 1\nb: \xff\n", 2, 4, "not valid UTF-8"),
        ("", 1, 1, "empty"),
        ("a: [1, 2\nb: 3\n", 2, 2, "YAML syntax error"),
        ("a: b: c\n", 1, 5, "in quotes"),
        ("x: \ud800\n", 1, 4, "invalid character"),
    ],
)
def test_refused(text: str | bytes, line: int, col: int, fragment: str) -> None:
    got_line, got_col, message = one_error(text)
    assert (got_line, got_col) == (line, col), message
    assert fragment in message


def test_all_duplicates_reported() -> None:
    with pytest.raises(QuestionnaireError) as info:
        compose_strict("a: 1\na: 2\nb: {c: 1, c: 2}\n", "f.yaml")
    assert [(e.line, e.col) for e in info.value.errors] == [(2, 1), (3, 11)]


def test_nesting_past_our_limit_names_it() -> None:
    line, col, message = one_error("[" * 60 + "]" * 60)
    assert "deeper than 50" in message
    assert (line, col) == (1, 51)


def test_very_deep_nesting_is_one_clean_error() -> None:
    """Whoever stops it first (our limit or the parser's own), the editor gets one error on
    line 1 and no traceback. The wording of a parser's own message is not ours to pin."""
    line, _col, message = one_error("[" * 100_000)
    assert line == 1
    assert message


def test_nesting_of_fifty_is_fine() -> None:
    compose_strict("[" * 50 + "]" * 50, "f.yaml")


def test_too_big() -> None:
    assert "larger than 1 MB" in one_error("a: " + "x" * MAX_BYTES)[2]
    assert "larger than 1 MB" in one_error(b"a: " + b"x" * MAX_BYTES)[2]


def test_too_many_nodes() -> None:
    text = "[" + "1," * 200_001 + "]"
    assert "more than 200000" in one_error(text)[2]


def test_marks_are_kept() -> None:
    node = compose_strict("a:\n  b: [1, 2]\n", "f.yaml")
    inner = node.value[0][1].value[0][1]
    assert (inner.start_mark.line, inner.start_mark.column) == (1, 5)


def test_bom_is_accepted() -> None:
    node = compose_strict("\ufeffa: 1\n".encode(), "f.yaml")
    assert node.value[0][0].value == "a"
