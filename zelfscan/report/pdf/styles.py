"""Colours, paragraph and table styles, and the page template shared by both PDFs.

Styles are created once per process (``@cache``), like the fonts (:mod:`.fonts`): building
them per paragraph would cost more than the layout itself. Text becomes a Paragraph in
:mod:`.text`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, TableStyle

from zelfscan.core.model import Level
from zelfscan.report.pdf.fonts import FONT, FONT_BOLD, register_fonts

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
"""Table column widths are fractions of this, so tables never run off the page."""
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

NEUTRAL_META = "Zelfscan"
"""Author, creator and producer: nothing that identifies the user, the machine or a path."""

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
"""Secondary text; 7.4:1 on white, so it stays readable when printed in grey."""
RULE = colors.HexColor("#B0B0B0")
SHADE = colors.HexColor("#EEF1F4")
ACCENT = colors.HexColor("#1F3A5F")
URGENT_BG = colors.HexColor("#FCE8E6")
URGENT_EDGE = colors.HexColor("#B3261E")

LEVEL_COLOURS: dict[Level, colors.Color] = {
    Level.GOED: colors.HexColor("#2E7D32"),
    Level.AANDACHT: colors.HexColor("#E0A000"),
    Level.RISICO: colors.HexColor("#C62828"),
    Level.ONBEKEND: colors.HexColor("#8A8A8A"),
}
"""Bar fills; next to every level's symbol and word (:mod:`zelfscan.report.words`)."""
LEVEL_TEXT_COLOURS: dict[Level, str] = {
    Level.GOED: "#2E7D32",
    Level.AANDACHT: "#8A5A00",
    Level.RISICO: "#C62828",
    Level.ONBEKEND: "#555555",
}
"""The level symbols as text: each at least 4.5:1 on white (the bar's amber is too light)."""


class Styles(NamedTuple):
    """All paragraph styles, built once; flowables share them instead of copying."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    meta: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h2_urgent: ParagraphStyle
    overall: ParagraphStyle
    box_title: ParagraphStyle
    label: ParagraphStyle
    step: ParagraphStyle
    bullet: ParagraphStyle
    source: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    cell_box: ParagraphStyle
    cell_plan: ParagraphStyle
    cell_head_box: ParagraphStyle
    cell_urgent: ParagraphStyle
    box: ParagraphStyle
    facts: ParagraphStyle
    confidential: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10,
        leading=14,
        textColor=INK,
        spaceAfter=5,
        splitLongWords=1,
        bulletFontName=FONT,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    heading = {"fontName": FONT_BOLD, "textColor": ACCENT, "keepWithNext": 1}
    cell = derive("cell", fontSize=9, leading=12, spaceAfter=0)
    return Styles(
        body=base,
        small=derive("small", fontSize=8.5, leading=11.5),
        muted=derive("muted", fontSize=8.5, leading=11.5, textColor=MUTED),
        meta=derive("meta", fontSize=8.5, leading=11.5, textColor=MUTED, keepWithNext=1),
        title=derive(
            "title", fontName=FONT_BOLD, fontSize=24, leading=30, textColor=ACCENT, spaceAfter=10
        ),
        subtitle=derive("subtitle", fontSize=13, leading=18, spaceAfter=6),
        h1=derive("h1", fontSize=17, leading=22, spaceBefore=16, spaceAfter=10, **heading),
        h2=derive("h2", fontSize=13, leading=17, spaceBefore=12, spaceAfter=6, **heading),
        h3=derive("h3", fontSize=11, leading=15, spaceBefore=10, spaceAfter=4, **heading),
        h2_urgent=derive(
            "h2_urgent",
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            textColor=URGENT_EDGE,
            spaceAfter=4,
        ),
        overall=derive("overall", fontName=FONT_BOLD, fontSize=15, leading=20, spaceAfter=4),
        box_title=derive("box_title", fontSize=11, leading=15, spaceAfter=1),
        label=derive("label", fontName=FONT_BOLD, spaceAfter=1, keepWithNext=1),
        step=derive("step", leftIndent=16, bulletIndent=2, spaceAfter=2),
        bullet=derive("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2),
        source=derive(
            "source",
            fontSize=7.5,
            leading=9.5,
            leftIndent=10,
            bulletIndent=2,
            spaceAfter=1.5,
            textColor=MUTED,
            bulletFontSize=7.5,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_head=ParagraphStyle(
            "cell_head",
            parent=cell,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=colors.white,
        ),
        cell_small=ParagraphStyle(
            "cell_small", parent=cell, fontSize=8, leading=10.5, textColor=MUTED
        ),
        cell_box=ParagraphStyle(
            "cell_box", parent=cell, alignment=TA_CENTER, fontSize=12, leading=13
        ),
        cell_plan=ParagraphStyle("cell_plan", parent=cell, leading=11),
        cell_head_box=ParagraphStyle(
            "cell_head_box",
            parent=cell,
            alignment=TA_CENTER,
            fontSize=11,
            leading=12,
            textColor=colors.white,
        ),
        cell_urgent=ParagraphStyle(
            "cell_urgent", parent=cell, fontSize=8, leading=10.5, textColor=URGENT_EDGE
        ),
        box=derive("box", spaceAfter=3),
        # Effort, cost and who-can-help as one shaded block: easy to compare across advice,
        # and one paragraph lays out faster than a small table per advice item.
        facts=derive(
            "facts",
            backColor=SHADE,
            borderPadding=(5, 6, 5, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=9,
            spaceAfter=10,
        ),
        confidential=derive(
            "confidential",
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            textColor=URGENT_EDGE,
            spaceBefore=6,
            spaceAfter=6,
        ),
    )


CELL_PAD_X = 4.0
"""Points of padding left and right of a grid table's cell text (:func:`grid_style`)."""
CELL_PAD_TOP = 3.0
CELL_PAD_BOTTOM = 4.0


