"""What the engine adds for the real scans reaches the document and the files: escalation by a
red flag, sources, what to do when a find-out task turns out badly, every contact that applies."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.report.helpers import text_of
from zelfscan.core.answers import load_answers_file
from zelfscan.core.catalog import builtin_dirs, discover
from zelfscan.core.evaluate import evaluate
from zelfscan.core.model import Questionnaire
from zelfscan.core.results import Evaluation
from zelfscan.report.build import build_report
from zelfscan.report.document import ReportDocument
from zelfscan.report.html import render_html
from zelfscan.report.pdf import render_pdf

PERSONAS = Path(__file__).resolve().parents[1] / "personas"


@cache
def scans() -> dict[str, Questionnaire]:
    return dict(discover(builtin_dirs()).questionnaires)


def persona(path: str) -> tuple[Evaluation, ReportDocument]:
    qid, answers = load_answers_file(PERSONAS / path)
    if qid not in scans():
        pytest.skip(f"{qid} does not load")
    evaluation = evaluate(scans()[qid], answers)
    return evaluation, build_report(scans()[qid], evaluation, "nl")


def test_raised_advice_says_why_on_paper_and_in_html() -> None:
    evaluation, doc = persona("persoonlijke-veiligheid/raadslid-bedreigd-kinderen.yaml")
    raised = [a.id for a in evaluation.advice if a.raised_by]
    if not raised:
        pytest.skip("no red flag raises advice for this persona any more")
    entries = [e for e in doc.plan if e.id in raised]
    assert all(e.raised.startswith("Hogere prioriteit dan gewoonlijk") for e in entries)
    full = text_of(render_pdf(doc, full=True))
    assert "Hogere prioriteit dan gewoonlijk" in full
    assert entries[0].raised in render_html(doc, full=True).decode("utf-8").replace("&#x27;", "'")


def test_every_source_of_contacts_and_measures_is_listed_once() -> None:
    evaluation, doc = persona("persoonlijke-veiligheid/statenlid-adres-verspreid.yaml")
    expected = {s.address for c in evaluation.contacts for s in c.sources}
    expected |= {s.address for a in evaluation.advice for s in a.sources}
    if not expected:
        pytest.skip("the content carries no sources")
    assert len(doc.sources) == len(set(doc.sources))  # once each
    shown = {c.address for c in doc.sources}
    main_and_advice = {s.address for c in doc.contacts for s in c.sources} | {
        s.address for a in evaluation.advice for s in a.sources
    }
    assert main_and_advice <= shown
    pdf = text_of(render_pdf(doc)).replace(" ", "")
    assert "Bronnen" in pdf
    assert doc.sources[0].title.replace(" ", "")[:30] in pdf


def test_find_out_tasks_say_what_to_do_if_it_turns_out_badly() -> None:
    evaluation, doc = persona("persoonlijke-veiligheid/weet-niet.yaml")
    lines = [line.get("nl") for t in evaluation.tasks for c in t.then for line in [c.line]]
    if not lines:
        pytest.skip("no conditional advice in this persona")
    assert [x for t in doc.tasks for x in t.then] == lines
    pdf = text_of(render_pdf(doc)).replace(" ", "")
    assert lines[0].replace(" ", "")[:40] in pdf


@pytest.mark.parametrize("path", sorted(PERSONAS.glob("*/*.yaml")), ids=lambda p: p.stem)
def test_contacts_are_exactly_the_engines(path: Path) -> None:
    evaluation, doc = persona(f"{path.parent.name}/{path.name}")
    shown = [c.id for c in doc.contacts + doc.other_contacts]
    assert sorted(shown) == sorted(c.id for c in evaluation.contacts)
    urgent = {c.id for c in evaluation.urgent_contacts}
    assert urgent <= {c.id for c in doc.contacts}  # urgent help is never in "also useful"
