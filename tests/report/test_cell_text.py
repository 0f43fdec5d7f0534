"""Plain cell text (:func:`cell_text`) sits exactly where a one-line Paragraph of the same
style sits, so turning short cells into plain strings changes nothing on the page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from zelfscan.report.pdf.styles import grid_style, styles, text_style, widths
from zelfscan.report.pdf.text import cell_text, para


def _placed_text(
    cells: list[object], style_name: str, valign: str
) -> list[tuple[str, float, float]]:
    """Each text run on the page with the point where it starts (x, y)."""
    style = getattr(styles(), style_name)
    col = widths(0.3, 0.7)
    rows = [cells, [para("a second line\nto make the row taller", style), cells[1]]]
    table = Table(rows, colWidths=col)
    table.setStyle(
        grid_style(("VALIGN", (0, 0), (-1, -1), valign), *text_style(style, (0, 0), (-1, -1)))
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, initialFontName=style.fontName).build([table])
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():  # the text matrix's origin in page space (through the canvas matrix)
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), round(x, 2), round(y, 2)))

    PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
@pytest.mark.parametrize("style_name", ["cell", "cell_head", "cell_small", "cell_head_box"])
def test_plain_text_is_drawn_where_the_paragraph_was(style_name: str, valign: str) -> None:
    style = getattr(styles(), style_name)
    col = widths(0.3, 0.7)
    plain = [cell_text("Wanneer", style, col[0]), cell_text("7 van 100", style, col[1])]
    assert plain == ["Wanneer", "7 van 100"]
    as_paragraphs = [para("Wanneer", style), para("7 van 100", style)]
    assert _placed_text(plain, style_name, valign) == _placed_text(
        as_paragraphs, style_name, valign
    )


def test_text_that_would_wrap_or_change_stays_a_paragraph() -> None:
    st = styles()
    narrow = widths(0.05, 0.95)[0]
    assert isinstance(cell_text("Organisatie of instantie", st.cell, narrow), Paragraph)
    for text in ("", "two  spaces", " leading", "line\nbreak"):
        assert isinstance(cell_text(text, st.cell, 400), Paragraph)
    assert cell_text("Datum & <tijd>", st.cell, 400) == "Datum & <tijd>"  # drawn as it is
