"""Answers files and checking answers against a questionnaire (mini.yaml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zelfscan.core.answers import check_answers, load_answers_file, normalise_answers
from zelfscan.core.errors import AnswersError
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Questionnaire

MINI = Path(__file__).parents[1] / "data" / "questionnaires" / "mini.yaml"

COMPLETE = {
    "rol": "raadslid",
    "woning": "huis",
    "kinderen": "nee",
    "slot": "ja",
    "verlichting": "altijd",
    "maatregelen": ["camera", "alarm"],
    "bedreigd": "nee",
}


@pytest.fixture(scope="module")
def mini() -> Questionnaire:
    return load_questionnaire(MINI)


def test_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "questionnaire: mini\nanswers:\n  rol: raadslid\n  maatregelen: [camera, hond]\n"
        "  toelichting: 1:30\n  kinderen: no\n  slot: ~\n",
        encoding="utf-8",
    )
    qid, answers = load_answers_file(path)
    assert qid == "mini"
    assert answers == {
        "rol": "raadslid",
        "maatregelen": ("camera", "hond"),
        "toelichting": "1:30",
        "kinderen": "no",
    }


def test_json_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"questionnaire": "mini", "answers": COMPLETE}), encoding="utf-8")
    qid, answers = load_answers_file(path)
    assert qid == "mini"
    assert answers["maatregelen"] == ("camera", "alarm")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("answers: {rol: raadslid}\n", "missing field 'questionnaire'"),
        ("questionnaire: mini\nanswers: [rol]\n", "must be a map"),
        ("questionnaire: mini\nanswers: {rol: {a: 1}}\n", "question 'rol'"),
        ("questionnaire: mini\nanswers: {}\nextra: 1\n", "unknown field 'extra'"),
        ("questionnaire: mini\nanswers: {rol: raadslid, rol: wethouder}\n", "duplicate key 'rol'"),
        ("- 1\n", "expected a map"),
        ("questionnaire: [mini]\nanswers: {}\n", "questionnaire"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers_file(path)
    assert any(fragment in e for e in info.value.errors), info.value.errors
    assert all(e.startswith(f"{path}:") for e in info.value.errors)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(AnswersError):
        load_answers_file(tmp_path / "missing.yaml")


def test_complete_answers_are_fine(mini: Questionnaire) -> None:
    assert check_answers(mini, COMPLETE) == []


@pytest.mark.parametrize(
    ("change", "fragment", "qid"),
    [
        ({"onbekend": "ja"}, "unknown question 'onbekend'", "onbekend"),
        ({"rol": "koning"}, "no option 'koning'", "rol"),
        ({"rol": ["raadslid"]}, "expects one option", "rol"),
        ({"maatregelen": "camera"}, "expects a list", "maatregelen"),
        ({"maatregelen": ["camera", "geen"]}, "can not be combined", "maatregelen"),
        ({"maatregelen": ["weet-niet", "alarm"]}, "can not be combined", "maatregelen"),
        ({"maatregelen": ["camera", "camera"]}, "twice", "maatregelen"),
        ({"toelichting": ["x"]}, "expects a text", "toelichting"),
        ({"bedreigd": "weet-niet"}, "no option 'weet-niet'", "bedreigd"),
        ({"slot": None}, "required", "slot"),
        ({"kinderen": "ja", "delen-online": "nee"}, "required", "school-afspraak"),
    ],
)
def test_problems_name_the_question(
    mini: Questionnaire, change: dict[str, object], fragment: str, qid: str
) -> None:
    answers: dict[str, object] = {**COMPLETE, **change}
    problems = check_answers(mini, answers)
    assert len(problems) == 1, problems
    assert fragment in problems[0]
    assert f"'{qid}'" in problems[0]


def test_hidden_answers_are_ignored(mini: Questionnaire) -> None:
    answers = {**COMPLETE, "school-afspraak": "nee", "portiek": "niet-bestaand"}
    assert check_answers(mini, answers) == []
    clean = normalise_answers(mini, answers)
    assert "school-afspraak" not in clean
    assert "portiek" not in clean
    assert clean["maatregelen"] == ("camera", "alarm")


def test_normalise_raises_on_problems(mini: Questionnaire) -> None:
    with pytest.raises(AnswersError) as info:
        normalise_answers(mini, {"rol": "koning"})
    assert any("'rol'" in e for e in info.value.errors)
