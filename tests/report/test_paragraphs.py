"""Paragraphs parsed once per story and laid out once per width: the same result as reportlab."""

from __future__ import annotations

from reportlab.platypus import Paragraph as PlainParagraph

from tests.report.conftest import Rendered
from zelfscan.report import styles as st
from zelfscan.report.pdf import build_story
from zelfscan.report.styles import Paragraph, parse_once, styles


def _frags(p: PlainParagraph) -> list[dict[str, object]]:
    return [dict(f.__dict__) for f in p.frags]


TEXTS = [
    "Waarom",
    "<b>Waarom zie ik dit?</b>",
    "<b>Politie</b> — 0900-8844 &amp; politie.nl",
    '<font color="#8a8a8a">?</font> Onbekend',
    "Hoe<br/>nu verder",
]


def test_shared_parse_equals_a_fresh_one() -> None:
    body = styles().bullet
    with parse_once():
        first = [Paragraph(t, body, bulletText="•") for t in TEXTS]
        again = [Paragraph(t, body, bulletText="•") for t in TEXTS]
    for text, a, b in zip(TEXTS, first, again, strict=True):
        fresh = PlainParagraph(text, body, bulletText="•")
        assert _frags(b) == _frags(fresh)
        assert (b.text, b.style, b.bulletText) == (fresh.text, fresh.style, fresh.bulletText)
        assert all(x is not y for x, y in zip(a.frags, b.frags, strict=True))  # own copies


def test_same_text_in_another_style_is_parsed_again() -> None:
    with parse_once():
        plain = Paragraph("Waarom", styles().body)
        label = Paragraph("Waarom", styles().label)
    assert plain.frags[0].fontName != label.frags[0].fontName


def test_a_bullet_tag_is_never_shared() -> None:
    text = "<bullet>*</bullet>Stap"
    with parse_once():
        Paragraph(text, styles().step)
        second = Paragraph(text, styles().step, bulletText="1.")
    fresh = PlainParagraph(text, styles().step, bulletText="1.")
    assert [f.__dict__ for f in second.bulletText] == [f.__dict__ for f in fresh.bulletText]
    assert _frags(second) == _frags(fresh)


def test_nothing_of_a_story_stays_in_memory(typical: Rendered) -> None:
    """Parses are keyed by the text itself, answers included: gone when the story is built."""
    build_story(typical.doc)
    assert st._PARSES.get() is None


def test_wrapped_again_at_the_same_width_gives_the_same_lines() -> None:
    p = Paragraph(" ".join(["woord"] * 80), styles().body)
    size = p.wrap(200, 1000)
    lines = p.blPara
    assert p.wrap(200, 1000) == size
    assert p.blPara is lines  # reused
    assert p.wrap(300, 1000) != size
    assert p.blPara is not lines  # another width: laid out again
    fresh = PlainParagraph(" ".join(["woord"] * 80), styles().body)
    assert fresh.wrap(300, 1000) == p.wrap(300, 1000)
