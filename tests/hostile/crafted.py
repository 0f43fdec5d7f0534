"""Worst-case questionnaire files for the validator: valid YAML within every node limit,
built to make each check as expensive as the format allows.

Used by the tests (``test_crafted.py``: the work counter, never a clock) and by the benchmark
(``benchmarks/bench_crafted.py``: validation time as a ratio of ``yaml.safe_load`` of the
same file). Each generator takes a size knob and returns the file's text; :data:`KINDS`
names them, and :func:`fill` grows a kind until the file is just under a target size.
"""

from __future__ import annotations

from collections.abc import Callable

HEAD = """schema_version: 1
id: crafted
version: "1"
stand_per: "2026-11-01"
minutes: 5
title: {nl: T, en: T}
intro: {nl: I, en: I}
levels: {goed: 80, aandacht: 50}
"""

ADVICE_TAIL = (
    "    title: {nl: T, en: T}\n    why: {nl: W, en: W}\n"
    "    how: {nl: [H], en: [H]}\n    effort: {nl: E, en: E}\n"
    "    cost: {nl: C, en: C}\n    who: {nl: W, en: W}\n"
)


def _yesno(qid: str, show_if: str | None = None) -> str:
    extra = f"\n        show_if: {show_if}" if show_if else ""
    return f"      - id: {qid}\n        type: yesno\n        text: {{nl: Q, en: Q}}{extra}\n"


def _section(sid: str, questions: list[str]) -> str:
    return f"  - id: {sid}\n    title: {{nl: S, en: S}}\n    questions:\n" + "".join(questions)


def _advice(aid: str, when: str) -> str:
    return f"  - id: {aid}\n    priority: hoog\n    when: {when}\n" + ADVICE_TAIL


def _file(sections: list[str], advice: list[str]) -> str:
    text = HEAD + "sections:\n" + "".join(sections)
    if advice:
        text += "advice:\n" + "".join(advice)
    return text


def contradiction(n: int) -> str:
    """One advice item over ``n`` yes/no questions that no answers trigger, so the search
    must try every combination (3^n): ``all`` of an ``any`` over them and its negation."""
    questions = [_yesno(f"q{i}") for i in range(n)]
    anyof = ", ".join(f"{{answer: q{i}, in: [ja]}}" for i in range(n))
    when = f"{{all: [{{any: [{anyof}]}}, {{not: {{any: [{anyof}]}}}}]}}"
    return _file([_section("s", questions)], [_advice("a0", when)])


def many_items(n: int, width: int = 12) -> str:
    """``n`` advice items, each an unsatisfiable condition over the same ``width`` questions:
    every item uses its whole budget, so the file's budget decides."""
    questions = [_yesno(f"q{i}") for i in range(width)]
    anyof = ", ".join(f"{{answer: q{i}, in: [ja]}}" for i in range(width))
    when = f"{{all: [{{any: [{anyof}]}}, {{not: {{any: [{anyof}]}}}}]}}"
    return _file([_section("s", questions)], [_advice(f"a{i}", when) for i in range(n)])


def chain(n: int) -> str:
    """``n`` questions, each shown only after a yes to the previous one, and one item per
    question that reads it: visibility closures as long as the file allows."""
    questions = [_yesno("q0")] + [
        _yesno(f"q{i}", f"{{answer: q{i - 1}, in: [ja]}}") for i in range(1, n)
    ]
    advice = [_advice(f"a{i}", f"{{answer: q{i}, in: [nee]}}") for i in range(n)]
    return _file([_section("s", questions)], advice)


def deep(n: int, depth: int = 22) -> str:
    """``n`` items whose conditions nest ``not``/``all``/``any`` as deep as the format allows."""
    questions = [_yesno(f"q{i}") for i in range(6)]
    advice = []
    for i in range(n):
        when = f"{{answer: q{i % 6}, in: [ja]}}"
        for level in range(depth):
            key = ("all", "any")[level % 2]
            when = f"{{{key}: [{when}, {{answer: q{(i + level) % 6}, in: [nee]}}]}}"
        advice.append(_advice(f"a{i}", when))
    return _file([_section("s", questions)], advice)


