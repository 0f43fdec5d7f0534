"""Paragraphs parsed as little as possible and laid out once per width: reportlab's result."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as PlainParagraph

from tests.report.conftest import Rendered
from zelfscan.report import paragraphs
from zelfscan.report.paragraphs import Paragraph, para, parse_once
from zelfscan.report.pdf import build_story
from zelfscan.report.styles import styles


def _same(ours: PlainParagraph, theirs: PlainParagraph) -> None:
    assert ours.text == theirs.text
    assert ours.style is theirs.style
    assert ours.bulletText == theirs.bulletText
    assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]


PLAIN = [
    "Waarom",
    "Zorg voor  goede\tverlichting rond de voordeur.",  # white space collapses
    "  twee\n  regels  ",
    "Kosten: € 25,– ‘per’ jaar > niets",
    "☐",
]
MARKUP = [
    "<b>Waarom zie ik dit?</b>",
    "<b>Politie</b> — 0900-8844 &amp; politie.nl",
    '<font color="#8a8a8a">?</font> Onbekend',
    "Hoe<br/>nu verder",
    "R&amp;D",
]


@pytest.mark.parametrize("text", PLAIN + MARKUP + ["", "   "])
def test_a_paragraph_is_what_reportlab_makes(text: str) -> None:
    for style in (styles().body, styles().cell_head, styles().bullet):
        _same(Paragraph(text, style, bulletText="•"), PlainParagraph(text, style, bulletText="•"))


def test_plain_text_skips_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    para("warm up", styles().body)  # the style's fragment, parsed once
    parsed: list[str] = []
    original = PlainParagraph._setup

    def counted(self: PlainParagraph, text: str, style: object, *args: object) -> None:
        if args[1] is None:  # no fragments given: reportlab parses
            parsed.append(text)
        original(self, text, style, *args)

    monkeypatch.setattr(PlainParagraph, "_setup", counted)
    Paragraph("Zorg voor goede verlichting.", styles().body)
    assert parsed == []
    Paragraph("<b>Zorg</b>", styles().body)
    assert parsed == ["<b>Zorg</b>"]


def test_text_transform_and_greek_styles_still_match() -> None:
    upper = ParagraphStyle("upper", parent=styles().body, textTransform="uppercase")
    _same(Paragraph("hoofd letters", upper), PlainParagraph("hoofd letters", upper))
    greek = ParagraphStyle("greek", parent=styles().body)
    greek.greek = 1  # not a ParagraphStyle default; the parser reads it from the style
    _same(Paragraph("abg", greek), PlainParagraph("abg", greek))


def test_shared_parse_equals_a_fresh_one() -> None:
    body = styles().bullet
    with parse_once():
        first = [Paragraph(t, body, bulletText="•") for t in MARKUP]
        again = [Paragraph(t, body, bulletText="•") for t in MARKUP]
    for text, a, b in zip(MARKUP, first, again, strict=True):
        _same(b, PlainParagraph(text, body, bulletText="•"))
        assert all(x is not y for x, y in zip(a.frags, b.frags, strict=True))  # own copies


def test_same_markup_in_another_style_is_parsed_again() -> None:
    with parse_once():
        plain = Paragraph("<b>Waarom</b>", styles().body)
        small = Paragraph("<b>Waarom</b>", styles().small)
    assert plain.frags[0].fontSize != small.frags[0].fontSize


def test_a_bullet_tag_is_never_shared() -> None:
    text = "<bullet>*</bullet>Stap"
    with parse_once():
        Paragraph(text, styles().step)
        second = Paragraph(text, styles().step, bulletText="1.")
    fresh = PlainParagraph(text, styles().step, bulletText="1.")
    assert [f.__dict__ for f in second.bulletText] == [f.__dict__ for f in fresh.bulletText]
    assert [f.__dict__ for f in second.frags] == [f.__dict__ for f in fresh.frags]


def test_nothing_of_a_story_stays_in_memory(typical: Rendered) -> None:
    """Shared parses are keyed by the text itself, answers included: gone with the story.
    (The plain-text fragments kept per style are parsed from a fixed probe text.)"""
    build_story(typical.doc)
    assert paragraphs._PARSES.get() is None
    assert all(f.text == "probe" for f in paragraphs._PLAIN.values())


def test_wrapped_again_at_the_same_width_gives_the_same_lines() -> None:
    text = " ".join(["woord"] * 80)
    p = Paragraph(text, styles().body)
    size = p.wrap(200, 1000)
    lines = p.blPara
    assert p.wrap(200, 1000) == size
    assert p.blPara is lines  # reused
    assert p.wrap(300, 1000) != size
    assert p.blPara is not lines  # another width: laid out again
    assert PlainParagraph(text, styles().body).wrap(300, 1000) == p.wrap(300, 1000)
