"""YAML mistakes an editor makes get a plain-language hint at the parser's exact place.

Only our hint and the location are asserted, never the parser's own words (they differ
between libyaml and the pure-Python parser); every case runs with both parsers.
"""

from __future__ import annotations

import pytest
import yaml
from qtext import BASE, edit, errors_of, position

from zelfscan.core import yamlsafe

PARSERS = ["c", "python"] if getattr(yaml, "CSafeLoader", None) else ["python"]


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.setattr(yamlsafe, "_LOADER", yaml.SafeLoader)
        monkeypatch.setattr(yamlsafe, "_C_LOADER", False)
    return str(request.param)


def one(text: str) -> tuple[int, int, str]:
    errors = errors_of(text)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0].line, errors[0].col, errors[0].message


def test_a_tab_that_indents_a_key(parser: str) -> None:
    text = edit(("        type: single", "\ttype: single"))
    line, col, message = one(text)
    assert (line, col) == (position(text, "\ttype")[0], 1)
    assert "starts with a tab; indent with spaces, not tabs" in message


def test_a_tab_before_a_list_item(parser: str) -> None:
    text = edit(("      - id: b", "\t- id: b"))
    line, col, message = one(text)
    assert (line, col) == (position(text, "\t- id: b")[0], 1)
    assert "indent with spaces, not tabs" in message


def test_a_key_indented_less_than_its_neighbours(parser: str) -> None:
    text = edit(("        text: {nl: B, en: B}", "       text: {nl: B, en: B}"))
    line, col, message = one(text)
    assert (line, col) == position(text, "text: {nl: B")
    assert f"line {line} is probably indented wrong: it starts in column 8" in message
    assert "the keys above it start in column 9" in message


def test_a_list_item_indented_wrong(parser: str) -> None:
    text = edit(("      - id: b", "     - id: b"))
    line, col, message = one(text)
    assert (line, col) == position(text, "- id: b")
    assert f"line {line} is probably indented wrong: it starts in column 6" in message
    assert "the list items above it start in column 7" in message


def test_a_key_indented_further_than_the_one_above(parser: str) -> None:
    text = edit(("        text: {nl: B, en: B}", "         text: {nl: B, en: B}"))
    line, col, message = one(text)
    assert line == position(text, "text: {nl: B")[0]
    assert col == position(text, ": {nl: B")[1]
    assert f"line {line} is probably indented wrong: it is indented further than line" in message
    assert "start it in column 9" in message


def test_colon_space_in_an_unquoted_text(parser: str) -> None:
    text = edit(("intro: {nl: I, en: I}", "intro:\n  nl: Let op: dit\n  en: I"))
    line, col, message = one(text)
    assert (line, col) == position(text, ": dit")
    assert 'put a text that contains ": " in quotes' in message


def test_colon_space_inside_braces(parser: str) -> None:
    text = edit(("intro: {nl: I, en: I}", "intro: {nl: Let op: dit, en: I}"))
    line, col, message = one(text)
    assert (line, col) == position(text, ": dit")
    assert "put the text in quotes: inside { } or [ ]" in message


def test_a_comma_inside_a_text_in_braces(parser: str) -> None:
    text = edit(("intro: {nl: I, en: I}", "intro: {nl: Ja, elke week, en: Yes}"))
    line, col, message = one(text)
    assert (line, col) == position(text, "elke week")
    assert "a comma cut the text before 'elke week' in two; put the whole text in quotes" in (
        message
    )


def test_a_comma_inside_a_step_of_a_flow_list(parser: str) -> None:
    text = edit(("how: {nl: [H], en: [H]}", "how: {nl: [Bel, of mail.], en: [Call or mail.]}"))
    line, col, message = one(text)
    assert (line, col) == position(text, "{nl: [Bel")
    assert "every step needs its translation, but nl has 2 and en has 1 steps" in message
    assert "put a step that contains a comma in quotes" in message


def test_quoted_texts_with_commas_and_colons_are_fine(parser: str) -> None:
    text = edit(
        ("intro: {nl: I, en: I}", 'intro: {nl: "Let op: ja, elke week?", en: "Note: yes?"}'),
        ("how: {nl: [H], en: [H]}", 'how: {nl: ["Bel, of mail."], en: ["Call, or mail."]}'),
    )
    assert errors_of(text) == []


def test_other_syntax_errors_keep_the_parsers_place(parser: str) -> None:
    text = BASE + "extra: [1, 2\n"
    line, _col, message = one(text)
    assert line >= BASE.count("\n") + 1
    assert message.startswith("YAML syntax error: ")


def test_a_quote_that_is_not_closed_names_its_line(parser: str) -> None:
    text = edit(('version: "1"', 'version: "1'))
    line, _col, message = one(text)
    opened = position(text, 'version: "1')[0]
    assert f"the text in quotes that starts on line {opened} is not closed" in message
    assert line >= opened


def test_text_after_a_closing_quote(parser: str) -> None:
    text = edit(('stand_per: "2026-01-01"', 'stand_per: "2026-01"-01'))
    line, col, message = one(text)
    assert (line, col) == position(text, "-01\n")
    assert "after a closing quote only a comment (#) may follow" in message


def test_braces_that_do_not_pair_up(parser: str) -> None:
    text = edit(("title: {nl: T, en: T}\nintro", "title: {nl: T, en: T}}\nintro"))
    line, _col, message = one(text)
    assert line == 6
    assert "the { } and [ ] on this line do not pair up" in message


def test_a_value_that_starts_with_a_comma(parser: str) -> None:
    text = edit(("intro: {nl: I, en: I}", "intro:\n  nl: , of niet\n  en: I"))
    line, col, message = one(text)
    assert (line, col) == position(text, ", of niet")
    assert "a text can not start with a comma: put the text in quotes" in message


def test_an_apostrophe_inside_a_word_is_not_a_quote(parser: str) -> None:
    text = edit(
        ("intro: {nl: I, en: I}", "intro:\n  nl: Bewaar de pdf's goed.\n  en: Keep the PDFs."),
        ("        text: {nl: B, en: B}", "       text: {nl: B, en: B}"),
    )
    _line, _col, message = one(text)
    assert "probably indented wrong" in message