def checklists(n: int) -> str:
    """``n`` items over three checklists of eight free options each (2^8 subsets apiece)."""
    options = "".join(
        f"          - {{id: o{j}, label: {{nl: O, en: O}}, points: 1}}\n" for j in range(8)
    )
    questions = [
        f"      - id: m{i}\n        type: multiple\n        text: {{nl: Q, en: Q}}\n"
        f"        options:\n{options}"
        for i in range(3)
    ]
    opts = ", ".join(f"o{j}" for j in range(8))
    parts = ", ".join(f"{{answer: m{i}, in: [{opts}]}}" for i in range(3))
    when = f"{{all: [{parts}, {{not: {{any: [{parts}]}}}}]}}"
    return _file([_section("s", questions)], [_advice(f"a{i}", when) for i in range(n)])


def unknown_refs(n: int) -> str:
    """``n`` questions and ``n`` conditions that name a question that does not exist: every
    error looks for a "did you mean" among all question ids."""
    questions = [_yesno(f"vraag-{i:05d}") for i in range(n)]
    advice = [_advice(f"a{i}", f"{{answer: vraag-{i:05d}x, in: [ja]}}") for i in range(n)]
    return _file([_section("s", questions)], advice)


def many_options(n: int) -> str:
    """One single-choice question with ``n`` options, each read by its own advice item."""
    options = "".join(f"          - {{id: o{j}, label: {{nl: O, en: O}}}}\n" for j in range(n))
    question = (
        f"      - id: keuze\n        type: single\n        text: {{nl: Q, en: Q}}\n"
        f"        options:\n{options}"
    )
    advice = [_advice(f"a{j}", f"{{answer: keuze, in: [o{j}]}}") for j in range(n)]
    return _file([_section("s", [question])], advice)


def personas(n: int, questions: int = 200) -> str:
    """``n`` personas that each answer ``questions`` questions (every persona is checked)."""
    qs = [_yesno(f"q{i}") for i in range(questions)]
    answers = "".join(f"      q{i}: ja\n" for i in range(questions))
    people = "".join(
        f"  - id: p{i}\n    name: {{nl: P, en: P}}\n    description: {{nl: D, en: D}}\n"
        f"    answers:\n{answers}"
        for i in range(n)
    )
    return _file([_section("s", qs)], [_advice("a", "{answer: q0, in: [nee]}")]) + (
        "personas:\n" + people
    )


def wide_personas(n: int) -> str:
    """``n`` questions and ``n`` personas with one answer each: every persona's check walks
    every question."""
    return personas(n, questions=1) if n < 1 else _wide_personas(n)


def _wide_personas(n: int) -> str:
    qs = [_yesno(f"q{i}", "{answer: q0, in: [ja]}" if i else None) for i in range(n)]
    people = "".join(
        f"  - id: p{i}\n    name: {{nl: P, en: P}}\n    description: {{nl: D, en: D}}\n"
        f"    answers: {{q{i}: ja}}\n"
        for i in range(n)
    )
    return _file([_section("s", qs)], [_advice("a", "{answer: q0, in: [nee]}")]) + (
        "personas:\n" + people
    )


KINDS: dict[str, Callable[[int], str]] = {
    "contradiction": contradiction,
    "many-items": many_items,
    "chain": chain,
    "deep": deep,
    "checklists": checklists,
    "unknown-refs": unknown_refs,
    "many-options": many_options,
    "personas": personas,
    "wide-personas": wide_personas,
}


def values(text: str) -> int:
    """How many values (scalars, lists, maps) the file has: the loader allows 200,000."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    kinds = (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)
    return sum(isinstance(e, kinds) for e in yaml.parse(text, Loader=loader))


def fill(kind: str, target: int = 1_000_000, *, max_values: int = 200_000) -> str:
    """The largest file of ``kind`` under ``target`` bytes and ``max_values`` values
    (the loader's limits), by binary search on the generator's size knob."""
    make = KINDS[kind]
    if kind == "contradiction":
        return make(40)  # already more work than any budget allows

    def fits(n: int) -> bool:
        text = make(n)
        return len(text.encode()) < target and values(text) <= max_values

    low, high = 1, 2
    while fits(high):
        low, high = high, high * 2
    while high - low > 1:
        mid = (low + high) // 2
        if fits(mid):
            low = mid
        else:
            high = mid
    return make(low)
