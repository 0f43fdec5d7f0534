"""Class 5 (PDF passwords): what a PDF 2.0 password can hold is checked up front; a password
file loses only its final line ending; nothing stray reaches stderr.

Generated: passwords of every length around the 127-byte limit, in one- to four-byte
characters, and password files with every line ending.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import RAADSLID, answers_file, run
from zelfscan.storage import pdf_password as pw

CHARS = {1: "a", 2: "é", 3: "€", 4: "\U00020000"}  # 4 bytes, assigned in Unicode 3.2


def _tiny_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Zelfscan test")
    canvas.save()
    return buffer.getvalue()


PDF = _tiny_pdf()


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_normalise_returns_what_a_pdf_holds_or_refuses(text: str) -> None:
    try:
        prepared = pw.normalise(text)
    except pw.PasswordProblem:
        return
    assert 0 < len(prepared.encode("utf-8")) <= pw.MAX_BYTES
    assert pw.normalise(prepared) == prepared  # preparing twice changes nothing


@settings(max_examples=12, deadline=None)
@given(width=st.sampled_from(sorted(CHARS)), extra=st.integers(-3, 3))
def test_passwords_up_to_127_bytes_open_and_longer_are_refused(width: int, extra: int) -> None:
    count = pw.MAX_BYTES // width + extra
    password = CHARS[width] * max(1, count)
    if len(password.encode()) > pw.MAX_BYTES:
        with pytest.raises(pw.PasswordTooLong):
            pw.encrypt_pdf(PDF, password)
        return
    from pypdf import PdfReader

    data = pw.encrypt_pdf(PDF, password)
    reader = PdfReader(io.BytesIO(data))
    assert reader.decrypt(password)
    assert "Zelfscan test" in reader.pages[0].extract_text()


def test_the_full_127_bytes_count(caplog: pytest.LogCaptureFixture) -> None:
    from pypdf import PdfReader

    password = "x" * 126 + "y"
    with caplog.at_level(logging.WARNING):
        data = pw.encrypt_pdf(PDF, password)
    assert not PdfReader(io.BytesIO(data)).decrypt("x" * 127)
    assert caplog.records == []  # no "SASLprep normalization failed"


@pytest.mark.parametrize(
    "text", ["tab\there", "nul\x00x", "rtl\u05d0mixed", "\u00ad", "emoji \U0001f600"]
)
def test_what_sasprep_refuses_is_refused_up_front(text: str) -> None:
    with pytest.raises(pw.PasswordProblem):
        pw.normalise(text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    secret=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=40,
    ),
    ending=st.sampled_from(["", "\n", "\r\n", "\r"]),
)
def test_a_password_file_loses_only_its_final_line_ending(
    tmp_path: Path, secret: str, ending: str
) -> None:
    path = tmp_path / "pw.txt"
    path.write_bytes((secret + ending).encode("utf-8"))
    try:
        expected = pw.normalise(secret)
    except pw.PasswordProblem:
        with pytest.raises(pw.PasswordProblem):
            pw.read_password_file(path)
        return
    assert pw.read_password_file(path) == expected


@pytest.mark.parametrize("content", ["een\ntwee\n", "een\r\ntwee", "een\n\n", "a\rb"])
def test_a_password_file_with_two_lines_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "pw.txt"
    path.write_bytes(content.encode())
    with pytest.raises(pw.MultiLineFile):
        pw.read_password_file(path)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("a" * 128 + "\n", "te lang"),
        ("een\ntwee\n", "meer dan één regel"),
        ("tab\there\n", "teken"),
        ("\n", "leeg"),
    ],
)
def test_cli_refuses_a_bad_password_file_with_a_message(
    home: Path, tmp_path: Path, content: str, needle: str
) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text(content, encoding="utf-8")
    out = tmp_path / "advies.pdf"
    answers = answers_file(tmp_path, RAADSLID)
    result = run(
        "report", "mini", "--answers", answers, "--out", out, "--password-file", secret, home=home
    )
    assert result.returncode == 1
    assert needle in result.stderr
    assert not out.exists()


def test_cli_127_byte_password_works_without_stray_warnings(home: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    password = "é" * 63 + "x"  # 127 bytes
    secret = tmp_path / "pw.txt"
    secret.write_text(password + "\r\n", encoding="utf-8")
    out = tmp_path / "advies.pdf"
    answers = answers_file(tmp_path, RAADSLID)
    result = run(
        "report", "mini", "--answers", answers, "--out", out, "--password-file", secret, home=home
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert PdfReader(out).decrypt(password)
