"""Which advice applies, in which order, with the role variant merged and the reasons why.

Ordering is priority first, then theme order, then file order: the first three are the
"top 3" on the results page and in the report.
"""

from __future__ import annotations

from collections.abc import Iterable

from zelfscan.core.conditions import holds, positive_leaves
from zelfscan.core.model import (
    LANGUAGES,
    PRIORITY_ORDER,
    UNKNOWN,
    AdviceItem,
    Answers,
    Condition,
    Contact,
    Question,
    Questionnaire,
    Text,
    TextList,
)
from zelfscan.core.results import FindOutTask, Reason, SelectedAdvice


def reasons_for(
    questionnaire: Questionnaire, condition: Condition, answers: Answers
) -> tuple[Reason, ...]:
    """The answers that made ``condition`` true, one per question ("waarom zie ik dit?")."""
    found: dict[str, Reason] = {}
    for leaf in positive_leaves(condition):
        question = questionnaire.questions.get(leaf.question)
        value = answers.get(leaf.question)
        if question is None or value is None or leaf.question in found:
            continue
        chosen = (value,) if isinstance(value, str) else value
        matching = [o for o in chosen if o in leaf.options]
        if matching:
            labels = tuple(opt.label for o in matching if (opt := question.option(o)))
            found[leaf.question] = Reason(question, labels)
    return tuple(found.values())


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


def select_advice(questionnaire: Questionnaire, answers: Answers) -> tuple[SelectedAdvice, ...]:
    """Every advice item whose trigger holds on the (visible) ``answers``, in display order."""
    section_order = {s.id: i for i, s in enumerate(questionnaire.sections)}
    chosen: list[tuple[tuple[int, int, int], SelectedAdvice]] = []
    for index, item in enumerate(questionnaire.advice):
        if not holds(item.when, answers):
            continue
        selected = _merge_variant(questionnaire, item, answers)
        key = (PRIORITY_ORDER[item.priority], section_order.get(item.section, 0), index)
        chosen.append((key, selected))
    chosen.sort(key=lambda pair: pair[0])
    return tuple(s for _, s in chosen)


def _merge_variant(
    questionnaire: Questionnaire, item: AdviceItem, answers: Answers
) -> SelectedAdvice:
    """The item with its first matching variant applied, then every matching addition."""
    variant = next((v for v in item.variants if holds(v.when, answers)), None)
    why, how, effort, cost, who = item.why, item.how, item.effort, item.cost, item.who
    contact_ids = item.contacts
    if variant is not None:
        why = variant.why or why
        how = variant.how or how
        effort = variant.effort or effort
        cost = variant.cost or cost
        who = variant.who or who
        contact_ids = item.contacts if variant.contacts is None else variant.contacts
    for add in questionnaire.additions:
        if not (add.tags & item.tags) or not holds(add.when, answers):
            continue
        why, effort = _joined(why, add.why), _joined(effort, add.effort)
        cost, who = _joined(cost, add.cost), _joined(who, add.who)
        if add.how is not None:
            how = TextList({lang: how.get(lang) + add.how.get(lang) for lang in LANGUAGES})
        contact_ids = tuple(dict.fromkeys((*contact_ids, *add.contacts)))
    return SelectedAdvice(
        item=item,
        priority=item.priority,
        why=why,
        how=how,
        effort=effort,
        cost=cost,
        who=who,
        contacts=contacts_for(questionnaire, contact_ids, answers),
        reasons=reasons_for(questionnaire, item.when, answers),
    )


def _joined(base: Text, extra: Text | None) -> Text:
    if extra is None:
        return base
    return Text({lang: f"{base.get(lang)} {extra.get(lang)}".strip() for lang in LANGUAGES})


def find_out_tasks(visible: Iterable[Question], answers: Answers) -> tuple[FindOutTask, ...]:
    """One "zoek uit"-task per visible question answered "weet ik niet"."""
    tasks = []
    for question in visible:
        value = answers.get(question.id)
        chosen = (value,) if isinstance(value, str) else (value or ())
        if UNKNOWN in chosen:
            tasks.append(FindOutTask(question, question.find_out or _default_task(question)))
    return tuple(tasks)


def _default_task(question: Question) -> Text:
    return Text(
        {
            lang: prefix + question.text.get(lang)
            for lang, prefix in (("nl", "Zoek uit: "), ("en", "Find out: "))
        }
    )
