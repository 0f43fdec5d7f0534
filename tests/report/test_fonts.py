"""The embedded fonts: read, measured and written exactly as reportlab would, only faster.

Every shortcut in :mod:`zelfscan.report.fonts` must give reportlab's own result (the PDFs are
byte-identical with and without them), and remembered widths must not outlive a document.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import reportlab
import reportlab.rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from tests.report.conftest import Rendered
from zelfscan.paths import fonts_dir
from zelfscan.report.fonts import (
    FONT,
    FONT_BOLD,
    FONT_FILES,
    BulkTTFace,
    MeasuredTTFont,
    register_fonts,
)
from zelfscan.report.pdf import render_pdf

EMBEDDED = [fonts_dir() / name for name in FONT_FILES.values()]
# reportlab's own Vera fonts have a format-4 cmap; DejaVu uses format 12.
VERA = sorted((Path(reportlab.__file__).parent / "fonts").glob("Vera*.ttf"))


@pytest.mark.parametrize("path", EMBEDDED + VERA, ids=lambda p: p.name)
def test_bulk_face_reads_what_reportlab_reads(path: Path) -> None:
    ours, theirs = BulkTTFace(str(path)), TTFontFace(str(path))
    assert ours.__dict__.keys() == theirs.__dict__.keys()
    for name, value in theirs.__dict__.items():
        if name not in ("_pos", "_pdfScale"):  # read position; a lambda made per instance
            assert getattr(ours, name) == value, name
    for name in ("charToGlyph", "glyphToChar"):  # same order too (charWidths is only looked up)
        assert list(getattr(ours, name).items()) == list(getattr(theirs, name).items())


def test_bulk_face_leaves_other_layouts_to_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BulkTTFace, "_unicode_cmap", lambda self: None)
    ours, theirs = BulkTTFace(str(EMBEDDED[0])), TTFontFace(str(EMBEDDED[0]))
    assert ours.charToGlyph == theirs.charToGlyph
    assert ours.hmetrics == theirs.hmetrics


def test_font_has_everything_reportlab_sets() -> None:
    ours = MeasuredTTFont("Probe", str(EMBEDDED[0]))
    theirs = TTFont("Probe", str(EMBEDDED[0]))
    assert set(theirs.__dict__) <= set(ours.__dict__)
    for name in ("fontName", "_asciiReadable", "shapable"):
        assert getattr(ours, name) == getattr(theirs, name)


def test_remembered_widths_are_the_measured_ones() -> None:
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    assert isinstance(font, MeasuredTTFont)
    for text in ("Woning", "€ 25,–", "☑ ✔", "", "geïnstalleerd", "\U0001f600 past niet"):
        for size in (8, 9.5, 24):
            expected = TTFont.stringWidth(font, text, size)
            assert font.stringWidth(text, size) == expected
            assert font.stringWidth(text, size) == expected  # second time from memory
    assert font.stringWidth(b"abc", 10) == TTFont.stringWidth(font, b"abc", 10)


def test_no_word_of_a_report_stays_in_memory(typical: Rendered) -> None:
    """Widths are keyed by the text itself, answers included: emptied after every PDF."""
    render_pdf(typical.doc)
    for name in (FONT, FONT_BOLD):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, MeasuredTTFont)
        assert font.widths == {}


LINES = [
    "Zorg voor goede verlichting rond de voordeur.",  # printable ASCII
    "Kosten: € 25,– per jaar; ‘vraag’ het na.",  # codes assigned on the fly
    "Kosten: € 25,– per jaar; ‘vraag’ het na.",  # the same, now all known
    "tab\there",  # ASCII, not printable
    "niet\u00a0breken",  # nbsp is drawn as a space
    "\U0001f600 staat niet in het font",  # no glyph: code 0
    "",
    "".join(chr(c) for c in range(0x100, 0x250)),  # more than one subset of 256 codes
    "ĀāĂă en weer gewoon",  # codes from the second subset
    "Zorg voor goede verlichting rond de voordeur.",
]


@pytest.mark.parametrize("ascii_readable", [1, 0])
def test_split_string_gives_reportlabs_codes(
    ascii_readable: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ours and reportlab's, each on its own document, line by line: same codes, same state."""
    monkeypatch.setattr(reportlab.rl_config, "ttfAsciiReadable", ascii_readable)
    ours = MeasuredTTFont("Probe", str(EMBEDDED[0]))
    theirs = TTFont("Probe", str(EMBEDDED[0]))
    for _document in range(2):
        doc_ours, doc_theirs = Canvas(io.BytesIO())._doc, Canvas(io.BytesIO())._doc
        for line in LINES:
            assert ours.splitString(line, doc_ours) == theirs.splitString(line, doc_theirs)
        assert ours.splitString(LINES[0].encode(), doc_ours) == theirs.splitString(
            LINES[0].encode(), doc_theirs
        )
        state_ours, state_theirs = ours.state[doc_ours], theirs.state[doc_theirs]
        assert state_ours.assignments == state_theirs.assignments
        assert state_ours.subsets == state_theirs.subsets


def test_known_lines_skip_reportlabs_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    font = MeasuredTTFont("Probe", str(EMBEDDED[0]))
    doc = Canvas(io.BytesIO())._doc
    font.splitString("Kosten: € 25", doc)  # the first call makes the state, assigns €
    calls: list[str] = []
    original = TTFont.splitString

    def counted(self: TTFont, text: str, *args: object) -> object:
        calls.append(text)
        return original(self, text, *args)

    monkeypatch.setattr(TTFont, "splitString", counted)
    font.splitString("Kosten: € 30", doc)
    font.splitString("plain ASCII", doc)
    assert calls == []
    font.splitString("één", doc)  # é and ë are new
    assert calls == ["één"]
