"""The embedded DejaVu fonts: registered once per process, measured and written fast.

reportlab handles TrueType in pure Python, and for the longest report that is a good part of
the time over a bare reportlab script (design.md §5, docs/performance.md):

* parsing each TTF walks every glyph with one ``struct.unpack`` per number
  (:class:`BulkTTFace` reads the tables in bulk instead);
* a word is measured once per wrap, and paragraphs are wrapped two or three times
  (:class:`MeasuredTTFont` remembers widths for one document);
* every line drawn is mapped character by character to the font subset's codes
  (:meth:`MeasuredTTFont.splitString` skips that for text whose codes are all known).

Every shortcut gives exactly reportlab's result (tests/report/test_fonts.py compares them), so
the PDFs are byte-identical with and without them. The whole font is embedded as reportlab
subsets it, never a pre-cut subset: any character a user or a content editor types prints.
"""

from __future__ import annotations

from fnmatch import fnmatch
from functools import cache
from itertools import repeat
from struct import iter_unpack, unpack_from
from typing import Any
from weakref import WeakKeyDictionary

import reportlab.rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, unShapedFontGlob

from zelfscan.paths import fonts_dir

FONT = "ZelfscanSans"
FONT_BOLD = "ZelfscanSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
"""DejaVu Sans (Bitstream Vera licence, resources/fonts/LICENSE-DejaVu.txt): it covers
Dutch diacritics, typographic quotes, €, and the tick-box and level symbols of the report."""

_ASCII = range(32, 127)
"""Printable ASCII: the characters reportlab's ``asciiReadable`` subsets keep as they are."""


class BulkTTFace(TTFontFace):  # type: ignore[misc]
    """A TTF face whose character map, metrics and glyph locations are read in bulk.

    reportlab's ``extractInfo`` reads the ~6 000 glyphs of a DejaVu face one
    ``read_ushort`` at a time: ~8 ms per face, twice per report. This reads the same tables
    with one ``unpack_from`` each and builds equal attributes (lists and the character map in
    the same order) with the same quirks (trailing glyphs in ``hmetrics`` carry the last
    width already scaled, as in reportlab). Only the common layout is handled here: a
    format-4 or format-12 cmap and TrueType outlines; reportlab reads any other font itself.
    """

    def extractInfo(self, charInfo: int = 1) -> None:
        super().extractInfo(0)  # names, head, OS/2, post, hhea, maxp: a few reads each
        if charInfo and not self._read_char_tables():
            super().extractInfo(charInfo)

    def _read_char_tables(self) -> bool:
        """Set ``charToGlyph``, ``glyphToChar``, ``charWidths``, ``defaultWidth``,
        ``hmetrics`` and ``glyphPos`` as reportlab would; False if this font is not the
        common layout (reportlab's reader then handles it, errors included)."""
        data = self._ttf_data
        if "loca" not in self.table or "hmtx" not in self.table:
            return False
        loc_format, glyph_format = unpack_from(">hh", data, self.table["head"]["offset"] + 50)
        (metrics_count,) = unpack_from(">H", data, self.table["hhea"]["offset"] + 34)
        if glyph_format != 0 or loc_format not in (0, 1) or metrics_count == 0:
            return False
        cmap = self._unicode_cmap()
        if cmap is None:
            return False
        char_to_glyph, glyph_to_char = cmap
        glyphs = self.numGlyphs
        # hmtx: an advance width and a left side bearing per glyph, then only bearings; the
        # glyphs past the pairs take the last width (in hmetrics: already scaled, as in
        # reportlab). Glyphs past both have no width.
        hmtx = self.table["hmtx"]["offset"]
        pairs = unpack_from(f">{2 * metrics_count}H", data, hmtx)
        bearings = unpack_from(
            f">{max(0, glyphs - metrics_count)}H", data, hmtx + 4 * metrics_count
        )
        advances = [self._pdfScale(width) for width in pairs[0::2]]
        last = advances[-1]
        hmetrics = list(zip(pairs[0::2], pairs[1::2], strict=True))
        hmetrics += [(last, bearing) for bearing in bearings]
        covered = max(glyphs, metrics_count)
        widths = {
            char: advances[glyph] if glyph < metrics_count else last
            for char, glyph in char_to_glyph.items()
            if glyph < covered
        }
        self.defaultWidth = advances[0]

        loca = self.table["loca"]["offset"]
        if loc_format == 0:
            positions = [p << 1 for p in unpack_from(f">{glyphs + 1}H", data, loca)]
        else:
            positions = list(unpack_from(f">{glyphs + 1}L", data, loca))

        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            widths[0xA0] = widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            widths[0x20] = widths[0xA0]
        self.charToGlyph, self.glyphToChar, self.charWidths = char_to_glyph, glyph_to_char, widths
        self.hmetrics, self.glyphPos = hmetrics, positions
        return True

    def _unicode_cmap(self) -> tuple[dict[int, int], dict[int, list[int]]] | None:
        """The cmap subtable reportlab would pick, read the same way; None for a format
        other than 4 or 12."""
        data = self._ttf_data
        start = self.table["cmap"]["offset"]
        version, count = unpack_from(">HH", data, start)
        if count == 0 and version != 0:
            count = version
        chosen, kind = None, 0
        for n in range(count):  # reportlab's choice: the last matching entry wins
            platform, encoding, offset = unpack_from(">HHL", data, start + 4 + 8 * n)
            if (
                platform == 3
                or (platform == 1 and encoding == 1)
                or (platform == 0 and encoding != 5)
            ):
                chosen, kind = offset, 1
            elif platform == 1 and encoding == 0 and kind != 1:
                chosen, kind = offset, 2
        if chosen is None:
            return None
        table = start + chosen
        char_to_glyph: dict[int, int] = {}
        glyph_to_char: dict[int, list[int]] = {}
        fmt = unpack_from(">H", data, table)[0]
        if fmt == 12:  # segmented coverage: what DejaVu's (3, 10) subtable uses
            (groups,) = unpack_from(">L", data, table + 12)
            records = data[table + 16 : table + 16 + 12 * groups]
            for first, last, glyph in iter_unpack(">LLL", records):
                for char in range(first, last + 1):
                    char_to_glyph[char] = glyph + char - first
                    glyph_to_char.setdefault(glyph + char - first, []).append(char)
        elif fmt == 4:  # segment mapping to delta values: the classic BMP table
            length = unpack_from(">H", data, table + 2)[0]
            segments = unpack_from(">H", data, table + 6)[0] // 2
            ends = unpack_from(f">{segments}H", data, table + 14)
            starts = unpack_from(f">{segments}H", data, table + 16 + 2 * segments)
            deltas = unpack_from(f">{segments}h", data, table + 16 + 4 * segments)
            ranges_at = table + 16 + 6 * segments
            ranges = unpack_from(f">{segments}H", data, ranges_at)
            limit = table + length
            for n in range(segments):
                first, delta, offset = starts[n], deltas[n], ranges[n]
                base = ranges_at + 2 * n + offset - 2 * first
                for char in range(first, ends[n] + 1):
                    if offset == 0:
                        glyph = (char + delta) & 0xFFFF
                    elif base + 2 * char >= limit:  # reportlab's guard for broken fonts
                        glyph = 0
                    else:
                        glyph = unpack_from(">H", data, base + 2 * char)[0]
                        if glyph != 0:
                            glyph = (glyph + delta) & 0xFFFF
                    char_to_glyph[char] = glyph
                    glyph_to_char.setdefault(glyph, []).append(char)
        else:
            return None
        return char_to_glyph, glyph_to_char


