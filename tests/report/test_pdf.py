"""The rendered PDF: content, fonts, metadata, structure, determinism, injection, encryption."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
import reportlab.rl_config
from pypdf import PasswordType, PdfReader
from pypdf.errors import FileNotDecryptedError

from tests.osaware import assert_mode
from tests.report import fixtures as fx
from tests.report.conftest import Rendered
from tests.report.helpers import embedded, fonts_of, qpdf_check, streams_contain, text_of
from zelfscan.report.build import build_report
from zelfscan.report.output import save_report
from zelfscan.report.pdf import protect_pdf, render_pdf

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


def test_top_three_and_fixed_texts_are_printed(typical: Rendered) -> None:
    text = text_of(typical.pdf)
    for entry in typical.doc.top:
        assert entry.title in text
    for phrase in (
        "Persoonlijk en vertrouwelijk",
        "Wat de scan vond",
        "Uw top 3",
        "Uw actieplan",
        "Wie kan helpen",
        "Bijlage A: Zoek uit",
        "Bijlage B: Zo werkt deze scan",
        "pagina 1 van",
    ):
        assert phrase in text
    assert "Stand per" in text  # contacts carry their checked-on date
    assert "Uitleg per maatregel" not in text.replace("legt ook elke maatregel uit", "")


def test_page_numbers_count_all_pages(typical: Rendered, worst: Rendered) -> None:
    for pdf in (typical.pdf, worst.full_pdf):
        reader = PdfReader(io.BytesIO(pdf))
        total = len(reader.pages)
        assert total >= 3
        for number, page in enumerate(reader.pages, start=1):
            text = " ".join(page.extract_text().split())  # the count is a form: own line
            assert f"pagina {number} van {total}" in text


def test_english_report(typical_en: Rendered) -> None:
    text = text_of(typical_en.pdf)
    assert "Personal and confidential" in text
    assert "Your action plan" in text


def test_worst_case_prints_every_advice_and_urgent_help_first(worst: Rendered) -> None:
    reader = PdfReader(io.BytesIO(worst.pdf))
    cover = reader.pages[0].extract_text()
    assert "Dringend" in cover  # urgent help is on the cover, before anything else
    plan = text_of(worst.pdf).replace(" ", "")
    for entry in worst.doc.plan:  # every measure is in the plan table
        assert entry.title.split("<")[0].replace(" ", "")[:40] in plan
    full = text_of(worst.full_pdf)
    assert "Bijlage A: Uitleg per maatregel" in full
    for entry in worst.doc.plan:  # and explained in the full report
        assert f"{entry.number}. {entry.title.split('<')[0]}" in full
    assert "€ 50 – € 150" in full


def test_every_font_is_embedded(worst: Rendered, typical: Rendered) -> None:
    for pdf in (worst.pdf, worst.full_pdf, typical.pdf):
        fonts = fonts_of(pdf)
        assert fonts
        for name, font in fonts.items():
            assert embedded(font), f"{name} is not embedded"


def test_metadata_names_nobody(typical: Rendered) -> None:
    meta = PdfReader(io.BytesIO(typical.pdf)).metadata
    assert meta is not None
    assert meta.title == typical.doc.title
    values = " ".join(str(v) for v in meta.values())
    for leak in (
        os.environ.get("USER", "root"),
        os.uname().nodename,
        str(Path.home()),
        "ReportLab",
        "anonymous",
    ):
        assert leak not in values
    assert b"/Metadata" not in typical.pdf  # no XMP packet with tool or user details


def test_qpdf_check(worst: Rendered, tmp_path: Path) -> None:
    qpdf_check(worst.pdf, tmp_path)
    qpdf_check(worst.full_pdf, tmp_path)


def test_deterministic_mode_is_byte_stable(typical: Rendered) -> None:
    assert render_pdf(typical.doc, deterministic=True) == typical.pdf
    assert render_pdf(typical.doc, deterministic=True) == render_pdf(
        typical.doc, deterministic=True
    )


def test_markup_in_content_prints_literally_and_fetches_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Even with every host trusted, escaped text can not become an image fetch; the autouse
    # network guard in tests/conftest.py would raise if anything tried to connect.
    monkeypatch.setattr(reportlab.rl_config, "trustedHosts", "*")
    q = fx.questionnaire(inject=fx.MARKUP)
    answers = fx.worst_answers(q)
    pdf = render_pdf(build_report(q, fx.evaluated(q, answers), "nl"), full=True)
    text = text_of(pdf)
    assert '<img src="http://example.invalid/x.png"/>' in text
    assert "<font size=40>groot</font> & co" in text


def test_trusted_hosts_is_pinned_on_import() -> None:
    import zelfscan.report.pdf  # noqa: F401

    assert reportlab.rl_config.trustedHosts is None


def test_free_text_notes_are_not_printed(worst: Rendered) -> None:
    assert not streams_contain(worst.pdf, fx.CANARY)
    assert not streams_contain(worst.full_pdf, fx.CANARY)


def test_long_unbroken_word_is_split_not_clipped(worst: Rendered) -> None:
    # splitLongWords breaks it over lines; every piece is still on the page as text.
    text = text_of(worst.full_pdf).replace(" ", "")
    assert fx.LONG_WORD[:60] in text


def test_protected_pdf_needs_the_password(typical: Rendered, tmp_path: Path) -> None:
    canary = typical.doc.top[0].title
    data = protect_pdf(typical.pdf, PASSWORD)
    locked = PdfReader(io.BytesIO(data))
    assert locked.is_encrypted
    encrypt = locked.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256, PDF 2.0
    with pytest.raises(FileNotDecryptedError):
        locked.pages[0].extract_text()
    assert PdfReader(io.BytesIO(data)).decrypt("wrong") == PasswordType.NOT_DECRYPTED
    reader = PdfReader(io.BytesIO(data))
    assert reader.decrypt(PASSWORD) in (PasswordType.USER_PASSWORD, PasswordType.OWNER_PASSWORD)
    assert canary in text_of_reader(reader)
    assert not streams_contain(data, canary)
    assert not streams_contain(data, typical.doc.title)  # the title sits in encrypted /Info
    qpdf_check(data, tmp_path, PASSWORD)


def text_of_reader(reader: PdfReader) -> str:
    return " ".join((p.extract_text() or "") for p in reader.pages).replace("\n", " ")


def test_empty_password_is_refused(typical: Rendered) -> None:
    with pytest.raises(ValueError, match="empty password"):
        protect_pdf(typical.pdf, "")


def test_save_report_is_owner_only_and_leaves_no_temp_files(
    typical: Rendered, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.pdf"
    save_report(typical.doc, target, password=PASSWORD)
    locked = PdfReader(target)
    assert locked.is_encrypted
    assert_mode(target, 0o600)
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]
    save_report(typical.doc, target, deterministic=True)  # replacing an existing one works too
    assert target.read_bytes() == typical.pdf
