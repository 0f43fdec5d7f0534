"""Sentences the views share, built from document values only (no reportlab, no Qt).

The PDF, the HTML file and the results page print these exact words, so a sentence is
written once: the cover's "what this report holds", "why do I see this", dates.
"""

from __future__ import annotations

from datetime import datetime

from zelfscan.i18n import N_
from zelfscan.report.document import ReasonLine, ReportDocument
from zelfscan.report.words import Translate, date_label


def stand_per_label(stand_per: str, lang: str, *, short: bool = False) -> str:
    """ "2026-11-23" as "23 november 2026" (``short``: "23-11-2026", "23 Nov 2026");
    anything else as it is."""
    try:
        moment = datetime.strptime(stand_per, "%Y-%m-%d")
    except ValueError:
        return stand_per
    if not short:
        return date_label(moment, lang)
    if lang == "nl":
        return f"{moment.day}-{moment.month}-{moment.year}"
    return f"{moment.day} {date_label(moment, lang).split()[1][:3]} {moment.year}"


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
