"""Rendered reports shared by the report tests (rendering the worst case once saves seconds)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.report import fixtures as fx
from zelfscan.core.model import Questionnaire
from zelfscan.core.results import Evaluation
from zelfscan.report.content import ReportDocument
from zelfscan.report.document import build_report
from zelfscan.report.pdf import render_pdf


@dataclass(frozen=True)
class Rendered:
    questionnaire: Questionnaire
    answers: dict[str, str | tuple[str, ...]]
    evaluation: Evaluation
    doc: ReportDocument
    pdf: bytes


def _render(q: Questionnaire, answers: dict[str, str | tuple[str, ...]], lang: str) -> Rendered:
    evaluation = fx.evaluated(q, answers)
    doc = build_report(q, answers, evaluation, lang, created=fx.CREATED)
    return Rendered(q, answers, evaluation, doc, render_pdf(doc, deterministic=True))


@pytest.fixture(scope="session")
def worst() -> Rendered:
    """Every advice item and the red flag, absurdly long texts, markup in the YAML texts."""
    q = fx.questionnaire(long=True, inject=fx.MARKUP)
    return _render(q, fx.worst_answers(q), "nl")


@pytest.fixture(scope="session")
def typical() -> Rendered:
    q = fx.questionnaire()
    return _render(q, fx.typical_answers(q), "nl")


@pytest.fixture(scope="session")
def typical_en() -> Rendered:
    q = fx.questionnaire()
    return _render(q, fx.typical_answers(q), "en")
