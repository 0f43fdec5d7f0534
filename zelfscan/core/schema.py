"""The questionnaire format as JSON Schema (draft 2020-12), for editors' autocompletion.

``zelfscan-cli schema`` prints it and ``questionnaires/schema.json`` is a committed copy (a
test fails when the copy is stale). The schema can not drift from the loader: the fields of
every kind of element, and which of them are required, are the loader's own tables
(:mod:`zelfscan.core.loader`, :mod:`zelfscan.core.questions`, :mod:`zelfscan.core.items`,
:mod:`zelfscan.core.sources`), number ranges come from :mod:`zelfscan.core.numbers` and
choices from the model's enums. English is optional here because a ``draft: true`` file may
leave it out; ``validate`` requires it in every other file. Only the *type* of each field is
written here; a field the
loader reads but this module has no type for is still listed (any value), so the schema
never refuses a valid file.

The schema checks shape only. Everything that needs the whole file (ids that exist,
reachability, sources for facts, personas' answers) stays with ``zelfscan-cli validate``.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from zelfscan.core import items, loader, numbers, questions, sources
from zelfscan.core.fields import ID_RE
from zelfscan.core.model import LANGUAGES, Priority, QuestionType
from zelfscan.core.training import training_schema

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://zelfscan.invalid/questionnaire.schema.json"

Json = dict[str, Any]


def _ref(name: str) -> Json:
    return {"$ref": f"#/$defs/{name}"}


def _bounded(bounds: numbers.Bounds) -> Json:
    return {
        "type": "integer" if bounds.integer else "number",
        "minimum": bounds.low,
        "maximum": bounds.high,
    }


_ID: Json = {"type": "string", "pattern": f"^{ID_RE.pattern}$"}
_IDS: Json = {"type": "array", "items": _ref("id")}
_SOURCE_IDS: Json = {"type": "array", "items": _ref("id"), "minItems": 1}
_DATE: Json = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_SWITCH: Json = {"type": "boolean"}

_DEFS: Json = {
    "id": _ID,
    "date": _DATE,
    "text": {
        "description": "a text in both languages (English may wait in a draft: true file)",
        "type": "object",
        "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
        "required": list(LANGUAGES[:1]),
        "additionalProperties": False,
    },
    "text_or_plain": {"anyOf": [{"type": "string", "minLength": 1}, _ref("text")]},
    "steps": {
        "description": "the steps in both languages, as many in each (English: see text)",
        "type": "object",
        "properties": {
            lang: {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
            for lang in LANGUAGES
        },
        "required": list(LANGUAGES[:1]),
        "additionalProperties": False,
    },
    "levels": {
        "type": "object",
        "properties": {
            "goed": _bounded(numbers.LEVEL),
            "aandacht": _bounded(numbers.LEVEL),
        },
        "required": ["goed", "aandacht"],
        "additionalProperties": False,
    },
    "condition": {
        "description": "{answer, in}, {all: [...]}, {any: [...]} or {not: ...}",
        "oneOf": [
            {
                "type": "object",
                "properties": {
                    "answer": _ref("id"),
                    "in": {"type": "array", "items": _ref("id"), "minItems": 1},
                },
                "required": ["answer", "in"],
                "additionalProperties": False,
            },
            *(
                {
                    "type": "object",
                    "properties": {
                        key: {"type": "array", "items": _ref("condition"), "minItems": 1}
                    },
                    "required": [key],
                    "additionalProperties": False,
                }
                for key in ("all", "any")
            ),
            {
                "type": "object",
                "properties": {"not": _ref("condition")},
                "required": ["not"],
                "additionalProperties": False,
            },
        ],
    },
    "answers": {
        "description": "question id -> option id, a list of option ids, or a text",
        "type": "object",
        "propertyNames": _ref("id"),
        "additionalProperties": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
        },
    },
}

# The type of every field, by name; the same name means the same thing in every element.
_TYPES: Mapping[str, Json] = {
    "id": _ref("id"),
    "schema_version": _bounded(numbers.SCHEMA_VERSION),
    "version": {"type": "string", "minLength": 1},
    "stand_per": _ref("date"),
    "minutes": _bounded(numbers.MINUTES),
    "draft": _SWITCH,
    "levels": _ref("levels"),
    "show_if": _ref("condition"),
    "when": _ref("condition"),
    "done_if": _ref("condition"),
    "how": _ref("steps"),
    "sources": _SOURCE_IDS,
    "about_sources": _SOURCE_IDS,
    "contacts": _IDS,
    "raises": {"type": "array", "items": _ref("id"), "minItems": 1},
    "tags": {"type": "array", "items": _ref("id"), "minItems": 1},
    "section": _ref("id"),
    "profile": _SWITCH,
    "required": _SWITCH,
    "unknown": _SWITCH,
    "nvt": _SWITCH,
    "partly": _SWITCH,
    "exclusive": _SWITCH,
    "urgent": _SWITCH,
    "type": {"enum": [t.value for t in QuestionType]},
    "priority": {"enum": [p.value for p in Priority]},
    "cap": {"enum": ["risico", "aandacht"]},
    "safe": {"enum": ["ja", "nee"]},
    "contact": _ref("text_or_plain"),
    "address": {"type": "string", "minLength": 1},
    "answers": _ref("answers"),
}
_TEXTS = frozenset(
    {
        "title",
        "intro",
        "about",
        "text",
        "help",
        "find_out",
        "trainer_notes",
        "discussion",
        "why",
        "effort",
        "cost",
        "who",
        "message",
        "reason",
        "name",
        "offers",
        "description",
        "label",
    }
)


def _element(
    name: str,
    required: Collection[str],
    optional: Collection[str] = (),
    special: Mapping[str, Json] | None = None,
) -> Json:
    special = special or {}
    properties: Json = {}
    for key in (*required, *optional):
        if key in special:
            properties[key] = special[key]
        elif key in _TYPES:
            properties[key] = _TYPES[key]
        elif key in _TEXTS:
            properties[key] = _ref("text")
        else:  # a field this module does not know yet: listed, any value
            properties[key] = {"description": "see questionnaires/README.md"}
    return {
        "title": name,
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def questionnaire_schema() -> Json:
    """The JSON Schema of a questionnaire file (a plain dict, ready for ``json.dumps``)."""
    defs = dict(_DEFS)
    defs["option"] = _element(
        "option",
        ("id", "label"),
        ("points", "exclusive"),
        {
            "points": {
                "description": "higher is safer; left out or null: not scored",
                "anyOf": [_bounded(numbers.POINTS), {"type": "null"}],
            }
        },
    )
    defs["question"] = _element(
        "question",
        questions._QUESTION_REQUIRED,
        questions._QUESTION_OPTIONAL,
        {
            "options": {"type": "array", "items": _ref("option"), "minItems": 1},
            "points": {
                "description": "yesno only: the points of the safe answer; null: not scored",
                "anyOf": [_bounded(numbers.POINTS), {"type": "null"}],
            },
        },
    )
    defs["section"] = _element(
        "section",
        questions._SECTION_REQUIRED,
        questions._SECTION_OPTIONAL,
        {"questions": {"type": "array", "items": _ref("question"), "minItems": 1}},
    )
    defs["variant"] = _element(
        "variant", ("when",), (*items._VARIANT_FIELDS, "sources", "priority")
    )
    defs["advice"] = _element(
        "advice",
        items._ADVICE_REQUIRED,
        items._ADVICE_OPTIONAL,
        {"variants": {"type": "array", "items": _ref("variant")}},
    )
    defs["addition"] = _element(
        "addition", ("id", "tags", "when"), (*items._ADDITION_OPTIONAL, "sources")
    )
    defs["red_flag"] = _element("red flag", items._FLAG_REQUIRED, items._FLAG_OPTIONAL)
    defs["contact"] = _element("contact", items._CONTACT_REQUIRED, ("urgent", "show_if", "sources"))
    defs["source"] = _element(
        "source", sources._SOURCE_FIELDS, (), {"title": _ref("text_or_plain")}
    )
    defs["persona"] = _element("persona", items._PERSONA_REQUIRED)

    def many(kind: str, non_empty: bool = False) -> Json:
        listed: Json = {"type": "array", "items": _ref(kind)}
        if non_empty:
            listed["minItems"] = 1
        return listed

    top = _element(
        "questionnaire",
        loader._TOP_REQUIRED,
        loader._TOP_OPTIONAL,
        {
            "sections": many("section", non_empty=True),
            "advice": many("advice"),
            "red_flags": many("red_flag"),
            "contacts": many("contact"),
            "personas": many("persona"),
            "additions": many("addition"),
            "sources": many("source"),
            "training": training_schema(),  # the session structure (core/training.py)
        },
    )
    return {
        "$schema": SCHEMA_URI,
        "$id": SCHEMA_ID,
        "title": "Zelfscan questionnaire",
        "description": (
            "A Zelfscan questionnaire (questionnaires/README.md). This schema checks the "
            "shape of the file; run `zelfscan-cli validate FILE` for every other check."
        ),
        **{k: v for k, v in top.items() if k != "title"},
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema as the text of ``questionnaires/schema.json`` (stable order, final newline)."""
    return json.dumps(questionnaire_schema(), indent=2, ensure_ascii=False) + "\n"
