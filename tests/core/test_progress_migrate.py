"""Re-scan comparison and carrying answers over to a new content version (mini fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan.core.evaluate import evaluate
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.migrate import carry_over
from zelfscan.core.model import Questionnaire
from zelfscan.core.progress import Trend, compare

MINI = Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "mini.yaml"


@pytest.fixture(scope="module")
def mini() -> Questionnaire:
    return load_questionnaire(MINI)


def _persona(q: Questionnaire, pid: str) -> dict[str, str | tuple[str, ...]]:
    return dict(next(p for p in q.personas if p.id == pid).answers)


def test_a_known_difference_gives_beter_and_slechter_per_theme(mini: Questionnaire) -> None:
    first = _persona(mini, "nieuw-raadslid")
    second = {
        **first,
        "maatregelen": ("camera", "alarm"),
        "verlichting": "altijd",
        "bedreigd": "ja",
    }
    before, after = evaluate(mini, first), evaluate(mini, second)
    all_ids = [a.id for a in mini.advice]
    result = compare(
        before,
        after,
        previous_advice_ids=all_ids,
        previous_plan={"camera": "gedaan", "licht": "gepland"},
    )
    trends = {t.section_id: t.trend for t in result.themes}
    assert trends == {"thuis": Trend.BETER, "gezin": Trend.GELIJK, "dreiging": Trend.SLECHTER}
    thuis = next(t for t in result.themes if t.section_id == "thuis")
    assert (thuis.before, thuis.after) == (pytest.approx(33.3), pytest.approx(88.9))
    assert result.completed == ("camera",)
    assert set(result.resolved) == {"camera", "licht"}
    assert result.new_by_content == ()


def test_advice_new_because_content_changed_is_told_apart(mini: Questionnaire) -> None:
    answers = _persona(mini, "nieuw-raadslid")
    ev = evaluate(mini, answers)
    older_content = [a for a in (x.id for x in mini.advice) if a != "licht"]
    before = evaluate(mini, {**answers, "verlichting": "altijd"})
    result = compare(before, ev, previous_advice_ids=older_content)
    assert result.new_by_content == ("licht",)
    assert result.new_by_answers == ()


def test_a_theme_that_did_not_apply_before_is_new(mini: Questionnaire) -> None:
    no_kids = {**_persona(mini, "nieuw-raadslid"), "kinderen": "nee"}
    result = compare(
        evaluate(mini, no_kids),
        evaluate(mini, _persona(mini, "nieuw-raadslid")),
        previous_advice_ids=[],
    )
    assert {t.section_id: t.trend for t in result.themes}["gezin"] is Trend.NIEUW


def test_carry_over_keeps_answers_by_id_and_flags_what_to_answer_again(mini: Questionnaire) -> None:
    saved = {
        **_persona(mini, "nieuw-raadslid"),
        "oude-vraag": "ja",  # removed in the new version
        "verlichting": "fel",  # option no longer exists: the meaning changed
        "maatregelen": ["camera", "alarm"],  # JSON lists become tuples
    }
    result = carry_over(mini, saved)
    assert set(result.dropped) == {"oude-vraag", "verlichting"}
    assert result.answers["maatregelen"] == ("camera", "alarm")
    assert result.to_answer == ("verlichting",)
