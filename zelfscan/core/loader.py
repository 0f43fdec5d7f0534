"""Load a questionnaire file into the frozen model, or report every problem in it.

Pipeline: :func:`zelfscan.core.yamlsafe.compose_strict` (the strict YAML layer) -> walk the
node tree (:mod:`zelfscan.core.fields`, :mod:`zelfscan.core.questions`) so every error keeps
the node's ``file:line:col`` -> cross-reference checks (conditions, contacts, sections) ->
checks on the built model (persona answers, reachability of advice and red flags).
All errors are collected and raised together as one :class:`QuestionnaireError`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from zelfscan.core import fields as f
from zelfscan.core import numbers
from zelfscan.core.answers import persona_problems
from zelfscan.core.contradictions import contradicting
from zelfscan.core.errors import LoadError, QuestionnaireError
from zelfscan.core.fields import Ctx
from zelfscan.core.followups import follow_up_problems
from zelfscan.core.items import ItemBuilder
from zelfscan.core.lints import Finding, findings
from zelfscan.core.model import (
    UNKNOWN,
    Questionnaire,
    QuestionType,
)
from zelfscan.core.questions import thresholds
from zelfscan.core.reachability import Budget, check, walk_cost
from zelfscan.core.training import read_training
from zelfscan.core.yamlsafe import MAX_BYTES, compose_strict, gc_paused
from zelfscan.safe_read import FileTooLarge, read_limited

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
_TOP_OPTIONAL = (
    "draft",
    "about",
    "advice",
    "red_flags",
    "contacts",
    "personas",
    "additions",
    "sources",
    "about_sources",
    "training",
)


def load_questionnaire(path: Path) -> Questionnaire:
    """The questionnaire in ``path``; :class:`QuestionnaireError` lists every problem."""
    return load_text(_read(path), str(path))


def _read(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_BYTES)  # regular files only, size checked first
    except FileTooLarge as exc:
        raise QuestionnaireError([LoadError(str(path), 1, 1, exc.reason)]) from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise QuestionnaireError([LoadError(str(path), 1, 1, f"can not read: {reason}")]) from None


def load_text(text: str | bytes, filename: str) -> Questionnaire:
    return load_text_checked(text, filename)[0]


def load_text_checked(text: str | bytes, filename: str) -> tuple[Questionnaire, list[LoadError]]:
    """The questionnaire and its warnings (:attr:`LoadError.warning`: it loads, but the
    editor should look); :class:`QuestionnaireError` when it has errors."""
    # The collector stays paused while the model is built too: tens of thousands of
    # acyclic objects, and in the app every live Qt wrapper re-scanned each time (speed only).
    with gc_paused():
        root = compose_strict(text, filename)
        loader = _Loader(filename, Budget.for_size(len(text)))
        questionnaire = loader.load(root)
        return questionnaire, _sorted(loader.ctx.warnings)


def validate_file(path: Path, warnings: list[LoadError] | None = None) -> list[LoadError]:
    """Every problem in ``path`` (empty when it is a valid questionnaire); the warnings of a
    valid file are added to ``warnings`` when given."""
    try:
        _, found = load_text_checked(_read(path), str(path))
    except QuestionnaireError as exc:
        return exc.errors
    if warnings is not None:
        warnings.extend(found)
    return []


class _Loader(ItemBuilder):
    """Builds the questionnaire from the root node, then runs the checks across the file."""

    def __init__(self, filename: str, budget: Budget) -> None:
        super().__init__(Ctx(filename))
        self.budget = budget
        self.personas_node: yaml.Node | None = None

    def load(self, root: yaml.Node) -> Questionnaire:
        ctx = self.ctx
        found = f.fields(ctx, root, "questionnaire", _TOP_REQUIRED, _TOP_OPTIONAL)
        if found is None:
            raise QuestionnaireError(ctx.errors)
        get = found.get
        # Read first: in a draft, every text after it may lack English.
        draft = "draft" in found and f.switch(ctx, found["draft"], "draft") is True
        ctx.draft = draft
        schema = (
            f.number(ctx, found["schema_version"], "schema_version", numbers.SCHEMA_VERSION)
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
            f.number(ctx, found["minutes"], "minutes", numbers.MINUTES)
            if "minutes" in found
            else None
        )
        title = f.text(ctx, found["title"], "title") if "title" in found else None
        intro = f.text(ctx, found["intro"], "intro") if "intro" in found else None
        about_node = get("about")
        about = f.text(ctx, about_node, "about") if about_node is not None else None
        registry = self.citations.read_registry(get("sources"))
        about_sources = self.citations.cite(found, "questionnaire", "about_sources")
        self.citations.require_for_claims(
            found,
            "questionnaire",
            ("intro", "about"),
            {"intro": intro, "about": about},
            about_sources,
            key="about_sources",
        )
        levels = thresholds(ctx, found["levels"], "questionnaire") if "levels" in found else None
        sections = self.sections.sections(found["sections"]) if "sections" in found else ()
        contacts = self._many(found, "contacts", self._contact, "contact")
        advice = self._many(found, "advice", self._advice, "advice")
        flags = self._many(found, "red_flags", self._red_flag, "red flag")
        personas = self._many(found, "personas", self._persona, "persona")
        self.personas_node = found.get("personas")
        additions = self._many(found, "additions", self._addition, "addition")
        training = read_training(ctx, found["training"], sections) if "training" in found else None
        used_tags = frozenset().union(*(a.tags for a in advice))
        for addition in additions:
            for tag in sorted(addition.tags - used_tags):
                ctx.error(
                    self.addition_nodes[addition.id],
                    f"addition {addition.id!r}: no advice item has the tag {tag!r}"
                    + ctx.hints(tag, used_tags),
                )
        self._check_refs({c.id for c in contacts})
        self._check_advice_refs({a.id for a in advice})
        self.citations.report_unused()
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
            additions=additions,
            about=about,
            draft=draft,
            sources=registry,
            about_sources=about_sources,
            training=training,
            source=ctx.file,
        )
        self._check_model(questionnaire)
        if draft:
            self._draft_warning(found["draft"])
        if ctx.errors:
            raise QuestionnaireError(_sorted(ctx.errors))
        return questionnaire

    # --- checks across the file -------------------------------------------------------------

    def _check_refs(self, contact_ids: set[str]) -> None:
        ctx = self.ctx
        position, questions = self.sections.position, self.sections.questions
        for ref in ctx.refs:
            qid = ref.leaf.question
            pos = position.get(qid)
            if pos is None:
                hint = ctx.hints(qid, position)
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
                    hint = ctx.hints(str(option.value), ids)
                    switch = {"weet-niet": "unknown", "nvt": "nvt"}.get(str(option.value))
                    if switch is not None:
                        hint = f" (it is not offered: add {switch}: true to the question)"
                    ctx.error(
                        option, f"{ref.what}: question {qid!r} has no option {option.value!r}{hint}"
                    )
        for cid, node, what in self.contact_refs:
            if cid not in contact_ids:
                ctx.error(node, f"{what}: unknown contact {cid!r}{ctx.hints(cid, contact_ids)}")

    def _check_advice_refs(self, advice_ids: set[str]) -> None:
        """Red flags raise known advice; advice triggers leave ``weet-niet`` to the engine."""
        ctx = self.ctx
        for aid, node, what in self.raise_refs:
            if aid not in advice_ids:
                hint = ctx.hints(aid, advice_ids)
                ctx.error(node, f"{what}: raises: unknown advice {aid!r}{hint}")
        for ref in self.advice_refs:
            question = self.sections.questions.get(ref.leaf.question)
            if question is None or question.option(UNKNOWN) is None:
                continue  # reported by _check_refs
            for option in ref.option_nodes:
                if option.value == UNKNOWN:
                    ctx.error(
                        option,
                        f"{ref.what}: leave out 'weet-niet'; for a 'weet ik niet' answer the "
                        "advice becomes part of the find-out task by itself",
                    )

    def _check_model(self, questionnaire: Questionnaire) -> None:
        ctx = self.ctx
        walk = 3 * walk_cost(questionnaire)  # answer_problems settles the answers 3 times
        for persona in questionnaire.personas:
            node = self.persona_nodes[persona.id]
            if not self.budget.afford(walk + len(persona.answers)):
                ctx.error(
                    node,
                    f"persona {persona.id!r}: too much to check; this file has more personas "
                    "than can be checked against its questions: use fewer personas",
                )
                break
            for qid, message in persona_problems(questionnaire, persona.answers, ctx.hints):
                at = _key_node(node, qid) or node
                ctx.error(at, f"persona {persona.id!r}: {message}")
        verdict = check(questionnaire, self.budget)
        for kind, item_id in verdict.unreachable:
            ctx.error(
                self.when_nodes.get((kind, item_id)),
                f"{kind} {item_id!r}: no combination of "
                "answers the wizard allows can trigger it (check when and show_if)",
            )
        for kind, item_id in verdict.too_complex:
            ctx.error(
                self.when_nodes.get((kind, item_id)),
                f"{kind} {item_id!r}: too complex to check; simplify the conditions of "
                f"{kind} {item_id!r} (its when, and the show_if of the questions it reads)",
            )
        both, too_complex = contradicting(questionnaire, self.budget)
        for item_id in both:
            ctx.error(
                self.done_if_nodes.get(item_id),
                f"advice {item_id!r}: when and done_if can both hold, so the advice would "
                "ask for a measure the answers say is already there",
            )
        for item_id in too_complex:
            ctx.error(
                self.done_if_nodes.get(item_id),
                f"advice {item_id!r}: too complex to check against done_if; simplify when "
                "or done_if",
            )
        for qid, message in follow_up_problems(questionnaire):
            ctx.error(self.sections.show_if_nodes.get(qid), f"question {qid!r}: {message}")
        for finding in findings(questionnaire, self.budget):
            (ctx.warn if finding.warning else ctx.error)(self._node_of(finding), finding.message)

    def _draft_warning(self, node: yaml.Node) -> None:
        missing = self.ctx.missing_english
        if missing:
            self.ctx.warn(
                missing[0],
                f"draft: {len(missing)} text(s) have no English yet (the first is here); the "
                "app shows the Dutch text in English too. Write the English, then remove "
                "draft: true",
            )
        else:
            self.ctx.warn(node, "draft: every text has English; remove draft: true when done")

    def _node_of(self, finding: Finding) -> yaml.Node | None:
        key = finding.key
        if isinstance(key, tuple):
            return self.variant_nodes.get(key)
        if finding.kind == "question":
            return self.sections.id_nodes.get(key)
        if finding.kind == "personas":
            return self.personas_node
        return self.when_nodes.get((finding.kind, key))


def _key_node(mapping: yaml.Node, key: str | None) -> yaml.Node | None:
    if key is None or not isinstance(mapping, yaml.MappingNode):
        return None
    for k, _ in mapping.value:
        if k.value == key:
            return k  # type: ignore[no-any-return]
    return None


def _sorted(errors: list[LoadError]) -> list[LoadError]:
    return sorted(errors, key=lambda e: (e.line, e.col))