def grid_style(*extra: tuple[Any, ...], header: bool = True) -> TableStyle:
    """The one table look: thin rules, padding, a dark header row repeated on each page."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else empty cells pull in Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_BOTTOM),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
    commands += list(extra)
    return TableStyle(commands)


def text_style(
    style: ParagraphStyle, start: tuple[int, int], stop: tuple[int, int]
) -> list[tuple[Any, ...]]:
    """Table commands that draw plain cell text (:func:`~zelfscan.report.pdf.text.cell_text`)
    in the cells from ``start`` to ``stop`` as a one-line Paragraph of ``style`` is drawn:
    its font, size, leading, colour and centring. Paragraphs in those cells keep their own."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", start, stop, style.fontName),
        ("FONTSIZE", start, stop, style.fontSize),
        ("LEADING", start, stop, style.leading),
        ("TEXTCOLOR", start, stop, style.textColor),
    ]
    if style.alignment == TA_CENTER:
        commands.append(("ALIGN", start, stop, "CENTER"))
    return commands


def widths(*fractions: float) -> list[float]:
    """Column widths that sum exactly to the frame width."""
    total = sum(fractions)
    return [FRAME_WIDTH * f / total for f in fractions]


def elide(text: str, room: float, size: float = 8) -> str:
    """``text`` cut to fit ``room`` points on one line, ending in "…" when it was cut."""
    if pdfmetrics.stringWidth(text, FONT, size) <= room:
        return text
    while text and pdfmetrics.stringWidth(text + "…", FONT, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


PAGE_TOTAL = "zelfscanPageTotal"
"""A form (PDF XObject) that holds the page count: every footer shows it, and it is drawn
once the count is known (reportlab resolves forms when the file is saved)."""


class FooterCanvas(Canvas):  # type: ignore[misc]
    """A canvas that draws the page count into :data:`PAGE_TOTAL` just before saving.

    "pagina 3 van 12" then needs no second layout pass (that would double the render time).
    """

    def save(self) -> None:
        total = self.getPageNumber() - 1  # save() follows the last showPage()
        self.beginForm(PAGE_TOTAL)
        self.setFillColor(MUTED)
        self.setFont(FONT, 8)
        self.drawString(0, 0, str(max(total, 1)))
        self.endForm()
        super().save()


def footer(left: str, page_of: Callable[[int], str]) -> Callable[[Canvas, object], None]:
    """A page callback that writes ``left`` and "pagina x van " + the page count.

    ``page_of(n)`` gives the words before the count ("pagina 3 van"); the count follows in
    :data:`PAGE_TOTAL`, placed so the whole label ends near the right margin.
    """

    def draw(canvas: Canvas, _doc: object) -> None:
        width = PAGE_SIZE[0]
        label = page_of(canvas.getPageNumber()) + " "
        room_for_total = canvas.stringWidth("88", FONT, 8)
        x_total = width - MARGIN_X - room_for_total
        x_label = x_total - canvas.stringWidth(label, FONT, 8)
        y = MARGIN_BOTTOM - 12 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN_X, y, elide(left, x_label - MARGIN_X - 12))
        canvas.drawString(x_label, y, label)
        canvas.translate(x_total, y)
        canvas.doForm(PAGE_TOTAL)
        canvas.restoreState()

    return draw


def new_document(
    buffer: io.BytesIO, title: str, lang: str, deterministic: bool
) -> SimpleDocTemplate:
    """A document template with neutral metadata: title only, nothing about user or machine."""
    register_fonts()
    return SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=NEUTRAL_META,
        subject="",
        creator=NEUTRAL_META,
        producer=NEUTRAL_META,
        keywords=[],
        lang=lang,
        invariant=1 if deterministic else 0,
        initialFontName=FONT,
        initialFontSize=10,
    )
