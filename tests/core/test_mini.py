"""The mini fixture loads into the model the engine relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan.core.conditions import holds
from zelfscan.core.flow import effective_answers
from zelfscan.core.loader import load_questionnaire, validate_file
from zelfscan.core.model import AllOf, AnswerIn, AnyOf, Level, Not, Priority, QuestionType

MINI = Path(__file__).parents[1] / "data" / "questionnaires" / "mini.yaml"


@pytest.fixture(scope="module")
def mini():  # type: ignore[no-untyped-def]
    return load_questionnaire(MINI)


def test_mini_is_valid() -> None:
    assert validate_file(MINI) == []


def test_top_level(mini) -> None:  # type: ignore[no-untyped-def]
    assert (mini.id, mini.version, mini.schema_version) == ("mini", "2026.1", 1)
    assert (mini.minutes, mini.stand_per) == (5, "2026-11-01")
    assert (mini.thresholds.goed, mini.thresholds.aandacht) == (80.0, 50.0)
    assert mini.about is not None
    assert mini.about.get("en").startswith("For tests")
    assert mini.source == str(MINI)
    assert [s.id for s in mini.sections] == ["profiel", "thuis", "gezin", "complex", "dreiging"]


def test_sections(mini) -> None:  # type: ignore[no-untyped-def]
    profiel, thuis, gezin, _, _ = mini.sections
    assert profiel.profile
    assert not thuis.profile
    assert thuis.thresholds is not None
    assert thuis.thresholds.goed == 75.0
    assert thuis.trainer_notes is not None
    assert thuis.discussion is not None
    assert thuis.intro is not None
    assert gezin.show_if == AnswerIn("kinderen", frozenset({"ja"}))


def test_questions_know_section_and_line(mini) -> None:  # type: ignore[no-untyped-def]
    slot = mini.questions["slot"]
    assert slot.section == "thuis"
    lines = MINI.read_text(encoding="utf-8").splitlines()
    assert lines[slot.line - 1].strip() == "- id: slot"
    assert mini.questions["toelichting"].type is QuestionType.TEXT
    assert not mini.questions["toelichting"].required
    assert mini.questions["rol"].required


def test_profile_questions_are_unscored_without_weet_niet(mini) -> None:  # type: ignore[no-untyped-def]
    rol = mini.questions["rol"]
    assert [o.id for o in rol.options] == ["burgemeester", "wethouder", "raadslid"]
    assert not rol.scored


def test_yesno_expansion(mini) -> None:  # type: ignore[no-untyped-def]
    slot = mini.questions["slot"]
    assert [(o.id, o.points) for o in slot.options] == [
        ("ja", 2.0),
        ("deels", 1.0),
        ("nee", 0.0),
        ("weet-niet", 0.0),
        ("nvt", None),
    ]
    assert slot.option("deels").label.get("nl") == "Gedeeltelijk"
    assert slot.option("weet-niet").label.get("en") == "I don't know"
    assert slot.option("nvt").label.get("nl") == "Niet van toepassing"
    online = mini.questions["delen-online"]
    assert [(o.id, o.points) for o in online.options] == [("ja", 0.0), ("nee", 3.0)]


def test_multiple_choice_exclusive_options(mini) -> None:  # type: ignore[no-untyped-def]
    m = mini.questions["maatregelen"]
    assert [(o.id, o.points, o.exclusive) for o in m.options] == [
        ("camera", 2.0, False),
        ("alarm", 2.0, False),
        ("hond", 1.0, False),
        ("geen", 0.0, True),
        ("weet-niet", 0.0, True),
    ]
    assert m.max_points == 5.0


def test_conditions(mini) -> None:  # type: ignore[no-untyped-def]
    buren = mini.questions["buren"]
    assert isinstance(buren.show_if, AllOf)
    assert isinstance(buren.show_if.conditions[1], Not)
    licht = next(a for a in mini.advice if a.id == "licht")
    assert isinstance(licht.when, AnyOf)


def test_advice(mini) -> None:  # type: ignore[no-untyped-def]
    by_id = {a.id: a for a in mini.advice}
    ophaal = by_id["ophaalafspraak"]
    assert (ophaal.priority, ophaal.section, ophaal.contacts) == (
        Priority.HOOG,
        "gezin",
        ("politie",),
    )
    assert ophaal.how.get("en") == ("Call the teacher.", "Pass on the names.")
    assert len(ophaal.variants) == 1
    assert ophaal.variants[0].contacts == ("beveiligingsadvies",)
    assert ophaal.variants[0].why is None
    assert by_id["camera"].section == "thuis"
    assert by_id["licht"].section == "thuis"
    assert ophaal.line > 0


def test_red_flags(mini) -> None:  # type: ignore[no-untyped-def]
    flags = {r.id: r for r in mini.red_flags}
    assert flags["nu-bedreigd"].cap is Level.RISICO
    assert flags["nu-bedreigd"].section == "dreiging"
    assert flags["foto-online"].cap is Level.AANDACHT
    assert flags["foto-online"].section == "gezin"


def test_contacts(mini) -> None:  # type: ignore[no-untyped-def]
    politie = mini.contact("politie")
    assert politie.urgent
    assert politie.contact.get("en") == "0900-8844"
    advies = mini.contact("beveiligingsadvies")
    assert not advies.urgent
    assert advies.show_if is not None
    assert advies.contact.get("en") == "Through your municipal secretary"


def test_personas(mini) -> None:  # type: ignore[no-untyped-def]
    assert [p.id for p in mini.personas] == [
        "nieuw-raadslid",
        "burgemeester-flat",
        "wethouder-weet-niet",
    ]
    assert mini.personas[0].answers["maatregelen"] == ("geen",)
    assert mini.personas[1].answers["toelichting"] == "Ik woon op 1 hoog."


def test_persona_triggers_advice(mini) -> None:  # type: ignore[no-untyped-def]
    answers = effective_answers(mini, mini.personas[0].answers)
    triggered = {a.id for a in mini.advice if holds(a.when, answers)}
    assert triggered == {"ophaalafspraak", "camera", "licht"}
