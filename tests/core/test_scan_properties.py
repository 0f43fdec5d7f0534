"""The engine's promises on the real scans: whole random answer sets and every persona file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.improve import check_a_better_answer, complete
from zelfscan.core.evaluate import evaluate
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import UNKNOWN, Questionnaire

ROOT = Path(__file__).resolve().parents[2]
SCANS = {p.stem: load_questionnaire(p) for p in sorted((ROOT / "questionnaires").glob("*.yaml"))}
PERSONAS = sorted((ROOT / "tests" / "personas").glob("*/*.yaml"))
RANDOM = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _persona(path: Path) -> tuple[Questionnaire, dict[str, str | tuple[str, ...]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    answers = {k: tuple(v) if isinstance(v, list) else str(v) for k, v in data["answers"].items()}
    return SCANS[data["questionnaire"]], answers


@RANDOM
@given(st.sampled_from(sorted(SCANS)), st.data())
def test_a_better_answer_never_lowers_a_score(scan: str, data: st.DataObject) -> None:
    q = SCANS[scan]
    check_a_better_answer(q, complete(q, {}, data), data)


@RANDOM
@given(st.sampled_from(sorted(SCANS)), st.data())
def test_every_advice_item_says_why_and_weet_niet_is_no_action(
    scan: str, data: st.DataObject
) -> None:
    q = SCANS[scan]
    _check_advice(q, complete(q, {}, data))


@pytest.mark.parametrize("path", PERSONAS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_personas_get_reasons_for_every_item(path: Path) -> None:
    _check_advice(*_persona(path))


def _check_advice(q: Questionnaire, answers: dict[str, str | tuple[str, ...]]) -> None:
    ev = evaluate(q, answers)
    for advice in ev.advice:
        assert advice.reasons, advice.id
        assert all(UNKNOWN not in r.answer_ids for r in advice.reasons), advice.id
    for task in ev.tasks:
        for conditional in task.then:
            assert any(UNKNOWN in r.answer_ids for r in conditional.advice.reasons)


def test_alarm_with_follow_ups_scores_above_no_alarm() -> None:
    """The reproduction from issue #14: alarm "geen" -> "sirene", both follow-ups "nee"."""
    q, answers = _persona(ROOT / "tests/personas/veilige-woning/vrijstaand-pkvw.yaml")
    none = evaluate(q, {**answers, "alarm": "geen"}).section("alarm")
    siren = evaluate(
        q, {**answers, "alarm": "sirene", "alarm-borg": "nee", "alarm-opvolging": "nee"}
    ).section("alarm")
    assert none is not None
    assert siren is not None
    assert none.score is not None
    assert siren.score is not None
    assert siren.score > none.score
    assert siren.possible == none.possible  # the follow-ups were at stake all along
