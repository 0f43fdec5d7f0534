"""Advice that would contradict the answers: ``when`` and ``done_if`` holding together.

``done_if`` names the answers that say the measure of an advice item is already there (an
SKG*** cylinder, a second lock). If some answers the wizard allows make both ``when`` and
``done_if`` true, the item would ask for something the person says they have: the loader
reports it. The search is the reachability search (:mod:`zelfscan.core.reachability`) on the
combined condition.
"""

from __future__ import annotations

import dataclasses

from zelfscan.core.model import AllOf, Questionnaire
from zelfscan.core.reachability import unreachable


def contradicting(questionnaire: Questionnaire) -> list[str]:
    """Ids of advice items whose ``when`` and ``done_if`` can hold together."""
    combined = tuple(
        dataclasses.replace(item, when=AllOf((item.when, item.done_if)), variants=())
        for item in questionnaire.advice
        if item.done_if is not None
    )
    if not combined:
        return []
    probe = dataclasses.replace(questionnaire, advice=combined, red_flags=())
    never = {item_id for kind, item_id in unreachable(probe) if kind == "advice"}
    return [item.id for item in combined if item.id not in never]
