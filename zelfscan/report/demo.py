"""VOORBEELD: how every view marks the output of a demo person (training mode).

A PDF, HTML file or results page about a made-up person must never pass for someone's own
"personal and confidential" advice, on the projector or when printed and left on a table.
The words live here once (PDF, HTML, slides); the PDF also gets a large diagonal watermark
on every page (:mod:`zelfscan.report.pdf.watermark`), readable in black and white.
"""

from __future__ import annotations

from collections.abc import Callable

from zelfscan.report.document import ReportDocument
from zelfscan.report.words import translator


def mark(lang: str) -> str:
    return translator(lang)("EXAMPLE")


def confidential_line(doc: ReportDocument, _: Callable[[str], str]) -> str:
    """The cover's first line: "Persoonlijk en vertrouwelijk", or the VOORBEELD line."""
    if doc.demo:
        return _("EXAMPLE · made-up person: {name}").format(name=doc.demo)
    return _("Personal and confidential")


def subtitle(doc: ReportDocument, _: Callable[[str], str]) -> str:
    if doc.demo:
        return _("Example advice for a demo person (training)")
    return _("Your personal advice and action plan")
