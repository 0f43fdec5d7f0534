"""Build advice items, red flags, contacts and personas from the node tree (part of the loader).

References that need the whole file (contact ids, condition targets) are recorded here and
checked by :mod:`zelfscan.core.loader` once everything is built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import yaml

from zelfscan.core import fields as f
from zelfscan.core.answers import answer_values
from zelfscan.core.conditions import referenced
from zelfscan.core.fields import CondRef, Ctx
from zelfscan.core.model import (
    Addition,
    AdviceItem,
    Condition,
    Contact,
    Level,
    Persona,
    Priority,
    RedFlag,
    Source,
    Variant,
)
from zelfscan.core.questions import SectionBuilder
from zelfscan.core.sources import Citations

_ADVICE_REQUIRED = ("id", "priority", "when", "title", "why", "how", "effort", "cost", "who")
_ADVICE_OPTIONAL = ("section", "contacts", "variants", "tags", "sources", "done_if")
_TEXTS = ("title", "why", "how", "effort", "cost", "who")
_VARIANT_FIELDS = ("why", "how", "effort", "cost", "who", "contacts")
_ADDITION_OPTIONAL = _VARIANT_FIELDS
_FLAG_REQUIRED = ("id", "when", "cap", "message", "reason")
_FLAG_OPTIONAL = ("section", "raises", "contacts", "sources")
_CONTACT_REQUIRED = ("id", "name", "offers", "contact", "stand_per")
_PERSONA_REQUIRED = ("id", "name", "description", "answers")

T = TypeVar("T")


class ItemBuilder:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.citations = Citations(ctx)
        self.sections = SectionBuilder(ctx, self.citations)
        self.contact_refs: list[tuple[str, yaml.Node, str]] = []
        self.advice_refs: list[CondRef] = []
        """The ``{answer, in}`` tests of advice triggers (``weet-niet`` is not allowed there)."""
        self.raise_refs: list[tuple[str, yaml.Node, str]] = []
        self.done_if_nodes: dict[str, yaml.Node] = {}
        self.when_nodes: dict[tuple[str, str], yaml.Node] = {}
        self.persona_nodes: dict[str, yaml.Node] = {}
        self.addition_nodes: dict[str, yaml.Node] = {}
        self.variant_nodes: dict[tuple[str, int], yaml.Node] = {}
        """(advice id, index among its variants) -> the variant's node."""

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
        built = f.built_unique(
            self.ctx,
            items,
            build,
            lambda value: str(getattr(value, "id", "")),
            lambda item_id: f"{kind} {item_id!r}: the id is used by another {kind} too",
        )
        return tuple(built)

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
                hint = self.ctx.hints(sid, self.sections.section_ids)
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
        what = f.owner(node, "advice")
        found = f.fields(ctx, node, what, _ADVICE_REQUIRED, _ADVICE_OPTIONAL)
        if found is None:
            return None
        aid = f.ident(ctx, found["id"], what) if "id" in found else None
        start = len(ctx.refs)
        when = self._when(found, what, ("advice", aid or ""))
        self.advice_refs.extend(ctx.refs[start:])
        done_if = None
        if "done_if" in found:
            done_if = f.condition(ctx, found["done_if"], f"{what} done_if", None)
            self.done_if_nodes[aid or ""] = found["done_if"]
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
        sources = self.citations.cite(found, what)
        variants: list[Variant] = []
        if "variants" in found:
            for vnode in f.sequence(ctx, found["variants"], f"{what}: variants") or ():
                variant = self._variant(vnode, what, sources)
                if variant is not None:
                    variants.append(variant)
                    self.variant_nodes[(aid or "", len(variants) - 1)] = vnode
        section = self._section_of(found, when, what)
        tags = self._tags(found["tags"], what) if "tags" in found else frozenset()
        self.citations.require_for_claims(found, what, _TEXTS, {**texts, "how": how}, sources)
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
            tags=tags,
            line=f.line_of(node),
            sources=sources,
            done_if=done_if,
        )

    def _tags(self, node: yaml.Node, what: str) -> frozenset[str]:
        items = f.sequence(self.ctx, node, f"{what}: tags") or []
        tags = (f.ident(self.ctx, item, f"{what}: tags") for item in items)
        return frozenset(t for t in tags if t is not None)

    def _addition(self, node: yaml.Node) -> Addition | None:
        ctx = self.ctx
        what = f.owner(node, "addition")
        found = f.fields(ctx, node, what, ("id", "tags", "when"), (*_ADDITION_OPTIONAL, "sources"))
        if found is None:
            return None
        add_id = f.ident(ctx, found["id"], what) if "id" in found else None
        tags = self._tags(found["tags"], what) if "tags" in found else frozenset()
        if "tags" in found and not tags:
            ctx.error(found["tags"], f"{what}: tags: name at least one tag")
        when = self._when(found, what, ("addition", add_id or ""))
        if not any(k in found for k in _ADDITION_OPTIONAL):
            ctx.error(node, f"{what}: adds nothing (why, how, effort, cost, who or contacts)")
        texts = {
            k: f.text(ctx, found[k], f"{what}: {k}") if k in found else None
            for k in ("why", "effort", "cost", "who")
        }
        how = f.text_list(ctx, found["how"], f"{what}: how") if "how" in found else None
        contacts = self._contact_ids(found["contacts"], what) if "contacts" in found else ()
        sources = self.citations.cite(found, what)
        self.citations.require_for_claims(
            found, what, _VARIANT_FIELDS, {**texts, "how": how}, sources
        )
        if add_id is None or when is None or not tags:
            return None
        self.addition_nodes[add_id] = found["tags"]
        return Addition(
            id=add_id,
            tags=tags,
            when=when,
            why=texts["why"],
            how=how,
            effort=texts["effort"],
            cost=texts["cost"],
            who=texts["who"],
            contacts=contacts or (),
            line=f.line_of(node),
            sources=sources,
        )

    def _variant(
        self, node: yaml.Node, owner: str, item_sources: tuple[Source, ...]
    ) -> Variant | None:
        ctx = self.ctx
        what = f"{owner} variant at line {f.line_of(node)}"
        found = f.fields(ctx, node, what, ("when",), (*_VARIANT_FIELDS, "sources", "priority"))
        if found is None or "when" not in found:
            return None
        when = f.condition(ctx, found["when"], f"{what} when", None)
        if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
            ctx.error(
                node, f"{what}: says nothing to override (why, how, effort, cost, who or contacts)"
            )
        texts = {
            k: f.text(ctx, found[k], f"{what}: {k}") if k in found else None
            for k in ("why", "effort", "cost", "who")
        }
        how = f.text_list(ctx, found["how"], f"{what}: how") if "how" in found else None
        contacts = self._contact_ids(found["contacts"], what) if "contacts" in found else None
        sources = self.citations.cite(found, what)
        self.citations.require_for_claims(
            found, what, _VARIANT_FIELDS, {**texts, "how": how}, (*item_sources, *sources)
        )
        priority = (
            f.choice(ctx, found["priority"], f"{what}: priority", [p.value for p in Priority])
            if "priority" in found
            else None
        )
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
            sources=sources,
            priority=Priority(priority) if priority else None,
        )

    def _red_flag(self, node: yaml.Node) -> RedFlag | None:
        ctx = self.ctx
        what = f.owner(node, "red flag")
        found = f.fields(ctx, node, what, _FLAG_REQUIRED, _FLAG_OPTIONAL)
        if found is None:
            return None
        fid = f.ident(ctx, found["id"], what) if "id" in found else None
        reason = f.text(ctx, found["reason"], f"{what}: reason") if "reason" in found else None
        raises: tuple[str, ...] = ()
        if "raises" in found:
            items = f.sequence(ctx, found["raises"], f"{what}: raises", non_empty=True) or []
            ids = [(f.ident(ctx, item, f"{what}: raises"), item) for item in items]
            raises = tuple(dict.fromkeys(i for i, _ in ids if i is not None))
            self.raise_refs.extend((i, item, what) for i, item in ids if i is not None)
        contacts = self._contact_ids(found["contacts"], what) if "contacts" in found else ()
        sources = self.citations.cite(found, what)
        when = self._when(found, what, ("red flag", fid or ""))
        cap = (
            f.choice(ctx, found["cap"], f"{what}: cap", ("risico", "aandacht"))
            if "cap" in found
            else None
        )
        message = f.text(ctx, found["message"], f"{what}: message") if "message" in found else None
        section = self._section_of(found, when, what)
        self.citations.require_for_claims(
            found, what, ("message", "reason"), {"message": message, "reason": reason}, sources
        )
        if fid is None or when is None or cap is None or message is None or reason is None:
            return None
        return RedFlag(
            id=fid,
            when=when,
            message=message,
            cap=Level(cap),
            section=section,
            line=f.line_of(node),
            reason=reason,
            raises=raises,
            contacts=contacts or (),
            sources=sources,
        )

    def _contact(self, node: yaml.Node) -> Contact | None:
        ctx = self.ctx
        what = f.owner(node, "contact")
        found = f.fields(ctx, node, what, _CONTACT_REQUIRED, ("urgent", "show_if", "sources"))
        if found is None:
            return None
        cid = f.ident(ctx, found["id"], what) if "id" in found else None
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
        sources = self.citations.cite(found, what)
        if not sources and "sources" not in found:
            ctx.error(
                node,
                f"{what}: cite where the contact detail comes from "
                "(sources: [id] from the file's sources list)",
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
            sources=sources,
        )

    def _persona(self, node: yaml.Node) -> Persona | None:
        ctx = self.ctx
        what = f.owner(node, "persona")
        found = f.fields(ctx, node, what, _PERSONA_REQUIRED)
        if found is None:
            return None
        pid = f.ident(ctx, found["id"], what) if "id" in found else None
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
