"""Load a questionnaire file into the frozen model, or report every problem in it.

Pipeline: :func:`zelfscan.core.yamlsafe.compose_strict` (the strict YAML layer) -> walk the
node tree (:mod:`zelfscan.core.fields`, :mod:`zelfscan.core.questions`) so every error keeps
the node's ``file:line:col`` -> cross-reference checks (conditions, contacts, sections) ->
checks on the built model (persona answers, reachability of advice and red flags).
All errors are collected and raised together as one :class:`QuestionnaireError`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from zelfscan.core import fields as f
from zelfscan.core.answers import answer_values, persona_problems
from zelfscan.core.conditions import referenced
from zelfscan.core.errors import LoadError, QuestionnaireError
from zelfscan.core.fields import Ctx
from zelfscan.core.model import (
    AdviceItem,
    Condition,
    Contact,
    Level,
    Persona,
    Priority,
    Questionnaire,
    QuestionType,
    RedFlag,
    Variant,
)
from zelfscan.core.questions import SectionBuilder, thresholds
from zelfscan.core.reachability import unreachable
from zelfscan.core.yamlsafe import compose_strict

SCHEMA_VERSION = 1

_TOP_REQUIRED = (
    "schema_version",
    "id",
    "version",
    "stand_per",
    "minutes",
    "title",
    "intro",
    "levels",
    "sections",
)
_TOP_OPTIONAL = ("about", "advice", "red_flags", "contacts", "personas")
_ADVICE_REQUIRED = ("id", "priority", "when", "title", "why", "how", "effort", "cost", "who")
_ADVICE_OPTIONAL = ("section", "contacts", "variants")
_VARIANT_FIELDS = ("why", "how", "effort", "cost", "who", "contacts")
_FLAG_REQUIRED = ("id", "when", "cap", "message")
_CONTACT_REQUIRED = ("id", "name", "offers", "contact", "stand_per")
_PERSONA_REQUIRED = ("id", "name", "description", "answers")

T = TypeVar("T")


def load_questionnaire(path: Path) -> Questionnaire:
    """The questionnaire in ``path``; :class:`QuestionnaireError` lists every problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise QuestionnaireError([LoadError(str(path), 1, 1, f"can not read: {reason}")]) from None
    return load_text(data, str(path))


def load_text(text: str | bytes, filename: str) -> Questionnaire:
    root = compose_strict(text, filename)
    return _Loader(filename).load(root)


def validate_file(path: Path) -> list[LoadError]:
    """Every problem in ``path`` (empty when it is a valid questionnaire)."""
    try:
        load_questionnaire(path)
    except QuestionnaireError as exc:
        return exc.errors
    return []


