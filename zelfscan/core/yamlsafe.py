"""The strict YAML layer: one pass over the parser's events that builds the node tree.

Questionnaires and answers files are written by people, so this layer refuses everything the
format does not need and that makes files ambiguous or dangerous (reliability.md section 5):
anchors and aliases (alias bombs, cycles), ``<<`` merge keys, duplicate keys, non-scalar keys,
explicit tags other than the core ones, a second document, nesting deeper than
:data:`MAX_DEPTH`, more than :data:`MAX_NODES` nodes, files over :data:`MAX_BYTES`, invalid
UTF-8 and control characters.

The tree is composed here, iteratively, from libyaml's events (``CSafeLoader`` when available),
so the file is parsed once, deep nesting never reaches a recursive composer, and every node
keeps its ``start_mark`` for ``file:line:col`` messages. No Python objects are constructed:
the loaders read the nodes themselves.

Speed (docs/performance.md gives loading 2x a plain ``yaml.safe_load``; the app loads every
questionnaire at start-up): the cyclic garbage collector is paused while a file is composed
(:func:`gc_paused`; the tree has no cycles, so it only cost time re-scanning every live object
of the app, ~35 ms at start-up), and plain scalars whose first character no implicit
resolver handles skip the resolver call (same tag, ~10% of the pass).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from zelfscan.core import yamlhints
from zelfscan.core.errors import LoadError, QuestionnaireError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 200_000

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_C_LOADER = _LOADER is not yaml.SafeLoader

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))
MERGE_TAG = _CORE + "merge"
STR_TAG = _CORE + "str"
SEQ_TAG = _CORE + "seq"
MAP_TAG = _CORE + "map"


class _Fatal(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a burst of acyclic allocations.

    Composing a file creates tens of thousands of nodes and marks; every few hundred
    allocations the collector would walk them and, in the app, every live Qt wrapper and
    module as well. Nothing built here forms a cycle, so reference counting frees it all the
    same. Nests safely: only the outermost pause switches the collector back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compose_strict(text: str | bytes, filename: str) -> yaml.Node:
    """The node tree of a one-document YAML file, or :class:`QuestionnaireError`.

    Non-fatal problems (duplicate keys, anchors, tags, merge keys) are all collected; parse
    errors and the size limits stop at once.
    """
    try:
        source = _checked_source(text)
        with gc_paused():
            return _compose(source, filename)
    except _Fatal as fatal:
        raise QuestionnaireError(
            [LoadError(filename, fatal.line, fatal.col, fatal.message)]
        ) from None


def top_level_scalar(data: bytes, key: str) -> str | None:
    """The text of ``key`` in the file's top-level mapping, reading only as far as that key.

    For cheap look-ups such as a questionnaire's ``id`` (:func:`zelfscan.core.catalog.find`):
    the parser's events up to the key, no nodes, no checks. None when the file does not
    parse that far, is too big, has no such key, or its value is not a scalar; callers then
    load the file properly, which reports the real problem.
    """
    if len(data) > MAX_BYTES:
        return None
    loader = _LOADER(data if _C_LOADER else data.decode("utf-8", "replace"))
    try:
        get_event: Callable[[], Any] = loader.get_event
        for expected in (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent):
            if not isinstance(get_event(), expected):
                return None
        while True:
            event = get_event()
            if not isinstance(event, yaml.ScalarEvent):
                return None  # the end of the mapping, or a key that is not plain text
            found = event.value == key
            value = get_event()
            if isinstance(value, yaml.ScalarEvent):
                if found:
                    return str(value.value)
                continue
            if found or not isinstance(value, yaml.CollectionStartEvent):
                return None
            depth = 1
            while depth:
                inner = get_event()
                if isinstance(inner, yaml.CollectionStartEvent):
                    depth += 1
                elif isinstance(inner, yaml.CollectionEndEvent):
                    depth -= 1
                elif isinstance(inner, yaml.StreamEndEvent):  # pragma: no cover - parser
                    return None
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _checked_source(text: str | bytes) -> str | bytes:
    if isinstance(text, str):
        if len(text) > MAX_BYTES:
            raise _Fatal(1, 1, _too_big())
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            line, col = _line_col_text(text, exc.start)
            raise _Fatal(line, col, "the text contains an invalid character") from None
    else:
        data = bytes(text)
        if len(data) > MAX_BYTES:
            raise _Fatal(1, 1, _too_big())
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, col = _line_col_bytes(data, exc.start)
            raise _Fatal(
                line,
                col,
                f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
            ) from None
    if len(data) > MAX_BYTES:
        raise _Fatal(1, 1, _too_big())
    # libyaml reads bytes directly (positions in its errors are byte offsets); the pure-Python
    # reader wants the decoded text (positions are character offsets).
    return data if _C_LOADER else text


def _too_big() -> str:
    return f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"


def _line_col_bytes(data: bytes, pos: int) -> tuple[int, int]:
    pos = max(0, min(pos, len(data)))
    start = data.rfind(b"\n", 0, pos) + 1
    return data.count(b"\n", 0, pos) + 1, len(data[start:pos].decode("utf-8", "replace")) + 1


def _line_col_text(text: str, pos: int) -> tuple[int, int]:
    pos = max(0, min(pos, len(text)))
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _mark(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _compose(source: str | bytes, filename: str) -> yaml.Node:
    loader = _LOADER(source)
    try:
        return _Composer(loader, filename).run()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark(mark)
        raise _Fatal(line, col, _parse_message(exc, source)) from None
    except yaml.YAMLError as exc:  # ReaderError is not a MarkedYAMLError
        pos = int(getattr(exc, "position", 0) or 0)
        if isinstance(source, bytes):
            line, col = _line_col_bytes(source, pos)
        else:
            line, col = _line_col_text(source, pos)
        reason = getattr(exc, "reason", None) or "unreadable character"
        char = getattr(exc, "character", None)
        what = f"character #x{char:04x}: " if isinstance(char, int) else ""
        raise _Fatal(line, col, f"unacceptable {what}{reason}") from None
    except RecursionError:  # pragma: no cover - the depth limit stops this first
        raise _Fatal(1, 1, f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _parse_message(exc: yaml.MarkedYAMLError, source: str | bytes) -> str:
    """The parser's words, after a plain-language hint when the place suggests one
    (:mod:`zelfscan.core.yamlhints`)."""
    problem = exc.problem or "invalid YAML"
    message = f"{exc.context}: {problem}" if exc.context else problem
    advice = yamlhints.hint(source, exc)
    if advice:
        return f"YAML syntax error: {advice} (the parser says: {message})"
    return "YAML syntax error: " + message


class _Frame:
    __slots__ = ("key", "node", "seen")

    def __init__(self, node: yaml.Node) -> None:
        self.node = node
        self.seen: dict[str, int] = {}
        self.key: yaml.Node | None = None


class _Composer:
    """Builds nodes from events with an explicit stack (no recursion)."""

    def __init__(self, loader: yaml.SafeLoader, filename: str) -> None:
        self.loader = loader
        self.filename = filename
        self.errors: list[LoadError] = []

    def error(self, mark: yaml.Mark | None, message: str) -> None:
        line, col = _mark(mark)
        self.errors.append(LoadError(self.filename, line, col, message))

    def run(self) -> yaml.Node:
        get_event: Callable[[], Any] = self.loader.get_event
        resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = self.loader.resolve
        # What Resolver.resolve does for a scalar, without the call, where the answer is sure:
        # a quoted scalar, or a plain one whose first character starts no implicit resolver
        # (no wildcard or path resolvers, as in SafeLoader), is a str.
        implicit_resolvers = self.loader.yaml_implicit_resolvers
        fast_str = None not in implicit_resolvers and not self.loader.yaml_path_resolvers
        resolver_starts = frozenset(implicit_resolvers)
        error = self.error
        stack: list[_Frame] = []
        root: yaml.Node | None = None
        documents = 0
        nodes = 0
        while True:
            event = get_event()
            cls = type(event)
            node: yaml.Node
            if cls is yaml.ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    value = event.value
                    implicit = event.implicit
                    if fast_str and (
                        not implicit[0] or (value and value[0] not in resolver_starts)
                    ):
                        tag = STR_TAG
                    else:
                        tag = resolve(yaml.ScalarNode, value, implicit)
                elif tag not in ALLOWED_TAGS:
                    error(event.start_mark, f"tags like {_short(tag)!r} are not allowed")
                    tag = STR_TAG
                node = yaml.ScalarNode(
                    tag, event.value, event.start_mark, event.end_mark, event.style
                )
                if event.anchor is not None:
                    error(event.start_mark, f"anchors (&{event.anchor}) are not allowed")
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    line, col = _mark(event.start_mark)
                    raise _Fatal(line, col, f"nesting deeper than {MAX_DEPTH} levels")
                tag = event.tag
                is_map = cls is yaml.MappingStartEvent
                if tag is not None and tag != "!" and tag not in ALLOWED_TAGS:
                    error(event.start_mark, f"tags like {_short(tag)!r} are not allowed")
                tag = MAP_TAG if is_map else SEQ_TAG
                if is_map:
                    node = yaml.MappingNode(
                        tag, [], event.start_mark, None, flow_style=event.flow_style
                    )
                else:
                    node = yaml.SequenceNode(
                        tag, [], event.start_mark, None, flow_style=event.flow_style
                    )
                if event.anchor is not None:
                    error(event.start_mark, f"anchors (&{event.anchor}) are not allowed")
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                stack.pop().node.end_mark = event.end_mark
                continue
            elif cls is yaml.AliasEvent:
                error(event.start_mark, f"aliases (*{event.anchor}) are not allowed")
                node = yaml.ScalarNode(_CORE + "null", "", event.start_mark, event.end_mark, "")
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line, col = _mark(event.start_mark)
                    raise _Fatal(line, col, "only one document per file (remove the second ---)")
                continue
            elif cls is yaml.StreamEndEvent:
                break
            else:  # StreamStart, DocumentEnd
                continue
            nodes += 1
            if nodes > MAX_NODES:
                line, col = _mark(event.start_mark)
                raise _Fatal(line, col, f"more than {MAX_NODES} values in one file")
            if not stack:
                root = node
            else:
                frame = stack[-1]
                parent = frame.node
                if isinstance(parent, yaml.SequenceNode):
                    parent.value.append(node)
                elif frame.key is None:
                    self._check_key(node, frame)
                    frame.key = node
                else:
                    parent.value.append((frame.key, node))
                    frame.key = None
            if cls is not yaml.ScalarEvent and cls is not yaml.AliasEvent:
                stack.append(_Frame(node))
        if root is None:
            raise _Fatal(1, 1, "the file is empty")
        if self.errors:
            raise QuestionnaireError(self.errors)
        return root

    def _check_key(self, key: yaml.Node, frame: _Frame) -> None:
        if not isinstance(key, yaml.ScalarNode):
            self.error(key.start_mark, "keys must be plain text, not a list or a map")
            return
        if key.tag == MERGE_TAG:
            self.error(key.start_mark, "merge keys (<<) are not allowed")
            return
        seen = frame.seen
        first = seen.get(key.value)
        if first is not None:
            self.error(
                key.start_mark,
                f"duplicate key {key.value!r} (first defined on line {first})",
            )
        else:
            seen[key.value] = key.start_mark.line + 1
