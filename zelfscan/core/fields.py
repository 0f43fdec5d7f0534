"""Read typed values from composed YAML nodes, collecting errors with their positions.

Every reader takes the node and a ``what`` that names its owner (``question 'slot'``), adds a
:class:`LoadError` to the context when the value is wrong and returns ``None``, so the loader
keeps going and reports every problem of the file at once.

YAML 1.1 traps: ids and texts are read from the scalar's raw text (``no``, ``on``, ``1:30``,
``0777`` stay text); numbers must be plain decimal numbers; switches must be ``true`` or
``false``.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import yaml

from zelfscan.core.errors import LoadError
from zelfscan.core.model import LANGUAGES, AllOf, AnswerIn, AnyOf, Condition, Not, Text, TextList
from zelfscan.core.numbers import MAX_CHARS, Bounds, NumberProblem, parse_number

ID_RE = re.compile(r"[a-z0-9_-]+")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_CONDITION_KEYS = ("answer", "in", "all", "any", "not")


@dataclass(slots=True)
class CondRef:
    """One ``{answer, in}`` test, kept with its nodes so it can be checked once all
    questions are known. ``limit``: only questions before this position may be used."""

    leaf: AnswerIn
    question_node: yaml.Node
    option_nodes: list[yaml.ScalarNode]
    what: str
    limit: int | None


@dataclass
class Ctx:
    file: str
    errors: list[LoadError] = field(default_factory=list)
    warnings: list[LoadError] = field(default_factory=list)
    draft: bool = False
    """``draft: true`` in the file: English may be missing (the Dutch text stands in)."""
    missing_english: list[yaml.Node] = field(default_factory=list)
    """In a draft: the texts without English, for one warning that counts them."""
    refs: list[CondRef] = field(default_factory=list)
    hints: Hints = field(default_factory=lambda: Hints())

    def error(self, node: yaml.Node | None, message: str) -> None:
        mark = None if node is None else node.start_mark
        line, col = (1, 1) if mark is None else (mark.line + 1, mark.column + 1)
        self.errors.append(LoadError(self.file, line, col, message))

    def warn(self, node: yaml.Node | None, message: str) -> None:
        """A problem the file still loads with (:attr:`LoadError.warning`)."""
        mark = None if node is None else node.start_mark
        line, col = (1, 1) if mark is None else (mark.line + 1, mark.column + 1)
        self.warnings.append(LoadError(self.file, line, col, message, warning=True))


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def owner(node: yaml.Node, kind: str) -> str:
    """How messages name a map: ``question 'slot'`` when it has a usable id, else its line."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode) and value.value:
                return f"{kind} {value.value!r}"
    return f"{kind} at line {line_of(node)}"


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class Hints:
    """ "Did you mean ...?" with a budget, so a crafted file can not make hints quadratic.

    Each hint compares the word with every choice; a file with 20,000 questions and 20,000
    conditions naming a missing one would make 400 million comparisons (minutes). One
    :class:`Hints` per file allows :data:`HINT_COMPARISONS` in total; past that the errors
    are reported without a hint. Real files use a few hundred.
    """

    def __init__(self, comparisons: int = 0) -> None:
        self.left = comparisons or HINT_COMPARISONS

    def __call__(self, word: str, choices: Collection[str]) -> str:
        if len(choices) > self.left:
            self.left = 0
            return ""
        self.left -= len(choices)
        return suggest(word, choices)


HINT_COMPARISONS = 100_000


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


