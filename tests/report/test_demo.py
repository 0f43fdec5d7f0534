"""Output about a demo person says VOORBEELD everywhere: PDF pages, cover, HTML, slides;
someone's own report keeps "Persoonlijk en vertrouwelijk"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers
from zelfscan.core.loader import load_questionnaire
from zelfscan.report.build import build_report
from zelfscan.report.html import render_html
from zelfscan.report.pdf import render_pdf
from zelfscan.report.slides import session_slides

from .helpers import qpdf_check

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "questionnaires" / "persoonlijke-veiligheid.yaml"


@pytest.fixture(scope="module")
def setting():
    questionnaire = load_questionnaire(PATH)
    persona = questionnaire.personas[0]
    evaluation = evaluate(questionnaire, effective_answers(questionnaire, persona.answers))
    return questionnaire, persona, evaluation


def test_every_pdf_page_of_a_demo_person_says_voorbeeld(setting, tmp_path: Path) -> None:
    questionnaire, persona, evaluation = setting
    name = persona.name.get("nl")
    demo = render_pdf(build_report(questionnaire, evaluation, "nl", demo=name))
    qpdf_check(demo, tmp_path)
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(demo)).pages]
    assert len(pages) > 1
    for number, text in enumerate(pages, 1):
        assert "VOORBEELD" in text, number
        assert "Persoonlijk en vertrouwelijk" not in text, number
    assert f"verzonnen persoon: {name}" in pages[0]
    own = render_pdf(build_report(questionnaire, evaluation, "nl"))
    own_first = PdfReader(io.BytesIO(own)).pages[0].extract_text() or ""
    assert "Persoonlijk en vertrouwelijk" in own_first
    assert "VOORBEELD" not in own_first


def test_demo_html_and_english(setting) -> None:
    questionnaire, _persona, evaluation = setting
    html = render_html(build_report(questionnaire, evaluation, "nl", demo="X")).decode()
    assert "VOORBEELD · verzonnen persoon: X" in html
    assert "Persoonlijk en vertrouwelijk" not in html
    english = render_html(build_report(questionnaire, evaluation, "en", demo="X")).decode()
    assert "EXAMPLE · made-up person: X" in english
    assert "Personal and confidential" not in english


def test_demo_slides_are_marked_and_own_slides_are_flagged(setting) -> None:
    questionnaire, persona, evaluation = setting
    demo = session_slides(questionnaire, evaluation, persona, "nl")
    assert all("VOORBEELD" in s.context and not s.own for s in demo)
    assert demo[-1].title == "Voorbeeldresultaat"
    assert "Top 3:" in demo[-1].body
    own = session_slides(questionnaire, evaluation, None, "nl")
    assert all(s.own and "VOORBEELD" not in s.context for s in own)


def test_cli_report_of_a_demo_person_says_voorbeeld(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "persona.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", "report", "persoonlijke-veiligheid",
         "--persona", "nieuw-raadslid", "--out", str(out)],
        cwd=ROOT,
        env={"ZELFSCAN_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text() or ""
    assert "VOORBEELD · verzonnen persoon:" in first
    assert "Persoonlijk en vertrouwelijk" not in first
