"""Read a questionnaire's ``training:`` block: the structure of a 90-minute session.

```yaml
training:
  minutes: 90                          # the whole session; the script adds up to this
  key_message: {nl: ..., en: ...}      # what the room takes home
  script:                              # the blocks of the session, in order
    - {id: welkom, minutes: 10, title: {nl, en}, what: {nl, en}}
    - {id: woning, minutes: 15, section: woning, title: {nl, en}, what: {nl, en}}
  themes:                              # per section: time, key message, prompts
    - section: woning
      minutes: 15
      key_message: {nl: ..., en: ...}
      prompts: [{nl: ..., en: ...}, {nl: ..., en: ...}]
  polls:                               # room-poll questions: a question of the scan
    - {id: sloten, question: sloten}
```

Checked like the rest of the file, with ``file:line:col`` for every problem: unknown fields,
both languages, sections and questions that exist, a script that adds up to ``minutes``,
at least two prompts per theme and poll questions that have options to choose from.
Kept apart from the loader so the session format can grow without touching it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import yaml

from zelfscan.core import fields as f
from zelfscan.core import numbers
from zelfscan.core.fields import Ctx
from zelfscan.core.model import Poll, ScriptStep, Section, Text, ThemeBrief, Training

T = TypeVar("T")

MIN_PROMPTS = 2
"""A theme needs a second question when the first one falls flat in the room."""


def read_training(ctx: Ctx, node: yaml.Node, sections: Sequence[Section]) -> Training | None:
    """The ``training:`` block, or ``None`` after reporting its problems to ``ctx``."""
    found = f.fields(ctx, node, "training", ("minutes", "key_message", "script"), _OPTIONAL)
    if found is None:
        return None
    reader = _Reader(ctx, sections)
    minutes = reader.minutes(found.get("minutes"), "training")
    key_message = reader.text(found.get("key_message"), "training: key_message")
    script = reader.many(found.get("script"), "script", reader.step)
    themes = reader.many(found.get("themes"), "themes", reader.theme)
    polls = reader.many(found.get("polls"), "polls", reader.poll)
    if minutes is not None and script and "minutes" in found:
        total = sum(step.minutes for step in script)
        if total != minutes:
            ctx.error(
                found["minutes"],
                f"training: the script adds up to {total} minutes, not {minutes}; "
                "change a block's minutes or the session's",
            )
    if minutes is None or key_message is None or not script:
        return None
    return Training(minutes, key_message, tuple(script), tuple(themes), tuple(polls))


_OPTIONAL = ("themes", "polls")


class _Reader:
    def __init__(self, ctx: Ctx, sections: Sequence[Section]) -> None:
        self.ctx = ctx
        self.sections = {s.id: s for s in sections}
        self.questions = {q.id: q for s in sections for q in s.questions}

    def minutes(self, node: yaml.Node | None, what: str) -> int | None:
        if node is None:
            return None
        value = f.number(self.ctx, node, f"{what}: minutes", numbers.MINUTES)
        return None if value is None else int(value)

    def text(self, node: yaml.Node | None, what: str) -> Text | None:
        return None if node is None else f.text(self.ctx, node, what)

    def section(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None:
            return None
        sid = f.ident(self.ctx, node, f"{what}: section")
        if sid is not None and sid not in self.sections:
            hint = f.suggest(sid, self.sections)
            self.ctx.error(node, f"{what}: unknown section {sid!r}{hint}")
            return None
        return sid

    def many(
        self, node: yaml.Node | None, key: str, build: Callable[[yaml.Node], T | None]
    ) -> list[T]:
        if node is None:
            return []
        items = f.sequence(self.ctx, node, f"training: {key}", non_empty=True) or []
        return f.built_unique(
            self.ctx,
            items,
            build,
            lambda value: str(getattr(value, "id", None) or getattr(value, "section", "")),
            lambda key_id: f"training: {key}: {key_id!r} is listed twice",
        )

    def step(self, node: yaml.Node) -> ScriptStep | None:
        what = f.owner(node, "training: script step")
        found = f.fields(self.ctx, node, what, ("id", "minutes", "title", "what"), ("section",))
        if found is None:
            return None
        sid = f.ident(self.ctx, found["id"], what) if "id" in found else None
        minutes = self.minutes(found.get("minutes"), what)
        title = self.text(found.get("title"), f"{what}: title")
        does = self.text(found.get("what"), f"{what}: what")
        section = self.section(found.get("section"), what)
        if "section" in found and section is None:
            return None
        if sid is None or minutes is None or title is None or does is None:
            return None
        return ScriptStep(sid, minutes, title, does, section)

    def theme(self, node: yaml.Node) -> ThemeBrief | None:
        what = f.owner(node, "training: theme")
        required = ("section", "minutes", "key_message", "prompts")
        found = f.fields(self.ctx, node, what, required)
        if found is None:
            return None
        section = self.section(found.get("section"), what)
        minutes = self.minutes(found.get("minutes"), what)
        key_message = self.text(found.get("key_message"), f"{what}: key_message")
        prompts: list[Text] = []
        if "prompts" in found:
            items = f.sequence(self.ctx, found["prompts"], f"{what}: prompts") or []
            for item in items:
                text = f.text(self.ctx, item, f"{what}: prompt")
                if text is not None:
                    prompts.append(text)
            if items and len(items) < MIN_PROMPTS:
                self.ctx.error(
                    found["prompts"],
                    f"{what}: give at least {MIN_PROMPTS} prompts, so there is a second "
                    "question when the first one falls flat",
                )
                return None
        if section is None or minutes is None or key_message is None or not prompts:
            return None
        return ThemeBrief(section, minutes, key_message, tuple(prompts))

    def poll(self, node: yaml.Node) -> Poll | None:
        what = f.owner(node, "training: poll")
        found = f.fields(self.ctx, node, what, ("id", "question"))
        if found is None:
            return None
        pid = f.ident(self.ctx, found["id"], what) if "id" in found else None
        qid = f.ident(self.ctx, found["question"], what) if "question" in found else None
        if qid is not None:
            question = self.questions.get(qid)
            if question is None:
                hint = f.suggest(qid, self.questions)
                self.ctx.error(found["question"], f"{what}: unknown question {qid!r}{hint}")
                return None
            if not question.options:
                self.ctx.error(
                    found["question"],
                    f"{what}: question {qid!r} has no options for the room to choose from",
                )
                return None
        if pid is None or qid is None:
            return None
        return Poll(pid, qid)


def training_schema() -> dict[str, object]:
    """The JSON Schema of the ``training:`` block, for ``zelfscan-cli schema`` (editors)."""
    text = {"$ref": "#/$defs/text"}
    ident = {"$ref": "#/$defs/id"}
    minutes = {
        "type": "integer",
        "minimum": numbers.MINUTES.low,
        "maximum": numbers.MINUTES.high,
    }

    def element(required: tuple[str, ...], properties: dict[str, object]) -> dict[str, object]:
        return {
            "type": "object",
            "properties": properties,
            "required": list(required),
            "additionalProperties": False,
        }

    step = element(
        ("id", "minutes", "title", "what"),
        {"id": ident, "minutes": minutes, "title": text, "what": text, "section": ident},
    )
    theme = element(
        ("section", "minutes", "key_message", "prompts"),
        {
            "section": ident,
            "minutes": minutes,
            "key_message": text,
            "prompts": {"type": "array", "items": text, "minItems": MIN_PROMPTS},
        },
    )
    poll = element(("id", "question"), {"id": ident, "question": ident})
    block = element(
        ("minutes", "key_message", "script"),
        {
            "minutes": minutes,
            "key_message": text,
            "script": {"type": "array", "items": step, "minItems": 1},
            "themes": {"type": "array", "items": theme, "minItems": 1},
            "polls": {"type": "array", "items": poll, "minItems": 1},
        },
    )
    block["description"] = "the session structure for trainers (zelfscan/core/training.py)"
    return block
