"""One test per kind of error: the exact line (and column), and the id the message names."""

from __future__ import annotations

import pytest
from qtext import BASE, edit, errors_of, load, position

A_TEXT = "        text: {nl: A, en: A}\n"
B_OPTIONS = "          - {id: y, label: {nl: Y, en: Y}, points: 0}\n"
WHO = "    who: {nl: W, en: W}\n"
FLAG = """red_flags:
  - id: flag
    when: {answer: a, in: [nee]}
    cap: CAP
    message: {nl: M, en: M}
    reason: {nl: R, en: R}
"""
SOURCES = """sources:
  - id: bron
    title: Een bron
    address: "https://example.org"
    stand_per: "2026-12-02"
"""
CONTACT = """contacts:
  - id: hulp
    name: {nl: H, en: H}
    offers: {nl: O, en: O}
    contact: "0900"
    stand_per: "2026-12-02"
"""
PERSONA = """personas:
  - id: p
    name: {nl: P, en: P}
    description: {nl: D, en: D}
    answers: {a: ANSWER_A, b: x}
"""

# (name, changes, marker in the changed text where the error points, fragments of the message)
CASES: list[tuple[str, list[tuple[str, str]], str, list[str]]] = [
    (
        "unknown field",
        [(A_TEXT, A_TEXT + "        txt: {nl: A, en: A}\n")],
        "txt:",
        ["question 'a'", "unknown field 'txt'", "did you mean 'text'?"],
    ),
    ("missing field", [(A_TEXT, "")], "id: a", ["question 'a'", "missing field 'text'"]),
    ("id syntax", [("- id: b", "- id: Vraag B")], "Vraag B", ["'Vraag B'", "a-z, 0-9"]),
    (
        "duplicate question",
        [("- id: b", "- id: a")],
        "a\n        type: single",
        ["question 'a'", "used by another question"],
    ),
    (
        "duplicate option",
        [("{id: y,", "{id: x,")],
        "x, label: {nl: Y",
        ["question 'b'", "option 'x'", "used twice"],
    ),
    (
        "missing language",
        [("text: {nl: B, en: B}", "text: {nl: B}")],
        "{nl: B}",
        ["question 'b'", "missing field 'en'"],
    ),
    (
        "unknown language",
        [("text: {nl: B, en: B}", "text: {nl: B, en: B, de: B}")],
        "de: B",
        ["question 'b'", "unknown field 'de'"],
    ),
    (
        "empty text",
        [("text: {nl: B, en: B}", 'text: {nl: B, en: ""}')],
        '""',
        ["question 'b'", "(en)", "empty"],
    ),
    (
        "plain text",
        [("text: {nl: B, en: B}", "text: Vraag B")],
        "Vraag B",
        ["question 'b'", "both languages"],
    ),
    (
        "thresholds",
        [("{goed: 80, aandacht: 50}", "{goed: 50, aandacht: 80}")],
        "{goed: 50",
        ["aandacht < goed"],
    ),
    (
        "thresholds range",
        [("{goed: 80, aandacht: 50}", "{goed: 120, aandacht: 50}")],
        "120",
        ["goed", "from 0 to 100"],
    ),
    (
        "exclusive on single",
        [("points: 0}", "points: 0, exclusive: true}")],
        "true}",
        ["question 'b'", "option 'y'", "only for multiple"],
    ),
    (
        "exclusive with points",
        [("type: single", "type: multiple"), ("points: 0}", "points: 1, exclusive: true}")],
        "1, exclusive",
        ["question 'b'", "option 'y'", "can not earn points"],
    ),
    (
        "only exclusive options",
        [
            ("type: single", "type: multiple"),
            ("points: 1}", "points: 0, exclusive: true}"),
            ("points: 0}", "points: 0, exclusive: true}"),
        ],
        "- {id: x",
        ["question 'b'", "not exclusive"],
    ),
    ("single with one option", [(B_OPTIONS, "")], "- {id: x", ["question 'b'", "two options"]),
    ("reserved option", [("{id: y,", "{id: nvt,")], "nvt,", ["question 'b'", "added for you"]),
    (
        "unknown question in condition",
        [("answer: a, in", "answer: zz, in")],
        "zz",
        ["advice 'adv'", "unknown question 'zz'"],
    ),
    (
        "unknown option in condition",
        [("in: [nee]", "in: [nope]")],
        "nope",
        ["advice 'adv'", "question 'a'", "no option 'nope'"],
    ),
    (
        "weet-niet not offered",
        [(A_TEXT, A_TEXT + "        unknown: false\n"), ("in: [nee]", "in: [weet-niet]")],
        "weet-niet]",
        ["advice 'adv'", "no option 'weet-niet'", "unknown: true"],
    ),
    (
        "show_if on a later question",
        [(A_TEXT, A_TEXT + "        show_if: {answer: b, in: [x]}\n")],
        "b, in: [x]",
        ["question 'a'", "question 'b'", "earlier"],
    ),
    (
        "show_if on itself",
        [(A_TEXT, A_TEXT + "        show_if: {answer: a, in: [ja]}\n")],
        "a, in: [ja]",
        ["question 'a'", "earlier"],
    ),
    (
        "condition on text question",
        [("type: yesno", "type: text")],
        "a, in: [nee]",
        ["advice 'adv'", "text question"],
    ),
    (
        "bad condition form",
        [("when: {answer: a, in: [nee]}", "when: {answr: a, in: [nee]}")],
        "answr",
        ["advice 'adv'", "unknown field 'answr'", "did you mean 'answer'?"],
    ),
    ("condition in: not a list", [("in: [nee]", "in: nee")], "nee}", ["advice 'adv'", "a list"]),
    (
        "unknown contact",
        [(WHO, WHO + "    contacts: [nobody]\n")],
        "nobody",
        ["advice 'adv'", "unknown contact 'nobody'"],
    ),
    (
        "unknown section",
        [(WHO, WHO + "    section: nope\n")],
        "nope",
        ["advice 'adv'", "unknown section 'nope'"],
    ),
    (
        "priority",
        [("priority: hoog", "priority: urgent")],
        "urgent",
        ["advice 'adv'", "'urgent' is not one of hoog, midden, laag"],
    ),
    (
        "red flag cap",
        [(WHO, WHO + FLAG.replace("CAP", "goed"))],
        "goed\n",
        ["red flag 'flag'", "not one of risico, aandacht"],
    ),
    (
        "type",
        [("type: yesno", "type: yesnoo")],
        "yesnoo",
        ["question 'a'", "did you mean 'yesno'?"],
    ),
    (
        "field of another type",
        [(A_TEXT, A_TEXT + "        options: []\n")],
        "[]",
        ["question 'a'", "'options' is not used by yesno"],
    ),
    ("schema_version", [("schema_version: 1", "schema_version: 2")], "2\n", ["not supported"]),
    ("quoted number", [("schema_version: 1", 'schema_version: "1"')], '"1"', ["in quotes"]),
    (
        "points as text",
        [("points: 1}", 'points: "3"}')],
        '"3"',
        ["question 'b'", "option 'x'", "in quotes"],
    ),
    ("points yes", [("points: 1}", "points: yes}")], "yes}", ["option 'x'", "number"]),
    ("points octal", [("points: 1}", "points: 0777}")], "0777", ["option 'x'", "'0777'"]),
    (
        "required: yes",
        [(A_TEXT, A_TEXT + "        required: yes\n")],
        "yes\n",
        ["question 'a'", "write true or false", "'yes'"],
    ),
    ("minutes", [("minutes: 5", "minutes: 1.5")], "1.5", ["minutes", "whole number"]),
    (
        "stand_per",
        [('stand_per: "2026-01-01"', 'stand_per: "1 januari"')],
        '"1 januari"',
        ["date like"],
    ),
    (
        "profile scored",
        [
            ("    title: {nl: S, en: S}\n", "    profile: true\n    title: {nl: S, en: S}\n"),
            (", points: 0}", "}"),
        ],
        "1}",
        ["question 'b'", "profile"],
    ),
    (
        "unknown top-level field",
        [("minutes: 5", "minutes: 5\nminuten: 5")],
        "minuten",
        ["unknown field 'minuten'"],
    ),
    (
        "variant field",
        [
            (
                WHO,
                WHO + "    variants:\n      - when: {answer: a, in: [ja]}\n"
                "        title: {nl: X, en: X}\n",
            )
        ],
        "title: {nl: X",
        ["advice 'adv'", "unknown field 'title'"],
    ),
    (
        "unreachable advice",
        [
            (
                "when: {answer: a, in: [nee]}",
                "when: {all: [{answer: a, in: [ja]}, {answer: a, in: [nee]}]}",
            )
        ],
        "{all:",
        ["advice 'adv'", "can trigger it"],
    ),
    (
        "unreachable red flag",
        [
            (WHO, WHO + FLAG.replace("CAP", "risico")),
            (
                "when: {answer: a, in: [nee]}\n    cap",
                "when: {not: {any: [{answer: a, in: [ja, deels, nee, weet-niet]},"
                " {not: {answer: a, in: [ja]}}]}}\n    cap",
            ),
        ],
        "{not: {any",
        ["red flag 'flag'", "can trigger it"],
    ),
    (
        "weet-niet in an advice trigger",
        [("in: [nee]", "in: [nee, weet-niet]")],
        "weet-niet]",
        ["advice 'adv'", "leave out 'weet-niet'", "find-out task"],
    ),
    (
        "uncited legal fact",
        [("why: {nl: W, en: W}", "why: {nl: Sinds 1 juli 2022 verplicht., en: W}")],
        "{nl: Sinds",
        ["advice 'adv'", "why", "'verplicht'", "cites no source"],
    ),
    (
        "contact without a source",
        [(WHO, WHO + CONTACT)],
        "id: hulp",
        ["contact 'hulp'", "sources: [id]"],
    ),
    (
        "unknown source",
        [(WHO, WHO + "    sources: [brn]\n" + SOURCES)],
        "brn",
        ["advice 'adv'", "unknown source 'brn'", "did you mean 'bron'?"],
    ),
    (
        "source nobody cites",
        [(WHO, WHO + SOURCES)],
        "bron\n",
        ["source 'bron'", "no element cites it"],
    ),
    (
        "red flag without a reason",
        [(WHO, WHO + FLAG.replace("CAP", "risico").replace("    reason: {nl: R, en: R}\n", ""))],
        "id: flag",
        ["red flag 'flag'", "missing field 'reason'"],
    ),
    (
        "red flag raises unknown advice",
        [(WHO, WHO + FLAG.replace("CAP", "risico") + "    raises: [avd]\n")],
        "avd",
        ["red flag 'flag'", "unknown advice 'avd'", "did you mean 'adv'?"],
    ),
    (
        "done_if contradicts when",
        [(WHO, WHO + "    done_if: {any: [{answer: a, in: [ja]}, {answer: b, in: [x]}]}\n")],
        "{any: [{answer: a, in: [ja]}",
        ["advice 'adv'", "when and done_if can both hold"],
    ),
    (
        "follow-up hidden between",
        [
            (
                "          - {id: y, label: {nl: Y, en: Y}, points: 0}\n",
                "          - {id: y, label: {nl: Y, en: Y}, points: 0}\n"
                "          - {id: z, label: {nl: Z, en: Z}, points: 2}\n"
                "      - id: c\n        type: yesno\n        show_if: {answer: b, in: [y, z]}\n"
                "        text: {nl: C, en: C}\n",
            ),
        ],
        "{answer: b, in: [y, z]}",
        ["question 'c'", "hidden when 'b' is 'x'", "unfairly"],
    ),
    (
        "persona answer",
        [(WHO, WHO + PERSONA.replace("ANSWER_A", "misschien"))],
        "a: misschien",
        ["persona 'p'", "question 'a'", "no option 'misschien'"],
    ),
    (
        "persona missing answer",
        [(WHO, WHO + PERSONA.replace("a: ANSWER_A, ", ""))],
        "{b: x}",
        ["persona 'p'", "question 'a'", "required"],
    ),
]


