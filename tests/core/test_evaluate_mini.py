"""The engine on the mini fixture, with every number worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan.core.evaluate import evaluate, live_red_flags
from zelfscan.core.flow import missing_required, toggle_option, visible_questions, visible_sections
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Level, Priority, Questionnaire

MINI = Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "mini.yaml"


@pytest.fixture(scope="module")
def mini() -> Questionnaire:
    return load_questionnaire(MINI)


def persona(q: Questionnaire, pid: str) -> dict[str, str | tuple[str, ...]]:
    return dict(next(p for p in q.personas if p.id == pid).answers)


def test_new_council_member(mini: Questionnaire) -> None:
    ev = evaluate(mini, persona(mini, "nieuw-raadslid"))
    by_id = {s.section_id: s for s in ev.sections}
    # complex is hidden (a house); the profile is never scored
    assert list(by_id) == ["thuis", "gezin", "dreiging"]
    # thuis: slot ja 2/2, verlichting soms 1/2, maatregelen [geen] 0/5 -> 3/9
    assert (by_id["thuis"].earned, by_id["thuis"].possible) == (3, 9)
    assert by_id["thuis"].score == pytest.approx(33.3)
    assert by_id["thuis"].level is Level.RISICO  # theme thresholds 75/45
    # gezin: school-afspraak nee 0/2, delen-online ja (safe is nee, 3 points) 0/3
    assert (by_id["gezin"].score, by_id["gezin"].level) == (0.0, Level.RISICO)
    assert by_id["gezin"].capped_by == ("foto-online",)
    assert (by_id["dreiging"].score, by_id["dreiging"].level) == (100.0, Level.GOED)
    # overall 5/16
    assert ev.overall_score == pytest.approx(31.2)
    assert ev.overall_level is Level.RISICO
    assert [a.id for a in ev.advice] == ["ophaalafspraak", "camera", "licht"]
    assert [a.priority for a in ev.advice] == [Priority.HOOG, Priority.MIDDEN, Priority.LAAG]
    first = ev.advice[0]
    assert [c.id for c in first.contacts] == ["politie"]  # a raadslid gets no bestuurders route
    assert [(r.question.id, [t.get("nl") for t in r.answer_labels]) for r in first.reasons] == [
        ("school-afspraak", ["Nee"])
    ]
    assert [f.flag.id for f in ev.red_flags] == ["foto-online"]
    assert ev.tasks == ()


def test_mayor_in_a_flat_gets_the_red_flag_and_the_unknown_theme(mini: Questionnaire) -> None:
    ev = evaluate(mini, persona(mini, "burgemeester-flat"))
    by_id = {s.section_id: s for s in ev.sections}
    assert "gezin" not in by_id  # no children
    # complex: portiek open 0/2, buren weet-niet 0/2 with 2 unknown -> half unknown: onbekend
    assert by_id["complex"].level is Level.ONBEKEND
    assert by_id["complex"].unknown == 1
    assert by_id["dreiging"].level is Level.RISICO
    assert ev.overall_level is Level.RISICO
    assert [f.flag.id for f in ev.red_flags] == ["nu-bedreigd"]
    assert [c.id for c in ev.urgent_contacts] == ["politie"]
    assert [a.id for a in ev.advice] == ["portiek-dicht"]
    assert [t.question.id for t in ev.tasks] == ["buren"]


def test_not_knowing_is_onbekend_not_a_failure(mini: Questionnaire) -> None:
    ev = evaluate(mini, persona(mini, "wethouder-weet-niet"))
    thuis = ev.section("thuis")
    assert thuis is not None
    # slot weet-niet 0/2, verlichting n.v.t. (out of the denominator), maatregelen weet-niet 0/5
    assert (thuis.earned, thuis.possible, thuis.unknown_points) == (0, 7, 7)
    assert thuis.level is Level.ONBEKEND
    assert ev.overall_level is Level.ONBEKEND
    tasks = {t.question.id: t.task.get("nl") for t in ev.tasks}
    assert tasks == {
        "slot": "Kijk op het slot naar drie sterren.",
        "maatregelen": "Loop het huis rond.",
    }
    # "weet ik niet" is not "nee": no action, but the find-out task says what follows
    assert ev.advice == ()
    then = {t.question.id: [c.line.get("nl") for c in t.then] for t in ev.tasks}
    assert then == {
        "slot": ["Blijkt het antwoord ‘Nee’? Doe dan dit: Zorg voor licht bij de deur."],
        "maatregelen": [
            "Blijkt ‘Geen van deze’ te kloppen? Doe dan dit: Overweeg een camera bij de deur."
        ],
    }
    camera = ev.tasks[1].then[0]
    assert camera.line.get("en") == (
        "If ‘None of these’ turns out to apply: Consider a camera at the door."
    )
    # why: the known answer and the "weet ik niet"
    assert [(r.question.id, r.answer_ids) for r in camera.advice.reasons] == [
        ("maatregelen", ("weet-niet",)),
        ("woning", ("huis",)),
    ]


def test_weet_niet_with_a_known_reason_is_still_an_action(mini: Questionnaire) -> None:
    answers = {**persona(mini, "wethouder-weet-niet"), "verlichting": "geen"}
    ev = evaluate(mini, answers)
    # licht: any(verlichting geen/soms, slot nee): the known answer makes it true
    assert [a.id for a in ev.advice] == ["licht"]
    assert [r.question.id for r in ev.advice[0].reasons] == ["verlichting"]
    slot = next(t for t in ev.tasks if t.question.id == "slot")
    assert slot.then == ()


def test_role_variant_changes_who_can_help(mini: Questionnaire) -> None:
    answers = {**persona(mini, "nieuw-raadslid"), "rol": "wethouder"}
    first = evaluate(mini, answers).advice[0]
    assert first.who.get("nl") == "Uw beveiligingsadviseur"
    assert [c.id for c in first.contacts] == ["beveiligingsadvies"]


def test_hidden_answers_are_ignored(mini: Questionnaire) -> None:
    answers = persona(mini, "nieuw-raadslid")
    with_stale = {**answers, "portiek": "open", "buren": "nee"}  # flat questions, but a house
    assert evaluate(mini, with_stale) == evaluate(mini, answers)


def test_conditions_cascade_and_sections_hide(mini: Questionnaire) -> None:
    answers: dict[str, str | tuple[str, ...]] = {"rol": "raadslid", "woning": "appartement"}
    answers["kinderen"] = "nee"
    assert [s.id for s in visible_sections(mini, answers)] == [
        "profiel",
        "thuis",
        "complex",
        "dreiging",
    ]
    answers["portiek"] = "open"
    # buren is hidden for a raadslid even though the portiek is open
    assert "buren" not in [q.id for q in visible_questions(mini, answers)]
    answers["rol"] = "burgemeester"
    assert "buren" in [q.id for q in visible_questions(mini, answers)]


def test_next_is_gated_on_visible_required_questions(mini: Questionnaire) -> None:
    answers: dict[str, str | tuple[str, ...]] = {"rol": "raadslid", "woning": "huis"}
    assert [q.id for q in missing_required(mini, answers, "profiel")] == ["kinderen"]
    answers["kinderen"] = "nee"
    assert missing_required(mini, answers, "profiel") == []
    # the optional note never blocks
    assert "toelichting" not in [q.id for q in missing_required(mini, answers, "thuis")]


def test_exclusive_options_clear_each_other(mini: Questionnaire) -> None:
    question = mini.questions["maatregelen"]
    value = toggle_option(question, None, "camera", True)
    value = toggle_option(question, value, "alarm", True)
    assert value == ("camera", "alarm")
    assert toggle_option(question, value, "geen", True) == ("geen",)
    assert toggle_option(question, ("geen",), "hond", True) == ("hond",)
    assert toggle_option(question, ("weet-niet",), "camera", True) == ("camera",)
    assert toggle_option(question, ("camera",), "camera", False) == ()


def test_red_flags_are_live(mini: Questionnaire) -> None:
    assert live_red_flags(mini, {"bedreigd": "nee"}) == ()
    flags = live_red_flags(mini, {"bedreigd": "ja"})
    assert [f.flag.id for f in flags] == ["nu-bedreigd"]
    assert flags[0].flag.message.get("nl").startswith("Voelt u zich nu onveilig?")


def test_additions_append_to_every_tagged_item_when_they_apply(mini: Questionnaire) -> None:
    answers = {**persona(mini, "wethouder-weet-niet"), "maatregelen": ("geen",)}
    wethouder = evaluate(mini, answers)
    camera = next(a for a in wethouder.advice if a.id == "camera")
    assert camera.cost.get("nl") == (
        "100 tot 300 euro Staat het in uw beveiligingsadvies, dan betaalt uw werkgever."
    )
    assert [c.id for c in camera.contacts] == ["beveiligingsadvies"]
    raadslid = evaluate(mini, persona(mini, "nieuw-raadslid"))
    camera = next(a for a in raadslid.advice if a.id == "camera")
    assert camera.cost.get("nl") == "100 tot 300 euro"
    assert camera.contacts == ()  # the bestuurders route is not for a raadslid


def test_an_active_red_flag_raises_what_protects_against_it(mini: Questionnaire) -> None:
    calm = evaluate(mini, persona(mini, "nieuw-raadslid"))
    assert [(a.id, a.priority) for a in calm.advice] == [
        ("ophaalafspraak", Priority.HOOG),
        ("camera", Priority.MIDDEN),
        ("licht", Priority.LAAG),
    ]
    threatened = evaluate(mini, {**persona(mini, "nieuw-raadslid"), "bedreigd": "ja"})
    # raised items first, in the flag's order, at hoog; the rest as before
    assert [(a.id, a.priority, a.raised_by) for a in threatened.advice] == [
        ("licht", Priority.HOOG, ("nu-bedreigd",)),
        ("ophaalafspraak", Priority.HOOG, ("nu-bedreigd",)),
        ("camera", Priority.MIDDEN, ()),
    ]
    assert threatened.advice[0].item.priority is Priority.LAAG  # its own priority is kept
    flag = next(f for f in threatened.red_flags if f.flag.id == "nu-bedreigd")
    assert [c.id for c in flag.contacts] == ["politie"]  # the flag's own urgent contacts
    assert flag.flag.reason is not None
    assert flag.flag.reason.get("nl") == "u gaf aan dat u nu bedreigd wordt"
    gezin = threatened.section("gezin")
    assert gezin is not None
    assert gezin.capped_by == ("foto-online",)


def test_score_json_says_why_for_every_item(mini: Questionnaire) -> None:
    from zelfscan.core.json_views import evaluation_to_json

    answers = {**persona(mini, "nieuw-raadslid"), "bedreigd": "ja"}
    data = evaluation_to_json(evaluate(mini, answers), "nl")
    why = {a["id"]: a["why"] for a in data["advice"]}
    # a raised item also names the answer that set the red flag off
    threat = {"question": "bedreigd", "answer": "ja"}
    assert why == {
        "licht": [{"question": "verlichting", "answer": "soms"}, threat],
        "ophaalafspraak": [{"question": "school-afspraak", "answer": "nee"}, threat],
        # a checklist answer and the answer that made the `not` true
        "camera": [
            {"question": "maatregelen", "answer": ["geen"]},
            {"question": "woning", "answer": "huis"},
        ],
    }
    assert data["advice"][0]["raised_by"] == ["nu-bedreigd"]
