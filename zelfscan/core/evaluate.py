"""One call from answers to everything the results page and the report show."""

from __future__ import annotations

from zelfscan.core.advice import (
    conditional_advice,
    contacts_for,
    find_out_tasks,
    reasons_for,
    select_advice,
)
from zelfscan.core.conditions import holds
from zelfscan.core.flow import effective_answers, visible_questions, visible_sections
from zelfscan.core.model import Answers, Contact, Level, Questionnaire
from zelfscan.core.results import Evaluation, SectionResult, TriggeredFlag
from zelfscan.core.scoring import (
    Tally,
    cap,
    follow_up_credits,
    level_for,
    section_tally,
    thresholds_for,
)


def live_red_flags(questionnaire: Questionnaire, answers: Answers) -> tuple[TriggeredFlag, ...]:
    """Red flags that hold right now, each with its urgent contacts; the wizard checks this
    after every answer."""
    kept = effective_answers(questionnaire, answers)
    every_urgent = _urgent(questionnaire, kept)
    return tuple(
        TriggeredFlag(
            flag,
            reasons_for(questionnaire, flag.when, kept),
            contacts_for(questionnaire, flag.contacts, kept) if flag.contacts else every_urgent,
        )
        for flag in questionnaire.red_flags
        if holds(flag.when, kept)
    )


def _urgent(questionnaire: Questionnaire, kept: Answers) -> tuple[Contact, ...]:
    return tuple(
        c
        for c in questionnaire.contacts
        if c.urgent and (c.show_if is None or holds(c.show_if, kept))
    )


def evaluate(questionnaire: Questionnaire, answers: Answers) -> Evaluation:
    """Scores, levels, advice, find-out tasks and red flags for ``answers``.

    Answers to hidden questions are ignored, so callers may pass everything the user ever
    entered (Back and a changed profile answer leave stale answers behind on purpose).
    """
    kept = effective_answers(questionnaire, answers)
    visible = visible_questions(questionnaire, kept)
    flags = live_red_flags(questionnaire, kept)
    credits = follow_up_credits(questionnaire, visible, kept)
    sections: list[SectionResult] = []
    overall = Tally()
    for section in visible_sections(questionnaire, kept):
        if section.profile:
            continue
        tally = section_tally(section, visible, kept, credits)
        overall += tally
        level = level_for(tally, thresholds_for(questionnaire, section))
        capping = tuple(f.flag.id for f in flags if f.flag.section == section.id)
        for flag in flags:
            if flag.flag.section == section.id:
                level = cap(level, flag.flag.cap)
        sections.append(
            SectionResult(
                section_id=section.id,
                title=section.title,
                score=tally.score,
                level=level,
                earned=tally.earned,
                possible=tally.possible,
                unknown_points=tally.unknown_points,
                answered=tally.answered,
                applicable=tally.applicable,
                unknown=tally.unknown,
                capped_by=capping,
            )
        )
    uncapped: Level = level_for(overall, questionnaire.thresholds)
    overall_level = uncapped
    for flag in flags:
        overall_level = cap(overall_level, flag.flag.cap)
    capped_by = tuple(f.flag.id for f in flags if cap(uncapped, f.flag.cap) != uncapped)
    contacts = tuple(
        c for c in questionnaire.contacts if c.show_if is None or holds(c.show_if, kept)
    )
    urgent = _urgent(questionnaire, kept)
    if flags:
        named = {c.id for f in flags for c in f.contacts}
        urgent = tuple(c for c in questionnaire.contacts if c.id in named)
    conditionals = conditional_advice(questionnaire, kept, flags)
    return Evaluation(
        questionnaire_id=questionnaire.id,
        version=questionnaire.version,
        overall_score=overall.score,
        overall_level=overall_level,
        sections=tuple(sections),
        advice=select_advice(questionnaire, kept, flags),
        tasks=find_out_tasks(visible, kept, conditionals),
        red_flags=flags,
        urgent_contacts=urgent,
        contacts=contacts,
        overall_capped_by=capped_by,
    )
