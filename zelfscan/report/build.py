"""From an evaluation to the report document (:mod:`zelfscan.report.document`), once.

Everything the views show is decided here, from the engine's :class:`Evaluation` only:
translated words and symbols (:mod:`zelfscan.report.words`), numbered advice in plan order,
groups per priority and per theme, find-out tasks, urgent help, the contacts that apply (the
engine's ``Evaluation.contacts``; no condition is checked again), the reason a red flag
capped a level, and what changed since the last scan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from typing import NamedTuple

from zelfscan.about import statement
from zelfscan.core.model import Contact, Level, Questionnaire
from zelfscan.core.model import Source as CoreSource
from zelfscan.core.results import Evaluation, Reason, SelectedAdvice, TriggeredFlag
from zelfscan.report.document import (
    AdviceEntry,
    ContactEntry,
    Headings,
    Method,
    PlanGroup,
    Progress,
    Rating,
    ReasonLine,
    ReportDocument,
    Source,
    TaskEntry,
    TaskGroup,
    ThemeChange,
    ThemeGroup,
    ThemeRow,
    ThresholdRow,
    UrgentBlock,
)
from zelfscan.report.method import method_rules
from zelfscan.report.phrases import stand_per_label
from zelfscan.report.words import (
    CHANGES,
    LEVELS,
    PLAN_STATES,
    PRIORITIES,
    PRIORITY_GROUPS,
    Translate,
    date_label,
    score_text,
    shown_score,
    translator,
)


class PreviousScan(NamedTuple):
    """The last finished scan of the same kind, for "Wat is veranderd"."""

    evaluation: Evaluation
    advice_ids: Collection[str] | None = None
    """All advice ids of the content version it was made with (None: unknown, then no
    advice is called new because of the content)."""
    plan: Mapping[str, str] = {}
    """Its action-plan progress (advice id -> ``gedaan``/``gepland``/``nvt``)."""


def _reasons(reasons: Iterable[Reason], lang: str) -> tuple[ReasonLine, ...]:
    lines = (
        ReasonLine(
            r.question.text.get(lang), ", ".join(label.get(lang) for label in r.answer_labels)
        )
        for r in reasons
    )
    return tuple(dict.fromkeys(lines))


def _rating(
    level: Level,
    score: float | None,
    lang: str,
    _: Translate,
    capping: Iterable[TriggeredFlag] = (),
    *,
    overall: bool = False,
) -> Rating:
    shown = shown_score(score, level)
    word = _(LEVELS[level].msgid)
    reason = ""
    lines = _reasons((r for f in capping for r in f.reasons), lang)
    if overall and level is Level.ONBEKEND and score is not None:
        reason = _(
            "Unknown, because you answered “I don’t know” to questions worth half or more of "
            "the points. Finding out is the first step: see the find-out tasks."
        )
    flags = list(capping)
    told = [f.flag.reason.get(lang) for f in flags if f.flag.reason is not None]
    if flags and len(told) == len(flags):  # the content's own words: "u wordt nu bedreigd"
        reason = _("{level} whatever the score: {why}.").format(
            level=word, why="; ".join(dict.fromkeys(t.rstrip(".") for t in told))
        )
    elif lines:
        answers = "; ".join(_("‘{}’ to ‘{}’").format(r.answer, r.question) for r in lines)
        reason = _("{level} whatever the score, because you answered {answers}.").format(
            level=word, answers=answers
        )
    return Rating(level, word, LEVELS[level].symbol, shown, score_text(shown, lang), reason)


def _source(source: CoreSource, lang: str) -> Source:
    return Source(source.title.get(lang), source.address, stand_per_label(source.stand_per, lang))


def _raised(advice: SelectedAdvice, flags: Mapping[str, TriggeredFlag], lang: str) -> str:
    """Why a red flag raised this measure's priority, in one sentence (empty if it did not)."""
    _ = translator(lang)
    raising = [flags[i] for i in advice.raised_by if i in flags]
    if not raising:
        return ""
    told = [f.flag.reason.get(lang) for f in raising if f.flag.reason is not None]
    if len(told) == len(raising):
        return _("Higher priority than usual: {}.").format(
            "; ".join(dict.fromkeys(t.rstrip(".") for t in told))
        )
    lines = _reasons((r for f in raising for r in f.reasons), lang)
    answers = "; ".join(_("‘{}’ to ‘{}’").format(r.answer, r.question) for r in lines)
    return _("Higher priority than usual, because you answered {}.").format(answers)


