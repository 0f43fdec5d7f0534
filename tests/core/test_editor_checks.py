"""The checks issue 18 added for editors: what can never apply, what is missing, and points.

Errors refuse the file; warnings (a missing find-out task, too few personas) leave it usable
and are shown by ``zelfscan-cli validate``. Every case names its place in the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qtext import BASE, edit, errors_of, load, position

from zelfscan.core.errors import LoadError
from zelfscan.core.evaluate import evaluate
from zelfscan.core.loader import load_text_checked

ROOT = Path(__file__).resolve().parents[2]
VARIANT = """    variants:
      - when: WHEN
        who: {nl: V, en: V}
"""
WHO = "    who: {nl: W, en: W}\n"
ADDITION = """    tags: [bouw]
additions:
  - id: extra
    tags: [bouw]
    when: WHEN
    who: {nl: X, en: X}
"""
FIND_OUT = "        find_out: {nl: F, en: F}\n"
A_TEXT = "        text: {nl: A, en: A}\n"
B_TEXT = "        text: {nl: B, en: B}\n"


def warnings_of(text: str) -> list[LoadError]:
    return load_text_checked(text, "t.yaml")[1]


def quiet(text: str) -> str:
    """``text`` with the find-out tasks the base lacks, so only the case's own warning shows."""
    return edit((A_TEXT, A_TEXT + FIND_OUT), (B_TEXT, B_TEXT + FIND_OUT), text=text)


def test_a_variant_that_can_never_apply_is_an_error() -> None:
    text = edit((WHO, WHO + VARIANT.replace("WHEN", "{answer: a, in: [ja]}")))
    (error,) = errors_of(text)
    assert (error.line, error.col) == position(text, "when: {answer: a, in: [ja]}")
    assert "advice 'adv': variant 1 never applies" in error.message


def test_a_variant_that_can_apply_is_fine() -> None:
    assert errors_of(edit((WHO, WHO + VARIANT.replace("WHEN", "{answer: b, in: [x]}")))) == []


def test_an_addition_that_can_never_apply_is_an_error() -> None:
    text = edit((WHO, WHO + ADDITION.replace("WHEN", "{answer: a, in: [ja]}")))
    (error,) = errors_of(text)
    assert error.line == position(text, "when: {answer: a, in: [ja]}")[0]
    assert "addition 'extra': never applies" in error.message
    assert errors_of(edit((WHO, WHO + ADDITION.replace("WHEN", "{answer: b, in: [y]}")))) == []


def test_a_red_flag_that_would_cap_a_profile_theme_is_an_error() -> None:
    text = edit(("    title: {nl: S, en: S}\n", "    profile: true\n    title: {nl: S, en: S}\n"))
    text = edit(("points: 1}", "}"), ("points: 0}", "}"), text=text)
    text = text.replace("when: {answer: a, in: [nee]}", "when: {answer: b, in: [y]}")
    text += (
        "red_flags:\n  - id: rood\n    when: {answer: b, in: [y]}\n    cap: risico\n"
        "    message: {nl: M, en: M}\n    reason: {nl: R, en: R}\n"
    )
    errors = [e for e in errors_of(text) if "red flag" in e.message]
    assert len(errors) == 1, errors
    assert errors[0].line == text.count("\n") - 3
    assert "red flag 'rood': it would cap the theme 's', but a profile theme has no level" in (
        errors[0].message
    )


def test_weet_ik_niet_without_find_out_is_a_warning_at_the_question() -> None:
    text = edit((A_TEXT, A_TEXT + FIND_OUT))
    assert errors_of(text) == []
    found = [w for w in warnings_of(text) if "find_out" in w.message]
    assert [(w.line, w.col) for w in found] == [position(text, "b\n        type: single")]
    assert "question 'b': offers 'weet ik niet' but has no find_out" in found[0].message
    assert str(found[0]).startswith(f"t.yaml:{found[0].line}:{found[0].col}: warning: ")
    no_unknown = edit((B_TEXT, B_TEXT + "        unknown: false\n"), text=text)
    assert not [w for w in warnings_of(no_unknown) if "find_out" in w.message]


def test_fewer_than_three_personas_is_a_warning() -> None:
    persona = (
        "  - id: pID\n    name: {nl: P, en: P}\n    description: {nl: D, en: D}\n"
        "    answers: {a: ja, b: x}\n"
    )
    text = quiet(BASE) + "personas:\n" + persona.replace("ID", "1")
    (warning,) = warnings_of(text)
    assert warning.line == position(text, "  - id: p1")[0]
    assert "personas: 1 of the at least 3" in warning.message
    assert warnings_of(text + persona.replace("ID", "2") + persona.replace("ID", "3")) == []


