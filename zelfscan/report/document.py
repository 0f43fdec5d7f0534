"""The report document: what every view shows, in which order, with which words and symbols.

:func:`zelfscan.report.build.build_report` makes one from an evaluation, in one language;
the PDF (:mod:`zelfscan.report.pdf`), the HTML file (:mod:`zelfscan.report.html`), the
print-out and the results page only lay it out. They never look at answers, conditions or
scores themselves, so they can not drift apart.

The parts, in reading order: the cover facts and urgent help, the summary (overall level with
the reason when a red flag capped it, one row per theme), what changed since the last scan,
the top 3, the action plan (grouped by priority), who can help; then, as appendices, the
explanation per measure (grouped by theme), the find-out tasks and how the scan works.

Plain immutable values (named tuples: as immutable as frozen dataclasses and much cheaper to
define at import). Free-text notes are never copied in: they may hold names or routines the
user would not expect on paper they hand to a gemeente.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from zelfscan.about import Statement
from zelfscan.core.model import Level, Priority


class ReasonLine(NamedTuple):
    """ "Waarom zie ik dit?": a question and the answer that was given."""

    question: str
    answer: str


class Source(NamedTuple):
    """Where a fact or a contact's details come from, and when they were checked."""

    title: str
    address: str
    stand_per: str
    """As the reader sees it ("23 november 2026")."""


class Rating(NamedTuple):
    """A level as every view shows it: symbol, word and score, and why when a red flag set it."""

    level: Level
    word: str
    symbol: str
    score: int | None
    """Rounded 0–100; None next to *onbekend* and when nothing applies."""
    score_text: str
    """ "72 van 100" or "geen score"."""
    reason: str = ""
    """One sentence when a red flag set this level whatever the score, else empty."""

    @property
    def text(self) -> str:
        """Symbol and word: "⚠ Aandacht nodig"."""
        return f"{self.symbol} {self.word}"


class ThemeRow(NamedTuple):
    section_id: str
    title: str
    rating: Rating
    unknown: int
    """Questions answered "weet ik niet"."""
    applicable: int
    goed: float
    """Thresholds of this theme: from ``goed`` it is *goed*, from ``aandacht`` *aandacht*."""
    aandacht: float


class ContactEntry(NamedTuple):
    id: str
    name: str
    offers: str
    contact: str
    stand_per: str
    urgent: bool
    sources: tuple[Source, ...] = ()


class AdviceEntry(NamedTuple):
    """One measure, numbered in plan order so the plan and the details point to each other."""

    number: int
    id: str
    section_id: str
    section_title: str
    title: str
    priority: Priority
    priority_word: str
    priority_symbol: str
    why: str
    steps: tuple[str, ...]
    effort: str
    cost: str
    who: str
    contacts: tuple[ContactEntry, ...]
    reasons: tuple[ReasonLine, ...]
    state: str | None = None
    """``gedaan``, ``gepland`` or ``nvt`` from the action-plan progress, if known."""
    state_word: str = ""
    plan_note: str = ""
    """The plan's second line: the theme, and "gepland"/"n.v.t." when so marked."""
    raised: str = ""
    """Why the priority is higher than usual (a red flag), as one sentence; else empty."""
    sources: tuple[Source, ...] = ()

    @property
    def priority_text(self) -> str:
        return f"{self.priority_symbol} {self.priority_word}"


class PlanGroup(NamedTuple):
    """The action plan's rows of one priority, with their heading."""

    priority: Priority
    title: str
    items: tuple[AdviceEntry, ...]


class ThemeGroup(NamedTuple):
    """The explanations of one theme (appendix of the full report)."""

    section_id: str
    title: str
    items: tuple[AdviceEntry, ...]


class TaskEntry(NamedTuple):
    """A "zoek uit"-task from a "weet ik niet" answer."""

    section_title: str
    question: str
    task: str
    then: tuple[str, ...] = ()
    """What to do if the answer turns out badly ("Blijkt het ‘Nee’? Doe dan dit: …")."""


class TaskGroup(NamedTuple):
    """The find-out tasks of one theme."""

    title: str
    items: tuple[TaskEntry, ...]


class UrgentBlock(NamedTuple):
    messages: tuple[str, ...]
    reasons: tuple[ReasonLine, ...]
    contacts: tuple[ContactEntry, ...]


class ThemeChange(NamedTuple):
    section_id: str
    title: str
    before: Rating | None
    """None when the theme was not in the previous scan."""
    after: Rating
    change: str
    """``beter``, ``slechter``, ``gelijk`` or ``nieuw``: :class:`zelfscan.core.progress.Trend`."""
    change_word: str
    change_symbol: str


class Progress(NamedTuple):
    """Re-scan comparison and action-plan progress ("Wat is veranderd")."""

    themes: tuple[ThemeChange, ...]
    done_before: tuple[str, ...]
    """Titles of the actions marked done in the previous scan."""
    done: int
    planned: int
    not_applicable: int
    open: int
    """Counts over this scan's actions, from the action-plan progress."""
    new_by_content: tuple[str, ...] = ()
    """Titles of advice that is new because the scan's content changed, not the answers."""


class ThresholdRow(NamedTuple):
    title: str
    goed: float
    aandacht: float


class Method(NamedTuple):
    """How the scan works, its limits, and what Zelfscan is and is not."""

    rules: tuple[str, ...]
    thresholds: tuple[ThresholdRow, ...]
    about: str
    """The content's own words on what the scan covers."""
    limits: str
    statement: Statement
    """What Zelfscan is and is not, with the official routes (:mod:`zelfscan.about`); its
    short form is the cover's small print."""


class Headings(NamedTuple):
    """The part titles, the same in every view."""

    summary: str
    changes: str
    top: str
    plan: str
    help: str
    details: str
    tasks: str
    method: str
    urgent: str


class ReportDocument(NamedTuple):
    lang: str
    questionnaire_id: str
    title: str
    version: str
    stand_per: str
    created: datetime
    created_label: str
    headings: Headings
    overall: Rating
    themes: tuple[ThemeRow, ...]
    top: tuple[AdviceEntry, ...]
    plan: tuple[AdviceEntry, ...]
    """Every measure, in priority order (numbered 1…n)."""
    plan_groups: tuple[PlanGroup, ...]
    theme_groups: tuple[ThemeGroup, ...]
    tasks: tuple[TaskEntry, ...]
    task_groups: tuple[TaskGroup, ...]
    """The same tasks, per theme in scan order."""
    urgent: UrgentBlock | None
    contacts: tuple[ContactEntry, ...]
    """The contacts for this person first: urgent help, then those the measures name."""
    other_contacts: tuple[ContactEntry, ...]
    """The other contacts that apply (``Evaluation.contacts``), listed briefly."""
    sources: tuple[Source, ...]
    """Every source behind the contacts and the measures in this report, once each."""
    method: Method
    progress: Progress | None = None
    demo: str = ""
    """The demo person's name when this is training output about a made-up person: every
    view then says VOORBEELD (example) where it would say "personal and confidential"."""
