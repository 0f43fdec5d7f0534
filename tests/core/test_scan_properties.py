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
    """A reported case: alarm "geen" -> "sirene", both follow-ups "nee"."""
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


def test_score_json_says_why_for_every_item_of_every_persona() -> None:
    """The real CLI: ``score --json`` gives a non-empty ``why`` for every advice item."""
    import json
    import subprocess
    import sys

    for path in PERSONAS:
        scan = path.parent.name
        run = subprocess.run(
            [sys.executable, "-m", "zelfscan.cli", "score", scan, "--answers", str(path), "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        data = json.loads(run.stdout)
        for item in data["advice"]:
            assert item["why"], f"{path.name}: {item['id']}"
            assert all(w["question"] and w["answer"] for w in item["why"]), item["id"]


def test_a_confirmed_incident_comes_before_doubts_and_red_flag_advice_leads() -> None:
    q, answers = _persona(
        ROOT / "tests/personas/persoonlijke-veiligheid/burgemeester-ondermijning-agenda.yaml"
    )
    order = [a.id for a in evaluate(q, answers).advice]
    assert order[0] == "voorval-thuis"  # raised by its red flag
    assert order.index("voorval-thuis") < order.index("twijfel-bespreken")
    assert order.index("twijfel-bespreken") < order.index("adres-twijfel")
    # with an ondermijning dossier, a public agenda and fixed routes are hoog
    priorities = {a.id: a.priority.value for a in evaluate(q, answers).advice}
    assert priorities["agenda-achteraf"] == priorities["routes-afwisselen"] == "hoog"


def test_a_threatened_doxed_parent_gets_family_advice_raised() -> None:
    q, answers = _persona(
        ROOT / "tests/personas/persoonlijke-veiligheid/raadslid-bedreigd-kinderen.yaml"
    )
    ev = evaluate(q, answers)
    top = [a.id for a in ev.top]
    assert top == ["hulp-bij-dreiging", "adres-gelekt", "noodplan-maken"]
    raised = {a.id: a for a in ev.advice if a.raised}
    for family in ("afspraken-deur-en-telefoon", "school-informeren", "kinderen-voorbereiden"):
        assert raised[family].priority.value == "hoog"
        assert any(r.question.id == "dreiging-nu" for r in raised[family].reasons)
    # every role hears that police and public prosecutor decide on protection
    steps = " ".join(next(a for a in ev.advice if a.id == "hulp-bij-dreiging").how.get("nl"))
    assert "politie en OM" in steps


def test_no_advice_is_grouped_under_the_about_you_section() -> None:
    for q in SCANS.values():
        first = q.sections[0].id
        assert [a.id for a in q.advice if a.section == first] == []


def test_weet_niet_personas_get_tasks_not_actions() -> None:
    for scan in SCANS:
        q, answers = _persona(ROOT / f"tests/personas/{scan}/weet-niet.yaml")
        ev = evaluate(q, answers)
        assert len(ev.advice) <= 6, [a.id for a in ev.advice]  # was 42 and 45 before #14
        assert len(ev.tasks) >= 35
        assert sum(len(t.then) for t in ev.tasks) >= 25
