"""The paper version people score themselves: the form as plain values, and its hand rules.

:func:`paper_form` turns a questionnaire into what the printed form shows: per theme the
questions with the points next to every answer, the most a question can earn, what a skipped
follow-up question counts, the level thresholds, the red flags, and the first actions per
answer. :mod:`zelfscan.report.paper_pdf` prints it; :func:`hand_score` applies the printed
rules exactly as a reader would, so a test can prove that the paper gives the same level as
the app for every demo and review person.

The rules on paper (the same as :mod:`zelfscan.core.scoring`, in words a reader can follow):

1. per question you answered: write the points after your answer under "behaald" and the
   question's maximum under "mogelijk"; "n.v.t." and answers marked "–" count for neither;
2. "weet ik niet": 0 behaald, the maximum under "mogelijk" and under "?";
3. a follow-up question you skipped only because of your answer to the question it follows:
   count what the form says for that answer;
4. score = behaald ÷ mogelijk × 100; the level comes from the thresholds, but when "?" is
   half of "mogelijk" or more the level is "onbekend";
5. a red flag caps the level of its theme and of the total.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from zelfscan.core.conditions import holds
from zelfscan.core.flow import effective_answers
from zelfscan.core.followups import FollowUp, follow_ups, is_hidden_by_parent
from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    AnswerIn,
    Answers,
    Condition,
    Level,
    Not,
    Priority,
    Question,
    Questionnaire,
    QuestionType,
    Section,
    Thresholds,
)
from zelfscan.core.scoring import cap, thresholds_for

ACTIONS_PER_THEME = 3
"""The first actions per theme on paper; the app and the advice PDF have all of them."""


class PaperQuestion(NamedTuple):
    number: str
    question: Question
    points: Mapping[str, float | None]
    """Printed points per option id; ``None`` is printed "–" (counts for nothing)."""
    most: float
    """The printed maximum ("mogelijk"), for a follow-up including its own follow-ups."""
    skipped: Mapping[str, str]
    """For a follow-up: per option id of the question it follows, what skipping it counts:
    ``full`` (the maximum), ``zero``, ``unknown`` or ``none`` (not at all)."""
    follows: str
    """The number of the question it follows (empty when it is no follow-up)."""


class PaperAction(NamedTuple):
    priority: Priority
    title_id: str
    """The advice item's id (the renderer prints its title in the form's language)."""
    trigger: tuple[str, tuple[str, ...], bool] | None
    """(question number, option ids, negated): "bij 3.2: Nee, Deels"."""


class PaperTheme(NamedTuple):
    number: int
    section: Section
    questions: tuple[PaperQuestion, ...]
    thresholds: Thresholds
    actions: tuple[PaperAction, ...]
    flags: tuple[str, ...]
    """Ids of the red flags that cap this theme."""


class PaperForm(NamedTuple):
    questionnaire: Questionnaire
    profile: tuple[tuple[str, Question], ...]
    """The profile questions with their numbers (they decide what applies; no points)."""
    themes: tuple[PaperTheme, ...]
    numbers: Mapping[str, str]
    """Question id -> printed number."""


def _budget(question: Question, children: Mapping[str, list[FollowUp]]) -> float:
    return question.max_points + sum(
        _budget(c.question, children) for c in children.get(question.id, ())
    )


def _trigger(
    condition: Condition, numbers: Mapping[str, str], scored: set[str]
) -> tuple[str, tuple[str, ...], bool] | None:
    """The first test on a scored question in an advice item's trigger (depth first)."""
    match condition:
        case AnswerIn(question=qid, options=options) if qid in scored:
            return numbers[qid], tuple(sorted(options)), False
        case Not(condition=AnswerIn(question=qid, options=options)) if qid in scored:
            return numbers[qid], tuple(sorted(options)), True
    for part in getattr(condition, "conditions", ()):
        found = _trigger(part, numbers, scored)
        if found is not None:
            return found
    inner = getattr(condition, "condition", None)
    return _trigger(inner, numbers, scored) if inner is not None else None


