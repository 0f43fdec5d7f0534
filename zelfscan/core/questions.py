"""Build sections, questions and options from the node tree (part of the loader).

The reserved options ``weet-niet`` and ``nvt`` and the ``yesno`` answers are added here, so
everything downstream sees one uniform list of options per question.
"""

from __future__ import annotations

import yaml

from zelfscan.core import fields as f
from zelfscan.core import numbers
from zelfscan.core.fields import Ctx
from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    Option,
    Question,
    QuestionType,
    Section,
    Text,
    Thresholds,
)
from zelfscan.core.sources import Citations

UNKNOWN_LABEL = Text({"nl": "Weet ik niet", "en": "I don't know"})
NOT_APPLICABLE_LABEL = Text({"nl": "Niet van toepassing", "en": "Not applicable"})
YESNO_LABELS = {
    "ja": Text({"nl": "Ja", "en": "Yes"}),
    "deels": Text({"nl": "Gedeeltelijk", "en": "Partly"}),
    "nee": Text({"nl": "Nee", "en": "No"}),
}
RESERVED = (UNKNOWN, NOT_APPLICABLE)

_SECTION_REQUIRED = ("id", "title", "questions")
_SECTION_OPTIONAL = (
    "profile",
    "intro",
    "levels",
    "show_if",
    "trainer_notes",
    "discussion",
    "sources",
)
_QUESTION_REQUIRED = ("id", "type", "text")
_QUESTION_OPTIONAL = (
    "options",
    "required",
    "help",
    "find_out",
    "show_if",
    "unknown",
    "nvt",
    "safe",
    "partly",
    "points",
    "sources",
)
_ONLY_FOR = {
    "options": (QuestionType.SINGLE, QuestionType.MULTIPLE),
    "safe": (QuestionType.YESNO,),
    "partly": (QuestionType.YESNO,),
    "points": (QuestionType.YESNO,),
    "unknown": (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.YESNO),
    "nvt": (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.YESNO),
}


def thresholds(ctx: Ctx, node: yaml.Node, what: str) -> Thresholds | None:
    found = f.fields(ctx, node, f"{what} levels", ("goed", "aandacht"))
    if found is None or len(found) != 2:
        return None
    goed = f.number(ctx, found["goed"], f"{what} levels: goed", numbers.LEVEL)
    aandacht = f.number(ctx, found["aandacht"], f"{what} levels: aandacht", numbers.LEVEL)
    if goed is None or aandacht is None:
        return None
    if not 0 <= aandacht < goed <= 100:
        ctx.error(
            node,
            f"{what} levels: need 0 <= aandacht < goed <= 100, got "
            f"aandacht {aandacht:g} and goed {goed:g}",
        )
        return None
    return Thresholds(goed=float(goed), aandacht=float(aandacht))