@pytest.mark.parametrize(
    ("changes", "marker", "fragments"), [pytest.param(c, m, f, id=n) for n, c, m, f in CASES]
)
def test_error_points_at_its_place(
    changes: list[tuple[str, str]], marker: str, fragments: list[str]
) -> None:
    text = edit(*changes)
    errors = errors_of(text)
    assert len(errors) == 1, "\n".join(map(str, errors))
    error = errors[0]
    line, col = position(text, marker)
    assert (error.file, error.line) == ("t.yaml", line), str(error)
    if not marker.endswith("\n"):
        assert error.col == col, str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)
    assert str(error).startswith(f"t.yaml:{error.line}:{error.col}: ")


def test_base_is_valid() -> None:
    assert errors_of(BASE) == []


def test_ten_errors_are_all_reported() -> None:
    text = edit(
        (A_TEXT, A_TEXT + "        txt: {nl: A, en: A}\n"),  # 1 unknown field
        ("{goed: 80, aandacht: 50}", "{goed: 50, aandacht: 80}"),  # 2 thresholds
        ("type: single", "type: singel"),  # 3 bad type
        ("{id: y,", "{id: x,"),  # 4 duplicate option
        ("points: 1}", 'points: "1"}'),  # 5 quoted number
        ("priority: hoog", "priority: hoogste"),  # 6 priority
        ("in: [nee]", "in: [nope]"),  # 7 unknown option
        ("text: {nl: B, en: B}", "text: {nl: B}"),  # 8 missing language
        ("minutes: 5", "minutes: vijf"),  # 9 minutes
        ("    who: {nl: W, en: W}\n", ""),  # 10 missing advice field
    )
    errors = errors_of(text)
    assert len(errors) == 10, "\n".join(map(str, errors))
    assert [e.line for e in errors] == sorted(e.line for e in errors)
    assert len({e.line for e in errors}) >= 9


