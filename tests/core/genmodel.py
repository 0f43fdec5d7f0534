"""Hypothesis strategies for small random questionnaires and answers, built as model objects.

Kept independent of the YAML loader so engine properties are tested on their own.
"""

from __future__ import annotations

from hypothesis import strategies as st

from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    AdviceItem,
    AllOf,
    AnswerIn,
    AnyOf,
    Condition,
    Not,
    Option,
    Priority,
    Question,
    Questionnaire,
    QuestionType,
    Section,
    Text,
    TextList,
    Thresholds,
)

T = Text({"nl": "x", "en": "x"})
PROFILE_OPTIONS = ("a", "b")


def _option(oid: str, points: float | None, exclusive: bool = False) -> Option:
    return Option(oid, T, points, exclusive)


@st.composite
def questions(draw: st.DrawFn, qid: str, section: str) -> Question:
    kind = draw(st.sampled_from([QuestionType.SINGLE, QuestionType.MULTIPLE]))
    n = draw(st.integers(min_value=2, max_value=4))
    points = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    if kind is QuestionType.SINGLE and max(points) == 0:
        points[0] = 1
    options = [_option(f"o{i}", float(p)) for i, p in enumerate(points)]
    if kind is QuestionType.MULTIPLE:
        options.append(_option("geen", 0.0, exclusive=True))
    options.append(_option(UNKNOWN, 0.0, exclusive=kind is QuestionType.MULTIPLE))
    options.append(_option(NOT_APPLICABLE, None, exclusive=kind is QuestionType.MULTIPLE))
    hidden_unless = draw(st.sampled_from([None, "a", "b"]))
    show_if = AnswerIn("profiel", frozenset({hidden_unless})) if hidden_unless else None
    return Question(qid, kind, T, section, True, tuple(options), show_if=show_if)


@st.composite
def follow_up(draw: st.DrawFn, parent: Question, qid: str) -> Question | None:
    """A scored question shown by some answers of ``parent``, in a form the score accepts:
    for a single choice every hiding answer scores below or above every showing answer."""
    real = [o for o in parent.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]
    if parent.type is QuestionType.SINGLE:
        values = sorted({o.points for o in real if o.points is not None})
        if len(values) < 2:
            return None
        cut = draw(st.integers(0, len(values) - 2))
        above = draw(st.booleans())
        showing = [
            o.id
            for o in real
            if o.points is not None
            and ((o.points > values[cut]) if above else (o.points <= values[cut]))
        ]
    else:
        positive = [o.id for o in real if not o.exclusive and (o.points or 0) > 0]
        if not positive:
            return None
        showing = draw(st.lists(st.sampled_from(positive), min_size=1, unique=True))
    test: Condition = AnswerIn(parent.id, frozenset(showing))
    if draw(st.booleans()):
        test = AllOf(
            (AnswerIn("profiel", frozenset({draw(st.sampled_from(PROFILE_OPTIONS))})), test)
        )
    base = draw(questions(qid, parent.section))
    return Question(qid, base.type, T, parent.section, True, base.options, show_if=test)


@st.composite
def conditions(draw: st.DrawFn, qs: tuple[Question, ...], depth: int = 2) -> Condition:
    """A random trigger over ``qs`` and the profile question: tests, `not`, `all`, `any`."""
    kind = draw(st.sampled_from(["leaf", "leaf", "not", "all", "any"] if depth else ["leaf"]))
    if kind == "leaf":
        question = draw(st.sampled_from([*qs, None]))
        if question is None:
            return AnswerIn("profiel", frozenset({draw(st.sampled_from(PROFILE_OPTIONS))}))
        real = [o.id for o in question.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]
        chosen = draw(st.lists(st.sampled_from(real), min_size=1, max_size=2, unique=True))
        return AnswerIn(question.id, frozenset(chosen))
    if kind == "not":
        return Not(draw(conditions(qs, depth - 1)))
    parts = tuple(draw(st.lists(conditions(qs, depth - 1), min_size=1, max_size=3)))
    return AllOf(parts) if kind == "all" else AnyOf(parts)


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    profile_q = Question(
        "profiel",
        QuestionType.SINGLE,
        T,
        "over-u",
        True,
        tuple(_option(o, None) for o in PROFILE_OPTIONS),
    )
    sections = [Section("over-u", T, (profile_q,), profile=True)]
    advice = []
    for s in range(draw(st.integers(1, 3))):
        sid = f"s{s}"
        count = draw(st.integers(1, 4))
        qs = tuple(draw(questions(f"q{s}-{i}", sid)) for i in range(count))
        if draw(st.booleans()):  # a follow-up (and sometimes one of that) after the first
            first = qs[0]
            extra = draw(follow_up(first, f"q{s}-f")) if first.show_if is None else None
            if extra is not None:
                deeper = draw(follow_up(extra, f"q{s}-ff")) if draw(st.booleans()) else None
                qs = (first, extra, *((deeper,) if deeper else ()), *qs[1:])
        sections.append(Section(sid, T, qs))
        for q in qs:
            simple = AnswerIn(q.id, frozenset({"o0"}))
            advice.append(
                AdviceItem(
                    f"adv-{q.id}",
                    sid,
                    draw(st.sampled_from(list(Priority))),
                    draw(st.sampled_from([simple, draw(conditions(qs))])),
                    T,
                    T,
                    TextList({"nl": ("x",), "en": ("x",)}),
                    T,
                    T,
                    T,
                )
            )
    goed = draw(st.integers(1, 100))
    aandacht = draw(st.integers(0, goed - 1))
    return Questionnaire(
        id="gen",
        version="1",
        schema_version=1,
        title=T,
        intro=T,
        minutes=1,
        stand_per="2026-11-01",
        thresholds=Thresholds(float(goed), float(aandacht)),
        sections=tuple(sections),
        advice=tuple(advice),
    )


def answer_for(draw: st.DrawFn, question: Question) -> str | tuple[str, ...] | None:
    ids = [o.id for o in question.options]
    if question.type is QuestionType.SINGLE:
        return draw(st.sampled_from([None, *ids]))
    plain = [o.id for o in question.options if not o.exclusive]
    choice = draw(st.sampled_from(["subset", "geen", UNKNOWN, NOT_APPLICABLE, "none"]))
    if choice == "subset":
        return tuple(o for o in plain if draw(st.booleans())) or None
    return None if choice == "none" else (choice,)


@st.composite
def scans(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, str | tuple[str, ...]]]:
    q = draw(questionnaires())
    answers: dict[str, str | tuple[str, ...]] = {"profiel": draw(st.sampled_from(PROFILE_OPTIONS))}
    for question in q.questions.values():
        if question.id == "profiel":
            continue
        value = answer_for(draw, question)
        if value is not None:
            answers[question.id] = value
    return q, answers
