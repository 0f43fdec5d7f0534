"""Generate a "worst case" answers file: a fully answered scan that triggers as much advice
as one set of answers can, for the ``zelfscan-cli report`` benchmark (design.md §5).

Greedy search over the real engine: start from the least safe option of every question,
then, question by question, keep the answer (for a checklist: the set of ticks) that
selects the most advice items, with red flags and find-out tasks as tie-breakers. A few
passes settle it. Some advice items exclude each other (a bestuurder's route versus a
raadslid's), so "all advice" means "as much as one person can get"; the script prints how
many of the questionnaire's advice items that is.

    python benchmarks/bench_worstcase.py persoonlijke-veiligheid --out /tmp/worst.yaml
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from zelfscan.core.catalog import builtin_dirs, discover  # noqa: E402
from zelfscan.core.evaluate import evaluate  # noqa: E402
from zelfscan.core.flow import effective_answers  # noqa: E402
from zelfscan.core.model import AnswerValue, Question, Questionnaire, QuestionType  # noqa: E402

PASSES = 3


def _rank(questionnaire: Questionnaire, answers: dict[str, AnswerValue]) -> tuple[int, int, int]:
    result = evaluate(questionnaire, answers)
    return (len(result.advice), len(result.red_flags), len(result.tasks))


def _least_safe(question: Question) -> AnswerValue | None:
    if question.type is QuestionType.TEXT or not question.options:
        return None
    if question.type is QuestionType.MULTIPLE:
        if not question.required:
            return ()
        # nothing ticked is no answer to a required checklist: its "none of these" instead
        exclusive = [o for o in question.options if o.exclusive]
        return ((exclusive or list(question.options))[0].id,)
    scored = [o for o in question.options if o.points is not None]
    pick = min(scored, key=lambda o: o.points or 0.0) if scored else question.options[0]
    return pick.id


def _candidates(question: Question, current: AnswerValue | None) -> Iterator[AnswerValue]:
    if question.type is QuestionType.MULTIPLE:
        for value in _checklist_candidates(question, current):
            if value or not question.required:  # a required checklist needs a tick
                yield value
    else:
        for option in question.options:
            yield option.id


def _checklist_candidates(question: Question, current: AnswerValue | None) -> Iterator[AnswerValue]:
    """Nothing, or the current ticks with one option toggled (an exclusive one alone)."""
    ticked = tuple(current) if isinstance(current, tuple) else ()
    yield ()
    for option in question.options:
        if option.exclusive:
            yield (option.id,)
        elif option.id in ticked:
            yield tuple(t for t in ticked if t != option.id)
        else:
            plain = [t for t in ticked if not (question.option(t) or option).exclusive]
            yield (*plain, option.id)


def worst_case(questionnaire: Questionnaire) -> dict[str, AnswerValue]:
    """Answers to every question that select as much advice as the greedy search finds."""
    answers: dict[str, AnswerValue] = {}
    for question in questionnaire.questions.values():
        value = _least_safe(question)
        if value is not None:
            answers[question.id] = value
    best = _rank(questionnaire, answers)
    for _ in range(PASSES):
        improved = False
        for question in questionnaire.questions.values():
            if question.type is QuestionType.TEXT:
                continue
            for value in _candidates(question, answers.get(question.id)):
                trial = {**answers, question.id: value}
                rank = _rank(questionnaire, trial)
                if rank > best:
                    answers, best, improved = trial, rank, True
        if not improved:
            break
    # Only what the user could actually have answered: hidden questions are dropped.
    return dict(effective_answers(questionnaire, answers))


def answers_document(questionnaire: Questionnaire, answers: dict[str, AnswerValue]) -> str:
    data = {
        "questionnaire": questionnaire.id,
        "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def load_all() -> dict[str, Questionnaire]:
    """Every built-in questionnaire that loads (a broken one is reported, not fatal)."""
    catalog = discover(builtin_dirs())
    if catalog.errors:
        files = sorted({str(e).split(":", 1)[0] for e in catalog.errors})
        print(f"skipped (invalid): {', '.join(files)}", file=sys.stderr)
    return catalog.questionnaires


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questionnaire", help="questionnaire id")
    parser.add_argument("--out", type=Path, required=True, help="answers file to write (YAML)")
    args = parser.parse_args(argv)
    questionnaire = load_all()[args.questionnaire]
    answers = worst_case(questionnaire)
    args.out.write_text(answers_document(questionnaire, answers), encoding="utf-8")
    selected = len(evaluate(questionnaire, answers).advice)
    print(f"{args.out}: {len(answers)} answers, {selected}/{len(questionnaire.advice)} advice")
    return 0


if __name__ == "__main__":
    sys.exit(main())
