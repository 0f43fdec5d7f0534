"""The one table of words and symbols for levels, priorities, changes and plan states.

Every view says the same: the results page, the print-out, the PDF and the HTML all take a
level's word and symbol from here, in the language they render (the ``report`` catalogue).
A level is never told by colour alone: the symbol and the word always go together.

The symbols are in DejaVu Sans (embedded in the PDF) and in the fonts Qt and browsers fall
back to on every desktop, and none of them has an emoji presentation by default. Screen
readers read the word: the HTML hides the symbol from them (``aria-hidden``) and the results
page names its widgets with the word only, so nobody hears "ballot x, At risk".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import NamedTuple

from zelfscan.core.model import Level, Priority
from zelfscan.i18n import N_, gettext_for

Translate = Callable[[str], str]


class Word(NamedTuple):
    """A msgid (English) and the symbol printed before it."""

    msgid: str
    symbol: str


LEVELS: dict[Level, Word] = {
    Level.GOED: Word(N_("Good"), "✓"),
    Level.AANDACHT: Word(N_("Needs attention"), "⚠"),
    Level.RISICO: Word(N_("At risk"), "✗"),
    Level.ONBEKEND: Word(N_("Unknown"), "?"),
}
"""✓ check mark, ⚠ warning sign, ✗ ballot x, ? question mark."""

PRIORITIES: dict[Priority, Word] = {
    Priority.HOOG: Word(N_("High"), "●●●"),
    Priority.MIDDEN: Word(N_("Medium"), "●●○"),
    Priority.LAAG: Word(N_("Low"), "●○○"),
}
"""Filled dots as a strength scale: readable at a glance in a long plan, also in grey."""

PRIORITY_GROUPS: dict[Priority, str] = {
    Priority.HOOG: N_("High priority: start with these"),
    Priority.MIDDEN: N_("Medium priority"),
    Priority.LAAG: N_("Low priority"),
}
"""Group headings in the action plan."""

CHANGES: dict[str, Word] = {
    "beter": Word(N_("Better"), "▲"),
    "slechter": Word(N_("Worse"), "▼"),
    "gelijk": Word(N_("Same"), "="),
    "nieuw": Word(N_("New"), "+"),
}
"""By :class:`zelfscan.core.progress.Trend` (a ``StrEnum``: its members are these strings)."""

PLAN_STATES: dict[str, Word] = {
    "gedaan": Word(N_("Done"), "☑"),
    "gepland": Word(N_("Planned"), "☐"),
    "nvt": Word(N_("Not applicable"), "–"),
}
"""The action plan's progress (``gedaan``/``gepland``/``nvt``); open is an empty box."""

BOX_OPEN = "☐"
BOX_DONE = "☑"

MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


@cache
def translator(lang: str) -> Translate:
    """The gettext function of the report catalogue in ``lang``."""
    return gettext_for(lang, "report").gettext


def level_word(level: Level, lang: str) -> str:
    return translator(lang)(LEVELS[level].msgid)


def level_text(level: Level, lang: str) -> str:
    """Symbol and word, e.g. "⚠ Aandacht nodig"."""
    return f"{LEVELS[level].symbol} {level_word(level, lang)}"


def priority_word(priority: Priority, lang: str) -> str:
    return translator(lang)(PRIORITIES[priority].msgid)


def priority_text(priority: Priority, lang: str) -> str:
    """Symbol and word, e.g. "●●○ Midden"."""
    return f"{PRIORITIES[priority].symbol} {priority_word(priority, lang)}"


def score_text(score: int | None, lang: str) -> str:
    """ "72 van 100", or "geen score" (never "0 van 100" for not knowing)."""
    _ = translator(lang)
    return _("no score") if score is None else _("{} of 100").format(score)


def shown_score(score: float | None, level: Level) -> int | None:
    """The rounded score, or None next to *onbekend*: "0 van 100" would read as a failure."""
    return None if score is None or level is Level.ONBEKEND else round(score)


def date_label(moment: datetime, lang: str) -> str:
    """A written-out date ("3 november 2026"), independent of the process locale."""
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{moment.day} {months[moment.month - 1]} {moment.year}"