def fields(
    ctx: Ctx,
    node: yaml.Node,
    what: str,
    required: Collection[str],
    optional: Collection[str] = (),
) -> dict[str, yaml.Node] | None:
    """The fields of a map, by name; unknown and missing fields are errors."""
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, f"{what}: expected a map of fields ({', '.join(required)}, ...)")
        return None
    found: dict[str, yaml.Node] = {}
    suggested: set[str] = set()
    for key, value in node.value:
        name = key.value
        if name in required or name in optional:
            found[name] = value
        else:
            close = difflib.get_close_matches(name, [*required, *optional], n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            suggested.update(close)
            ctx.error(key, f"{what}: unknown field {name!r}{hint}")
    for name in required:
        if name not in found and name not in suggested:  # a typo is reported once
            ctx.error(node, f"{what}: missing field {name!r}")
    return found


def scalar(ctx: Ctx, node: yaml.Node, what: str) -> str | None:
    """The raw text of a scalar (``no`` stays ``"no"``); empty text is an error."""
    if not isinstance(node, yaml.ScalarNode):
        ctx.error(node, f"{what}: expected text, not a list or a map")
        return None
    value = str(node.value)
    if not value.strip() or (node.tag == _NULL_TAG and not node.style):
        ctx.error(node, f"{what}: is empty")
        return None
    return value


def ident(ctx: Ctx, node: yaml.Node, what: str) -> str | None:
    value = scalar(ctx, node, what)
    if value is None:
        return None
    if not ID_RE.fullmatch(value):
        hint = ""
        fixed = re.sub(r"[^a-z0-9_-]+", "-", value.strip().lower()).strip("-")
        if fixed and fixed != value:
            hint = f" (for example {fixed!r})"
        ctx.error(node, f"{what}: id {value!r} may only use a-z, 0-9, '-' and '_'{hint}")
        return None
    return value


def text(ctx: Ctx, node: yaml.Node, what: str, plain_ok: bool = False) -> Text | None:
    """A ``{nl, en}`` text; with ``plain_ok`` a plain string counts for both languages."""
    if (plain_ok or ctx.draft) and isinstance(node, yaml.ScalarNode):
        value = scalar(ctx, node, what)
        if value is not None and not plain_ok:
            ctx.missing_english.append(node)
        return None if value is None else Text({lang: value for lang in LANGUAGES})
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, f"{what}: write the text in both languages: {{nl: ..., en: ...}}")
        return None
    found = fields(ctx, split_by_comma(ctx, node, what), what, *_languages(ctx))
    if found is None or not all(lang in found for lang in _languages(ctx)[0]):
        return None
    values: dict[str, str] = {}
    for lang in LANGUAGES:
        if lang not in found:  # a draft without English yet: the Dutch stands in
            ctx.missing_english.append(node)
            values[lang] = values[LANGUAGES[0]]
            continue
        value = scalar(ctx, found[lang], f"{what} ({lang})")
        if value is None:
            return None
        values[lang] = value.strip()
    return Text(values)


