"""The embedded fonts remember string widths only while one document is made."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tests.report.conftest import Rendered
from zelfscan.report.pdf import render_pdf
from zelfscan.report.styles import FONT, FONT_BOLD, MeasuredTTFont, register_fonts


def test_remembered_widths_are_the_measured_ones() -> None:
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    assert isinstance(font, MeasuredTTFont)
    for text in ("Woning", "€ 25,–", "☑ ✔", "", "geïnstalleerd"):
        for size in (8, 9.5, 24):
            expected = TTFont.stringWidth(font, text, size)
            assert font.stringWidth(text, size) == expected
            assert font.stringWidth(text, size) == expected  # second time from memory
    assert font.stringWidth(b"abc", 10) == TTFont.stringWidth(font, b"abc", 10)


def test_no_word_of_a_report_stays_in_memory(typical: Rendered) -> None:
    """Widths are keyed by the text itself, answers included: emptied after every PDF."""
    render_pdf(typical.doc)
    for name in (FONT, FONT_BOLD):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, MeasuredTTFont)
        assert font.widths == {}
