"""The score chart: one horizontal 0–100 bar per theme, drawn with reportlab's own graphics.

Each bar is a small vector drawing placed in a table row next to the theme name and the level
word with its symbol, so the chart never tells a level by colour alone and long theme names
wrap instead of running into the bar. The drawing holds no text; its initial font is
still set to ours, or reportlab would list a non-embedded Helvetica in the page resources.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect

from zelfscan.core.model import Level, Thresholds
from zelfscan.report.pdf.fonts import FONT
from zelfscan.report.pdf.styles import LEVEL_COLOURS, MUTED, RULE, SHADE


def score_bar(
    score: int | None, level: Level, thresholds: Thresholds, width: float, height: float = 12
) -> Drawing:
    """A bar filled to ``score`` (0–100) in the level's colour, with ticks at the thresholds.

    The ticks show how far the theme is from the next level. Without a score (nothing in the
    theme applies) only the empty track is drawn; the words next to it say why.
    """
    drawing = Drawing(width, height + 4, initialFontName=FONT)  # no stray Helvetica resource
    drawing.add(Rect(0, 2, width, height, fillColor=SHADE, strokeColor=RULE, strokeWidth=0.5))
    if score is not None:
        filled = width * max(0, min(100, score)) / 100
        if filled > 0:
            drawing.add(
                Rect(0, 2, filled, height, fillColor=LEVEL_COLOURS[level], strokeColor=None)
            )
    for mark in (thresholds.aandacht, thresholds.goed):
        x = width * max(0.0, min(100.0, mark)) / 100
        drawing.add(
            Line(x, 0, x, height + 4, strokeColor=MUTED, strokeWidth=0.8, strokeDashArray=[2, 1.5])
        )
    return drawing
