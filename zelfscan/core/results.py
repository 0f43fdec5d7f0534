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
    Option,
    Priority,
    Question,
    RedFlag,
    Source,
    Text,
    TextList,
)


@dataclass(frozen=True, slots=True)
class Reason:
    """One answer that made an advice item or red flag appear ("waarom zie ik dit?").

    For a test under ``not`` this is the actual answer that made the inner test false (e.g.
    the ticked measures, which show what is missing). ``answer_ids`` are the option ids of
    ``answer_labels`` in the same order (``score --json`` prints them as ``why``).
    """

    question: Question
    answer_labels: tuple[Text, ...]
    answer_ids: tuple[str, ...] = ()


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
    """An advice item that applies, with the role variant and the additions merged in.

    ``priority`` is the priority shown: the item's own (``item.priority``, or its variant's
    when that sets one), or ``hoog`` when an active red flag raises it (``raised_by`` names
    those flags; such items come first).
    ``reasons`` is never empty. ``sources`` are the item's, its variant's and its additions'
    sources, without repeats, for a "Bronnen" line under the advice.
    """

    item: AdviceItem
    priority: Priority
    why: Text
    how: TextList
    effort: Text
    cost: Text
    who: Text
    contacts: tuple[Contact, ...]
    reasons: tuple[Reason, ...]
    raised_by: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def section(self) -> str:
        return self.item.section

    @property
    def title(self) -> Text:
        return self.item.title

    @property
    def raised(self) -> bool:
        """Whether an active red flag raised this item above its own priority."""
        return bool(self.raised_by)


@dataclass(frozen=True, slots=True)
class ConditionalAdvice:
    """Advice that applies only if a "weet ik niet" answer turns out a certain way.

    It is part of a find-out task, not an action: ``line`` is ready to print under the task
    ("Blijkt het ‘Nee’? Doe dan dit: Zet tweestapsverificatie aan."). ``options`` are the
    answers to ``question`` that would make it apply; when ``missing`` is true the line says
    instead that these options must turn out *not* to be there (shorter to read).
    ``advice`` is the item as it would apply (variant merged, reasons: the known answers and
    the "weet ik niet").
    """

    advice: SelectedAdvice
    question: Question
    options: tuple[Option, ...]
    missing: bool
    line: Text


@dataclass(frozen=True, slots=True)
class FindOutTask:
    """A "zoek uit"-task created by a "weet ik niet" answer.

    ``then`` lists the advice that applies depending on what the person finds out, in
    display order; present it under the task ("Blijkt ...? Doe dan dit: ...").
    """

    question: Question
    task: Text
    then: tuple[ConditionalAdvice, ...] = ()


@dataclass(frozen=True, slots=True)
class TriggeredFlag:
    """A red flag that holds, with the answers that set it off.

    ``contacts`` are the urgent contacts to show for it (its own list, or every urgent
    contact), those whose ``show_if`` holds. ``flag.reason`` is the short text for "Niveau
    begrensd: ..." next to every level this flag capped (``SectionResult.capped_by``).
    """

    flag: RedFlag
    reasons: tuple[Reason, ...]
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True, slots=True)
class Evaluation:
    questionnaire_id: str
    version: str
    overall_score: float | None
    overall_level: Level
    sections: tuple[SectionResult, ...]
    advice: tuple[SelectedAdvice, ...]
    """Ordered: first what an active red flag raises (its ``raises`` order), then by priority,
    theme order and file order (``questionnaires/README.md``, "Priority policy")."""
    tasks: tuple[FindOutTask, ...]
    """Find-out tasks in questionnaire order, those with raised advice first."""
    red_flags: tuple[TriggeredFlag, ...]
    urgent_contacts: tuple[Contact, ...]
    """For the urgent-help panel: the contacts of the active red flags (file order of the
    contacts); with no active flag, every urgent contact that applies."""
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
