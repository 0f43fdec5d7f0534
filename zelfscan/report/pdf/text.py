"""How text becomes a reportlab Paragraph: always escaped.

Every text that reaches a :class:`Paragraph` goes through :func:`para` or :func:`esc`, which
escape reportlab's mini-markup: YAML content or a name must print literally and can never
become an ``<img>`` fetch or a ``<font>`` change. Only our own constant templates carry
markup (:func:`markup`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from zelfscan.report.pdf.styles import CELL_PAD_X


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` (``&``, ``<``, ``>``), without importing it: that module
    pulls in urllib.request, http.client and ssl, ~25 ms of every report for three replaces."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc(text: str) -> str:
    """Escape ``text`` for reportlab's paragraph markup; line breaks stay line breaks."""
    return escape(text).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph of literal ``text`` (escaped): the only way dynamic text enters a PDF."""
    return Paragraph(esc(text), style, bulletText=bullet)


def markup(template: str, *values: str) -> str:
    """Fill ``{}`` slots in a trusted markup ``template`` with escaped ``values``.

    For the few places that need bold labels next to dynamic text: the template is a
    constant of ours, only the values come from YAML or answers.
    """
    return template.format(*(esc(v) for v in values))


def cell_text(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """``text`` for a table cell ``width`` points wide: the plain string when it is one line
    that fits with room to spare, else a Paragraph of ``style`` (which wraps it).

    The table draws a plain string itself, in the font, size, leading and colour its style
    commands give the cell (:func:`~zelfscan.report.pdf.styles.text_style` takes them from
    ``style``), on the same baseline as a one-line Paragraph of ``style``: the page looks the
    same, but there is no markup to parse and no line to break, neither when the table
    measures its rows nor when it draws them (it lays a Paragraph out at least twice). Text
    with a line break or spaces a Paragraph would collapse stays a Paragraph.
    """
    room = width - 2 * CELL_PAD_X - style.leftIndent - style.rightIndent - style.firstLineIndent
    one_line = bool(text) and " ".join(text.split()) == text
    if one_line and stringWidth(text, style.fontName, style.fontSize) < room - 1:
        return text
    return para(text, style)


def cell_row(texts: Sequence[str], style: ParagraphStyle, col: Sequence[float]) -> list[object]:
    """A table row of :func:`cell_text` cells, one per column width in ``col``."""
    return [cell_text(text, style, width) for text, width in zip(texts, col, strict=True)]
