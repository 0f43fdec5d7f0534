"""What the engine tells about a set of answers: scores, levels, advice, tasks, red flags.

Plain frozen values, so the GUI, the CLI's JSON and the report model all show the same thing
and tests can assert on it without a display or a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from zelfscan.core.model import (
    AdviceItem,
    Contact,
    Level,
    Priority,
    Question,
    RedFlag,
    Text,
    TextList,
)


@dataclass(frozen=True, slots=True)
class Reason:
    """One answer that made an advice item or red flag appear ("waarom zie ik dit?")."""

    question: Question
    answer_labels: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class SectionResult:
    section_id: str
    title: Text
    score: float | None
    """0–100, or ``None`` when no scored question in the theme applies."""
    level: Level
    earned: float
    possible: float
    unknown_points: float
    """Points at stake in questions answered "weet ik niet"."""
    answered: int
    applicable: int
    """Visible scored questions that are not answered "n.v.t."."""
    unknown: int
    capped_by: tuple[str, ...] = ()
    """Ids of the red flags that capped this level."""


@dataclass(frozen=True, slots=True)
class SelectedAdvice:
    """An advice item that applies, with the role variant already merged in."""

    item: AdviceItem
    priority: Priority
    why: Text
    how: TextList
    effort: Text
    cost: Text
    who: Text
    contacts: tuple[Contact, ...]
    reasons: tuple[Reason, ...]

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def section(self) -> str:
        return self.item.section

    @property
    def title(self) -> Text:
        return self.item.title


@dataclass(frozen=True, slots=True)
class FindOutTask:
    """A "zoek uit"-task created by a "weet ik niet" answer."""

    question: Question
    task: Text


@dataclass(frozen=True, slots=True)
class TriggeredFlag:
    flag: RedFlag
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    questionnaire_id: str
    version: str
    overall_score: float | None
    overall_level: Level
    sections: tuple[SectionResult, ...]
    advice: tuple[SelectedAdvice, ...]
    """Ordered by priority, then theme order, then file order."""
    tasks: tuple[FindOutTask, ...]
    red_flags: tuple[TriggeredFlag, ...]
    urgent_contacts: tuple[Contact, ...]
    contacts: tuple[Contact, ...] = ()
    """Every contact whose ``show_if`` holds for these answers (or that has none), in file
    order: the "where to get help" list. Views show these and never check conditions again."""
    overall_capped_by: tuple[str, ...] = ()
    """Ids of the red flags that made the overall level worse than its score alone gives
    ("86 van 100 · Risico"): the reason to show next to the overall level. Empty when the
    score already gives that level or no flag holds."""

    @property
    def top(self) -> tuple[SelectedAdvice, ...]:
        """The top 3 shown first on the results page and in the report."""
        return self.advice[:3]

    def section(self, section_id: str) -> SectionResult | None:
        for s in self.sections:
            if s.section_id == section_id:
                return s
        return None