class SectionBuilder:
    """Builds the sections in file order and keeps the question index for later checks."""

    def __init__(self, ctx: Ctx, citations: Citations | None = None) -> None:
        self.ctx = ctx
        self.citations = citations or Citations(ctx)
        self.position: dict[str, int] = {}
        """Question id -> its position in the file (for "earlier questions only")."""
        self.questions: dict[str, Question] = {}
        self.section_ids: set[str] = set()
        self.show_if_nodes: dict[str, yaml.Node] = {}
        """Question id -> its show_if node (or its id node), for messages about follow-ups."""
        self.id_nodes: dict[str, yaml.Node] = {}
        """Question id -> the node of its id, for messages about the question as a whole."""

    def sections(self, node: yaml.Node) -> tuple[Section, ...]:
        items = f.sequence(self.ctx, node, "sections", non_empty=True)
        built = [self.section(item) for item in items or ()]
        return tuple(s for s in built if s is not None)

    def section(self, node: yaml.Node) -> Section | None:
        ctx = self.ctx
        what = f.owner(node, "section")
        found = f.fields(ctx, node, what, _SECTION_REQUIRED, _SECTION_OPTIONAL)
        if found is None:
            return None
        sid = f.ident(ctx, found["id"], "section") if "id" in found else None
        if sid is not None:
            what = f"section {sid!r}"
            if sid in self.section_ids:
                ctx.error(found["id"], f"{what}: the id is used by another section too")
            self.section_ids.add(sid)
        profile = bool("profile" in found and f.switch(ctx, found["profile"], f"{what}: profile"))
        show_if = None
        if "show_if" in found:
            show_if = f.condition(ctx, found["show_if"], f"{what} show_if", len(self.position))
        questions: list[Question] = []
        if "questions" in found:
            for qnode in f.sequence(ctx, found["questions"], f"{what}: questions", True) or ():
                q = self.question(qnode, sid or "", profile)
                if q is not None:
                    questions.append(q)
        title = f.text(ctx, found["title"], f"{what}: title") if "title" in found else None
        opt_text = {
            k: f.text(ctx, found[k], f"{what}: {k}") if k in found else None
            for k in ("intro", "trainer_notes", "discussion")
        }
        levels = thresholds(ctx, found["levels"], what) if "levels" in found else None
        sources = self.citations.cite(found, what)
        self.citations.require_for_claims(
            found, what, ("intro", "trainer_notes", "discussion"), opt_text, sources
        )
        if sid is None or title is None:
            return None
        return Section(
            id=sid,
            title=title,
            questions=tuple(questions),
            profile=profile,
            intro=opt_text["intro"],
            thresholds=levels,
            trainer_notes=opt_text["trainer_notes"],
            discussion=opt_text["discussion"],
            show_if=show_if,
            sources=sources,
        )

    def question(self, node: yaml.Node, section: str, profile: bool) -> Question | None:
        ctx = self.ctx
        what = f.owner(node, "question")
        found = f.fields(ctx, node, what, _QUESTION_REQUIRED, _QUESTION_OPTIONAL)
        if found is None:
            return None
        qid = f.ident(ctx, found["id"], what) if "id" in found else None
        if qid is not None:
            what = f"question {qid!r}"
            if qid in self.position:
                ctx.error(found["id"], f"{what}: the id is used by another question too")
        limit = len(self.position)
        kind_name = None
        if "type" in found:
            kind_name = f.choice(
                ctx, found["type"], f"{what}: type", [t.value for t in QuestionType]
            )
        kind = QuestionType(kind_name) if kind_name else None
        if kind is not None:
            for key, types in _ONLY_FOR.items():
                if key in found and kind not in types:
                    ctx.error(found[key], f"{what}: {key!r} is not used by {kind.value} questions")
        text = f.text(ctx, found["text"], f"{what}: text") if "text" in found else None
        help_ = f.text(ctx, found["help"], f"{what}: help") if "help" in found else None
        find_out = (
            f.text(ctx, found["find_out"], f"{what}: find_out") if "find_out" in found else None
        )
        show_if = (
            f.condition(ctx, found["show_if"], f"{what} show_if", limit)
            if "show_if" in found
            else None
        )
        required = kind is not QuestionType.TEXT
        if "required" in found:
            value = f.switch(ctx, found["required"], f"{what}: required")
            required = required if value is None else value
        unknown = not profile
        if "unknown" in found:
            value = f.switch(ctx, found["unknown"], f"{what}: unknown")
            unknown = unknown if value is None else value
        nvt = False
        if "nvt" in found:
            nvt = bool(f.switch(ctx, found["nvt"], f"{what}: nvt"))
        options: tuple[Option, ...] = ()
        if kind is QuestionType.YESNO:
            options = self.yesno(found, what, profile)
        elif kind is QuestionType.SINGLE or kind is QuestionType.MULTIPLE:
            if "options" not in found:
                ctx.error(node, f"{what}: missing field 'options'")
            else:
                options = self.options(found["options"], what, kind, profile)
        elif kind is None and "options" in found:  # bad type: still check the options
            self.options(found["options"], what, QuestionType.SINGLE, profile)
        if kind is not QuestionType.TEXT and kind is not None:
            options += reserved_options(kind, options, unknown, nvt)
        if qid is not None:
            self.position.setdefault(qid, limit)
            self.show_if_nodes.setdefault(qid, found.get("show_if") or found["id"])
            self.id_nodes.setdefault(qid, found["id"])
        sources = self.citations.cite(found, what)
        self.citations.require_for_claims(
            found,
            what,
            ("text", "help", "find_out"),
            {"text": text, "help": help_, "find_out": find_out},
            sources,
        )
        if qid is None or kind is None or text is None:
            return None
        question = Question(
            id=qid,
            type=kind,
            text=text,
            section=section,
            required=required,
            options=options,
            help=help_,
            find_out=find_out,
            show_if=show_if,
            line=f.line_of(node),
            sources=sources,
        )
        self.questions.setdefault(qid, question)
        return question

    def yesno(self, found: dict[str, yaml.Node], what: str, profile: bool) -> tuple[Option, ...]:
        ctx = self.ctx
        safe = "ja"
        if "safe" in found:
            safe = f.choice(ctx, found["safe"], f"{what}: safe", ("ja", "nee")) or "ja"
        partly = True
        if "partly" in found:
            partly = f.switch(ctx, found["partly"], f"{what}: partly") is not False
        best: float | None = 2.0
        if "points" in found:
            # null or 0: the question is not scored (as for options without points)
            value = (
                None
                if f.is_null(found["points"])
                else f.number(ctx, found["points"], f"{what}: points", numbers.POINTS)
            )
            best = float(value) if value else None
            if profile and best is not None:
                ctx.error(
                    found["points"], f"{what}: questions in a profile section are never scored"
                )
        if profile:
            best = None
        unsafe = "nee" if safe != "nee" else "ja"
        points = {
            safe: best,
            "deels": None if best is None else best / 2,
            unsafe: None if best is None else 0.0,
        }
        ids = ("ja", "deels", "nee") if partly else ("ja", "nee")
        return tuple(Option(i, YESNO_LABELS[i], points[i]) for i in ids)

    def options(
        self, node: yaml.Node, what: str, kind: QuestionType, profile: bool
    ) -> tuple[Option, ...]:
        ctx = self.ctx
        items = f.sequence(ctx, node, f"{what}: options", non_empty=True)
        built: list[Option] = []
        seen: set[str] = set()
        for item in items or ():
            found = f.fields(ctx, item, f"{what}: option", ("id", "label"), ("points", "exclusive"))
            if found is None or "id" not in found:
                continue
            oid = f.ident(ctx, found["id"], f"{what}: option")
            if oid is None:
                continue
            owhat = f"{what}: option {oid!r}"
            if oid in RESERVED:
                ctx.error(
                    found["id"],
                    f"{owhat}: {oid!r} is added for you; use "
                    f"{'unknown' if oid == UNKNOWN else 'nvt'}: true instead",
                )
                continue
            if oid in seen:
                ctx.error(found["id"], f"{owhat}: the id is used twice in this question")
            seen.add(oid)
            label = f.text(ctx, found["label"], f"{owhat}: label") if "label" in found else None
            points: float | None = None
            if "points" in found and not f.is_null(found["points"]):
                value = f.number(ctx, found["points"], f"{owhat}: points", numbers.POINTS)
                points = None if value is None else float(value)
                if profile and value is not None:
                    ctx.error(
                        found["points"],
                        f"{owhat}: questions in a profile section are never scored; remove points",
                    )
            exclusive = False
            if "exclusive" in found:
                exclusive = bool(f.switch(ctx, found["exclusive"], f"{owhat}: exclusive"))
                if exclusive and kind is not QuestionType.MULTIPLE:
                    ctx.error(
                        found["exclusive"],
                        f"{owhat}: exclusive is only for multiple choice options",
                    )
                if exclusive and points is not None and points > 0:
                    ctx.error(found["points"], f"{owhat}: an exclusive option can not earn points")
            if label is not None:
                built.append(
                    Option(oid, label, points, exclusive and kind is QuestionType.MULTIPLE)
                )
        if items and len(built) == len(items):
            if kind is QuestionType.MULTIPLE and all(o.exclusive for o in built):
                ctx.error(
                    node,
                    f"{what}: a multiple choice question needs an option that is not exclusive",
                )
            scored = any(o.points is not None for o in built)
            if kind is QuestionType.SINGLE and scored and len(built) < 2:
                ctx.error(node, f"{what}: a scored question needs at least two options")
        return tuple(built)


def reserved_options(
    kind: QuestionType, options: tuple[Option, ...], unknown: bool, nvt: bool
) -> tuple[Option, ...]:
    """``weet-niet`` (0 points when the question is scored, so it stays in the denominator)
    and ``nvt`` (never scored: the question leaves the denominator)."""
    scored = any(o.points is not None for o in options)
    exclusive = kind is QuestionType.MULTIPLE
    extra: list[Option] = []
    if unknown:
        extra.append(Option(UNKNOWN, UNKNOWN_LABEL, 0.0 if scored else None, exclusive))
    if nvt:
        extra.append(Option(NOT_APPLICABLE, NOT_APPLICABLE_LABEL, None, exclusive))
    return tuple(extra)
