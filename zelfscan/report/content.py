"""The report's content: everything the PDF shows, as plain immutable values in one language.

:func:`zelfscan.report.document.build_report` makes these from questionnaire + answers +
evaluation; :mod:`zelfscan.report.pdf` lays them out. Keeping them free of reportlab lets tests
assert on the content (which advice, which reasons, which contacts) without parsing a PDF, and
lets the renderer stay a dumb layout of strings.

They are named tuples rather than frozen dataclasses: as immutable, and ~10× cheaper to
define (a frozen dataclass compiles six methods at import; ten of them were ~7 ms of every
``zelfscan-cli report``, design.md §5).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from zelfscan.core.model import Level, Priority, Thresholds


class ThemeRow(NamedTuple):
    """One theme in the summary: score, level in words, and how much is still unknown."""

    section_id: str
    title: str
    score: int | None
    level: Level
    level_word: str
    unknown: int
    applicable: int
    capped: bool
    thresholds: Thresholds


class ContactEntry(NamedTuple):
    id: str
    name: str
    offers: str
    contact: str
    stand_per: str
    urgent: bool


class ReasonLine(NamedTuple):
    """ "Waarom zie ik dit?": a question and the answer that was given."""

    question: str
    answer: str


class AdviceEntry(NamedTuple):
    """One measure: numbered in plan order so the plan table can point to its details."""

    number: int
    id: str
    section_id: str
    section_title: str
    title: str
    priority: Priority
    priority_word: str
    why: str
    steps: tuple[str, ...]
    effort: str
    cost: str
    who: str
    contacts: tuple[ContactEntry, ...]
    reasons: tuple[ReasonLine, ...]
    state: str | None = None
    """``gedaan``, ``gepland`` or ``nvt`` from the action-plan progress, if known."""


class AdviceGroup(NamedTuple):
    section_id: str
    title: str
    items: tuple[AdviceEntry, ...]


class TaskEntry(NamedTuple):
    """A "zoek uit"-task from a "weet ik niet" answer."""

    section_title: str
    question: str
    task: str


class UrgentBlock(NamedTuple):
    messages: tuple[str, ...]
    reasons: tuple[ReasonLine, ...]
    contacts: tuple[ContactEntry, ...]


class ThemeChange(NamedTuple):
    section_id: str
    title: str
    previous: int | None
    current: int | None
    previous_level: str
    current_level: str
    change: str
    """``beter``, ``slechter``, ``gelijk`` or ``nieuw``: :class:`zelfscan.core.progress.Trend`."""
    change_word: str


class Progress(NamedTuple):
    """Re-scan comparison and action-plan progress ("Wat is veranderd")."""

    themes: tuple[ThemeChange, ...]
    done: tuple[str, ...]
    """Titles of the actions marked done, including ones the new answers no longer trigger."""
    planned: int
    not_applicable: int
    open: int
    new_by_content: tuple[str, ...] = ()
    """Titles of advice that is new because the scan's content changed, not the answers."""


class ReportDocument(NamedTuple):
    lang: str
    questionnaire_id: str
    title: str
    version: str
    stand_per: str
    created: datetime
    created_label: str
    overall_score: int | None
    overall_level: Level
    overall_word: str
    themes: tuple[ThemeRow, ...]
    top: tuple[AdviceEntry, ...]
    plan: tuple[AdviceEntry, ...]
    groups: tuple[AdviceGroup, ...]
    tasks: tuple[TaskEntry, ...]
    urgent: UrgentBlock | None
    contacts: tuple[ContactEntry, ...]
    thresholds: Thresholds
    about: str
    progress: Progress | None = None
