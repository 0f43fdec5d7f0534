"""Which advice applies, in which order, with the role variant merged and the reasons why.

Three rules decide what a person gets (``questionnaires/README.md`` explains them to editors):

* **Why**: every item carries the answers that made its trigger true
  (:func:`reasons_for`); under ``not`` those are the actual answers that made the inner test
  false. The reasons are never empty.
* **Weet ik niet**: an item whose trigger is "not known" only because of "weet ik niet"
  answers, and would be true for some real answer, is not an action: it becomes part of the
  find-out task of that question ("Blijkt het ‘Nee’? Doe dan dit: ...",
  :class:`ConditionalAdvice`).
* **Order** (the first three are the top 3): first the items an active red flag raises, in
  the order the flags list them (the first item of every flag, then the second, ...); then by
  priority, theme order and file order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from zelfscan.core.conditions import explain, holds, referenced, truth
from zelfscan.core.model import (
    LANGUAGES,
    NOT_APPLICABLE,
    PRIORITY_ORDER,
    UNKNOWN,
    AdviceItem,
    Answers,
    AnswerValue,
    Condition,
    Contact,
    Option,
    Priority,
    Question,
    Questionnaire,
    QuestionType,
    Source,
    Text,
    TextList,
)
from zelfscan.core.results import (
    ConditionalAdvice,
    FindOutTask,
    Reason,
    SelectedAdvice,
    TriggeredFlag,
)

MAX_COMPLETIONS = 512
"""How many combinations of real answers to try for the "weet ik niet" questions of one
trigger; past this the rest is not tried (no built-in trigger comes near it)."""

_Key = tuple[int, int, int, int, int, int]


def reasons_for(
    questionnaire: Questionnaire, condition: Condition, answers: Answers
) -> tuple[Reason, ...]:
    """The answers that made ``condition`` true, one per question ("waarom zie ik dit?").

    Only call this for a condition that holds; the result is then never empty.
    """
    found: dict[str, list[str]] = {}
    for leaf in explain(condition, answers):
        value = answers.get(leaf.question)
        chosen = (value,) if isinstance(value, str) else tuple(value or ())
        matched = truth(leaf, answers) is True
        ids = [o for o in chosen if o in leaf.options] if matched else list(chosen)
        bucket = found.setdefault(leaf.question, [])
        bucket.extend(i for i in ids if i not in bucket)
    reasons = []
    for qid, ids in found.items():
        question = questionnaire.questions.get(qid)
        if question is None:
            continue
        order = [o.id for o in question.options]
        ordered = sorted(ids, key=lambda i: order.index(i) if i in order else len(order))
        labels = tuple(opt.label for i in ordered if (opt := question.option(i)))
        reasons.append(Reason(question, labels, tuple(ordered)))
    return tuple(reasons)


def contacts_for(
    questionnaire: Questionnaire, ids: Iterable[str], answers: Answers
) -> tuple[Contact, ...]:
    """The contacts named by ``ids`` that apply to this person (e.g. by role)."""
    result = []
    for contact_id in ids:
        contact = questionnaire.contact(contact_id)
        if contact is not None and (contact.show_if is None or holds(contact.show_if, answers)):
            result.append(contact)
    return tuple(result)


def raised_items(flags: Sequence[TriggeredFlag]) -> dict[str, tuple[tuple[int, int], list[str]]]:
    """Advice id -> ((rank in the flag's list, flag index), flag ids) for the active flags.

    An item raised by several flags keeps its best place and names every flag.
    """
    raised: dict[str, tuple[tuple[int, int], list[str]]] = {}
    for index, triggered in enumerate(flags):
        for rank, advice_id in enumerate(triggered.flag.raises):
            place = (rank, index)
            if advice_id in raised:
                best, names = raised[advice_id]
                names.append(triggered.flag.id)
                raised[advice_id] = (min(best, place), names)
            else:
                raised[advice_id] = (place, [triggered.flag.id])
    return raised


def select_advice(
    questionnaire: Questionnaire, answers: Answers, flags: Sequence[TriggeredFlag] = ()
) -> tuple[SelectedAdvice, ...]:
    """Every advice item whose trigger holds on the (visible) ``answers``, in display order."""
    raised = raised_items(flags)
    chosen: list[tuple[_Key, SelectedAdvice]] = []
    for index, item in enumerate(questionnaire.advice):
        if not holds(item.when, answers):
            continue
        reasons = _with_flag_reasons(reasons_for(questionnaire, item.when, answers), item, flags)
        selected = _merge_variant(questionnaire, item, answers, reasons, raised)
        chosen.append((_order(questionnaire, selected, index, raised), selected))
    chosen.sort(key=lambda pair: pair[0])
    return tuple(s for _, s in chosen)


def conditional_advice(
    questionnaire: Questionnaire, answers: Answers, flags: Sequence[TriggeredFlag] = ()
) -> tuple[ConditionalAdvice, ...]:
    """Advice that would apply if a "weet ik niet" answer turned out a certain way.

    For an item whose trigger is not known, the "weet ik niet" questions it reads get every
    real answer in turn (other answers unchanged); the answers that make the trigger true
    become the "if" of the line. Ordered like the actions.
    """
    raised = raised_items(flags)
    found: list[tuple[_Key, ConditionalAdvice]] = []
    for index, item in enumerate(questionnaire.advice):
        if truth(item.when, answers) is not None:
            continue
        unknown = [qid for qid in referenced(item.when) if _is_unknown(answers.get(qid))]
        questions = [q for qid in unknown if (q := questionnaire.questions.get(qid))]
        if not questions:
            continue
        triggering, example = _completions(item.when, answers, questions)
        if example is None:
            continue
        reasons = tuple(
            Reason(r.question, (_unknown_label(r.question),), (UNKNOWN,))
            if r.question.id in triggering
            else r
            for r in reasons_for(questionnaire, item.when, example)
        )
        reasons = _with_flag_reasons(reasons, item, flags)
        selected = _merge_variant(questionnaire, item, answers, reasons, raised)
        key = _order(questionnaire, selected, index, raised)
        for question in questions:
            ids = triggering.get(question.id)
            if ids:
                found.append((key, _conditional(selected, question, ids)))
    found.sort(key=lambda pair: pair[0])
    return tuple(c for _, c in found)


def find_out_tasks(
    visible: Iterable[Question],
    answers: Answers,
    conditionals: Sequence[ConditionalAdvice] = (),
) -> tuple[FindOutTask, ...]:
    """One "zoek uit"-task per visible question answered "weet ik niet", with the advice that
    depends on it; tasks with advice raised by a red flag come first."""
    tasks = []
    for question in visible:
        if _is_unknown(answers.get(question.id)):
            then = tuple(c for c in conditionals if c.question.id == question.id)
            tasks.append(FindOutTask(question, question.find_out or _default_task(question), then))
    tasks.sort(key=lambda t: not any(c.advice.raised for c in t.then))
    return tuple(tasks)


# --- helpers ------------------------------------------------------------------------------


def _with_flag_reasons(
    reasons: tuple[Reason, ...], item: AdviceItem, flags: Sequence[TriggeredFlag]
) -> tuple[Reason, ...]:
    """An item raised by a red flag also names the answers that set the flag off."""
    seen = {r.question.id for r in reasons}
    extra = []
    for triggered in flags:
        if item.id in triggered.flag.raises:
            for reason in triggered.reasons:
                if reason.question.id not in seen:
                    seen.add(reason.question.id)
                    extra.append(reason)
    return (*reasons, *extra)


def _is_unknown(value: AnswerValue | None) -> bool:
    chosen = (value,) if isinstance(value, str) else (value or ())
    return UNKNOWN in chosen


def _unknown_label(question: Question) -> Text:
    option = question.option(UNKNOWN)
    return option.label if option else Text({"nl": "Weet ik niet", "en": "I don't know"})


def _order(
    questionnaire: Questionnaire,
    selected: SelectedAdvice,
    index: int,
    raised: dict[str, tuple[tuple[int, int], list[str]]],
) -> _Key:
    section_order = {s.id: i for i, s in enumerate(questionnaire.sections)}
    theme = section_order.get(selected.section, 0)
    priority = PRIORITY_ORDER[selected.priority]
    if selected.id in raised:
        (rank, flag), _ = raised[selected.id]
        return (0, rank, flag, priority, theme, index)
    return (1, 0, 0, priority, theme, index)


def _candidates(question: Question) -> list[AnswerValue]:
    real = [o.id for o in question.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]
    if question.type is QuestionType.MULTIPLE:
        return [(o,) for o in real]
    return list(real)


def _completions(
    when: Condition, answers: Answers, questions: list[Question]
) -> tuple[dict[str, set[str]], dict[str, AnswerValue] | None]:
    """For each question, the real answers that can make ``when`` true; and one full set of
    answers where it is true (``None`` when no real answers make it true)."""
    triggering: dict[str, set[str]] = {q.id: set() for q in questions}
    example: dict[str, AnswerValue] | None = None
    combos = itertools.product(*(_candidates(q) for q in questions))
    for combo in itertools.islice(combos, MAX_COMPLETIONS):
        trial = {**answers, **{q.id: v for q, v in zip(questions, combo, strict=True)}}
        if holds(when, trial):
            example = example or trial
            for q, value in zip(questions, combo, strict=True):
                triggering[q.id].update((value,) if isinstance(value, str) else value)
    return triggering, example


def _conditional(selected: SelectedAdvice, question: Question, ids: set[str]) -> ConditionalAdvice:
    real = [o for o in question.options if o.id not in (UNKNOWN, NOT_APPLICABLE)]
    hits = [o for o in real if o.id in ids]
    rest = [o for o in real if o.id not in ids]
    checklist = question.type is QuestionType.MULTIPLE
    missing = bool(rest) and len(rest) < len(hits) and (checklist or len(hits) > 2)
    shown = tuple(rest if missing else hits)
    return ConditionalAdvice(
        advice=selected,
        question=question,
        options=shown,
        missing=missing,
        line=_if_line(shown, missing, checklist, selected.title),
    )


_IF_LINES = {
    # (checklist, missing) -> (nl, en); {labels} and {title} are filled in
    (False, False): (
        "Blijkt het antwoord {labels}? Doe dan dit: {title}",
        "If the answer turns out to be {labels}: {title}",
    ),
    (False, True): (
        "Blijkt het antwoord niet {labels}? Doe dan dit: {title}",
        "If the answer turns out not to be {labels}: {title}",
    ),
    (True, False): (
        "Blijkt {labels} te kloppen? Doe dan dit: {title}",
        "If {labels} turns out to apply: {title}",
    ),
    (True, True): (
        "Blijkt {labels} te ontbreken? Doe dan dit: {title}",
        "If {labels} turns out to be missing: {title}",
    ),
}
_OR = {"nl": " of ", "en": " or "}


def _if_line(options: Sequence[Option], missing: bool, checklist: bool, title: Text) -> Text:
    templates = dict(zip(LANGUAGES, _IF_LINES[(checklist, missing)], strict=True))
    lines = {}
    for lang in LANGUAGES:
        labels = _OR[lang].join(f"‘{o.label.get(lang)}’" for o in options)
        end = title.get(lang).rstrip()
        end = end if end.endswith((".", "!", "?")) else end + "."
        lines[lang] = templates[lang].format(labels=labels, title=end)
    return Text(lines)


def _merge_variant(
    questionnaire: Questionnaire,
    item: AdviceItem,
    answers: Answers,
    reasons: tuple[Reason, ...],
    raised: dict[str, tuple[tuple[int, int], list[str]]],
) -> SelectedAdvice:
    """The item with its first matching variant applied, then every matching addition."""
    variant = next((v for v in item.variants if holds(v.when, answers)), None)
    why, how, effort, cost, who = item.why, item.how, item.effort, item.cost, item.who
    contact_ids = item.contacts
    sources: list[Source] = list(item.sources)
    if variant is not None:
        why = variant.why or why
        how = variant.how or how
        effort = variant.effort or effort
        cost = variant.cost or cost
        who = variant.who or who
        contact_ids = item.contacts if variant.contacts is None else variant.contacts
        sources += variant.sources
    for add in questionnaire.additions:
        if not (add.tags & item.tags) or not holds(add.when, answers):
            continue
        why, effort = _joined(why, add.why), _joined(effort, add.effort)
        cost, who = _joined(cost, add.cost), _joined(who, add.who)
        if add.how is not None:
            how = TextList({lang: how.get(lang) + add.how.get(lang) for lang in LANGUAGES})
        contact_ids = tuple(dict.fromkeys((*contact_ids, *add.contacts)))
        sources += add.sources
    raised_by = tuple(raised[item.id][1]) if item.id in raised else ()
    own = variant.priority if variant is not None and variant.priority else item.priority
    return SelectedAdvice(
        item=item,
        priority=Priority.HOOG if raised_by else own,
        why=why,
        how=how,
        effort=effort,
        cost=cost,
        who=who,
        contacts=contacts_for(questionnaire, contact_ids, answers),
        reasons=reasons,
        raised_by=raised_by,
        sources=tuple({s.id: s for s in sources}.values()),
    )


def _joined(base: Text, extra: Text | None) -> Text:
    if extra is None:
        return base
    return Text({lang: f"{base.get(lang)} {extra.get(lang)}".strip() for lang in LANGUAGES})


def _default_task(question: Question) -> Text:
    return Text(
        {
            lang: prefix + question.text.get(lang)
            for lang, prefix in (("nl", "Zoek uit: "), ("en", "Find out: "))
        }
    )
