"""One table of level and priority words and symbols, for every view and both languages."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from zelfscan.core.model import Level, Priority
from zelfscan.paths import fonts_dir
from zelfscan.report import words
from zelfscan.report.pdf.fonts import FONT_FILES

SYMBOLS = {
    *(w.symbol for w in words.LEVELS.values()),
    *(w.symbol for w in words.PRIORITIES.values()),
    *(w.symbol for w in words.CHANGES.values()),
    *(w.symbol for w in words.PLAN_STATES.values()),
    words.BOX_OPEN,
    words.BOX_DONE,
}


@pytest.mark.parametrize("filename", sorted(FONT_FILES.values()))
def test_every_symbol_is_in_the_embedded_font(filename: str) -> None:
    glyphs = TTFont("probe", str(fonts_dir() / filename)).face.charToGlyph
    missing = sorted(c for symbol in SYMBOLS for c in symbol if ord(c) not in glyphs)
    assert missing == []


def test_no_symbol_has_an_emoji_presentation() -> None:
    """These code points render as text by default; the variation selector that would turn
    them into an emoji is never used."""
    for symbol in SYMBOLS:
        assert "\ufe0f" not in symbol
        assert all(ord(c) < 0x1F000 for c in symbol)


def test_levels_are_distinct_in_symbol_and_word() -> None:
    for lang in ("nl", "en"):
        texts = [words.level_text(level, lang) for level in Level]
        assert len({t.split()[0] for t in texts}) == len(Level)
        assert len(set(texts)) == len(Level)
    assert words.level_text(Level.RISICO, "en") == "✗ At risk"
    assert words.level_text(Level.RISICO, "nl") == "✗ Risico"
    assert words.priority_text(Priority.HOOG, "nl") == "●●● Hoog"


def test_the_gui_uses_the_same_table() -> None:
    from zelfscan.gui.labels import level_text, priority_text
    from zelfscan.i18n import current_language, set_language

    before = current_language()
    try:
        for lang in ("nl", "en"):
            set_language(lang)
            for level in Level:
                assert level_text(level) == words.level_text(level, lang)
            for priority in Priority:
                assert priority_text(priority) == words.priority_text(priority, lang)
    finally:
        set_language(before)


def test_scores_never_say_zero_for_not_knowing() -> None:
    assert words.shown_score(0.0, Level.ONBEKEND) is None
    assert words.score_text(None, "nl") == "geen score"
    assert words.score_text(72, "en") == "72 of 100"