class MeasuredTTFont(TTFont):  # type: ignore[misc]
    """A TTFont that reads its face in bulk, remembers widths and writes known text fast.

    Widths: reportlab measures every word in pure Python, once per wrap, and a paragraph is
    wrapped two or three times (tables measure their cells, KeepTogether measures its
    content, then the frame wraps again): ~24 000 measurements for the longest report, of
    ~4 000 distinct words. A width depends only on the text, the size and the font's metrics,
    so the result is the same. :func:`forget_widths` empties the memory at the start and end
    of every document, so no word of a user's answers stays in memory after the PDF is made.
    """

    def __init__(self, name: str, filename: str) -> None:
        # TTFont.__init__ (reportlab 4-5) with its defaults, but the bulk-reading face;
        # tests/report/test_fonts.py checks that no attribute of reportlab's is missing.
        self.fontName = name
        self.face = BulkTTFace(filename)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = reportlab.rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
        self.widths: dict[tuple[str, float], float] = {}
        # With asciiReadable, every subset state reportlab makes for this font gives printable
        # ASCII its own code, provided the font has those characters.
        glyphs = self.face.charToGlyph
        self._ascii_as_is = bool(self._asciiReadable) and all(c in glyphs for c in _ASCII)

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if not isinstance(text, str):
            return float(super().stringWidth(text, size, encoding))
        key = (text, size)
        width = self.widths.get(key)
        if width is None:
            # reportlab's instanceStringWidthTTF, summed in the same order without a
            # Python-level generator.
            face = self.face
            total = sum(map(face.charWidths.get, map(ord, text), repeat(face.defaultWidth)))
            width = self.widths[key] = 0.001 * size * total
        return width

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> Any:
        """``TTFont.splitString`` without its per-character loop when nothing is new.

        reportlab maps each character of each line drawn to its code in the document's font
        subset, assigning codes to characters it has not seen yet. Once every character of
        ``text`` has a code in the first subset (nearly every line after the first page), the
        result is one chunk of those codes: printable ASCII keeps its own code (reportlab's
        ``asciiReadable``), anything else is looked up. New characters, a second subset or
        a first call for ``doc`` go through reportlab itself.
        """
        state = self.state.get(doc) if text else None
        if state is not None and isinstance(text, str):
            if self._ascii_as_is and text.isascii() and text.isprintable():
                return [(0, text.encode("ascii"))]
            try:
                return [(0, bytes(map(state.assignments.__getitem__, map(ord, text))))]
            except (KeyError, ValueError):  # a new character, or a code past the first subset
                pass
        return super().splitString(text, doc, encoding)


def forget_widths() -> None:
    """Empty the remembered string widths of the embedded fonts (see MeasuredTTFont)."""
    for name in FONT_FILES:
        font = pdfmetrics.getFont(name) if name in pdfmetrics.getRegisteredFontNames() else None
        if isinstance(font, MeasuredTTFont):
            font.widths.clear()


@cache
def register_fonts() -> None:
    """Register the embedded TTF fonts once; ``<b>`` in markup picks the bold face."""
    folder = fonts_dir()
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(MeasuredTTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
