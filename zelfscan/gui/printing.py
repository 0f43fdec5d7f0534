"""The printable version of the results as a QTextDocument.

PySide6-Essentials has no QtPdf, so the saved PDF can not be rasterised for the printer;
the print-out is the same content laid out by Qt instead. Text is inserted as plain text,
never as HTML, so content can not inject markup.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument

from zelfscan.core.model import Questionnaire
from zelfscan.core.results import Evaluation
from zelfscan.gui.labels import level_text, priority_word, score_text
from zelfscan.gui.widgets.advice import advice_details
from zelfscan.gui.widgets.urgent import urgent_lines
from zelfscan.i18n import _


def report_text_document(
    questionnaire: Questionnaire, evaluation: Evaluation, lang: str
) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(24)
    cursor = QTextCursor(doc)
    normal = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)

    def line(text: str, fmt: QTextCharFormat = normal) -> None:
        cursor.insertText(text, fmt)
        cursor.insertBlock()

    line(questionnaire.title.get(lang), bold)
    line(_("Personal and confidential"))
    line("")
    line(
        _("Overall: {level} — {score}").format(
            level=level_text(evaluation.overall_level),
            score=score_text(evaluation.overall_score, evaluation.overall_level),
        ),
        bold,
    )
    for result in evaluation.sections:
        score = score_text(result.score, result.level)
        line(f"{result.title.get(lang)}: {level_text(result.level)} ({score})")
    if evaluation.red_flags:
        line("")
        line(_("Get help now"), bold)
        for text in urgent_lines(evaluation.red_flags, evaluation.urgent_contacts):
            line(text)
    line("")
    line(_("Your top 3 actions"), bold)
    for number, advice in enumerate(evaluation.top, 1):
        line(f"{number}. {advice.title.get(lang)} ({priority_word(advice.priority)})")
    line("")
    line(_("All advice per theme"), bold)
    for advice in evaluation.advice:
        line("")
        line(f"☐ {advice.title.get(lang)} ({priority_word(advice.priority)})", bold)
        for text in advice_details(advice, lang).split("\n"):
            line(text)
    return doc
