"""The blank paper version: every question, tick boxes, conditions in words, no answers."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from tests.report import fixtures as fx
from tests.report.helpers import embedded, fonts_of, qpdf_check, text_of
from zelfscan.core.model import AllOf, AnswerIn, Not
from zelfscan.report.blank import describe, render_blank
from zelfscan.report.paper import paper_form
from zelfscan.report.words import translator


def test_blank_lists_every_question_with_boxes(tmp_path: Path) -> None:
    q = fx.questionnaire()
    pdf = render_blank(q, "nl", deterministic=True)
    text = text_of(pdf)
    for question in q.questions.values():
        assert question.text.get("nl") in text
    assert "☐ Ja" in text
    kids = next(n for qid, n in paper_form(q).numbers.items() if qid == "kinderen")
    assert f"Alleen als u bij vraag {kids} Ja antwoordde." in text  # the number is printed above
    for font in fonts_of(pdf).values():
        assert embedded(font)
    assert PdfReader(io.BytesIO(pdf)).metadata.title == q.title.get("nl")
    qpdf_check(pdf, tmp_path)


def test_blank_is_deterministic_and_english() -> None:
    q = fx.questionnaire()
    assert render_blank(q, "en", deterministic=True) == render_blank(q, "en", deterministic=True)
    assert "Only if you answered Yes to question " in text_of(render_blank(q, "en"))


def test_conditions_in_words() -> None:
    q = fx.questionnaire()
    _ = translator("nl")
    kids = AnswerIn("kinderen", frozenset({"ja"}))
    role = AnswerIn("rol", frozenset({"burgemeester", "raadslid"}))
    assert (
        describe(Not(kids), q, "nl", _)
        == "u bij ‘Wonen er kinderen bij u thuis?’ niet Ja antwoordde"
    )
    both = describe(AllOf((kids, role)), q, "nl", _)
    assert both == (
        "u bij ‘Wonen er kinderen bij u thuis?’ Ja antwoordde en "
        "u bij ‘Wat is uw functie?’ Burgemeester of Raadslid antwoordde"
    )


def test_markup_in_questions_prints_literally() -> None:
    q = fx.questionnaire(inject=fx.MARKUP)
    assert '<img src="http://example.invalid/x.png"/>' in text_of(render_blank(q, "nl"))