def paper_form(questionnaire: Questionnaire) -> PaperForm:
    numbers: dict[str, str] = {}
    for s_index, section in enumerate(questionnaire.sections, start=1):
        for q_index, question in enumerate(section.questions, start=1):
            numbers[question.id] = f"{s_index}.{q_index}"
    every = list(follow_ups(questionnaire))
    by_question = {f.question.id: f for f in every}
    children: dict[str, list[FollowUp]] = {}
    for follow in every:
        children.setdefault(follow.parent.id, []).append(follow)
    scored = {q.id for q in questionnaire.questions.values() if q.scored}
    profile: list[tuple[str, Question]] = []
    themes: list[PaperTheme] = []
    for s_index, section in enumerate(questionnaire.sections, start=1):
        if section.profile:
            profile += [(numbers[q.id], q) for q in section.questions]
            continue
        questions = []
        for question in section.questions:
            link = by_question.get(question.id)
            skipped: dict[str, str] = {}
            if link is not None:
                for option in link.parent.options:
                    if option.id in link.showing:
                        continue
                    value = (option.id,) if link.parent.type is QuestionType.MULTIPLE else option.id
                    skipped[option.id] = link.credit(value)
            questions.append(
                PaperQuestion(
                    number=numbers[question.id],
                    question=question,
                    points={o.id: o.points for o in question.options},
                    most=_budget(question, children) if link is not None else question.max_points,
                    skipped=skipped,
                    follows=numbers[link.parent.id] if link is not None else "",
                )
            )
        advice = sorted(
            (a for a in questionnaire.advice if a.section == section.id),
            key=lambda a: {Priority.HOOG: 0, Priority.MIDDEN: 1, Priority.LAAG: 2}[a.priority],
        )
        actions = tuple(
            PaperAction(a.priority, a.id, _trigger(a.when, numbers, scored))
            for a in advice[:ACTIONS_PER_THEME]
        )
        flags = tuple(f.id for f in questionnaire.red_flags if f.section == section.id)
        themes.append(
            PaperTheme(
                s_index,
                section,
                tuple(questions),
                thresholds_for(questionnaire, section),
                actions,
                flags,
            )
        )
    return PaperForm(questionnaire, tuple(profile), tuple(themes), numbers)


# --- scoring by hand ------------------------------------------------------------------------


class HandTally(NamedTuple):
    earned: float = 0.0
    possible: float = 0.0
    unknown: float = 0.0

    def __add__(self, other: object) -> HandTally:
        if not isinstance(other, HandTally):
            return NotImplemented
        return HandTally(*(a + b for a, b in zip(self, other, strict=True)))

    def level(self, thresholds: Thresholds) -> Level:
        """Rule 4."""
        if self.possible <= 0 or self.unknown * 2 >= self.possible:
            return Level.ONBEKEND
        return thresholds.level(round(100.0 * self.earned / self.possible, 1))


def _written(item: PaperQuestion, value: str | tuple[str, ...]) -> HandTally:
    """Rules 1 and 2 for a question the reader answered."""
    chosen = (value,) if isinstance(value, str) else value
    if not chosen or NOT_APPLICABLE in chosen or item.question.type is QuestionType.TEXT:
        return HandTally()
    most = item.question.max_points
    if most <= 0:
        return HandTally()
    if UNKNOWN in chosen:
        return HandTally(0.0, most, most)
    points = [p for o in chosen if (p := item.points.get(o)) is not None]
    if not points:
        return HandTally()
    multiple = item.question.type is QuestionType.MULTIPLE
    earned = sum(points) if multiple else max(points)
    return HandTally(min(max(earned, 0.0), most), most, 0.0)


def _skipped(item: PaperQuestion, parent_value: str | tuple[str, ...]) -> HandTally:
    """Rule 3: what the form says a skipped follow-up counts for the parent's answer."""
    chosen = (parent_value,) if isinstance(parent_value, str) else parent_value
    if UNKNOWN in chosen:
        kind = "unknown"
    elif NOT_APPLICABLE in chosen:
        kind = "none"
    else:
        kinds = {item.skipped.get(o, "none") for o in chosen}
        kind = "full" if "full" in kinds else "zero" if "zero" in kinds else "none"
    if kind == "full":
        return HandTally(item.most, item.most, 0.0)
    if kind == "zero":
        return HandTally(0.0, item.most, 0.0)
    if kind == "unknown":
        return HandTally(0.0, item.most, item.most)
    return HandTally()


def hand_score(form: PaperForm, answers: Answers) -> tuple[dict[str, Level], Level]:
    """The levels a reader gets by following the printed rules for ``answers``: per theme
    id, and for the whole scan. The reader answers only the questions the form tells them
    to (the "Alleen als" lines), which is what :func:`effective_answers` keeps."""
    questionnaire = form.questionnaire
    kept = effective_answers(questionnaire, answers)
    flags = [f for f in questionnaire.red_flags if holds(f.when, kept)]
    levels: dict[str, Level] = {}
    total = HandTally()
    follows = {f.question.id: f for f in follow_ups(questionnaire)}
    for theme in form.themes:
        section = theme.section
        if section.show_if is not None and not holds(section.show_if, kept):
            continue
        tally = HandTally()
        for item in theme.questions:
            question = item.question
            if question.id in kept:
                tally += _written(item, kept[question.id])
                continue
            follow = follows.get(question.id)
            parent_value = kept.get(follow.parent.id) if follow is not None else None
            if follow is None or parent_value is None or not follow.parent.scored:
                continue
            if is_hidden_by_parent(follow, kept):
                tally += _skipped(item, parent_value)
        total += tally
        level = tally.level(theme.thresholds)
        for flag in flags:
            if flag.section == section.id:
                level = cap(level, flag.cap)
        levels[section.id] = level
    overall = total.level(questionnaire.thresholds)
    for flag in flags:
        overall = cap(overall, flag.cap)
    return levels, overall
