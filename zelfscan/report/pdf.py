"""Render a :class:`ReportDocument` to PDF bytes, protect it with a password, save it.

Rendering happens in memory; :func:`protect_pdf` encrypts those bytes with pypdf's AES-256
(revision 6) and checks the result before anyone writes it, so with a password no
unencrypted copy ever reaches the disk. reportlab's own encryption is not used: its default
is RC4-40 and its AES-256 output does not open in pypdf or poppler (reliability.md §3).
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.platypus import Flowable

from zelfscan.report.content import ReportDocument
from zelfscan.report.details import (
    advice_section,
    help_section,
    method_section,
    tasks_section,
)
from zelfscan.report.document import translator
from zelfscan.report.front import action_plan, cover, summary, top_three
from zelfscan.report.paragraphs import parse_once
from zelfscan.report.styles import NEUTRAL_META, new_document, numbered_canvas
from zelfscan.storage.atomic import atomic_write
from zelfscan.storage.pdf_password import ProtectionFailed, encrypt_pdf

Story = list[Flowable]


ReportProtectionError = ProtectionFailed
"""The encrypted PDF did not pass its own check; nothing should be written."""


def build_story(doc: ReportDocument) -> Story:
    """All flowables of the report, in reading order (also used by the benchmark)."""
    _ = translator(doc.lang)
    with parse_once():
        return [
            *cover(doc, _),
            *summary(doc, _),
            *top_three(doc, _),
            *action_plan(doc, _),
            *advice_section(doc, _),
            *tasks_section(doc, _),
            *help_section(doc, _),
            *method_section(doc, _),
        ]


def render_pdf(doc: ReportDocument, *, deterministic: bool = False) -> bytes:
    """The report as PDF bytes, rendered in memory.

    ``deterministic`` fixes the creation date and document id (reportlab ``invariant``), so
    the same document gives the same bytes: for golden tests, never for encrypted output.
    """
    _ = translator(doc.lang)
    buffer = io.BytesIO()
    template = new_document(buffer, doc.title, doc.lang, deterministic)
    footer = _("Personal and confidential") + " · " + doc.title
    canvas = numbered_canvas(footer, lambda n, t: _("page {} of {}").format(n, t))
    template.build(build_story(doc), canvasmaker=canvas)
    return buffer.getvalue()


def protect_pdf(pdf: bytes, password: str) -> bytes:
    """``pdf`` encrypted with AES-256 (PDF 2.0, revision 6), checked before it is returned.

    The password rules (SASLprep, at most 127 bytes) and the encryption with its check live
    in :mod:`zelfscan.storage.pdf_password`; a password a PDF can not hold raises its
    :class:`~zelfscan.storage.pdf_password.PasswordProblem` before any work.
    """
    if not password:
        raise ValueError("an empty password does not protect anything")
    return encrypt_pdf(
        pdf,
        password,
        metadata={"/Producer": NEUTRAL_META, "/Creator": NEUTRAL_META, "/Author": NEUTRAL_META},
    )


def save_pdf(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path`` atomically and owner-only (0o600).

    Uses :func:`zelfscan.storage.atomic.atomic_write`: a temp file in the same folder, fsync,
    ``os.replace``, so a crash leaves the old file or the new one, never half a report.
    Pass bytes from :func:`protect_pdf` when the user chose a password.
    """
    atomic_write(Path(path), data)
