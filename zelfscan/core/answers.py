"""Answers: the answers-file format (YAML or JSON) and checking answers against a questionnaire.

Format (questionnaires/README.md)::

    questionnaire: voorbeeld-scan
    answers:
      rol: raadslid                 # single / yesno: the option id
      maatregelen: [codewoord]      # multiple: a list of option ids
      toelichting: "vrije tekst"    # text

Values are read from the scalars' raw text, so ``no`` stays ``"no"``. Answers to hidden
questions are ignored; unknown ids and a missing answer to a visible required question are
errors that name the question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from zelfscan.core import fields as f
from zelfscan.core.errors import AnswersError, QuestionnaireError
from zelfscan.core.fields import Ctx
from zelfscan.core.flow import effective_answers, missing_required, visible_questions
from zelfscan.core.model import AnswerValue, Question, Questionnaire, QuestionType
from zelfscan.core.yamlsafe import MAX_BYTES, compose_strict
from zelfscan.safe_read import FileTooLarge, read_limited

Report = Callable[[yaml.Node | None, str], None]


def answer_values(node: yaml.Node, what: str, report: Report) -> dict[str, AnswerValue] | None:
    """``{question id: value}`` from a map node; lists become tuples, empty values are left
    out. Problems go to ``report`` with the node they are about."""
    if not isinstance(node, yaml.MappingNode):
        report(node, f"{what}: answers must be a map of question id to answer")
        return None
    result: dict[str, AnswerValue] = {}
    for key, value in node.value:
        qid = str(key.value)
        if isinstance(value, yaml.ScalarNode):
            if not f.is_null(value):
                result[qid] = str(value.value)
        elif isinstance(value, yaml.SequenceNode):
            items: list[str] = []
            for item in value.value:
                if isinstance(item, yaml.ScalarNode):
                    items.append(str(item.value))
                else:
                    report(
                        item, f"{what}: question {qid!r}: a list of answers holds option ids only"
                    )
            result[qid] = tuple(items)
        else:
            report(
                value,
                f"{what}: question {qid!r}: expected an option id, a list of option ids or a text",
            )
    return result


def load_answers_file(path: Path) -> tuple[str, dict[str, AnswerValue]]:
    """``(questionnaire id, answers)`` from a YAML or JSON answers file.

    Raises :class:`AnswersError` (never anything else) when the file is unreadable or its
    structure is wrong."""
    name = str(path)
    try:
        data = read_limited(path, MAX_BYTES)  # regular files only, size checked first
    except FileTooLarge as exc:
        raise AnswersError([f"{name}: {exc.reason}"]) from None
    except OSError as exc:
        raise AnswersError([f"{name}: can not read: {exc.strerror or exc}"]) from None
    try:
        root = compose_strict(data, name)
    except QuestionnaireError as exc:
        raise AnswersError([str(e) for e in exc.errors]) from None
    ctx = Ctx(name)
    found = f.fields(ctx, root, "answers file", ("questionnaire", "answers"))
    qid = None
    answers = None
    if found is not None:
        if "questionnaire" in found:
            qid = f.ident(ctx, found["questionnaire"], "questionnaire")
        if "answers" in found:
            answers = answer_values(found["answers"], "answers", ctx.error)
    if ctx.errors or qid is None or answers is None:
        raise AnswersError([str(e) for e in ctx.errors] or [f"{name}: not an answers file"])
    return qid, answers


def answer_problems(
    questionnaire: Questionnaire, answers: Mapping[str, object], hints: f.Hints | None = None
) -> list[tuple[str | None, str]]:
    """``(question id, message)`` for every problem; the id is ``None`` if there is none.

    ``hints`` bounds the "did you mean" work (:class:`~zelfscan.core.fields.Hints`); the
    loader passes the file's own, so many personas share one budget."""
    hints = hints or f.Hints()
    problems: list[tuple[str | None, str]] = []
    valid: dict[str, AnswerValue] = {}
    wrong: dict[str, str] = {}
    for key, value in answers.items():
        if not isinstance(key, str):
            problems.append((None, f"question id {key!r} is not text"))
            continue
        question = questionnaire.questions.get(key)
        if question is None:
            hint = hints(key, questionnaire.questions)
            problems.append((key, f"unknown question {key!r}{hint}"))
            continue
        message, clean = _check_value(question, value, hints)
        if message is not None:
            wrong[key] = message
        elif clean is not None:
            valid[key] = clean
    visible = {q.id for q in visible_questions(questionnaire, valid)}
    problems.extend((key, message) for key, message in wrong.items() if key in visible)
    problems.extend(
        (q.id, f"question {q.id!r} is required but has no answer")
        for q in missing_required(questionnaire, valid)
        if q.id not in wrong
    )
    return problems


persona_problems = answer_problems


def check_answers(questionnaire: Questionnaire, answers: Mapping[str, object]) -> list[str]:
    """Every problem with ``answers``, each naming its question id (empty when fine)."""
    return [message for _, message in answer_problems(questionnaire, answers)]


def normalise_answers(
    questionnaire: Questionnaire, raw: Mapping[str, object]
) -> dict[str, AnswerValue]:
    """Checked answers of the visible questions only (lists become tuples)."""
    problems = check_answers(questionnaire, raw)
    if problems:
        raise AnswersError(problems)
    clean: dict[str, AnswerValue] = {}
    for key, value in raw.items():
        question = questionnaire.questions[key]
        _, norm = _check_value(question, value)
        if norm is not None:
            clean[key] = norm
    return effective_answers(questionnaire, clean)


def _check_value(
    question: Question, value: object, hints: f.Hints | None = None
) -> tuple[str | None, AnswerValue | None]:
    """``(problem, normalised value)``; ``None`` as value means "no answer"."""
    what = f"question {question.id!r}"
    suggest = hints or f.suggest
    if value is None:
        return None, None
    if question.type is QuestionType.TEXT:
        if not isinstance(value, str):
            return f"{what} expects a text", None
        return None, value
    ids = [o.id for o in question.options]
    if question.type is not QuestionType.MULTIPLE:
        if not isinstance(value, str):
            return f"{what} expects one option id, not {type(value).__name__}", None
        if value not in ids:
            return f"{what} has no option {value!r}{suggest(value, ids)}", None
        return None, value
    if isinstance(value, str) or not isinstance(value, list | tuple):
        return f"{what} expects a list of option ids like [{ids[0]}]", None
    for item in value:
        if not isinstance(item, str):
            return f"{what}: option ids are text, not {item!r}", None
        if item not in ids:
            return f"{what} has no option {item!r}{suggest(item, ids)}", None
    if len(set(value)) != len(value):
        return f"{what}: an option is ticked twice", None
    exclusive = [o.id for o in question.options if o.exclusive and o.id in value]
    if exclusive and len(value) > 1:
        return f"{what}: option {exclusive[0]!r} can not be combined with other options", None
    return None, tuple(value)
