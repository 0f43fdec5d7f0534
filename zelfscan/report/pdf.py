"""Render a :class:`ReportDocument` to PDF bytes, protect it with a password, save it.

Rendering happens in memory; :func:`protect_pdf` encrypts those bytes with pypdf's AES-256
(revision 6) and checks the result before anyone writes it, so with a password no
unencrypted copy ever reaches the disk. reportlab's own encryption is not used: its default
is RC4-40 and its AES-256 output does not open in pypdf or poppler (reliability.md §3).
"""

from __future__ import annotations

import io
import secrets
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

Story = list[Flowable]


class ReportProtectionError(RuntimeError):
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

    The owner password is random and thrown away: nobody needs to lift the user's
    restrictions, and a known owner password would open the file without the user's one.
    Raises :class:`ReportProtectionError` when the result opens without the password or not
    with it, so a broken file is never written.
    """
    if not password:
        raise ValueError("an empty password does not protect anything")
    # pypdf is imported here, not at the top: ~50 ms that a report without a password
    # (and the app's start-up) never needs.
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata(
        {"/Producer": NEUTRAL_META, "/Creator": NEUTRAL_META, "/Author": NEUTRAL_META}
    )
    writer.encrypt(
        user_password=password, owner_password=secrets.token_urlsafe(32), algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    _check_protected(data, password, len(writer.pages))
    return data


def _check_protected(data: bytes, password: str, pages: int) -> None:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    locked = PdfReader(io.BytesIO(data))
    if not locked.is_encrypted:
        raise ReportProtectionError("the PDF is not encrypted")
    try:
        locked.pages[0].extract_text()
    except FileNotDecryptedError:
        pass
    else:
        raise ReportProtectionError("the PDF opens without a password")
    wrong = PdfReader(io.BytesIO(data))
    if wrong.decrypt(password + "\x00wrong"):
        raise ReportProtectionError("the PDF opens with a wrong password")
    reader = PdfReader(io.BytesIO(data))
    try:
        if not reader.decrypt(password) or len(reader.pages) != pages:
            raise ReportProtectionError("the PDF does not open with its password")
        reader.pages[0].extract_text()
    except PdfReadError as error:
        raise ReportProtectionError(f"the PDF does not open with its password: {error}") from error


def save_pdf(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path`` atomically and owner-only (0o600).

    Uses :func:`zelfscan.storage.atomic.atomic_write`: a temp file in the same folder, fsync,
    ``os.replace``, so a crash leaves the old file or the new one, never half a report.
    Pass bytes from :func:`protect_pdf` when the user chose a password.
    """
    atomic_write(Path(path), data)
