"""How the scan works, in the words every view prints (the report states its own scoring
rules). Kept apart from the builder so the rules read as one text."""

from __future__ import annotations

from zelfscan.report.words import Translate


def method_rules(_: Translate) -> tuple[str, ...]:
    """The scoring rules of :mod:`zelfscan.core.scoring`, as the reader needs them."""
    return (
        _(
            "For each theme the scan adds up the points of your answers and divides them by the "
            "points that were possible for the questions that apply to you. The result is a score "
            "from 0 to 100; higher means safer."
        ),
        _(
            "“Not applicable” takes a question out of the calculation: it counts neither for nor "
            "against you."
        ),
        _(
            "“I don’t know” earns no points but is not counted as a failure: it becomes a "
            "find-out task. When half or more of the points in a theme are unknown, the theme is "
            "shown as “Unknown” instead of a level."
        ),
        _(
            "Some answers point to an acute risk, such as a current threat. They cap the level of "
            "the theme and of the whole scan, however high the score, and the report then starts "
            "with urgent help."
        ),
        _("Advice is chosen by your answers and sorted by priority; the top 3 come first."),
        _(
            "Notes you typed are not printed in this report, because they may hold sensitive "
            "details."
        ),
    )
