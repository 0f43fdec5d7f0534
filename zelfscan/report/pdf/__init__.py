"""The report as PDF: :func:`render_pdf` lays a :class:`ReportDocument` out as bytes,
:func:`protect_pdf` adds a password. Writing the file is storage's job
(:func:`zelfscan.report.output.save_report`).

Rendering happens in memory; :func:`protect_pdf` encrypts those bytes with pypdf's AES-256
(revision 6) and checks the result before anyone writes it, so with a password no
unencrypted copy ever reaches the disk. reportlab's own encryption is not used: its default
is RC4-40 and its AES-256 output does not open in pypdf or poppler (reliability.md §3).
"""

from __future__ import annotations

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

__all__ = ["build_story", "protect_pdf", "render_pdf"]


def protect_pdf(pdf: bytes, password: str) -> bytes:
    """``pdf`` encrypted with AES-256 (PDF 2.0, revision 6), checked before it is returned.

    The password rules (SASLprep, at most 127 bytes) and the encryption with its check live
    in :mod:`zelfscan.storage.pdf_password` (imported here, when a password is given: a
    report without one does not need ``secrets`` or ``stringprep``); a password a PDF can not
    hold raises its :class:`~zelfscan.storage.pdf_password.PasswordProblem` before any work,
    a result that fails its check :class:`~zelfscan.storage.pdf_password.ProtectionFailed`.
    """
    from zelfscan.storage.pdf_password import encrypt_pdf

    if not password:
        raise ValueError("an empty password does not protect anything")
    return encrypt_pdf(
        pdf,
        password,
        metadata={"/Producer": NEUTRAL_META, "/Creator": NEUTRAL_META, "/Author": NEUTRAL_META},
    )
