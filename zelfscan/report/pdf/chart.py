"""The score chart: one horizontal 0–100 bar per theme, drawn straight on the page's canvas.

Each bar is a small flowable placed in a table row next to the theme name and the level word
with its symbol, so the chart never tells a level by colour alone and long theme names wrap
instead of running into the bar. Three rectangles and two dashed lines need no drawing
model: the bar draws them with the canvas's own calls (reportlab's documented way to write a
flowable), so a report does not import and run ``reportlab.graphics`` for them. It holds no
text, so it sets no font either.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from zelfscan.core.model import Level, Thresholds
from zelfscan.report.pdf.styles import LEVEL_COLOURS, MUTED, RULE, SHADE


class ScoreBar(Flowable):  # type: ignore[misc]
    """A bar filled to ``score`` (0–100) in the level's colour, with ticks at the thresholds.

    The ticks show how far the theme is from the next level. Without a score (nothing in the
    theme applies) only the empty track is drawn; the words next to it say why.
    """

    def __init__(
        self,
        score: int | None,
        level: Level,
        thresholds: Thresholds,
        width: float,
        height: float = 12,
    ) -> None:
        super().__init__()
        self.score = score
        self.level = level
        self.marks = (thresholds.aandacht, thresholds.goed)
        self.bar_height = height
        self.width = width
        self.height = height + 4  # the ticks stand out 2 points above and below the track

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        width, height = self.width, self.bar_height
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setFillColor(SHADE)
        canvas.rect(0, 2, width, height, stroke=1, fill=1)
        if self.score is not None:
            filled = width * max(0, min(100, self.score)) / 100
            if filled > 0:
                canvas.setFillColor(LEVEL_COLOURS[self.level])
                canvas.rect(0, 2, filled, height, stroke=0, fill=1)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.8)
        canvas.setDash([2, 1.5], 0)
        for mark in self.marks:
            x = width * max(0.0, min(100.0, mark)) / 100
            canvas.line(x, 0, x, height + 4)
        canvas.restoreState()


def score_bar(
    score: int | None, level: Level, thresholds: Thresholds, width: float, height: float = 12
) -> ScoreBar:
    """The bar of one theme, ``width`` points wide (see :class:`ScoreBar`)."""
    return ScoreBar(score, level, thresholds, width, height)
