"""Advice that would contradict the answers: ``when`` and ``done_if`` holding together.

``done_if`` names the answers that say the measure of an advice item is already there (an
SKG*** cylinder, a second lock). If some answers the wizard allows make both ``when`` and
``done_if`` true, the item would ask for something the person says they have: the loader
reports it. The search is the reachability search (:mod:`zelfscan.core.reachability`) on the
combined condition, within the same work budget as the rest of the file. When ``when`` is an
``all``, only its parts that read a question ``done_if`` reads are combined first: if those
can not hold together with ``done_if``, neither can the whole (and the search stays small);
an item that fails this quick check is checked again with its whole ``when``.
"""

from __future__ import annotations

import dataclasses

from zelfscan.core.conditions import referenced
from zelfscan.core.model import AdviceItem, AllOf, Condition, Questionnaire
from zelfscan.core.reachability import Budget, check


def contradicting(
    questionnaire: Questionnaire, budget: Budget | None = None
) -> tuple[list[str], list[str]]:
    """Ids of advice items whose ``when`` and ``done_if`` can hold together, and ids of items
    too complex to check within ``budget``."""
    items = [item for item in questionnaire.advice if item.done_if is not None]
    both, too_complex = _search(questionnaire, items, budget, quick=True)
    if both:
        again = [item for item in items if item.id in both]
        both, more = _search(questionnaire, again, budget, quick=False)
        too_complex += more
    return both, too_complex


def _search(
    questionnaire: Questionnaire, items: list[AdviceItem], budget: Budget | None, quick: bool
) -> tuple[list[str], list[str]]:
    if not items:
        return [], []
    combined = tuple(
        dataclasses.replace(item, when=_combined(item, quick), variants=()) for item in items
    )
    probe = dataclasses.replace(questionnaire, advice=combined, red_flags=())
    verdict = check(probe, budget)
    never = {item_id for kind, item_id in verdict.unreachable if kind == "advice"}
    too_complex = [item_id for kind, item_id in verdict.too_complex if kind == "advice"]
    both = [i.id for i in combined if i.id not in never and i.id not in too_complex]
    return both, too_complex


def _combined(item: AdviceItem, quick: bool) -> Condition:
    assert item.done_if is not None  # noqa: S101 - only called for items that have one
    if not quick:
        return AllOf((item.when, item.done_if))
    done = set(referenced(item.done_if))
    parts = item.when.conditions if isinstance(item.when, AllOf) else (item.when,)
    shared = tuple(p for p in parts if done & set(referenced(p)))
    return AllOf((*(shared or parts), item.done_if))