class _Loader:
    def __init__(self, filename: str) -> None:
        self.ctx = Ctx(filename)
        self.sections = SectionBuilder(self.ctx)
        self.contact_refs: list[tuple[str, yaml.Node, str]] = []
        self.when_nodes: dict[tuple[str, str], yaml.Node] = {}
        self.persona_nodes: dict[str, yaml.Node] = {}

    def _many(
        self,
        found: dict[str, yaml.Node],
        key: str,
        build: Callable[[yaml.Node], T | None],
        kind: str,
    ) -> tuple[T, ...]:
        if key not in found:
            return ()
        items = f.sequence(self.ctx, found[key], key) or []
        built: list[T] = []
        seen: set[str] = set()
        for item in items:
            value = build(item)
            if value is None:
                continue
            item_id = str(getattr(value, "id", ""))
            if item_id in seen:
                self.ctx.error(item, f"{kind} {item_id!r}: the id is used by another {kind} too")
                continue
            seen.add(item_id)
            built.append(value)
        return tuple(built)

    def load(self, root: yaml.Node) -> Questionnaire:
        ctx = self.ctx
        found = f.fields(ctx, root, "questionnaire", _TOP_REQUIRED, _TOP_OPTIONAL)
        if found is None:
            raise QuestionnaireError(ctx.errors)
        get = found.get
        schema = (
            f.number(ctx, found["schema_version"], "schema_version", integer=True)
            if "schema_version" in found
            else None
        )
        if schema is not None and schema != SCHEMA_VERSION:
            ctx.error(
                found["schema_version"],
                f"schema_version {schema} is not supported; "
                f"this version of Zelfscan reads schema_version {SCHEMA_VERSION}",
            )
        qid = f.ident(ctx, found["id"], "questionnaire id") if "id" in found else None
        version = f.scalar(ctx, found["version"], "version") if "version" in found else None
        stand_per = f.date(ctx, found["stand_per"], "stand_per") if "stand_per" in found else None
        minutes = (
            f.number(ctx, found["minutes"], "minutes", integer=True) if "minutes" in found else None
        )
        if minutes is not None and minutes <= 0:
            ctx.error(found["minutes"], "minutes: must be more than 0")
        title = f.text(ctx, found["title"], "title") if "title" in found else None
        intro = f.text(ctx, found["intro"], "intro") if "intro" in found else None
        about_node = get("about")
        about = f.text(ctx, about_node, "about") if about_node is not None else None
        levels = thresholds(ctx, found["levels"], "questionnaire") if "levels" in found else None
        sections = self.sections.sections(found["sections"]) if "sections" in found else ()
        contacts = self._many(found, "contacts", self._contact, "contact")
        advice = self._many(found, "advice", self._advice, "advice")
        flags = self._many(found, "red_flags", self._red_flag, "red flag")
        personas = self._many(found, "personas", self._persona, "persona")
        self._check_refs({c.id for c in contacts})
        if (
            ctx.errors
            or qid is None
            or version is None
            or stand_per is None
            or minutes is None
            or title is None
            or intro is None
            or levels is None
        ):
            raise QuestionnaireError(_sorted(ctx.errors))
        questionnaire = Questionnaire(
            id=qid,
            version=version,
            schema_version=SCHEMA_VERSION,
            title=title,
            intro=intro,
            minutes=int(minutes),
            stand_per=stand_per,
            thresholds=levels,
            sections=sections,
            advice=advice,
            red_flags=flags,
            contacts=contacts,
            personas=personas,
            about=about,
            source=ctx.file,
        )
        self._check_model(questionnaire)
        if ctx.errors:
            raise QuestionnaireError(_sorted(ctx.errors))
        return questionnaire

    # --- advice, red flags, contacts, personas ---------------------------------------------

    def _when(
        self, found: dict[str, yaml.Node], what: str, key: tuple[str, str]
    ) -> Condition | None:
        if "when" not in found:
            return None
        self.when_nodes[key] = found["when"]
        return f.condition(self.ctx, found["when"], f"{what} when", None)

    def _section_of(self, found: dict[str, yaml.Node], when: Condition | None, what: str) -> str:
        if "section" in found:
            sid = f.ident(self.ctx, found["section"], f"{what}: section")
            if sid is not None and sid not in self.sections.section_ids:
                hint = f.suggest(sid, self.sections.section_ids)
                self.ctx.error(found["section"], f"{what}: unknown section {sid!r}{hint}")
            return sid or ""
        for qid in referenced(when) if when is not None else ():
            question = self.sections.questions.get(qid)
            if question is not None:
                return question.section
        return ""

    def _contact_ids(self, node: yaml.Node, what: str) -> tuple[str, ...] | None:
        items = f.sequence(self.ctx, node, f"{what}: contacts")
        if items is None:
            return None
        ids = [f.ident(self.ctx, item, f"{what}: contacts") for item in items]
        for item, cid in zip(items, ids, strict=True):
            if cid is not None:
                self.contact_refs.append((cid, item, what))
        return tuple(i for i in ids if i is not None)

    def _advice(self, node: yaml.Node) -> AdviceItem | None:
        ctx = self.ctx
        what = f"advice at line {f.line_of(node)}"
        found = f.fields(ctx, node, what, _ADVICE_REQUIRED, _ADVICE_OPTIONAL)
        if found is None:
            return None
        aid = f.ident(ctx, found["id"], what) if "id" in found else None
        what = what if aid is None else f"advice {aid!r}"
        when = self._when(found, what, ("advice", aid or ""))
        priority = (
            f.choice(ctx, found["priority"], f"{what}: priority", [p.value for p in Priority])
            if "priority" in found
            else None
        )
        texts = {
            k: f.text(ctx, found[k], f"{what}: {k}") if k in found else None
            for k in ("title", "why", "effort", "cost", "who")
        }
        how = f.text_list(ctx, found["how"], f"{what}: how") if "how" in found else None
        contacts = self._contact_ids(found["contacts"], what) if "contacts" in found else ()
        variants: list[Variant] = []
        if "variants" in found:
            for vnode in f.sequence(ctx, found["variants"], f"{what}: variants") or ():
                variant = self._variant(vnode, what)
                if variant is not None:
                    variants.append(variant)
        section = self._section_of(found, when, what)
        if (
            aid is None
            or when is None
            or priority is None
            or how is None
            or contacts is None
            or any(t is None for t in texts.values())
        ):
            return None
        title, why, effort, cost, who = (
            texts[k] for k in ("title", "why", "effort", "cost", "who")
        )
        if title is None or why is None or effort is None or cost is None or who is None:
            return None
        return AdviceItem(
            id=aid,
            section=section,
            priority=Priority(priority),
            when=when,
            title=title,
            why=why,
            how=how,
            effort=effort,
            cost=cost,
            who=who,
            contacts=contacts,
            variants=tuple(variants),
            line=f.line_of(node),
        )

    def _variant(self, node: yaml.Node, owner: str) -> Variant | None:
        ctx = self.ctx
        what = f"{owner} variant at line {f.line_of(node)}"
        found = f.fields(ctx, node, what, ("when",), _VARIANT_FIELDS)
        if found is None or "when" not in found:
            return None
        when = f.condition(ctx, found["when"], f"{what} when", None)
        if len(found) == 1:
            ctx.error(
                node, f"{what}: says nothing to override (why, how, effort, cost, who or contacts)"
            )
        texts = {
            k: f.text(ctx, found[k], f"{what}: {k}") if k in found else None
            for k in ("why", "effort", "cost", "who")
        }
        how = f.text_list(ctx, found["how"], f"{what}: how") if "how" in found else None
        contacts = self._contact_ids(found["contacts"], what) if "contacts" in found else None
        if when is None:
            return None
        return Variant(
            when=when,
            why=texts["why"],
            how=how,
            effort=texts["effort"],
            cost=texts["cost"],
            who=texts["who"],
            contacts=contacts,
        )

    def _red_flag(self, node: yaml.Node) -> RedFlag | None:
        ctx = self.ctx
        what = f"red flag at line {f.line_of(node)}"
        found = f.fields(ctx, node, what, _FLAG_REQUIRED, ("section",))
        if found is None:
            return None
        fid = f.ident(ctx, found["id"], what) if "id" in found else None
        what = what if fid is None else f"red flag {fid!r}"
        when = self._when(found, what, ("red flag", fid or ""))
        cap = (
            f.choice(ctx, found["cap"], f"{what}: cap", ("risico", "aandacht"))
            if "cap" in found
            else None
        )
        message = f.text(ctx, found["message"], f"{what}: message") if "message" in found else None
        section = self._section_of(found, when, what)
        if fid is None or when is None or cap is None or message is None:
            return None
        return RedFlag(
            id=fid,
            when=when,
            message=message,
            cap=Level(cap),
            section=section,
            line=f.line_of(node),
        )

    def _contact(self, node: yaml.Node) -> Contact | None:
        ctx = self.ctx
        what = f"contact at line {f.line_of(node)}"
        found = f.fields(ctx, node, what, _CONTACT_REQUIRED, ("urgent", "show_if"))
        if found is None:
            return None
        cid = f.ident(ctx, found["id"], what) if "id" in found else None
        what = what if cid is None else f"contact {cid!r}"
        name = f.text(ctx, found["name"], f"{what}: name") if "name" in found else None
        offers = f.text(ctx, found["offers"], f"{what}: offers") if "offers" in found else None
        detail = (
            f.text(ctx, found["contact"], f"{what}: contact", plain_ok=True)
            if "contact" in found
            else None
        )
        stand_per = (
            f.date(ctx, found["stand_per"], f"{what}: stand_per") if "stand_per" in found else None
        )
        urgent = bool("urgent" in found and f.switch(ctx, found["urgent"], f"{what}: urgent"))
        show_if = (
            f.condition(ctx, found["show_if"], f"{what} show_if", None)
            if "show_if" in found
            else None
        )
        if cid is None or name is None or offers is None or detail is None or stand_per is None:
            return None
        return Contact(
            id=cid,
            name=name,
            offers=offers,
            contact=detail,
            stand_per=stand_per,
            urgent=urgent,
            show_if=show_if,
        )

    def _persona(self, node: yaml.Node) -> Persona | None:
        ctx = self.ctx
        what = f"persona at line {f.line_of(node)}"
        found = f.fields(ctx, node, what, _PERSONA_REQUIRED)
        if found is None:
            return None
        pid = f.ident(ctx, found["id"], what) if "id" in found else None
        what = what if pid is None else f"persona {pid!r}"
        name = f.text(ctx, found["name"], f"{what}: name") if "name" in found else None
        description = (
            f.text(ctx, found["description"], f"{what}: description")
            if "description" in found
            else None
        )
        answers = None
        if "answers" in found:
            answers = answer_values(found["answers"], what, ctx.error)
            self.persona_nodes[pid or ""] = found["answers"]
        if pid is None or name is None or description is None or answers is None:
            return None
        return Persona(id=pid, name=name, description=description, answers=answers)

    # --- checks across the file -------------------------------------------------------------

    def _check_refs(self, contact_ids: set[str]) -> None:
        ctx = self.ctx
        position, questions = self.sections.position, self.sections.questions
        for ref in ctx.refs:
            qid = ref.leaf.question
            pos = position.get(qid)
            if pos is None:
                hint = f.suggest(qid, position)
                ctx.error(ref.question_node, f"{ref.what}: unknown question {qid!r}{hint}")
                continue
            if ref.limit is not None and pos >= ref.limit:
                ctx.error(
                    ref.question_node,
                    f"{ref.what}: question {qid!r} does not come "
                    "earlier in the file; show_if can only use earlier questions",
                )
                continue
            question = questions.get(qid)
            if question is None:
                continue
            if question.type is QuestionType.TEXT:
                ctx.error(
                    ref.question_node,
                    f"{ref.what}: question {qid!r} is a text question; "
                    "conditions can only use single, multiple and yesno questions",
                )
                continue
            ids = [o.id for o in question.options]
            for option in ref.option_nodes:
                if option.value not in ids:
                    hint = f.suggest(str(option.value), ids)
                    switch = {"weet-niet": "unknown", "nvt": "nvt"}.get(str(option.value))
                    if switch is not None:
                        hint = f" (it is not offered: add {switch}: true to the question)"
                    ctx.error(
                        option, f"{ref.what}: question {qid!r} has no option {option.value!r}{hint}"
                    )
        for cid, node, what in self.contact_refs:
            if cid not in contact_ids:
                ctx.error(node, f"{what}: unknown contact {cid!r}{f.suggest(cid, contact_ids)}")

    def _check_model(self, questionnaire: Questionnaire) -> None:
        ctx = self.ctx
        for persona in questionnaire.personas:
            node = self.persona_nodes[persona.id]
            for qid, message in persona_problems(questionnaire, persona.answers):
                at = _key_node(node, qid) or node
                ctx.error(at, f"persona {persona.id!r}: {message}")
        for kind, item_id in unreachable(questionnaire):
            ctx.error(
                self.when_nodes.get((kind, item_id)),
                f"{kind} {item_id!r}: no combination of "
                "answers the wizard allows can trigger it (check when and show_if)",
            )


def _key_node(mapping: yaml.Node, key: str | None) -> yaml.Node | None:
    if key is None or not isinstance(mapping, yaml.MappingNode):
        return None
    for k, _ in mapping.value:
        if k.value == key:
            return k  # type: ignore[no-any-return]
    return None


def _sorted(errors: list[LoadError]) -> list[LoadError]:
    return sorted(errors, key=lambda e: (e.line, e.col))