def _contact(contact: Contact, lang: str) -> ContactEntry:
    return ContactEntry(
        id=contact.id,
        name=contact.name.get(lang),
        offers=contact.offers.get(lang),
        contact=contact.contact.get(lang),
        stand_per=contact.stand_per,
        urgent=contact.urgent,
        sources=tuple(_source(s, lang) for s in contact.sources),
    )


def _advice(
    number: int,
    advice: SelectedAdvice,
    questionnaire: Questionnaire,
    lang: str,
    _: Translate,
    plan_state: Mapping[str, str],
    flags: Mapping[str, TriggeredFlag],
) -> AdviceEntry:
    section = questionnaire.section(advice.section)
    section_title = section.title.get(lang) if section else advice.section
    state = plan_state.get(advice.id)
    state = state if state in PLAN_STATES else None
    state_word = _(PLAN_STATES[state].msgid) if state else ""
    # theme and progress only: effort and cost made most rows three lines long, and the
    # plan is a checklist (the top 3 and the full report give effort and cost)
    note = (section_title, state_word if state in ("gepland", "nvt") else "")
    return AdviceEntry(
        number=number,
        id=advice.id,
        section_id=advice.section,
        section_title=section_title,
        title=advice.title.get(lang),
        priority=advice.priority,
        priority_word=_(PRIORITIES[advice.priority].msgid),
        priority_symbol=PRIORITIES[advice.priority].symbol,
        why=advice.why.get(lang),
        steps=advice.how.get(lang),
        effort=advice.effort.get(lang),
        cost=advice.cost.get(lang),
        who=advice.who.get(lang),
        contacts=tuple(_contact(c, lang) for c in advice.contacts),
        reasons=_reasons(advice.reasons, lang),
        state=state,
        state_word=state_word,
        plan_note=" · ".join(x for x in note if x),
        raised=_raised(advice, flags, lang),
        sources=tuple(_source(s, lang) for s in advice.sources),
    )


def _themes(
    questionnaire: Questionnaire, evaluation: Evaluation, lang: str, _: Translate
) -> tuple[ThemeRow, ...]:
    flags = {f.flag.id: f for f in evaluation.red_flags}
    rows = []
    for result in evaluation.sections:
        section = questionnaire.section(result.section_id)
        if section is None or section.profile:
            continue
        # a flag explains the level only when it is the level the flag allows
        capping = [
            flags[i] for i in result.capped_by if i in flags and flags[i].flag.cap is result.level
        ]
        thresholds = section.thresholds or questionnaire.thresholds
        rows.append(
            ThemeRow(
                section_id=result.section_id,
                title=result.title.get(lang),
                rating=_rating(result.level, result.score, lang, _, capping),
                unknown=result.unknown,
                applicable=result.applicable,
                goed=thresholds.goed,
                aandacht=thresholds.aandacht,
            )
        )
    return tuple(rows)


def _plan_groups(plan: tuple[AdviceEntry, ...], _: Translate) -> tuple[PlanGroup, ...]:
    """Consecutive runs of one priority (the engine orders by priority)."""
    groups: list[PlanGroup] = []
    for entry in plan:
        if groups and groups[-1].priority is entry.priority:
            last = groups[-1]
            groups[-1] = last._replace(items=(*last.items, entry))
        else:
            groups.append(PlanGroup(entry.priority, _(PRIORITY_GROUPS[entry.priority]), (entry,)))
    return tuple(groups)


def _theme_groups(
    questionnaire: Questionnaire, plan: tuple[AdviceEntry, ...], _: Translate
) -> tuple[ThemeGroup, ...]:
    groups = []
    for section in questionnaire.sections:
        items = tuple(e for e in plan if e.section_id == section.id)
        if items:
            groups.append(ThemeGroup(section.id, items[0].section_title, items))
    known = {s.id for s in questionnaire.sections}
    stray = tuple(e for e in plan if e.section_id not in known)
    if stray:  # advice pointing at an unknown theme is still printed, never dropped
        groups.append(ThemeGroup("", _("Other advice"), stray))
    return tuple(groups)


