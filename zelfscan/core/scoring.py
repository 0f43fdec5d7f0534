"""Scores and levels per theme: points earned over points possible, higher is safer.

The rules, in one place so the report can state them truthfully:
- only visible questions of non-profile themes count; "n.v.t." leaves the denominator;
- "weet ik niet" earns nothing but stays in the denominator, and is counted as unknown;
  a theme where at least half of the points at stake are unknown is *onbekend*, not a failure;
- a follow-up question's points belong to its parent's budget, so a better answer never
  lowers a score, also when it opens follow-ups (:mod:`zelfscan.core.followups`);
- a red flag caps the level of its theme and of the whole scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zelfscan.core.followups import FollowUp, follow_ups, is_hidden_by_parent
from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    Answers,
    Level,
    Question,
    Questionnaire,
    QuestionType,
    Section,
    Thresholds,
)

_SEVERITY = {Level.GOED: 0, Level.AANDACHT: 1, Level.ONBEKEND: 1, Level.RISICO: 2}


@dataclass(frozen=True, slots=True)
class Tally:
    """Points for one question or a group of questions."""

    earned: float = 0.0
    possible: float = 0.0
    unknown_points: float = 0.0
    answered: int = 0
    applicable: int = 0
    unknown: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.earned + other.earned,
            self.possible + other.possible,
            self.unknown_points + other.unknown_points,
            self.answered + other.answered,
            self.applicable + other.applicable,
            self.unknown + other.unknown,
        )

    @property
    def score(self) -> float | None:
        if self.possible <= 0:
            return None
        return round(100.0 * self.earned / self.possible, 1)


def question_tally(question: Question, value: str | tuple[str, ...] | None) -> Tally:
    """Points for one visible question; unanswered or "n.v.t." counts for nothing."""
    if not question.scored or value is None or question.type is QuestionType.TEXT:
        return Tally()
    chosen = (value,) if isinstance(value, str) else value
    if not chosen or NOT_APPLICABLE in chosen:
        return Tally()
    best = question.max_points
    if best <= 0:
        return Tally()
    if UNKNOWN in chosen:
        return Tally(0.0, best, best, 1, 1, 1)
    points = [p for o in chosen if (opt := question.option(o)) and (p := opt.points) is not None]
    if not points:  # only unscored options chosen (e.g. "anders"): nothing to judge
        return Tally()
    earned = sum(points) if question.type is QuestionType.MULTIPLE else max(points)
    return Tally(min(max(earned, 0.0), best), best, 0.0, 1, 1, 0)


def section_tally(
    section: Section,
    visible: Iterable[Question],
    answers: Answers,
    credits: Mapping[str, Tally] | None = None,
) -> Tally:
    """Points of the visible questions of ``section``, plus the points of its hidden
    follow-ups that are still at stake (``credits``, from :func:`follow_up_credits`)."""
    total = (credits or {}).get(section.id, Tally())
    for question in visible:
        if question.section == section.id:
            total += question_tally(question, answers.get(question.id))
    return total


def follow_up_credits(
    questionnaire: Questionnaire, visible: Iterable[Question], answers: Answers
) -> dict[str, Tally]:
    """Per section: the points of follow-ups that are hidden by their parent's answer but
    still belong to its budget (earned in full, nothing, or unknown; see
    :mod:`zelfscan.core.followups`). ``answers`` are the visible answers only."""
    shown = {q.id for q in visible}
    open_sections = {q.section for q in visible}
    credits: dict[str, Tally] = {}
    every = list(follow_ups(questionnaire))
    children: dict[str, list[FollowUp]] = {}
    for follow in every:
        children.setdefault(follow.parent.id, []).append(follow)

    def budget(question: Question) -> float:
        return question.max_points + sum(budget(c.question) for c in children.get(question.id, ()))

    for follow in every:
        question, parent = follow.question, follow.parent
        value = answers.get(parent.id)
        if question.id in shown or parent.id not in shown or value is None:
            continue
        if not parent.scored or not is_hidden_by_parent(follow, answers):
            continue
        if question.section not in open_sections:
            continue
        points = budget(question)
        if points <= 0:
            continue
        kind = follow.credit(value)
        if kind == "none":
            continue
        earned = points if kind == "full" else 0.0
        unknown = points if kind == "unknown" else 0.0
        credits[question.section] = credits.get(question.section, Tally()) + Tally(
            earned, points, unknown
        )
    return credits


def level_for(tally: Tally, thresholds: Thresholds) -> Level:
    score = tally.score
    if score is None or tally.unknown_points * 2 >= tally.possible:
        return Level.ONBEKEND
    return thresholds.level(score)


def cap(level: Level, limit: Level) -> Level:
    """The worse of ``level`` and ``limit``; acute risk outweighs not knowing."""
    if limit is Level.RISICO:
        return Level.RISICO
    return limit if _SEVERITY[limit] > _SEVERITY[level] else level


def thresholds_for(questionnaire: Questionnaire, section: Section) -> Thresholds:
    return section.thresholds or questionnaire.thresholds
