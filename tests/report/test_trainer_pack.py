"""The trainer pack, made by the real CLI: script with timings and key messages, notes and
prompts per theme, persona cards marked VOORBEELD, the contacts, the audience slides."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.report.helpers import qpdf_check, text_of
from zelfscan.core.loader import load_questionnaire

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scan", ["persoonlijke-veiligheid", "veilige-woning"])
def test_trainer_pack_command(scan: str, tmp_path: Path) -> None:
    out = tmp_path / "pakket.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", "trainer-pack", scan, "--out", str(out)],
        cwd=ROOT,
        env={"ZELFSCAN_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    pdf = out.read_bytes()
    qpdf_check(pdf, tmp_path)
    text = text_of(pdf)
    questionnaire = load_questionnaire(ROOT / "questionnaires" / f"{scan}.yaml")
    training = questionnaire.training
    assert training is not None
    assert "Draaiboek van de sessie (90 minuten)" in text
    assert "1:20–" in text or "1:2" in text  # clock times run to the end of the session
    for step in training.script:
        assert step.title.get("nl") in text
    for brief in training.themes:
        assert " ".join(brief.key_message.get("nl").split()[:6]) in text
        for prompt in brief.prompts:
            assert " ".join(prompt.get("nl").split()[:5]) in text
    for persona in questionnaire.personas:
        assert f"VOORBEELD · {persona.name.get('nl')}" in text
    assert "0900-8844" in text
    assert "Dia 1" in text
    assert "Voorbeeldresultaat" in text
