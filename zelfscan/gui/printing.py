"""The print-out: the HTML report (:func:`zelfscan.report.html.render_html`) laid out by Qt.

PySide6-Essentials has no QtPdf, so the saved PDF can not be rasterised for the printer.
The print-out is the HTML file's own markup in a QTextDocument instead: paper and HTML say
the same, in the same order, with the same words and symbols. The HTML escapes every text
from the content or the answers, so nothing in them can become markup here either.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from zelfscan.report.document import ReportDocument
from zelfscan.report.html import render_html


def report_text_document(doc: ReportDocument, *, full: bool = False) -> QTextDocument:
    text = QTextDocument()
    text.setDocumentMargin(24)
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    text.setHtml(render_html(doc, full=full, bars=False).decode("utf-8"))
    return text
