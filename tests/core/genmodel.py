"""Hypothesis strategies for small random questionnaires and answers, built as model objects.

Kept independent of the YAML loader so engine properties are tested on their own.
"""

from __future__ import annotations

from hypothesis import strategies as st

from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    AdviceItem,
    AnswerIn,
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
        sections.append(Section(sid, T, qs))
        for q in qs:
            advice.append(
                AdviceItem(
                    f"adv-{q.id}",
                    sid,
                    draw(st.sampled_from(list(Priority))),
                    AnswerIn(q.id, frozenset({"o0", UNKNOWN})),
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