def _urgent(evaluation: Evaluation, lang: str) -> UrgentBlock | None:
    if not evaluation.red_flags:
        return None
    return UrgentBlock(
        messages=tuple(dict.fromkeys(f.flag.message.get(lang) for f in evaluation.red_flags)),
        reasons=_reasons((r for f in evaluation.red_flags for r in f.reasons), lang),
        contacts=tuple(_contact(c, lang) for c in evaluation.urgent_contacts),
    )


def _tasks(
    questionnaire: Questionnaire, evaluation: Evaluation, lang: str
) -> tuple[TaskEntry, ...]:
    tasks = []
    for task in evaluation.tasks:
        theme = questionnaire.section(task.question.section)
        tasks.append(
            TaskEntry(
                section_title=theme.title.get(lang) if theme else "",
                question=task.question.text.get(lang),
                task=task.task.get(lang),
                then=tuple(c.line.get(lang) for c in task.then),
            )
        )
    return tuple(tasks)


def _task_groups(tasks: tuple[TaskEntry, ...]) -> tuple[TaskGroup, ...]:
    """Consecutive tasks of one theme (the engine lists them in question order)."""
    groups: list[TaskGroup] = []
    for task in tasks:
        if groups and groups[-1].title == task.section_title:
            groups[-1] = groups[-1]._replace(items=(*groups[-1].items, task))
        else:
            groups.append(TaskGroup(task.section_title, (task,)))
    return tuple(groups)


def _progress(
    questionnaire: Questionnaire,
    evaluation: Evaluation,
    previous: PreviousScan | None,
    plan_state: Mapping[str, str],
    lang: str,
    _: Translate,
) -> Progress | None:
    """ "Wat is veranderd": the comparison per theme and the action plan's progress."""
    if previous is None and not plan_state:
        return None
    titles = {a.id: a.title.get(lang) for a in questionnaire.advice}
    themes: list[ThemeChange] = []
    done_before: tuple[str, ...] = ()
    new_by_content: tuple[str, ...] = ()
    if previous is not None:
        # Only a re-scan compares: a first report (and every CLI report) skips this import.
        from zelfscan.core.progress import compare

        known = titles.keys() if previous.advice_ids is None else previous.advice_ids
        comparison = compare(
            previous.evaluation,
            evaluation,
            previous_advice_ids=known,
            previous_plan=previous.plan,
        )
        done_before = tuple(titles[i] for i in comparison.completed if i in titles)
        new_by_content = tuple(titles[i] for i in comparison.new_by_content if i in titles)
        for change in comparison.themes:
            section = questionnaire.section(change.section_id)
            if section is None or section.profile:
                continue
            before = None
            if change.level_before is not None:
                before = _rating(change.level_before, change.before, lang, _)
            word = CHANGES[change.trend.value]
            themes.append(
                ThemeChange(
                    section_id=change.section_id,
                    title=change.title.get(lang),
                    before=before,
                    after=_rating(change.level_after, change.after, lang, _),
                    change=change.trend.value,
                    change_word=_(word.msgid),
                    change_symbol=word.symbol,
                )
            )
    current = [a.id for a in evaluation.advice]
    count = {state: sum(1 for i in current if plan_state.get(i) == state) for state in PLAN_STATES}
    still_open = sum(1 for i in current if plan_state.get(i) not in PLAN_STATES)
    return Progress(
        themes=tuple(themes),
        done_before=done_before,
        done=count["gedaan"],
        planned=count["gepland"],
        not_applicable=count["nvt"],
        open=still_open,
        new_by_content=new_by_content,
    )


