"""The report for one scan, in one language: :func:`build_report` makes its content.

From questionnaire + answers + evaluation to the plain values of :mod:`zelfscan.report.content`
(rendered by :mod:`zelfscan.report.pdf`): translated words, numbered advice in plan order,
groups per theme, find-out tasks, urgent help, the contacts that apply, and what changed since
the last scan.

Free-text notes are deliberately left out: they may hold details (names, routines) that the
user would not expect on a sheet of paper they hand to a gemeente or leave on a printer.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from functools import cache

from zelfscan.core.conditions import holds
from zelfscan.core.flow import effective_answers
from zelfscan.core.model import Answers, Contact, Level, Priority, Questionnaire
from zelfscan.core.results import Evaluation, Reason, SelectedAdvice
from zelfscan.i18n import N_, gettext_for
from zelfscan.report.content import (
    AdviceEntry,
    AdviceGroup,
    ContactEntry,
    Progress,
    ReasonLine,
    ReportDocument,
    TaskEntry,
    ThemeChange,
    ThemeRow,
    UrgentBlock,
)

Translate = Callable[[str], str]

PLAN_STATES = ("gedaan", "gepland", "nvt")
"""Values of ``plan_state``: done, planned, not applicable (the vault's action-plan progress)."""

LEVEL_WORDS: Mapping[Level, str] = {
    Level.GOED: N_("Good"),
    Level.AANDACHT: N_("Needs attention"),
    Level.RISICO: N_("At risk"),
    Level.ONBEKEND: N_("Unknown"),
}
PRIORITY_WORDS: Mapping[Priority, str] = {
    Priority.HOOG: N_("High"),
    Priority.MIDDEN: N_("Medium"),
    Priority.LAAG: N_("Low"),
}
PLAN_WORDS: Mapping[str, str] = {
    "gedaan": N_("done"),
    "gepland": N_("planned"),
    "nvt": N_("not applicable"),
}
CHANGE_WORDS: Mapping[str, str] = {
    "beter": N_("better"),
    "slechter": N_("worse"),
    "gelijk": N_("same"),
    "nieuw": N_("new"),
}
"""By :class:`zelfscan.core.progress.Trend` (a ``StrEnum``: its members are these strings)."""


@cache
def translator(lang: str) -> Translate:
    """The gettext function for ``lang``: the report renders in the language it is given."""
    return gettext_for(lang, "report").gettext


MONTHS_NL = (
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
)
MONTHS_EN = (
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
)


def date_label(moment: datetime, lang: str) -> str:
    """A written-out date ("3 november 2026"), independent of the process locale."""
    months = MONTHS_NL if lang == "nl" else MONTHS_EN
    return f"{moment.day} {months[moment.month - 1]} {moment.year}"


def _score(value: float | None) -> int | None:
    return None if value is None else round(value)


def _shown_score(value: float | None, level: Level) -> int | None:
    """No number next to *onbekend*: "0 van 100" would read as a failure, not as not knowing."""
    return None if level is Level.ONBEKEND else _score(value)


def _contact(contact: Contact, lang: str) -> ContactEntry:
    return ContactEntry(
        id=contact.id,
        name=contact.name.get(lang),
        offers=contact.offers.get(lang),
        contact=contact.contact.get(lang),
        stand_per=contact.stand_per,
        urgent=contact.urgent,
    )


def _reasons(reasons: tuple[Reason, ...], lang: str) -> tuple[ReasonLine, ...]:
    return tuple(
        ReasonLine(
            r.question.text.get(lang), ", ".join(label.get(lang) for label in r.answer_labels)
        )
        for r in reasons
    )


def _advice(
    number: int,
    advice: SelectedAdvice,
    questionnaire: Questionnaire,
    lang: str,
    _: Translate,
    plan_state: Mapping[str, str],
) -> AdviceEntry:
    section = questionnaire.section(advice.section)
    return AdviceEntry(
        number=number,
        id=advice.id,
        section_id=advice.section,
        section_title=section.title.get(lang) if section else advice.section,
        title=advice.title.get(lang),
        priority=advice.priority,
        priority_word=_(PRIORITY_WORDS[advice.priority]),
        why=advice.why.get(lang),
        steps=advice.how.get(lang),
        effort=advice.effort.get(lang),
        cost=advice.cost.get(lang),
        who=advice.who.get(lang),
        contacts=tuple(_contact(c, lang) for c in advice.contacts),
        reasons=_reasons(advice.reasons, lang),
        state=plan_state.get(advice.id) if plan_state.get(advice.id) in PLAN_STATES else None,
    )


def _themes(
    questionnaire: Questionnaire, evaluation: Evaluation, lang: str, _: Translate
) -> tuple[ThemeRow, ...]:
    rows = []
    for result in evaluation.sections:
        section = questionnaire.section(result.section_id)
        if section is None or section.profile:
            continue
        rows.append(
            ThemeRow(
                section_id=result.section_id,
                title=result.title.get(lang),
                score=_shown_score(result.score, result.level),
                level=result.level,
                level_word=_(LEVEL_WORDS[result.level]),
                unknown=result.unknown,
                applicable=result.applicable,
                capped=bool(result.capped_by),
                thresholds=section.thresholds or questionnaire.thresholds,
            )
        )
    return tuple(rows)


def _contacts(
    questionnaire: Questionnaire, answers: Answers, evaluation: Evaluation, lang: str
) -> tuple[ContactEntry, ...]:
    """Every contact that applies: its ``show_if`` holds, or an advice or red flag names it."""
    named = {c.id for a in evaluation.advice for c in a.contacts}
    named |= {c.id for c in evaluation.urgent_contacts}
    kept = effective_answers(questionnaire, answers)
    chosen = [
        c
        for c in questionnaire.contacts
        if c.id in named or c.show_if is None or holds(c.show_if, kept)
    ]
    chosen.sort(key=lambda c: not c.urgent)  # urgent help first; otherwise file order
    return tuple(_contact(c, lang) for c in chosen)


def _level_word(level: Level | None, _: Translate) -> str:
    return "–" if level is None else _(LEVEL_WORDS[level])


def _progress(
    questionnaire: Questionnaire,
    evaluation: Evaluation,
    previous: Evaluation | None,
    previous_advice_ids: Collection[str] | None,
    plan_state: Mapping[str, str],
    lang: str,
    _: Translate,
) -> Progress | None:
    """ "Wat is veranderd", from the same comparison the results page shows."""
    if previous is None and not plan_state:
        return None
    # Only a re-scan compares: a first report (and every CLI report) skips this import.
    from zelfscan.core.progress import compare

    titles = {a.id: a.title.get(lang) for a in questionnaire.advice}
    themes: list[ThemeChange] = []
    new_by_content: tuple[str, ...] = ()
    if previous is not None:
        known = titles.keys() if previous_advice_ids is None else previous_advice_ids
        comparison = compare(previous, evaluation, previous_advice_ids=known)
        new_by_content = tuple(titles[i] for i in comparison.new_by_content if i in titles)
        for change in comparison.themes:
            section = questionnaire.section(change.section_id)
            if section is None or section.profile:
                continue
            themes.append(
                ThemeChange(
                    section_id=change.section_id,
                    title=change.title.get(lang),
                    previous=_shown_score(change.before, change.level_before or Level.ONBEKEND),
                    current=_shown_score(change.after, change.level_after),
                    previous_level=_(LEVEL_WORDS[change.level_before])
                    if change.level_before
                    else "–",
                    current_level=_(LEVEL_WORDS[change.level_after]),
                    change=change.trend.value,
                    change_word=_(CHANGE_WORDS[change.trend]),
                )
            )
    titles = {a.id: a.title.get(lang) for a in questionnaire.advice}
    done = tuple(titles[i] for i, s in plan_state.items() if s == "gedaan" and i in titles)
    current = {a.id for a in evaluation.advice}
    planned = sum(1 for i in current if plan_state.get(i) == "gepland")
    not_applicable = sum(1 for i in current if plan_state.get(i) == "nvt")
    still_open = sum(1 for i in current if plan_state.get(i) not in PLAN_STATES)
    return Progress(tuple(themes), done, planned, not_applicable, still_open, new_by_content)


def build_report(
    questionnaire: Questionnaire,
    answers: Answers,
    evaluation: Evaluation,
    lang: str,
    *,
    created: datetime | None = None,
    previous: Evaluation | None = None,
    plan_state: Mapping[str, str] | None = None,
    previous_advice_ids: Collection[str] | None = None,
) -> ReportDocument:
    """The report for one scan, in ``lang``.

    ``created`` defaults to now (pass a fixed value for golden tests). ``previous`` (the last
    scan's evaluation) and ``plan_state`` (advice id -> ``gedaan``/``gepland``/``nvt``) add a
    "Wat is veranderd" section; both are optional. ``previous_advice_ids`` are the advice ids
    of the content version the previous scan used, to name advice that is new by content.
    Answers are only used for which contacts apply; notes and other free text are never
    copied into the report.
    """
    _ = translator(lang)
    moment = created or datetime.now().astimezone()
    state = plan_state or {}
    plan = tuple(
        _advice(n, a, questionnaire, lang, _, state)
        for n, a in enumerate(evaluation.advice, start=1)
    )
    by_id = {e.id: e for e in plan}
    groups: list[AdviceGroup] = []
    for section in questionnaire.sections:
        items = tuple(e for e in plan if e.section_id == section.id)
        if items:
            groups.append(AdviceGroup(section.id, section.title.get(lang), items))
    known = {s.id for s in questionnaire.sections}
    stray = tuple(e for e in plan if e.section_id not in known)
    if stray:  # advice pointing at an unknown theme still gets printed, never dropped
        groups.append(AdviceGroup("", _("Other advice"), stray))
    urgent = None
    if evaluation.red_flags:
        urgent = UrgentBlock(
            messages=tuple(dict.fromkeys(f.flag.message.get(lang) for f in evaluation.red_flags)),
            reasons=tuple(
                dict.fromkeys(
                    line for f in evaluation.red_flags for line in _reasons(f.reasons, lang)
                )
            ),
            contacts=tuple(_contact(c, lang) for c in evaluation.urgent_contacts),
        )
    tasks = []
    for task in evaluation.tasks:
        theme = questionnaire.section(task.question.section)
        tasks.append(
            TaskEntry(
                section_title=theme.title.get(lang) if theme else "",
                question=task.question.text.get(lang),
                # what applies if the answer turns out badly (FindOutTask.then, issue #14)
                task=" ".join([task.task.get(lang), *(c.line.get(lang) for c in task.then)]),
            )
        )
    return ReportDocument(
        lang=lang,
        questionnaire_id=questionnaire.id,
        title=questionnaire.title.get(lang),
        version=questionnaire.version,
        stand_per=questionnaire.stand_per,
        created=moment,
        created_label=date_label(moment, lang),
        overall_score=_shown_score(evaluation.overall_score, evaluation.overall_level),
        overall_level=evaluation.overall_level,
        overall_word=_(LEVEL_WORDS[evaluation.overall_level]),
        themes=_themes(questionnaire, evaluation, lang, _),
        top=tuple(by_id[a.id] for a in evaluation.top),
        plan=plan,
        groups=tuple(groups),
        tasks=tuple(tasks),
        urgent=urgent,
        contacts=_contacts(questionnaire, answers, evaluation, lang),
        thresholds=questionnaire.thresholds,
        about=questionnaire.about.get(lang) if questionnaire.about else "",
        progress=_progress(
            questionnaire, evaluation, previous, previous_advice_ids, state, lang, _
        ),
    )
