"""Concise first: page limits over every persona file and the worst case.

The advice itself (cover, what the scan found, top 3, action plan, who can help) fits in at
most 6 pages for any persona; the whole default PDF in at most 10; worst-case answers
(``benchmarks/bench_worstcase.py``) in at most 14. The appendices start on a page of their
own, so the advice ends on the page before "Bijlage A".
"""

from __future__ import annotations

import io
import sys
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from zelfscan.core.answers import load_answers_file
from zelfscan.core.catalog import builtin_dirs, discover
from zelfscan.core.evaluate import evaluate
from zelfscan.core.model import AnswerValue, Questionnaire
from zelfscan.report.build import build_report
from zelfscan.report.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[2]
PERSONA_FILES = sorted((ROOT / "tests/personas").glob("*/*.yaml"))
ADVICE_PAGES = 6
PERSONA_PAGES = 10
WORST_PAGES = 14


@cache
def scans() -> dict[str, Questionnaire]:
    return dict(discover(builtin_dirs()).questionnaires)


def pages(q: Questionnaire, answers: dict[str, AnswerValue], lang: str) -> tuple[int, int]:
    """(pages of the advice itself, pages of the whole default PDF)."""
    pdf = render_pdf(build_report(q, evaluate(q, answers), lang))
    reader = PdfReader(io.BytesIO(pdf))
    appendix = "Bijlage A" if lang == "nl" else "Appendix A"
    first = next(
        n for n, page in enumerate(reader.pages) if appendix in (page.extract_text() or "")
    )
    return first, len(reader.pages)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PERSONA_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_persona_advice_fits_in_six_pages_and_the_pdf_in_ten(path: Path, lang: str) -> None:
    qid, answers = load_answers_file(path)
    if qid not in scans():
        pytest.skip(f"questionnaire {qid} does not load")
    advice, total = pages(scans()[qid], dict(answers), lang)
    assert advice <= ADVICE_PAGES, f"the advice takes {advice} pages"
    assert total <= PERSONA_PAGES, f"the PDF has {total} pages"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("qid", ["persoonlijke-veiligheid", "veilige-woning"])
def test_worst_case_pdf_fits_in_fourteen_pages(qid: str, lang: str) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_worstcase import worst_case
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    if qid not in scans():
        pytest.skip(f"questionnaire {qid} does not load")
    q = scans()[qid]
    _advice, total = pages(q, worst_case(q), lang)
    assert total <= WORST_PAGES, f"the worst case has {total} pages"
