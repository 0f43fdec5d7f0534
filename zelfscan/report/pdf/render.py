"""Lay a :class:`ReportDocument` out as PDF bytes with reportlab, in memory.

The default PDF is the concise advice (concise first): cover, what the scan found, the top 3,
the action plan and who can help, then the find-out tasks and the method as appendices. The
full report adds the explanation per measure as the first appendix.
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable

from zelfscan.report.document import ReportDocument
from zelfscan.report.pdf.appendix import appendices
from zelfscan.report.pdf.front import cover, help_section, summary, top_three
from zelfscan.report.pdf.plan import action_plan
from zelfscan.report.pdf.styles import FooterCanvas, footer, new_document
from zelfscan.report.pdf.watermark import watermark
from zelfscan.report.words import translator

Story = list[Flowable]


def build_story(doc: ReportDocument, *, full: bool = False) -> Story:
    """All flowables of the report, in reading order (also used by the benchmark)."""
    _ = translator(doc.lang)
    return [
        *cover(doc, full, _),
        *summary(doc, _),
        *top_three(doc, _),
        *action_plan(doc, _),
        *help_section(doc, full, _),
        *appendices(doc, full, _),
    ]


def render_pdf(doc: ReportDocument, *, full: bool = False, deterministic: bool = False) -> bytes:
    """The report as PDF bytes; ``full`` adds the explanation of every measure.

    ``deterministic`` fixes the creation date and document id (reportlab ``invariant``), so
    the same document gives the same bytes: for golden tests, never for encrypted output.
    """
    _ = translator(doc.lang)
    buffer = io.BytesIO()
    template = new_document(buffer, doc.title, doc.lang, deterministic)
    draw = footer(
        (_("EXAMPLE") if doc.demo else _("Personal and confidential")) + " · " + doc.title,
        lambda n: _("page {} of").format(n),
    )
    if doc.demo:
        draw = watermark(doc.lang, draw)  # VOORBEELD across every page
    template.build(
        build_story(doc, full=full), onFirstPage=draw, onLaterPages=draw, canvasmaker=FooterCanvas
    )
    return buffer.getvalue()
