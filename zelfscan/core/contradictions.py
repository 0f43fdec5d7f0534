"""Advice that would contradict the answers: ``when`` and ``done_if`` holding together.

``done_if`` names the answers that say the measure of an advice item is already there (an
SKG*** cylinder, a second lock). If some answers the wizard allows make both ``when`` and
``done_if`` true, the item would ask for something the person says they have: the loader
reports it. The search is the reachability search (:mod:`zelfscan.core.reachability`) on the
combined condition, within the same work budget as the rest of the file.
"""

from __future__ import annotations

import dataclasses

from zelfscan.core.model import AllOf, Questionnaire
from zelfscan.core.reachability import Budget, check


def contradicting(
    questionnaire: Questionnaire, budget: Budget | None = None
) -> tuple[list[str], list[str]]:
    """Ids of advice items whose ``when`` and ``done_if`` can hold together, and ids of items
    too complex to check within ``budget``."""
    combined = tuple(
        dataclasses.replace(item, when=AllOf((item.when, item.done_if)), variants=())
        for item in questionnaire.advice
        if item.done_if is not None
    )
    if not combined:
        return [], []
    probe = dataclasses.replace(questionnaire, advice=combined, red_flags=())
    verdict = check(probe, budget)
    never = {item_id for kind, item_id in verdict.unreachable if kind == "advice"}
    too_complex = [item_id for kind, item_id in verdict.too_complex if kind == "advice"]
    both = [i.id for i in combined if i.id not in never and i.id not in too_complex]
    return both, too_complex
