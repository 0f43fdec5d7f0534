"""How text becomes a Paragraph: escaped, parsed as little as possible, laid out once per width.

Every text that reaches a :class:`Paragraph` goes through :func:`para` or :func:`esc`, which
escape reportlab's mini-markup: YAML content or a name must print literally and can never
become an ``<img>`` fetch or a ``<font>`` change.

reportlab parses each paragraph's markup with an HTML parser and wraps it again for every
table, KeepTogether and frame that measures it; for the longest report that was a good part
of the time over a bare reportlab script (design.md §5, docs/performance.md). The shortcuts
here make the same fragments and lines as reportlab, so the PDFs are byte-identical with and
without them (tests/report/test_paragraphs.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags

_Parses = dict[tuple[str, ParagraphStyle, int], tuple[str, ParagraphStyle, list[Any]]]
_PARSES: ContextVar[_Parses | None] = ContextVar("zelfscan_report_parses", default=None)
_PLAIN: WeakKeyDictionary[ParagraphStyle, Any] = WeakKeyDictionary()


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` (``&``, ``<``, ``>``), without importing it: that module
    pulls in urllib.request, http.client and ssl, ~25 ms of every report for three replaces."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc(text: str) -> str:
    """Escape ``text`` for reportlab's paragraph markup; line breaks stay line breaks."""
    return escape(text).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> _Paragraph:
    """A Paragraph of literal ``text`` (escaped): the only way dynamic text enters a PDF."""
    return Paragraph(esc(text), style)


def markup(template: str, *values: str) -> str:
    """Fill ``{}`` slots in a trusted markup ``template`` with escaped ``values``.

    For the few places that need bold labels next to dynamic text: the template is a
    constant of ours, only the values come from YAML or answers.
    """
    return template.format(*(esc(v) for v in values))


@contextmanager
def parse_once() -> Iterator[None]:
    """Paragraphs made inside share the parse of an identical text in the same style.

    In a report the same markup recurs in the same style (bold labels under every advice
    item, contact lines, level words): the parsed fragments are copied for each paragraph,
    as reportlab would have made them. They are forgotten when the block ends, so no text of
    the report stays in memory.
    """
    token = _PARSES.set({})
    try:
        yield
    finally:
        _PARSES.reset(token)


def _plain_fragments(text: str, style: ParagraphStyle) -> tuple[str, list[Any]] | None:
    """The cleaned text and fragments reportlab's parser makes of markup-free ``text``.

    Without ``<`` or ``&`` the parser makes one fragment: the style's, holding the text with
    its white space collapsed. That fragment is parsed once per style (from a probe text)
    and copied with the real text, which skips the HTML parser for ~1 300 of the longest
    report's 1 532 paragraphs. None for markup, empty text and Greek-symbol styles.
    """
    if "<" in text or "&" in text:
        return None
    clean = cleanBlockQuotedText(text)
    if not clean:
        return None
    fragment = _PLAIN.get(style)
    if fragment is None:
        fragment = _PLAIN[style] = _Paragraph("probe", style).frags[0]
    if fragment.greek:  # the parser converts the text itself for these
        return None
    frags = [fragment.clone(text=clean)]
    textTransformFrags(frags, style)
    return clean, frags


class Paragraph(_Paragraph):  # type: ignore[misc]
    """reportlab's Paragraph, parsed as little as possible and laid out once per width.

    Parsing: text without markup is not parsed at all (:func:`_plain_fragments`), markup is
    parsed once per story (:func:`parse_once`). Layout: tables wrap their cells to size the
    rows and again to draw them, KeepTogether wraps its content to measure it and the frame
    wraps it again: the worst-case report wrapped its 1 500 paragraphs 3 600 times. ``wrap``
    depends only on the width (and the text and style, which do not change), so the lines of
    the last wrap are reused for the same width; a split makes new paragraphs.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
    ) -> None:
        if frags is None and isinstance(text, str):
            plain = _plain_fragments(text, style)
            if plain is not None:
                text, frags = plain
            elif (parses := _PARSES.get()) is not None:
                self._parse_shared(parses, text, style, bulletText, caseSensitive, encoding)
                return
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def _parse_shared(
        self,
        parses: _Parses,
        text: str,
        style: ParagraphStyle,
        bulletText: str | None,
        caseSensitive: int,
        encoding: str,
    ) -> None:
        key = (text, style, caseSensitive)
        known = parses.get(key)
        if known is None:
            super().__init__(text, style, bulletText, None, caseSensitive, encoding)
            if not isinstance(self.bulletText, list):  # else a <bullet> tag set it: not shared
                parses[key] = (self.text, self.style, self.frags)
            return
        clean, parsed_style, parsed = known
        copies = [frag.clone() for frag in parsed]
        super().__init__(clean, parsed_style, bulletText, copies, caseSensitive, encoding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self.__dict__.get("_last_wrap")
        if last is not None and last[0] == availWidth and last[1] is self.__dict__.get("blPara"):
            self.width, self.height = last[2]
            return last[2]  # type: ignore[no-any-return]
        size = super().wrap(availWidth, availHeight)
        self._last_wrap = (availWidth, self.__dict__.get("blPara"), size)
        return size  # type: ignore[no-any-return]
