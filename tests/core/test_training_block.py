"""The ``training:`` block: read into the model, checked with ``file:line:col`` like the rest,
and shown by ``show --json`` so a handout can be made from the JSON alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from qtext import BASE, edit, errors_of, load, position

from zelfscan.core.loader import load_questionnaire
from zelfscan.core.training import MIN_PROMPTS

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "questionnaires").glob("*.yaml"))

TRAINING = """training:
  minutes: 30
  key_message: {nl: K, en: K}
  script:
    - {id: welkom, minutes: 10, title: {nl: W, en: W}, what: {nl: D, en: D}}
    - {id: thema, minutes: 20, section: s, title: {nl: T, en: T}, what: {nl: D, en: D}}
  themes:
    - section: s
      minutes: 20
      key_message: {nl: M, en: M}
      prompts: [{nl: P1, en: P1}, {nl: P2, en: P2}]
  polls:
    - {id: peiling, question: b}
"""
GOOD = BASE + TRAINING


def test_the_block_is_read_into_the_model() -> None:
    training = load(GOOD).training
    assert training is not None
    assert training.minutes == 30
    assert [s.id for s in training.script] == ["welkom", "thema"]
    assert training.script[1].section == "s"
    brief = training.theme("s")
    assert brief is not None
    assert [p.get("en") for p in brief.prompts] == ["P1", "P2"]
    assert training.polls[0].question == "b"
    assert load(BASE).training is None  # the block is optional


CASES = [
    ("script sum", ("minutes: 30", "minutes: 45"), "45", ["adds up to 30 minutes, not 45"]),
    ("unknown section", ("section: s\n      minutes", "section: z\n      minutes"), "z\n", ["'z'"]),
    ("few prompts", (", {nl: P2, en: P2}]", "]"), "[{nl: P1", [f"at least {MIN_PROMPTS}"]),
    ("poll options", ("question: b}", "question: a}"), "a}", []),  # yes/no has its options
    ("unknown poll", ("question: b}", "question: q}"), "q}", ["unknown question 'q'"]),
    ("unknown field", ("  polls:", "  pols:"), "pols:", ["unknown field 'pols'"]),
    ("one language", ("key_message: {nl: K, en: K}", "key_message: {nl: K}"), "{nl: K}", ["en"]),
]


@pytest.mark.parametrize(
    ("name", "change", "marker", "fragments"), CASES, ids=[c[0] for c in CASES]
)
def test_errors_point_to_the_line(
    name: str, change: tuple[str, str], marker: str, fragments: list[str]
) -> None:
    text = edit(change, text=GOOD)
    errors = errors_of(text)
    if not fragments:
        assert errors == [], name
        return
    assert len(errors) >= 1, name
    line, _col = position(text, marker)
    assert any(e.line == line and all(f in e.message for f in fragments) for e in errors), [
        (e.line, e.message) for e in errors
    ]


def test_every_real_scan_has_a_90_minute_session_with_two_prompts_per_theme() -> None:
    for path in REAL:
        questionnaire = load_questionnaire(path)
        training = questionnaire.training
        assert training is not None, path.name
        assert training.minutes == 90
        scored = [s.id for s in questionnaire.sections if not s.profile]
        covered = {step.section for step in training.script} | {b.section for b in training.themes}
        assert covered & set(scored), path.name
        for brief in training.themes:
            for lang in ("nl", "en"):
                assert brief.key_message.get(lang)
                assert len({p.get(lang) for p in brief.prompts}) >= MIN_PROMPTS
        assert len(training.polls) >= 3


def test_show_json_includes_notes_prompts_and_the_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", "show", "persoonlijke-veiligheid", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    shown = json.loads(result.stdout)
    questionnaire = load_questionnaire(ROOT / "questionnaires" / "persoonlijke-veiligheid.yaml")
    assert shown["training"]["minutes"] == 90
    assert sum(step["minutes"] for step in shown["training"]["script"]) == 90
    notes = {n["section"]: n for n in shown["trainer_notes"]}
    for section in questionnaire.sections:
        if section.trainer_notes is not None:
            assert notes[section.id]["trainer_notes"] == section.trainer_notes.get("nl")
    descriptions = {p["id"]: p["description"] for p in shown["persona_texts"]}
    assert descriptions == {p.id: p.description.get("nl") for p in questionnaire.personas}
