"""The one way a report becomes a file, for the CLI and the app alike.

:func:`save_report` picks the renderer by the file's suffix (``.pdf`` or ``.html``), adds a
password to a PDF when asked, and hands the bytes to storage, which writes them atomically
and owner-only. :func:`suggested_name` gives the name a save dialog proposes: the scan's
title in the report's language and the date, never anything the user answered.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from pathlib import Path

from zelfscan.report.document import ReportDocument
from zelfscan.report.words import translator


class ReportFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"


SUFFIXES = {".pdf": ReportFormat.PDF, ".html": ReportFormat.HTML, ".htm": ReportFormat.HTML}


class ReportFormatError(ValueError):
    """The file name or the options do not fit a report format (the message says which)."""


def format_for(path: Path) -> ReportFormat:
    """The format a path asks for by its suffix; raises :class:`ReportFormatError` otherwise."""
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ReportFormatError(f"{path.name}: use a name ending in .pdf or .html")
    return found


def render_report(
    doc: ReportDocument,
    fmt: ReportFormat,
    *,
    full: bool = False,
    password: str | None = None,
    deterministic: bool = False,
) -> bytes:
    """The report as bytes in ``fmt``; ``full`` adds the explanation of every measure."""
    if fmt is ReportFormat.HTML:
        if password:
            raise ReportFormatError("a password can only protect a PDF; save as .pdf")
        from zelfscan.report.html import render_html

        return render_html(doc, full=full)
    from zelfscan.report.pdf import protect_pdf, render_pdf

    data = render_pdf(doc, full=full, deterministic=deterministic and not password)
    return protect_pdf(data, password) if password else data


def save_report(
    doc: ReportDocument,
    path: Path,
    *,
    fmt: ReportFormat | None = None,
    full: bool = False,
    password: str | None = None,
    deterministic: bool = False,
) -> Path:
    """Render ``doc`` and write it to ``path`` atomically (0600); returns ``path``.

    The format comes from ``fmt`` or else the suffix. Everything is rendered (and encrypted)
    in memory first, so a failure writes nothing and with a password no unencrypted copy
    touches the disk.
    """
    from zelfscan.storage.atomic import atomic_write

    path = Path(path)
    data = render_report(
        doc,
        fmt or format_for(path),
        full=full,
        password=password,
        deterministic=deterministic,
    )
    atomic_write(path, data)
    return path


def save_rendered_pdf(data: bytes, path: Path, *, password: str | None = None) -> Path:
    """Write a PDF rendered earlier by :func:`render_report` (with ``password``: encrypted
    in memory first, as :func:`save_report` does)."""
    from zelfscan.storage.atomic import atomic_write

    if password:
        from zelfscan.report.pdf import protect_pdf

        data = protect_pdf(data, password)
    atomic_write(path, data)
    return path


def _slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: safe in every file system and mail client."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def suggested_name(
    title: str, lang: str, fmt: ReportFormat, *, full: bool = False, day: date | None = None
) -> str:
    """ "basisscan-veilige-woning-advies-2026-12-02.pdf": ``title`` is the scan's title in
    ``lang``, the language the report is written in.

    Only the scan's title, a fixed word and the date: a file name is seen in folders, mail
    and backups, so it never holds an answer, a score or a name.
    """
    _ = translator(lang)
    kind = _("full-report") if full else _("advice")
    parts = [_slug(title), _slug(kind), (day or date.today()).isoformat()]
    return "-".join(p for p in parts if p) + "." + fmt.value