def _languages(ctx: Ctx) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) languages of a text: both, or in a draft only Dutch."""
    return (LANGUAGES[:1], LANGUAGES[1:]) if ctx.draft else (LANGUAGES, ())


def split_by_comma(ctx: Ctx, node: yaml.MappingNode, what: str) -> yaml.MappingNode:
    """Report a ``{nl: Ja, elke week, en: ...}`` whose comma cut a text in two.

    Inside ``{ }`` a comma ends the value, so "elke week" becomes a key without a value. Such
    a key is reported as the text cut by a comma (with the fix: quotes), not as an unknown
    field; the map without those keys is returned for the usual checks.
    """
    if not node.flow_style:
        return node
    kept = []
    for key, value in node.value:
        if key.value in LANGUAGES or not is_null(value) or value.value:
            kept.append((key, value))
            continue
        ctx.error(
            key,
            f"{what}: a comma cut the text before {key.value!r} in two; put the whole text "
            'in quotes, like nl: "Een half uur, elke week"',
        )
    if len(kept) == len(node.value):
        return node
    return yaml.MappingNode(node.tag, kept, node.start_mark, node.end_mark, flow_style=True)


def text_list(ctx: Ctx, node: yaml.Node, what: str) -> TextList | None:
    """``{nl: [step, ...], en: [step, ...]}``."""
    found = fields(ctx, node, what, *_languages(ctx))
    if found is None or not all(lang in found for lang in _languages(ctx)[0]):
        return None
    values: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        if lang not in found:  # a draft without English yet: the Dutch stands in
            ctx.missing_english.append(node)
            values[lang] = values[LANGUAGES[0]]
            continue
        items = sequence(ctx, found[lang], f"{what} ({lang})", non_empty=True)
        if items is None:
            return None
        steps = [scalar(ctx, item, f"{what} ({lang})") for item in items]
        if any(s is None for s in steps):
            return None
        values[lang] = tuple(s.strip() for s in steps if s is not None)
    counts = {lang: len(steps) for lang, steps in values.items()}
    if len(set(counts.values())) > 1:
        shown = " and ".join(f"{lang} has {n}" for lang, n in counts.items())
        ctx.error(
            node,
            f"{what}: every step needs its translation, but {shown} steps (inside [ ] a comma "
            'ends a step: put a step that contains a comma in quotes, like "Bel, of mail.")',
        )
    return TextList(values)


def sequence(
    ctx: Ctx, node: yaml.Node, what: str, non_empty: bool = False
) -> list[yaml.Node] | None:
    if not isinstance(node, yaml.SequenceNode):
        ctx.error(node, f"{what}: expected a list")
        return None
    if non_empty and not node.value:
        ctx.error(node, f"{what}: the list is empty")
        return None
    return list(node.value)


T = TypeVar("T")


def built_unique(
    ctx: Ctx,
    items: Iterable[yaml.Node],
    build: Callable[[yaml.Node], T | None],
    key_of: Callable[[T], str],
    duplicate: Callable[[str], str],
) -> list[T]:
    """Each item built, in order; an item whose key an earlier one has is an error
    (``duplicate(key)`` says so at that item) and is left out, so one mistake gives one message."""
    built: list[T] = []
    seen: set[str] = set()
    for item in items:
        value = build(item)
        if value is None:
            continue
        key = key_of(value)
        if key in seen:
            ctx.error(item, duplicate(key))
            continue
        seen.add(key)
        built.append(value)
    return built


def number(ctx: Ctx, node: yaml.Node, what: str, bounds: Bounds) -> int | float | None:
    """A plain decimal number within ``bounds`` (:mod:`zelfscan.core.numbers`): ``"3"``, ``yes``,
    ``0777``, ``1e999`` and a 5,000-digit number are errors, never a traceback or ``inf``."""
    kind = "a whole number" if bounds.integer else "a number"
    if not isinstance(node, yaml.ScalarNode):
        ctx.error(node, f"{what}: expected {kind}")
        return None
    value = str(node.value)
    if node.style in ("'", '"'):
        shown = value if len(value) <= MAX_CHARS else value[:MAX_CHARS] + "..."
        ctx.error(node, f"{what}: {shown!r} is text in quotes; write {kind} without quotes")
        return None
    if node.tag == _BOOL_TAG:
        ctx.error(node, f"{what}: expected {kind}, not {value!r}")
        return None
    try:
        return parse_number(value, bounds)
    except NumberProblem as problem:
        ctx.error(node, f"{what}: {problem}")
        return None


def switch(ctx: Ctx, node: yaml.Node, what: str) -> bool | None:
    if isinstance(node, yaml.ScalarNode) and node.style == "" and node.value in ("true", "false"):
        return bool(node.value == "true")
    shown = node.value if isinstance(node, yaml.ScalarNode) else "a list or map"
    ctx.error(node, f"{what}: write true or false, not {shown!r}")
    return None


def date(ctx: Ctx, node: yaml.Node, what: str) -> str | None:
    value = scalar(ctx, node, what)
    if value is None:
        return None
    try:
        if not _DATE_RE.fullmatch(value):
            raise ValueError(value)
        _dt.date.fromisoformat(value)
    except ValueError:
        ctx.error(node, f'{what}: expected a date like "2026-11-01", not {value!r}')
        return None
    return value


def choice(ctx: Ctx, node: yaml.Node, what: str, allowed: Collection[str]) -> str | None:
    value = scalar(ctx, node, what)
    if value is None:
        return None
    if value not in allowed:
        options = ", ".join(allowed)
        ctx.error(node, f"{what}: {value!r} is not one of {options}{suggest(value, allowed)}")
        return None
    return value


def condition(ctx: Ctx, node: yaml.Node, what: str, limit: int | None) -> Condition | None:
    """Parse ``{answer, in}`` / ``{all}`` / ``{any}`` / ``{not}``; the question and option
    references are checked later (:class:`CondRef`)."""
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, f"{what}: a condition is a map like {{answer: id, in: [option]}}")
        return None
    keys = [k.value for k, _ in node.value]
    if "answer" in keys or "in" in keys:
        found = fields(ctx, node, what, ("answer", "in"))
        if found is None or len(found) != 2:
            return None
        qid = ident(ctx, found["answer"], f"{what}: answer")
        items = sequence(ctx, found["in"], f"{what}: in", non_empty=True)
        if qid is None or items is None:
            return None
        opts: list[yaml.ScalarNode] = []
        for item in items:
            oid = ident(ctx, item, f"{what}: in")
            if oid is None or not isinstance(item, yaml.ScalarNode):
                return None
            opts.append(item)
        leaf = AnswerIn(qid, frozenset(str(o.value) for o in opts))
        ctx.refs.append(CondRef(leaf, found["answer"], opts, what, limit))
        return leaf
    if len(node.value) != 1 or keys[0] not in ("all", "any", "not"):
        for key, _ in node.value:
            if key.value not in _CONDITION_KEYS:
                hint = suggest(str(key.value), _CONDITION_KEYS)
                ctx.error(key, f"{what}: unknown condition field {key.value!r}{hint}")
                return None
        ctx.error(node, f"{what}: a condition has either answer and in, or one of all, any, not")
        return None
    key, value = keys[0], node.value[0][1]
    if key == "not":
        inner = condition(ctx, value, what, limit)
        return None if inner is None else Not(inner)
    parts_nodes = sequence(ctx, value, f"{what}: {key}", non_empty=True)
    if parts_nodes is None:
        return None
    parts = [condition(ctx, p, what, limit) for p in parts_nodes]
    if any(p is None for p in parts):
        return None
    checked = tuple(p for p in parts if p is not None)
    return AllOf(checked) if key == "all" else AnyOf(checked)
