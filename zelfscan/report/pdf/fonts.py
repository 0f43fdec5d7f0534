"""The embedded DejaVu fonts, registered once per process with reportlab's public API.

The whole font is embedded as reportlab subsets it, never a pre-cut subset: any character a
user or a content editor types prints. Measuring text is reportlab's own; with the optional
``rl_accel`` package installed reportlab measures in C (its public accelerator).
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from zelfscan.paths import fonts_dir

FONT = "ZelfscanSans"
FONT_BOLD = "ZelfscanSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
"""DejaVu Sans (Bitstream Vera licence, resources/fonts/LICENSE-DejaVu.txt): it covers
Dutch diacritics, typographic quotes, €, and the tick-box, level and priority symbols."""


@cache
def register_fonts() -> None:
    """Register the embedded TTF fonts once; ``<b>`` in markup picks the bold face."""
    folder = fonts_dir()
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
