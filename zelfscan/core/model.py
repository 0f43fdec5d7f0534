"""The questionnaire model: frozen, typed values built once by the loader.

Everything downstream (flow, scoring, advice, report, GUI) reads these types and never
the raw YAML, so the format can evolve in one place (the loader) while this stays stable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""Every text in a questionnaire must exist in each of these languages."""

UNKNOWN = "weet-niet"
"""Reserved option id for "weet ik niet": earns nothing, counts as unknown, creates a task."""

NOT_APPLICABLE = "nvt"
"""Reserved option id for "n.v.t.": the question leaves the denominator."""


@dataclass(frozen=True, slots=True)
class Text:
    """A text in every supported language (``{nl: ..., en: ...}`` in the YAML)."""

    values: Mapping[str, str]

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to Dutch (the content's source language)."""
        return self.values.get(lang) or self.values.get("nl", "")


@dataclass(frozen=True, slots=True)
class TextList:
    """A list of short texts per language, e.g. the steps of an advice item."""

    values: Mapping[str, tuple[str, ...]]

    def get(self, lang: str) -> tuple[str, ...]:
        return self.values.get(lang) or self.values.get("nl", ())


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact, a route or a contact detail comes from (the file's ``sources:`` list).

    Elements cite sources by id; the loader puts the :class:`Source` itself on the element
    (``Contact.sources``, ``AdviceItem.sources``, ``Question.sources``, ...), so a renderer
    can print "Bron: <title>, <address> (stand per <stand_per>)" without a lookup.
    """

    id: str
    title: Text
    """What the source is, e.g. "Kamerbrief 14 maart 2023" (the same in both languages is fine)."""
    address: str
    """Where to find it: a web address or a publication reference ("Stcrt. 2023, 28233")."""
    stand_per: str
    """The date (YYYY-MM-DD) the fact was last checked against this source."""


# --- conditions ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerIn:
    """True when the answer to ``question`` is (for a checklist: includes) one of ``options``."""

    question: str
    options: frozenset[str]


@dataclass(frozen=True, slots=True)
class AllOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    condition: Condition


Condition: TypeAlias = AnswerIn | AllOf | AnyOf | Not


# --- questions ----------------------------------------------------------------------------


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    YESNO = "yesno"
    TEXT = "text"


class Level(StrEnum):
    """A level in words; the order below is from best to worst, ``onbekend`` apart."""

    GOED = "goed"
    AANDACHT = "aandacht"
    RISICO = "risico"
    ONBEKEND = "onbekend"


class Priority(StrEnum):
    HOOG = "hoog"
    MIDDEN = "midden"
    LAAG = "laag"


PRIORITY_ORDER: Mapping[Priority, int] = {Priority.HOOG: 0, Priority.MIDDEN: 1, Priority.LAAG: 2}


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: Text
    points: float | None
    """Higher is safer; ``None`` means the option is not scored."""
    exclusive: bool = False
    """For multiple choice: selecting it clears (and is cleared by) every other option."""

    @property
    def is_unknown(self) -> bool:
        return self.id == UNKNOWN

    @property
    def is_not_applicable(self) -> bool:
        return self.id == NOT_APPLICABLE


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    text: Text
    section: str
    required: bool
    options: tuple[Option, ...] = ()
    help: Text | None = None
    """"Waarom vragen we dit?": one or two sentences, opened on demand."""
    find_out: Text | None = None
    """The concrete find-out task shown when the user answers "weet ik niet"."""
    show_if: Condition | None = None
    line: int = 0
    """1-based line in the source file, for messages that point an editor to it."""
    sources: tuple[Source, ...] = ()
    """Sources of the facts in ``text``, ``help`` and ``find_out``."""

    def option(self, option_id: str) -> Option | None:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        return None

    @property
    def scored(self) -> bool:
        return any(o.points is not None for o in self.options)

    @property
    def max_points(self) -> float:
        """Points a fully safe answer earns: the best option, or for a checklist all of them."""
        scored = [o.points for o in self.options if o.points is not None and not o.exclusive]
        if self.type is QuestionType.MULTIPLE:
            return float(sum(p for p in scored if p > 0))
        every = [o.points for o in self.options if o.points is not None]
        return float(max(every, default=0.0))


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score >= ``goed`` is *goed*; >= ``aandacht`` is *aandacht*; lower is *risico*."""

    goed: float
    aandacht: float

    def level(self, score: float) -> Level:
        if score >= self.goed:
            return Level.GOED
        if score >= self.aandacht:
            return Level.AANDACHT
        return Level.RISICO


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]
    profile: bool = False
    """Profile sections shape the rest (role, household) and are never scored."""
    intro: Text | None = None
    thresholds: Thresholds | None = None
    trainer_notes: Text | None = None
    discussion: Text | None = None
    show_if: Condition | None = None
    sources: tuple[Source, ...] = ()
    """Sources of the facts in ``intro``, ``trainer_notes`` and ``discussion``."""


@dataclass(frozen=True, slots=True)
class Variant:
    """A role- or situation-dependent override of parts of an advice item; first match wins."""

    when: Condition
    why: Text | None = None
    how: TextList | None = None
    effort: Text | None = None
    cost: Text | None = None
    who: Text | None = None
    contacts: tuple[str, ...] | None = None
    sources: tuple[Source, ...] = ()
    """Sources of facts the variant adds; the item's own sources apply too."""
    priority: Priority | None = None
    """A different priority in this situation (e.g. a public agenda with an ondermijning
    dossier); ``None`` keeps the item's own."""


@dataclass(frozen=True, slots=True)
class AdviceItem:
    id: str
    section: str
    priority: Priority
    when: Condition
    title: Text
    """What to do, as one imperative line."""
    why: Text
    how: TextList
    effort: Text
    cost: Text
    who: Text
    """Who can help, in words."""
    contacts: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()
    tags: frozenset[str] = frozenset()
    """Kinds of measure (e.g. ``bouwkundig``) that :class:`Addition` texts attach to."""
    line: int = 0
    sources: tuple[Source, ...] = ()
    """Sources of the facts in the item's texts."""
    done_if: Condition | None = None
    """The answers that say the measure is already there. The validator proves that ``when``
    and ``done_if`` can never hold together, so the advice never contradicts an answer."""


@dataclass(frozen=True, slots=True)
class Addition:
    """Text added to every advice item with one of ``tags`` when ``when`` holds.

    Funding routes and landlord's consent apply to many measures at once: written once here
    instead of in a variant of every item, and every matching addition applies (variants pick
    one). Applied after the variant, in file order.
    """

    id: str
    tags: frozenset[str]
    when: Condition
    why: Text | None = None
    how: TextList | None = None
    effort: Text | None = None
    cost: Text | None = None
    who: Text | None = None
    contacts: tuple[str, ...] = ()
    line: int = 0
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class RedFlag:
    id: str
    when: Condition
    message: Text
    cap: Level
    """The worst level this flag allows: the section and the overall level are capped to it."""
    section: str
    line: int = 0
    reason: Text | None = None
    """One short sentence that says why a level is capped, usable after "Niveau begrensd:"
    ("u gaf aan dat u nu bedreigd wordt"). Required in the YAML."""
    raises: tuple[str, ...] = ()
    """Ids of the advice items that protect against this risk: while the flag is active they
    get priority ``hoog`` and come first, in this order (see :mod:`zelfscan.core.advice`)."""
    contacts: tuple[str, ...] = ()
    """Ids of the urgent contacts to show for this flag; empty means every urgent contact."""
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Contact:
    """An organisation that can help, printed in the report and shown in the urgent panel."""

    id: str
    name: Text
    offers: Text
    contact: Text
    """Phone number or website, only where the brief marks it as sourced."""
    stand_per: str
    urgent: bool = False
    show_if: Condition | None = None
    sources: tuple[Source, ...] = ()
    """Where the contact detail and the offer come from (at least one; the validator checks)."""


@dataclass(frozen=True, slots=True)
class Persona:
    """A demo person for training mode: nobody has to reveal their own situation."""

    id: str
    name: Text
    description: Text
    answers: Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class ThemeBrief:
    """What a trainer needs for one theme (section) of a session (``training: themes:``)."""

    section: str
    minutes: int
    """Time planned for the theme in the session."""
    key_message: Text
    """The one thing the room should remember about this theme."""
    prompts: tuple[Text, ...]
    """Questions for the room, in the order a trainer would ask them (at least two)."""


@dataclass(frozen=True, slots=True)
class ScriptStep:
    """One block of the session script (``training: script:``), in the order they happen."""

    id: str
    minutes: int
    title: Text
    what: Text
    """What the trainer does in this block, in a sentence or two."""
    section: str | None = None
    """The theme this block discusses, if it is one (then its brief applies)."""


@dataclass(frozen=True, slots=True)
class Poll:
    """A question for the anonymous room poll; its options are the question's own options."""

    id: str
    question: str


@dataclass(frozen=True, slots=True)
class Training:
    """The session structure for trainers (``training:``): timing, key messages, prompts,
    polls and a script. Read by the trainer console, the trainer pack and ``show --json``."""

    minutes: int
    key_message: Text
    script: tuple[ScriptStep, ...]
    themes: tuple[ThemeBrief, ...] = ()
    polls: tuple[Poll, ...] = ()

    def theme(self, section_id: str) -> ThemeBrief | None:
        for brief in self.themes:
            if brief.section == section_id:
                return brief
        return None


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    version: str
    schema_version: int
    title: Text
    intro: Text
    minutes: int
    stand_per: str
    thresholds: Thresholds
    sections: tuple[Section, ...]
    advice: tuple[AdviceItem, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    contacts: tuple[Contact, ...] = ()
    personas: tuple[Persona, ...] = ()
    additions: tuple[Addition, ...] = ()
    about: Text | None = None
    """How the scan works and its limits, in the content's own words."""
    draft: bool = False
    """``draft: true``: work in progress; English may still be missing (the Dutch stands in)
    and the start screen marks the scan as a draft."""
    sources: tuple[Source, ...] = ()
    """Every source the file cites (its ``sources:`` list), in file order."""
    about_sources: tuple[Source, ...] = ()
    """Sources of the facts in ``intro`` and ``about``."""
    training: Training | None = None
    """The session structure for trainers, if the file has one."""
    source: str = ""
    _questions: Mapping[str, Question] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {q.id: q for s in self.sections for q in s.questions}
        object.__setattr__(self, "_questions", index)

    @property
    def questions(self) -> Mapping[str, Question]:
        return self._questions

    def section(self, section_id: str) -> Section | None:
        for s in self.sections:
            if s.id == section_id:
                return s
        return None

    def contact(self, contact_id: str) -> Contact | None:
        for c in self.contacts:
            if c.id == contact_id:
                return c
        return None


AnswerValue: TypeAlias = str | tuple[str, ...]
"""An option id (single, yes/no), a tuple of option ids (multiple) or free text (text)."""

Answers: TypeAlias = Mapping[str, AnswerValue]
