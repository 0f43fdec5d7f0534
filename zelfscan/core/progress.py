"""Re-scan progress: what changed since the previous scan of the same kind.

Compares two evaluations theme by theme (beter / slechter / gelijk, with both scores), lists
the actions the user marked done, and names advice that is new only because the content
changed (an advice id the previous content version did not have).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from zelfscan.core.model import Level, Text
from zelfscan.core.results import Evaluation, SelectedAdvice

SAME_WITHIN = 2.0
"""Score changes smaller than this many points count as *gelijk*: one answer in a long theme
should not read as progress or decline."""


class Trend(StrEnum):
    BETER = "beter"
    SLECHTER = "slechter"
    GELIJK = "gelijk"
    NIEUW = "nieuw"
    """The theme did not apply (or did not exist) last time."""


class PlanState(StrEnum):
    GEDAAN = "gedaan"
    GEPLAND = "gepland"
    NVT = "nvt"


_RANK = {Level.RISICO: 0, Level.ONBEKEND: 1, Level.AANDACHT: 1, Level.GOED: 2}


@dataclass(frozen=True, slots=True)
class ThemeChange:
    section_id: str
    title: Text
    before: float | None
    after: float | None
    level_before: Level | None
    level_after: Level
    trend: Trend


@dataclass(frozen=True, slots=True)
class Comparison:
    themes: tuple[ThemeChange, ...]
    completed: tuple[str, ...]
    """Advice ids marked *gedaan* in the previous plan."""
    resolved: tuple[str, ...]
    """Advice that applied last time and no longer does."""
    new_by_content: tuple[str, ...]
    """Advice that applies now and did not exist in the previous content version."""
    new_by_answers: tuple[str, ...]
    """Advice that existed before but applies now because an answer changed."""


def trend(before: float | None, after: float | None, lb: Level | None, la: Level) -> Trend:
    if before is None or lb is None:
        return Trend.NIEUW
    if after is None:
        return Trend.GELIJK
    if after - before >= SAME_WITHIN:
        return Trend.BETER
    if before - after >= SAME_WITHIN:
        return Trend.SLECHTER
    if _RANK[la] != _RANK[lb]:
        return Trend.BETER if _RANK[la] > _RANK[lb] else Trend.SLECHTER
    return Trend.GELIJK


def compare(
    previous: Evaluation,
    current: Evaluation,
    *,
    previous_advice_ids: Collection[str],
    previous_plan: Mapping[str, str] | None = None,
) -> Comparison:
    """Compare ``current`` with ``previous``.

    ``previous_advice_ids`` are all advice ids of the content version the previous scan was
    made with, so advice that is new because the content grew can be told apart.
    """
    themes = []
    for section in current.sections:
        old = previous.section(section.section_id)
        before = old.score if old else None
        level_before = old.level if old else None
        themes.append(
            ThemeChange(
                section.section_id,
                section.title,
                before,
                section.score,
                level_before,
                section.level,
                trend(before, section.score, level_before, section.level),
            )
        )
    now = _ids(current.advice)
    then = _ids(previous.advice)
    plan = previous_plan or {}
    return Comparison(
        themes=tuple(themes),
        completed=tuple(a for a, state in plan.items() if state == PlanState.GEDAAN),
        resolved=tuple(a for a in then if a not in now),
        new_by_content=tuple(a for a in now if a not in then and a not in previous_advice_ids),
        new_by_answers=tuple(a for a in now if a not in then and a in previous_advice_ids),
    )


def _ids(advice: tuple[SelectedAdvice, ...]) -> list[str]:
    return [a.id for a in advice]
