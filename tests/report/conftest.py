"""Rendered reports shared by the report tests (rendering the worst case once saves seconds)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pytest

from tests.report import fixtures as fx
from zelfscan.core.model import Questionnaire
from zelfscan.core.results import Evaluation
from zelfscan.report.build import build_report
from zelfscan.report.document import ReportDocument
from zelfscan.report.html import render_html
from zelfscan.report.pdf import render_pdf


@dataclass
class Rendered:
    questionnaire: Questionnaire
    answers: dict[str, str | tuple[str, ...]]
    evaluation: Evaluation
    doc: ReportDocument

    @cached_property
    def pdf(self) -> bytes:
        """The default (concise) PDF, deterministic."""
        return render_pdf(self.doc, deterministic=True)

    @cached_property
    def full_pdf(self) -> bytes:
        return render_pdf(self.doc, full=True, deterministic=True)

    @cached_property
    def html(self) -> str:
        return render_html(self.doc).decode("utf-8")

    @cached_property
    def full_html(self) -> str:
        return render_html(self.doc, full=True).decode("utf-8")


def _render(q: Questionnaire, answers: dict[str, str | tuple[str, ...]], lang: str) -> Rendered:
    evaluation = fx.evaluated(q, answers)
    return Rendered(q, answers, evaluation, build_report(q, evaluation, lang, created=fx.CREATED))


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
