"""Checks across a built questionnaire that the loader adds for editors (issue 18).

Errors: a variant or an addition that can never apply (no answers make it true together with
the advice it belongs to), a red flag that caps a profile theme (which has no level). Warnings
(the file still loads): a question that offers "weet ik niet" without a ``find_out`` task, a
red flag that raises no advice (its advice can miss the top 3), and fewer than
:data:`MIN_PERSONAS` personas for training mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from zelfscan.core.model import UNKNOWN, AllOf, Condition, Questionnaire
from zelfscan.core.reachability import Budget, never_holding

MIN_PERSONAS = 3


@dataclass(frozen=True)
class Finding:
    """One problem: what it is about (``kind``, ``key``) for the loader to place it."""

    kind: str  # "variant" (key: (advice id, index)), "addition", "red flag", "question",
    # "personas"
    key: str | tuple[str, int]
    message: str
    warning: bool = False


def findings(questionnaire: Questionnaire, budget: Budget) -> Iterator[Finding]:
    yield from _never_applying(questionnaire, budget)
    profile = {s.id for s in questionnaire.sections if s.profile}
    for flag in questionnaire.red_flags:
        if not flag.raises:
            yield Finding(
                "red flag",
                flag.id,
                f"red flag {flag.id!r}: raises no advice, so the advice that helps now is "
                "ordered like any other and can miss the top 3; list it in raises: [advice-id]",
                warning=True,
            )
        if flag.section in profile:
            yield Finding(
                "red flag",
                flag.id,
                f"red flag {flag.id!r}: it would cap the theme {flag.section!r}, but a profile "
                "theme has no level; set section: to the theme whose level it should cap",
            )
    for question in questionnaire.questions.values():
        if question.option(UNKNOWN) is not None and question.find_out is None:
            yield Finding(
                "question",
                question.id,
                f"question {question.id!r}: offers 'weet ik niet' but has no find_out; write "
                "the task for someone who does not know (or set unknown: false)",
                warning=True,
            )
    count = len(questionnaire.personas)
    if count < MIN_PERSONAS:
        yield Finding(
            "personas",
            "",
            f"personas: {count} of the at least {MIN_PERSONAS} that training mode needs "
            "(a scan can be used without them, a training session can not)",
            warning=True,
        )


def _never_applying(questionnaire: Questionnaire, budget: Budget) -> Iterator[Finding]:
    checks: list[tuple[str, str, Condition]] = []
    for item in questionnaire.advice:
        for index, variant in enumerate(item.variants):
            checks.append(("variant", f"{index}:{item.id}", AllOf((item.when, variant.when))))
    for addition in questionnaire.additions:  # an unused tag is reported by the loader
        checks.extend(
            ("addition", addition.id, AllOf((item.when, addition.when)))
            for item in questionnaire.advice
            if item.tags & addition.tags
        )
    for kind, key in never_holding(questionnaire, checks, budget):
        if kind == "variant":
            position, advice_id = key.split(":", 1)
            yield Finding(
                kind,
                (advice_id, int(position)),
                f"advice {advice_id!r}: variant {int(position) + 1} never applies: no combination "
                "of answers the wizard allows makes both its when and the advice's when true",
            )
        else:
            yield Finding(
                kind,
                key,
                f"addition {key!r}: never applies: no combination of answers the wizard "
                "allows makes its when true together with the when of an advice item with "
                "its tags",
            )
