"""Colours, paragraph and table styles, and the page template shared by both PDFs.

Styles are created once per process (``@cache``), like the fonts (:mod:`.fonts`): building
them per paragraph would cost more than the layout itself (design.md §5 gives the report
1.5× a bare reportlab script). Text becomes a Paragraph in :mod:`.paragraphs`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

import reportlab.rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, TableStyle

from zelfscan.core.model import Level
from zelfscan.report.fonts import FONT, FONT_BOLD, forget_widths, register_fonts

reportlab.rl_config.trustedHosts = None

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
"""Table column widths are fractions of this, so tables never run off the page."""

NEUTRAL_META = "Zelfscan"
"""Author, creator and producer: nothing that identifies the user, the machine or a path."""

BOX_EMPTY = "☐"
BOX_DONE = "☑"

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
LEVEL_SYMBOLS: dict[Level, str] = {
    Level.GOED: "✔",
    Level.AANDACHT: "⚠",
    Level.RISICO: "✖",
    Level.ONBEKEND: "?",
}
"""Printed next to every level word: a level is never told by colour alone."""


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
    label: ParagraphStyle
    step: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    cell_center: ParagraphStyle
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
        label=derive("label", fontName=FONT_BOLD, spaceAfter=1, keepWithNext=1),
        step=derive("step", leftIndent=16, bulletIndent=2, spaceAfter=2),
        bullet=derive("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2),
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
        cell_center=ParagraphStyle(
            "cell_center", parent=cell, alignment=TA_CENTER, fontSize=11, leading=13
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


def grid_style(*extra: tuple[Any, ...], header: bool = True) -> TableStyle:
    """The one table look: thin rules, padding, a dark header row repeated on each page."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else empty cells pull in Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
    commands += list(extra)
    return TableStyle(commands)


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


def numbered_canvas(footer: str, page_of: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas class that writes the footer with "pagina x van y" once the total is known.

    Pages are kept in memory until :meth:`save`, which avoids a second layout pass (that
    would double the render time) while still printing the total page count.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()
            forget_widths()

        def _footer(self, number: int, total: int) -> None:
            width = PAGE_SIZE[0]
            label = page_of(number, total)
            y = MARGIN_BOTTOM - 12 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
            self.setFillColor(MUTED)
            self.setFont(FONT, 8)
            room = width - 2 * MARGIN_X - self.stringWidth(label, FONT, 8) - 12
            self.drawString(MARGIN_X, y, elide(footer, room))
            self.drawRightString(width - MARGIN_X, y, label)
            self.restoreState()

    return NumberedCanvas


def new_document(
    buffer: io.BytesIO, title: str, lang: str, deterministic: bool
) -> SimpleDocTemplate:
    """A document template with neutral metadata: title only, nothing about user or machine."""
    register_fonts()
    forget_widths()  # in case an earlier document stopped half-way
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
