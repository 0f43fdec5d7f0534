"""Plain-JSON views of the model and of an evaluation: ``zelfscan-cli show --json`` and
``zelfscan-cli score --json``, a contract other tools rely on (tests/test_cli.py)."""

from __future__ import annotations

from typing import Any

from zelfscan.core.model import AllOf, AnswerIn, AnyOf, Condition, Not, Questionnaire, QuestionType
from zelfscan.core.results import Evaluation, Reason
from zelfscan.core.training_json import training_to_json


def condition_to_json(condition: Condition | None) -> Any:
    """The condition in the same shape as the YAML, so editors recognise it."""
    match condition:
        case None:
            return None
        case AnswerIn(question=qid, options=options):
            return {"answer": qid, "in": sorted(options)}
        case AllOf(conditions=parts):
            return {"all": [condition_to_json(p) for p in parts]}
        case AnyOf(conditions=parts):
            return {"any": [condition_to_json(p) for p in parts]}
        case Not(condition=inner):
            return {"not": condition_to_json(inner)}
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - closed union


def questionnaire_to_json(q: Questionnaire, lang: str) -> dict[str, Any]:
    return {
        "id": q.id,
        "version": q.version,
        "schema_version": q.schema_version,
        "title": q.title.get(lang),
        "minutes": q.minutes,
        "draft": q.draft,
        "stand_per": q.stand_per,
        "levels": {"goed": q.thresholds.goed, "aandacht": q.thresholds.aandacht},
        "sections": [
            {
                "id": s.id,
                "title": s.title.get(lang),
                "profile": s.profile,
                "show_if": condition_to_json(s.show_if),
                "questions": [
                    {
                        "id": qu.id,
                        "type": qu.type.value,
                        "text": qu.text.get(lang),
                        "required": qu.required,
                        "options": [
                            {
                                "id": o.id,
                                "label": o.label.get(lang),
                                "points": o.points,
                                "exclusive": o.exclusive,
                            }
                            for o in qu.options
                        ],
                        "show_if": condition_to_json(qu.show_if),
                    }
                    for qu in s.questions
                ],
            }
            for s in q.sections
        ],
        "advice": [
            {
                "id": a.id,
                "section": a.section,
                "priority": a.priority.value,
                "title": a.title.get(lang),
                "when": condition_to_json(a.when),
                "tags": sorted(a.tags),
            }
            for a in q.advice
        ],
        "additions": [
            {"id": a.id, "tags": sorted(a.tags), "when": condition_to_json(a.when)}
            for a in q.additions
        ],
        "red_flags": [
            {
                "id": f.id,
                "section": f.section,
                "cap": f.cap.value,
                "when": condition_to_json(f.when),
            }
            for f in q.red_flags
        ],
        "contacts": [
            {"id": c.id, "name": c.name.get(lang), "urgent": c.urgent} for c in q.contacts
        ],
        "personas": [{"id": p.id, "name": p.name.get(lang)} for p in q.personas],
        **training_to_json(q, lang),  # trainer notes, prompts, persona texts, session script
    }


def evaluation_to_json(ev: Evaluation, lang: str) -> dict[str, Any]:
    return {
        "questionnaire": ev.questionnaire_id,
        "version": ev.version,
        "overall": {"score": ev.overall_score, "level": ev.overall_level.value},
        "sections": [
            {
                "id": s.section_id,
                "title": s.title.get(lang),
                "score": s.score,
                "level": s.level.value,
                "unknown": s.unknown,
                "capped_by": list(s.capped_by),
            }
            for s in ev.sections
        ],
        "advice": [
            {
                "id": a.id,
                "section": a.section,
                "priority": a.priority.value,
                "title": a.title.get(lang),
                "why": why_to_json(a.reasons),
                "raised_by": list(a.raised_by),
                "sources": [src.id for src in a.sources],
            }
            for a in ev.advice
        ],
        "top": [a.id for a in ev.top],
        "red_flags": [f.flag.id for f in ev.red_flags],
        "tasks": [t.question.id for t in ev.tasks],
        "find_out": [
            {
                "question": t.question.id,
                "then": [
                    {
                        "id": c.advice.id,
                        "priority": c.advice.priority.value,
                        "if": [o.id for o in c.options],
                        "missing": c.missing,
                        "line": c.line.get(lang),
                    }
                    for c in t.then
                ],
            }
            for t in ev.tasks
        ],
    }


def why_to_json(reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
    """``why`` of ``score --json``: one ``{"question", "answer"}`` per reason, the answer in the
    answers-file form (an option id, or a list of them for a checklist)."""
    return [
        {
            "question": r.question.id,
            "answer": list(r.answer_ids)
            if r.question.type is QuestionType.MULTIPLE
            else (r.answer_ids[0] if r.answer_ids else None),
        }
        for r in reasons
    ]