def test_yaml_traps_ids_stay_text() -> None:
    text = edit(
        ("{id: x,", "{id: no,"),
        ("{id: y,", "{id: on,"),
        ("- id: b", "- id: '1:30'"),
    )
    text = text.replace("id: '1:30'", "id: 0777")
    q = load(text)
    question = q.questions["0777"]
    assert [o.id for o in question.options][:2] == ["no", "on"]


def test_texts_stay_text() -> None:
    q = load(edit(("text: {nl: B, en: B}", "text: {nl: ja, en: 1:30}")))
    assert q.questions["b"].text.values == {"nl": "ja", "en": "1:30"}


def test_quoted_switch_is_an_error() -> None:
    errors = errors_of(edit((A_TEXT, A_TEXT + '        required: "true"\n')))
    assert len(errors) == 1
    assert "write true or false" in errors[0].message


def test_strict_yaml_errors_come_through_load_text() -> None:
    errors = errors_of(BASE + "advice: []\n")
    assert len(errors) == 1
    assert errors[0].line == BASE.count("\n") + 1
    assert "duplicate key 'advice'" in errors[0].message
    assert f"line {position(BASE, 'advice:')[0]}" in errors[0].message


def test_duplicate_advice() -> None:
    second = BASE[BASE.index("  - id: adv") :]
    text = BASE + second
    errors = errors_of(text)
    assert len(errors) == 1, errors
    assert errors[0].line == BASE.count("\n") + 1
    assert "advice 'adv'" in errors[0].message
    assert "used by another advice" in errors[0].message