@pytest.mark.parametrize("path", sorted((ROOT / "questionnaires").glob("*.yaml")), ids=str)
def test_the_built_in_scans_have_no_warnings(path: Path) -> None:
    assert warnings_of(path.read_text(encoding="utf-8")) == []


def test_the_guide_example_has_no_warnings() -> None:
    guide = (ROOT / "questionnaires" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## The file\n\n```yaml\n(.*?)```", guide, re.S)
    assert found is not None
    assert warnings_of(found.group(1)) == []


@pytest.mark.parametrize("points", ["null", "0"])
def test_a_yesno_question_with_points_null_or_0_is_not_scored(points: str) -> None:
    text = edit((A_TEXT, A_TEXT + f"        points: {points}\n"))
    q = load(text)
    assert all(o.points is None for o in q.questions["a"].options)
    result = evaluate(q, {"a": "nee", "b": "x"})
    assert result.sections[0].score == 100  # only b counts, and it has its best answer
    assert [a.item.id for a in result.advice] == ["adv"]


def test_not_on_a_hidden_question_never_fires_and_a_not_advice_says_why() -> None:
    text = edit(
        ("      - id: b\n", "      - id: b\n        show_if: {answer: a, in: [ja]}\n"),
        ("when: {answer: a, in: [nee]}", "when: {not: {answer: b, in: [x]}}"),
    )
    q = load(text)
    assert evaluate(q, {"a": "nee"}).advice == ()  # b was hidden: "not x" is not known
    (shown,) = evaluate(q, {"a": "ja", "b": "y"}).advice
    assert [(r.question.id, r.answer_ids) for r in shown.reasons] == [("b", ("y",))]


FLAG = """red_flags:
  - id: rood
    when: {answer: b, in: [y]}
    cap: risico
    message: {nl: M, en: M}
    reason: {nl: R, en: R}
"""
LATE = """  - id: late
    priority: laag
    when: {answer: b, in: [y]}
    title: {nl: L, en: L}
    why: {nl: W, en: W}
    how: {nl: [H], en: [H]}
    effort: {nl: E, en: E}
    cost: {nl: C, en: C}
    who: {nl: W, en: W}
"""


def test_a_red_flag_without_raises_is_a_warning_and_raises_puts_its_advice_first() -> None:
    text = quiet(BASE) + LATE + FLAG
    (warning,) = [w for w in warnings_of(text) if "red flag" in w.message]
    assert warning.line == position(text, "when: {answer: b, in: [y]}\n    cap")[0]
    assert "red flag 'rood': raises no advice" in warning.message
    q = load(text)
    unraised = evaluate(q, {"a": "nee", "b": "y"}).advice
    assert [a.item.id for a in unraised] == ["adv", "late"]  # hoog before laag
    raised = load(text + "    raises: [late]\n")
    assert not [w for w in warnings_of(text + "    raises: [late]\n") if "red flag" in w.message]
    ordered = evaluate(raised, {"a": "nee", "b": "y"}).advice
    assert [(a.item.id, a.priority.value) for a in ordered] == [("late", "hoog"), ("adv", "hoog")]


def test_a_draft_may_leave_out_english_with_one_warning_that_counts() -> None:
    dutch_only = edit(
        ("title: {nl: T, en: T}\nintro", "title: {nl: Titel}\nintro"),
        ("how: {nl: [H], en: [H]}", "how: {nl: [Bel.]}"),
        ("text: {nl: B, en: B}", "text: Vraag B"),
        text=quiet(BASE),
    )
    assert any("missing field 'en'" in e.message for e in errors_of(dutch_only))
    draft = dutch_only.replace("schema_version: 1\n", "schema_version: 1\ndraft: true\n")
    q, warnings = load_text_checked(draft, "t.yaml")
    assert q.draft
    assert q.title.get("en") == "Titel"
    assert q.questions["b"].text.get("en") == "Vraag B"
    assert q.advice[0].how.get("en") == ("Bel.",)
    (warning,) = [w for w in warnings if w.message.startswith("draft:")]
    assert (warning.line, warning.col) == position(draft, "{nl: Titel}")
    assert "draft: 3 text(s) have no English yet" in warning.message


def test_a_finished_draft_is_told_to_drop_the_flag() -> None:
    draft = quiet(BASE).replace("schema_version: 1\n", "schema_version: 1\ndraft: true\n")
    (warning,) = [w for w in warnings_of(draft) if w.message.startswith("draft:")]
    assert "every text has English; remove draft: true" in warning.message
