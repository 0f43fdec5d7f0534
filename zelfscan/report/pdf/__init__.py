"""The report as PDF: :func:`render_pdf` lays a :class:`ReportDocument` out as bytes,
:func:`protect_pdf` adds a password. Writing the file is storage's job
(:func:`zelfscan.report.output.save_report`).

Rendering happens in memory; :func:`protect_pdf` encrypts those bytes with pypdf's AES-256
(revision 6) and checks the result before anyone writes it, so with a password no
unencrypted copy ever reaches the disk. reportlab's own encryption is not used: its default
is RC4-40 and its AES-256 output does not open in pypdf or poppler (reliability.md §3).
"""

from __future__ import annotations

import io
import secrets

import reportlab.rl_config

reportlab.rl_config.trustedHosts = None
"""With the ``RL_trustedHosts`` environment variable set, a Paragraph holding
``<img src="http://…">`` would make a real network connection (reliability.md §3). All text
is escaped as well; this is the second lock on the same door. Pinned before anything else of
the PDF renderer is imported."""
reportlab.rl_config.useA85 = 0
"""Compressed streams are written as binary, not also ASCII85-encoded: the pages look the
same, the file is ~13% smaller and rendering faster. ASCII85 only mattered for 7-bit
transports."""

from zelfscan.report.pdf.render import build_story, render_pdf  # noqa: E402
from zelfscan.report.pdf.styles import NEUTRAL_META  # noqa: E402

__all__ = ["ReportProtectionError", "build_story", "protect_pdf", "render_pdf"]


class ReportProtectionError(RuntimeError):
    """The encrypted PDF did not pass its own check; nothing should be written."""


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
