"""``zelfscan-cli report`` as a real subprocess: PDF or HTML by the file name, ``--full``,
``--lang``, and clear errors (exit 1) for a wrong name or a password on HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_cli import RAADSLID, answers_file, home, run

__all__ = ["home"]


def report(home: Path, tmp_path: Path, out: Path, *extra: str | Path):
    answers = answers_file(tmp_path, RAADSLID)
    return run("report", "mini", "--answers", answers, "--out", out, *extra, home=home)


def test_html_file(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "advies.html"
    result = report(home, tmp_path, out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert "Agree a pick-up arrangement with school" in html
    assert "<script" not in html


def test_full_report_explains_every_measure(home: Path, tmp_path: Path) -> None:
    short, full = tmp_path / "kort.pdf", tmp_path / "volledig.pdf"
    assert report(home, tmp_path, short).returncode == 0
    assert report(home, tmp_path, full, "--full").returncode == 0
    short_text = " ".join(p.extract_text() for p in PdfReader(short).pages)
    full_text = " ".join(p.extract_text() for p in PdfReader(full).pages)
    assert "Uitleg per maatregel" in full_text
    assert "Bijlage A: Uitleg per maatregel" not in short_text
    assert len(full_text) > len(short_text)


def test_a_name_that_is_not_pdf_or_html_is_refused(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "advies.docx"
    result = report(home, tmp_path, out)
    assert result.returncode == 1
    assert ".pdf or .html" in result.stderr
    assert not out.exists()


def test_a_password_on_html_is_refused(home: Path, tmp_path: Path) -> None:
    secret = tmp_path / "wachtwoord.txt"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    out = tmp_path / "advies.html"
    result = report(home, tmp_path, out, "--password-file", secret)
    assert result.returncode == 1
    assert "PDF" in result.stderr
    assert not out.exists()


def test_a_pdf_that_fails_its_encryption_check_is_not_written(
    home: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """The message of exit 1, not a traceback, and no file: the check is made to fail the
    way :func:`encrypt_pdf` reports it (a bug is still a traceback)."""
    from zelfscan import cli
    from zelfscan.storage import pdf_password

    def failing_check(*_args: object, **_kwargs: object) -> bytes:
        raise pdf_password.ProtectionFailed("opens without a password")

    monkeypatch.setattr(pdf_password, "encrypt_pdf", failing_check)
    secret = tmp_path / "wachtwoord.txt"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    out = tmp_path / "advies.pdf"
    answers = answers_file(tmp_path, RAADSLID)
    argv = ["--home", str(home), "report", "mini", "--answers", str(answers), "--out", str(out)]
    assert cli.main([*argv, "--password-file", str(secret)]) == 1
    assert "niet worden beveiligd" in capsys.readouterr().err
    assert not out.exists()

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pdf_password, "encrypt_pdf", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        cli.main([*argv, "--password-file", str(secret)])
    assert not out.exists()