def _method(
    questionnaire: Questionnaire, themes: tuple[ThemeRow, ...], lang: str, _: Translate
) -> Method:
    whole = questionnaire.thresholds
    rows = [ThresholdRow(_("Whole scan and every other theme"), whole.goed, whole.aandacht)]
    # only the themes with thresholds of their own: ten equal rows say nothing
    rows += [
        ThresholdRow(t.title, t.goed, t.aandacht)
        for t in themes
        if (t.goed, t.aandacht) != (whole.goed, whole.aandacht)
    ]
    return Method(
        rules=method_rules(_),
        thresholds=tuple(rows),
        about=questionnaire.about.get(lang) if questionnaire.about else "",
        limits=_(
            "This scan gives an indication, never a guarantee: it cannot tell you that you "
            "are safe. A professional adviser looks further than these questions. Use this "
            "report as a starting point for a conversation, for example with your gemeente or "
            "the police."
        ),
        statement=statement(lang),
    )


def headings(lang: str) -> Headings:
    _ = translator(lang)
    return Headings(
        summary=_("What the scan found"),
        changes=_("What has changed since your last scan"),
        top=_("Your top 3"),
        plan=_("Your action plan"),
        help=_("Who can help"),
        details=_("Explanation per measure"),
        tasks=_("Find out"),
        method=_("How this scan works"),
        urgent=_("Urgent: get help now"),
    )


def build_report(
    questionnaire: Questionnaire,
    evaluation: Evaluation,
    lang: str,
    *,
    created: datetime | None = None,
    previous: PreviousScan | None = None,
    plan_state: Mapping[str, str] | None = None,
    demo: str = "",
) -> ReportDocument:
    """The report for one scan, in ``lang``.

    ``created`` defaults to now (pass a fixed value for golden tests). ``previous`` (the last
    scan of this kind) and ``plan_state`` (advice id -> ``gedaan``/``gepland``/``nvt``) add
    "Wat is veranderd" and tick the actions marked done; both are optional. ``demo`` (a demo
    person's name) marks the whole report as a VOORBEELD (training output).
    """
    _ = translator(lang)
    moment = created or datetime.now().astimezone()
    state = plan_state or {}
    flags = {f.flag.id: f for f in evaluation.red_flags}
    plan = tuple(
        _advice(n, a, questionnaire, lang, _, state, flags)
        for n, a in enumerate(evaluation.advice, start=1)
    )
    by_id = {e.id: e for e in plan}
    themes = _themes(questionnaire, evaluation, lang, _)
    # urgent help first, then who the measures name; the rest of the engine's list after
    named = {c.id for a in evaluation.advice for c in a.contacts}
    named |= {c.id for c in evaluation.urgent_contacts}
    contacts = sorted(evaluation.contacts, key=lambda c: not c.urgent)
    main = [c for c in contacts if c.urgent or c.id in named]
    others = [c for c in contacts if not (c.urgent or c.id in named)]
    tasks = _tasks(questionnaire, evaluation, lang)
    return ReportDocument(
        lang=lang,
        questionnaire_id=questionnaire.id,
        title=questionnaire.title.get(lang),
        version=questionnaire.version,
        stand_per=questionnaire.stand_per,
        created=moment,
        created_label=date_label(moment, lang),
        headings=headings(lang),
        overall=_rating(
            evaluation.overall_level,
            evaluation.overall_score,
            lang,
            _,
            (flags[i] for i in evaluation.overall_capped_by if i in flags),
            overall=True,
        ),
        themes=themes,
        top=tuple(by_id[a.id] for a in evaluation.top),
        plan=plan,
        plan_groups=_plan_groups(plan, _),
        theme_groups=_theme_groups(questionnaire, plan, _),
        tasks=tasks,
        task_groups=_task_groups(tasks),
        urgent=_urgent(evaluation, lang),
        contacts=tuple(_contact(c, lang) for c in main),
        other_contacts=tuple(_contact(c, lang) for c in others),
        sources=tuple(
            dict.fromkeys(
                [
                    *(_source(s, lang) for c in contacts for s in c.sources),
                    *(_source(s, lang) for a in evaluation.advice for s in a.sources),
                ]
            )
        ),
        method=_method(questionnaire, themes, lang, _),
        progress=_progress(questionnaire, evaluation, previous, state, lang, _),
        demo=demo,
    )
