"""The VOORBEELD watermark across every page of a demo person's PDF (training output)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from zelfscan.report.demo import mark
from zelfscan.report.pdf.fonts import FONT_BOLD
from zelfscan.report.pdf.styles import PAGE_SIZE

WATERMARK_GREY = Color(0.82, 0.82, 0.82)
"""Light enough to read the text through, dark enough to survive a photocopier."""


def watermark(
    lang: str, draw: Callable[[Canvas, object], None]
) -> Callable[[Canvas, object], None]:
    """``draw`` (the footer), then "VOORBEELD" across the page, under nothing important:
    drawn first on the page's canvas, so the content lies on top of it."""

    def both(canvas: Canvas, doc: object) -> None:
        width, height = PAGE_SIZE
        canvas.saveState()
        canvas.setFillColor(WATERMARK_GREY)
        canvas.setFont(FONT_BOLD, 96)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -30, mark(lang))
        canvas.restoreState()
        draw(canvas, doc)

    return both
