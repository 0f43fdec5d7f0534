"""Sentences the views share, built from document values only (no reportlab, no Qt).

The PDF, the HTML file and the results page print these exact words, so a sentence is
written once: the cover's "what this report holds", "why do I see this", dates.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from zelfscan.i18n import N_
from zelfscan.report.document import ReasonLine, ReportDocument, Source
from zelfscan.report.words import Translate, date_label


@cache
def stand_per_label(stand_per: str, lang: str, *, short: bool = False) -> str:
    """ "2026-11-23" as "23 november 2026" (``short``: "23-11-2026", "23 Nov 2026");
    anything else as it is.

    Cached: a report asks for the same few dates hundreds of times (every source of every
    measure and contact has one), and ``strptime`` is slow."""
    try:
        moment = datetime.strptime(stand_per, "%Y-%m-%d")
    except ValueError:
        return stand_per
    if not short:
        return date_label(moment, lang)
    if lang == "nl":
        return f"{moment.day}-{moment.month}-{moment.year}"
    return f"{moment.day} {date_label(moment, lang).split()[1][:3]} {moment.year}"


def plan_intro(_: Translate) -> str:
    """The line above the action plan: what to fill in, and who can do a measure."""
    return _(
        "Tick off what you have done, and fill in who does it and when. Who: you, your "
        "household, your organisation (municipality, province or water authority) or a supplier."
    )


def why_you_see_this(reasons: tuple[ReasonLine, ...], _: Translate) -> str:
    """ "Why do I see this? You answered ‘No’ to ‘…’; ‘Yes’ to ‘…’." (empty without reasons)."""
    if not reasons:
        return ""
    answers = "; ".join(_("‘{}’ to ‘{}’").format(r.answer, r.question) for r in reasons)
    return _("Why do I see this? You answered {}.").format(answers)


def contents_line(doc: ReportDocument, full: bool, _: Translate) -> str:
    """What this report holds, in one or two sentences for the cover."""
    h = doc.headings
    parts = [h.summary, h.top, h.plan, h.help]
    appendices = ([h.details] if full else []) + ([h.tasks] if doc.tasks else []) + [h.method]
    text = _("{main}. Appendices: {appendices}.").format(
        main=", ".join(parts), appendices=", ".join(appendices)
    )
    if not full:
        text += " " + _(
            "The full report also explains every measure: why, how, effort, cost and who can help."
        )
    return text


def content_version(doc: ReportDocument, _: Translate) -> str:
    return _("version {}, facts checked on {}").format(
        doc.version, stand_per_label(doc.stand_per, doc.lang)
    )


KEEP_SAFE = N_(
    "It does not tell you that you are safe. Keep this report in a safe place and share it "
    "only with people you trust."
)
"""A msgid: translate it with the report catalogue."""


def small_print(doc: ReportDocument, _: Translate) -> str:
    """The cover's small print: what Zelfscan is and is not, in short, and keep it safe."""
    return f"{doc.method.statement.short} {_(KEEP_SAFE)}"


BARS_NOTE = N_(
    "Each bar runs from 0 to 100. The dashed lines are the thresholds: from the "
    "first line a theme “Needs attention”, from the second it is “Good”."
)


def source_line(source: Source, _: Translate) -> str:
    """ "Bron: Kamerbrief 14 maart 2023, rijksoverheid.nl (stand per 23 november 2026)"."""
    where = ", ".join(x for x in (source.title, source.address) if x)
    return _("Source: {} (as of {})").format(where, source.stand_per)


def usual_date(sources: tuple[Source, ...]) -> str:
    """The "stand per" date most sources share: said once above the list."""
    dates = [s.stand_per for s in sources]
    return max(dict.fromkeys(dates), key=dates.count) if dates else ""


def source_entry(source: Source, usual: str, _: Translate) -> str:
    """A line of the sources list: title and address; the date only when it is not ``usual``."""
    where = " — ".join(x for x in (source.title, source.address) if x)
    if source.stand_per == usual:
        return where
    return _("{} (as of {})").format(where, source.stand_per)
