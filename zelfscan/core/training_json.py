"""The trainer's part of ``show --json``: notes, prompts, persona texts and the session script.

Added to :func:`zelfscan.core.json_views.questionnaire_to_json` as extra keys (contract 2.4
allows more fields), so a handout or a trainer pack can be made from the JSON alone.
"""

from __future__ import annotations

from typing import Any

from zelfscan.core.model import Questionnaire, Text


def _text(value: Text | None, lang: str) -> str | None:
    return None if value is None else value.get(lang)


def training_to_json(q: Questionnaire, lang: str) -> dict[str, Any]:
    """``trainer_notes`` (per section), ``persona_texts`` and ``training`` for ``show --json``."""
    training = q.training
    session: dict[str, Any] | None = None
    if training is not None:
        session = {
            "minutes": training.minutes,
            "key_message": training.key_message.get(lang),
            "script": [
                {
                    "id": step.id,
                    "minutes": step.minutes,
                    "title": step.title.get(lang),
                    "what": step.what.get(lang),
                    "section": step.section,
                }
                for step in training.script
            ],
            "themes": [
                {
                    "section": brief.section,
                    "minutes": brief.minutes,
                    "key_message": brief.key_message.get(lang),
                    "prompts": [p.get(lang) for p in brief.prompts],
                }
                for brief in training.themes
            ],
            "polls": [{"id": poll.id, "question": poll.question} for poll in training.polls],
        }
    return {
        "trainer_notes": [
            {
                "section": s.id,
                "trainer_notes": _text(s.trainer_notes, lang),
                "discussion": _text(s.discussion, lang),
            }
            for s in q.sections
        ],
        "persona_texts": [
            {"id": p.id, "name": p.name.get(lang), "description": p.description.get(lang)}
            for p in q.personas
        ],
        "training": session,
    }
