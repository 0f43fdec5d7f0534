"""``Evaluation.contacts`` and ``Evaluation.overall_capped_by``: the views show these and never
check conditions or caps again (one presentation model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan.core.evaluate import evaluate
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Level, Questionnaire

MINI = Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "mini.yaml"


@pytest.fixture(scope="module")
def mini() -> Questionnaire:
    return load_questionnaire(MINI)


def persona(q: Questionnaire, pid: str) -> dict[str, str | tuple[str, ...]]:
    return dict(next(p for p in q.personas if p.id == pid).answers)


def test_contacts_follow_show_if_in_file_order(mini: Questionnaire) -> None:
    member = evaluate(mini, persona(mini, "nieuw-raadslid"))
    mayor = evaluate(mini, persona(mini, "burgemeester-flat"))
    assert [c.id for c in member.contacts] == ["politie"]  # no bestuurders route
    assert [c.id for c in mayor.contacts] == ["politie", "beveiligingsadvies"]
    assert mayor.urgent_contacts == tuple(c for c in mayor.contacts if c.urgent)


def test_overall_capped_by_names_only_flags_that_lowered_the_level(mini: Questionnaire) -> None:
    # 5/16 is risico by its score; foto-online (cap aandacht) changes nothing overall
    member = evaluate(mini, persona(mini, "nieuw-raadslid"))
    assert member.overall_level is Level.RISICO
    assert [f.flag.id for f in member.red_flags] == ["foto-online"]
    assert member.overall_capped_by == ()
    # a threatened mayor whose score is risico as well: no flag "capped" it
    mayor = persona(mini, "burgemeester-flat")
    threatened = evaluate(mini, mayor)
    assert threatened.overall_score is not None
    assert mini.thresholds.level(threatened.overall_score) is Level.RISICO
    assert threatened.overall_capped_by == ()
    # with a safe home the score alone says better; nu-bedreigd is why it reads risico
    safe = evaluate(mini, {**mayor, "slot": "ja", "buren": "ja", "portiek": "dicht"})
    assert safe.overall_score is not None
    assert mini.thresholds.level(safe.overall_score) is not Level.RISICO
    assert safe.overall_level is Level.RISICO
    assert safe.overall_capped_by == ("nu-bedreigd",)
