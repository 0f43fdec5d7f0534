"""One way from a report to a file: format by suffix, password only for a PDF, atomic and
owner-only, and a suggested file name that never holds an answer."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.osaware import assert_mode
from tests.report import fixtures as fx
from tests.report.conftest import Rendered
from zelfscan.report.output import (
    ReportFormat,
    ReportFormatError,
    format_for,
    save_report,
    suggested_name,
)

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.pdf", ReportFormat.PDF), ("a.PDF", ReportFormat.PDF), ("a.html", ReportFormat.HTML)],
)
def test_format_by_suffix(name: str, fmt: ReportFormat) -> None:
    assert format_for(Path(name)) is fmt


@pytest.mark.parametrize("name", ["advies", "advies.txt", "advies.pdf.bak"])
def test_unknown_suffix_is_refused(name: str) -> None:
    with pytest.raises(ReportFormatError, match=r"\.pdf or \.html"):
        format_for(Path(name))


def test_pdf_and_html_files(typical: Rendered, tmp_path: Path) -> None:
    pdf = save_report(typical.doc, tmp_path / "advies.pdf", full=True)
    html = save_report(typical.doc, tmp_path / "advies.html")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(pdf).pages) > len(PdfReader(io.BytesIO(typical.pdf)).pages)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for path in (pdf, html):
        assert_mode(path, 0o600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["advies.html", "advies.pdf"]


def test_a_password_only_protects_a_pdf(typical: Rendered, tmp_path: Path) -> None:
    target = tmp_path / "advies.html"
    with pytest.raises(ReportFormatError, match="PDF"):
        save_report(typical.doc, target, password=PASSWORD)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_suggested_names_follow_the_report_language() -> None:
    day = date(2026, 12, 2)
    nl = suggested_name("Basisscan veilige woning", "nl", ReportFormat.PDF, day=day)
    en = suggested_name("Basic home security scan", "en", ReportFormat.HTML, day=day)
    full = suggested_name(
        "Zelfscan persoonlijke veiligheid", "nl", ReportFormat.PDF, full=True, day=day
    )
    assert nl == "basisscan-veilige-woning-advies-2026-12-02.pdf"
    assert en == "basic-home-security-scan-advice-2026-12-02.html"
    assert full == "zelfscan-persoonlijke-veiligheid-volledig-rapport-2026-12-02.pdf"


def test_suggested_name_is_safe_and_holds_no_content() -> None:
    name = suggested_name(f"Één/twee: {fx.MARKUP}", "nl", ReportFormat.PDF, day=date(2026, 1, 5))
    assert name.isascii()
    assert all(c.isalnum() or c in "-." for c in name)
    assert name.endswith("-advies-2026-01-05.pdf")
