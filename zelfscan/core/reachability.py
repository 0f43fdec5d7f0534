"""Can an advice item or red flag ever be triggered? A search over answers with a work budget.

Only the questions a trigger reads matter, plus the questions their visibility (own and
section ``show_if``) depends on, transitively. For each of those, the candidate values are the
ones a condition can tell apart: unanswered, each option a condition mentions, and for a
checklist every combination of the mentioned options (exclusive ones alone). Each combination
is settled the way the wizard settles it (:func:`flow.effective_answers`: hidden answers are
dropped, conditions only read earlier questions) and the trigger is tested on the result.

Why a budget: reachability of ``all``/``any``/``not`` over yes/no questions is satisfiability,
so no exact check is polynomial, and a crafted 91 KB file once took 75 s here. Every step is
counted in *work units* (one unit ~ one condition node or one question visited), and

* one item may use at most :data:`ITEM_BUDGET` units (real questionnaires need a few hundred:
  the largest built-in item tries 22 combinations);
* a whole file may use at most :data:`BASE_BUDGET` + :data:`UNITS_PER_BYTE` per byte of the
  file, so checking stays proportional to the file's size (docs/performance.md: validating any file
  of up to 1 MB within 2x its ``yaml.safe_load``; measured by ``benchmarks/bench_crafted.py``).

An item that runs out is reported as :class:`TooComplex` ("too complex to check"): the file
is refused with a message that names the item, instead of being accepted unchecked or
checked for minutes. Work before the search (collecting the questions) is counted as well,
and is proportional to the item's own conditions, never to the size of the questionnaire.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from zelfscan.core.conditions import holds, leaves
from zelfscan.core.model import (
    UNKNOWN,
    AllOf,
    AnswerIn,
    AnswerValue,
    AnyOf,
    Condition,
    Not,
    Question,
    Questionnaire,
    QuestionType,
)

ITEM_BUDGET = 200_000
BASE_BUDGET = 20_000
UNITS_PER_BYTE = 8
MAX_SUBSET_OPTIONS = 8

Candidate = AnswerValue | None


@dataclass(frozen=True)
class Verdict:
    """``(kind, id)`` lists: items no answers trigger, and items too complex to check."""

    unreachable: list[tuple[str, str]]
    too_complex: list[tuple[str, str]]


class _OutOfWork(Exception):
    pass


class Budget:
    """Work units left for the file and for the current item (a counter, never a clock)."""

    def __init__(self, total: int, per_item: int = ITEM_BUDGET) -> None:
        self.total = total
        self.per_item = per_item
        self.item_left = 0
        self.used = 0

    @classmethod
    def for_size(cls, size: int) -> Budget:
        return cls(BASE_BUDGET + UNITS_PER_BYTE * max(0, size))

    def afford(self, units: int) -> bool:
        """Take ``units`` from the file's budget for other checks (personas); ``False``, and
        nothing taken, when they are not there."""
        if self.used + units > self.total:
            return False
        self.used += units
        return True

    def start_item(self) -> None:
        self.item_left = min(self.per_item, self.total - self.used)

    def spend(self, units: int) -> None:
        self.item_left -= units
        self.used += units
        if self.item_left < 0:
            raise _OutOfWork


def check(questionnaire: Questionnaire, budget: Budget | None = None) -> Verdict:
    """Which advice items (``"advice"``) and red flags (``"red flag"``) can never trigger,
    and which could not be checked within ``budget`` (default: a 1 MB file's)."""
    budget = budget or Budget.for_size(1024 * 1024)
    search = _Search(questionnaire, budget)
    unreachable: list[tuple[str, str]] = []
    too_complex: list[tuple[str, str]] = []
    items = [("advice", a.id, a.when) for a in questionnaire.advice]
    items += [("red flag", r.id, r.when) for r in questionnaire.red_flags]
    for kind, item_id, when in items:
        if budget.used >= budget.total:
            too_complex.append((kind, item_id))
            break  # the file is refused already; the rest are not tried
        budget.start_item()
        try:
            if not search.reachable(when):
                unreachable.append((kind, item_id))
        except _OutOfWork:
            too_complex.append((kind, item_id))
    return Verdict(unreachable, too_complex)


def never_holding(
    questionnaire: Questionnaire, conditions: list[tuple[str, str, Condition]], budget: Budget
) -> list[tuple[str, str]]:
    """``(kind, id)`` whose conditions no allowed answers make true: for variants and
    additions, each tested together with the trigger of an advice item it belongs to.

    Several conditions may share a ``(kind, id)`` (an addition with each tagged item): it
    holds as soon as one of them can, and the rest are then not tried; testing them one by
    one is far cheaper than one ``any`` of them all. Uses what is left of ``budget`` after
    :func:`check`; what can not be checked in it is skipped, not refused (the file's advice
    and red flags were checked; these are extras).
    """
    search = _Search(questionnaire, budget)
    reached: set[tuple[str, str]] = set()
    unsure: set[tuple[str, str]] = set()
    order: list[tuple[str, str]] = []
    for kind, item_id, condition in conditions:
        key = (kind, item_id)
        if key not in order:
            order.append(key)
        if key in reached or key in unsure:
            continue
        if budget.used >= budget.total:
            unsure.add(key)
            continue
        budget.start_item()
        try:
            if search.reachable(condition):
                reached.add(key)
        except _OutOfWork:
            unsure.add(key)
    return [key for key in order if key not in reached and key not in unsure]


def unreachable(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    """``(kind, id)`` for every item that no allowed combination of answers triggers."""
    return check(questionnaire).unreachable


def walk_cost(questionnaire: Questionnaire) -> int:
    """The work of settling one set of answers over the whole questionnaire (what checking
    a persona's answers does, a few times over)."""
    return sum(
        1 + size(q.show_if) + size(s.show_if) for s in questionnaire.sections for q in s.questions
    )


def size(condition: Condition | None) -> int:
    """How many nodes a condition has (the cost of testing it once)."""
    if condition is None:
        return 0
    match condition:
        case AnswerIn():
            return 1
        case AllOf(conditions=parts) | AnyOf(conditions=parts):
            return 1 + sum(size(p) for p in parts)
        case Not(condition=inner):
            return 1 + size(inner)
    return 1  # pragma: no cover - closed union


class _Search:
    def __init__(self, questionnaire: Questionnaire, budget: Budget) -> None:
        self.budget = budget
        self.questions = questionnaire.questions
        self.position = {qid: i for i, qid in enumerate(self.questions)}
        section_of = {q.id: s for s in questionnaire.sections for q in s.questions}
        self.gates: dict[str, tuple[Condition, ...]] = {}
        """Question id -> the conditions that must hold for it to be visible, section first."""
        self.gate_cost: dict[str, int] = {}
        for qid, question in self.questions.items():
            section = section_of[qid]
            gates = tuple(c for c in (section.show_if, question.show_if) if c is not None)
            self.gates[qid] = gates
            self.gate_cost[qid] = 1 + sum(size(c) for c in gates)

    def reachable(self, when: Condition) -> bool:
        spend = self.budget.spend
        mentioned: dict[str, set[str]] = {}
        pending = [when]
        while pending:
            condition = pending.pop()
            spend(size(condition))
            for leaf in leaves(condition):
                if leaf.question in mentioned:
                    mentioned[leaf.question] |= leaf.options
                    continue
                mentioned[leaf.question] = set(leaf.options)
                if leaf.question in self.gates:
                    pending.extend(self.gates[leaf.question])
        order = sorted(
            (self.questions[qid] for qid in mentioned if qid in self.questions),
            key=lambda q: self.position[q.id],
        )
        spend(len(order) + sum(len(q.options) for q in order))
        choices = [_candidates(q, mentioned[q.id]) for q in order]
        spend(sum(len(c) for c in choices))
        return self._search(when, order, choices)

    def _search(
        self, when: Condition, order: list[Question], choices: list[list[Candidate]]
    ) -> bool:
        """Depth first over the questions in file order, as the wizard settles answers
        (:func:`flow.effective_answers`; the kept set is closed under what visibility reads,
        so the outcome is the same). A question hidden by the answers before it keeps no
        answer, so only one branch is tried for it: a follow-up chain costs its length,
        not the product of its options."""
        spend = self.budget.spend
        gates, gate_cost = self.gates, self.gate_cost
        when_cost = size(when)
        kept: dict[str, AnswerValue] = {}
        last = len(order)
        stack: list[list[int]] = [[0, 0]]  # [position in order, next candidate to try]
        while stack:
            frame = stack[-1]
            at, tried = frame
            if at == last:
                stack.pop()
                spend(when_cost)
                if holds(when, kept):
                    return True
                continue
            question = order[at]
            if tried == 0:
                spend(gate_cost[question.id])
                if not all(holds(g, kept) for g in gates[question.id]):
                    frame[1] = len(choices[at])  # hidden: no answer, one branch
                    stack.append([at + 1, 0])
                    continue
            kept.pop(question.id, None)  # undo the previous candidate
            if tried >= len(choices[at]):
                stack.pop()
                continue
            value = choices[at][tried]
            frame[1] = tried + 1
            if value is not None:
                kept[question.id] = value
            stack.append([at + 1, 0])
        return False


def _candidates(question: Question, mentioned: set[str]) -> list[Candidate]:
    """Values that conditions can tell apart: unanswered, each mentioned option, and one real
    option no condition mentions (every such option makes the same tests false; "not asked"
    and "weet ik niet" make them not known, which never makes a condition true)."""
    ids = [o.id for o in question.options if o.id in mentioned]
    other = next(
        (o.id for o in question.options if o.id not in mentioned and o.id != UNKNOWN), None
    )
    result: list[Candidate] = [None]
    if question.type is not QuestionType.MULTIPLE:
        result.extend(ids)
        if other is not None:
            result.append(other)
        return result
    if other is not None:
        result.append((other,))
    exclusive = {o.id for o in question.options if o.exclusive}
    free = [i for i in ids if i not in exclusive]
    result.extend((i,) for i in ids if i in exclusive)
    if len(free) <= MAX_SUBSET_OPTIONS:
        for count in range(1, len(free) + 1):
            result.extend(itertools.combinations(free, count))
    else:
        result.extend((i,) for i in free)
        result.append(tuple(free))
    return result
