"""Plain-language hints for YAML syntax errors, for editors who are not programmers.

The parser says "found character that cannot start any token" or "did not find expected
key"; an editor needs "line 17 starts with a tab: indent with spaces". The hint is chosen
from *where* the parser stopped, never from its wording (which differs between libyaml and
the pure-Python parser and between versions): the character at the problem mark, whether
the context mark opens a ``{ }``/``[ ]`` (flow) collection, and how the problem line is
indented compared with the lines above it. The location stays the parser's exact
``line:col``; the hint is added to the message.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

TAB = "the line starts with a tab; indent with spaces, not tabs"
TAB_INSIDE = "there is a tab here; use spaces, not tabs"
QUOTE_COLON = 'put a text that contains ": " in quotes, like nl: "Let op: dit is belangrijk"'
QUOTE_IN_BRACES = (
    'put the text in quotes: inside { } or [ ] a text with ": ", "," or "?" must be quoted, '
    'like {nl: "Ja, elke week", en: "Yes, every week"}'
)


@dataclass(frozen=True)
class _Where:
    lines: list[str]
    line: int  # 0-based
    col: int  # 0-based

    @property
    def text(self) -> str:
        return self.lines[self.line] if 0 <= self.line < len(self.lines) else ""

    @property
    def char(self) -> str:
        return self.text[self.col] if 0 <= self.col < len(self.text) else ""


def hint(source: str | bytes, exc: yaml.MarkedYAMLError) -> str | None:
    """A plain-language hint for the syntax error ``exc`` in ``source``, or None."""
    problem = exc.problem_mark
    if problem is None:
        return None
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    where = _Where(text.split("\n"), problem.line, problem.column)
    if where.char == "\t" or "\t" in _indent(where.text):
        return TAB if "\t" in _indent(where.text) else TAB_INSIDE
    opened = (
        _quote_opened(where, exc.context_mark)
        or _quote_run_on(where)
        or _unclosed_quote_near(where)
    )
    if opened is not None:
        return (
            f"the text in quotes that starts on line {opened} is not closed before this "
            "point: close every quote on the line where it opens (inside '...' write an "
            'apostrophe as \'\', inside "..." a quote as \\")'
        )
    if _after_closing_quote(where):
        return (
            "after a closing quote only a comment (#) may follow on the line: put the whole "
            'text inside one pair of quotes, like "2026-11-01"'
        )
    if _in_flow(where, exc.context_mark):
        return QUOTE_IN_BRACES
    if where.char == ",":
        return 'a text can not start with a comma: put the text in quotes, like ", of niet"'
    before = where.text[: where.col].rstrip(" ")
    if (where.char and where.char in "}]") or (before and before[-1] in "}]"):
        return (
            "the { } and [ ] on this line do not pair up: every { needs one } and every [ one "
            "], and after the last one only a comment (#) may follow"
        )
    if where.char == ":":
        return _colon_hint(where)
    if where.col == len(_indent(where.text)) and where.text.strip():
        return _indent_hint(where, exc.context_mark)
    return None


def _quote_opened(where: _Where, context: yaml.Mark | None) -> int | None:
    """The line (1-based) of a quote the parser was still reading when it gave up on
    another line (an unclosed ``"`` or ``'``), else None."""
    if context is None:
        return None
    start = _Where(where.lines, context.line, context.column)
    return context.line + 1 if start.char in "\"'" and start.char else None


def _quote_run_on(where: _Where) -> int | None:
    """The line (1-based) where a quote opened that the closing quote just before the
    problem belongs to, when that is an earlier line (the quote there was never closed)."""
    before = where.text[: where.col].rstrip(" ")
    if not before or before[-1] not in "\"'" or before.count(before[-1]) % 2 == 0:
        return None
    quote = before[-1]
    for number in range(where.line - 1, -1, -1):
        if where.lines[number].count(quote) % 2:
            return number + 1
    return None


def _after_closing_quote(where: _Where) -> bool:
    """Whether the parser stopped at text that follows a closed quote on the same line."""
    before = where.text[: where.col].rstrip(" ")
    return bool(before) and before[-1] in "\"'" and where.char not in ":#"


def _unclosed_quote_near(where: _Where) -> int | None:
    """The line (1-based) of a quote that starts a text and is not closed on its own line,
    on the problem line or the two above it; an apostrophe inside a word (``pdf's``) does
    not start a text and is not counted."""
    for number in range(where.line, max(-1, where.line - 3), -1):
        if number >= len(where.lines):
            continue
        line = where.lines[number]
        for at, char in enumerate(line):
            if char == "#" and (at == 0 or line[at - 1] == " "):
                break  # a comment: its apostrophes are not quotes
            if char in "\"'" and (at == 0 or line[at - 1] in " :[{,-"):
                if line.count(char, at) % 2:
                    return number + 1
                break
    return None


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _in_flow(where: _Where, context: yaml.Mark | None) -> bool:
    """Whether the parser stopped inside a ``{ }`` or ``[ ]`` it was reading."""
    if context is not None:
        opened = _Where(where.lines, context.line, context.column)
        if opened.char in "{[" and opened.char:
            return True
    before = where.text[: where.col]
    return before.count("{") > before.count("}") or before.count("[") > before.count("]")


def _previous(where: _Where) -> tuple[int, str] | None:
    """The nearest line above that holds more than a comment, with its number."""
    for number in range(where.line - 1, -1, -1):
        content = where.lines[number].split("#", 1)[0]
        if content.strip():
            return number, where.lines[number]
    return None


def _colon_hint(where: _Where) -> str:
    """A ": " the parser did not expect: either the text before it needs quotes, or the line
    is indented further than the key above it, so it reads as the rest of that value."""
    first = where.text.lstrip()
    starts_with_key = first.split(":", 1)[0].strip().replace("-", "").replace("_", "").isalnum()
    own_key_before = ": " in where.text[len(_indent(where.text)) : where.col]
    above = _previous(where)
    if starts_with_key and not own_key_before and above is not None:
        number, line = above
        if len(_indent(where.text)) > len(_indent(line)) and ": " in line:
            key_column = len(_indent(line)) + 1
            if line.lstrip().startswith("- "):
                key_column += 2
            return (
                f"line {where.line + 1} is probably indented wrong: it is indented further "
                f"than line {number + 1}, so it reads as part of that line's value; start it "
                f"in column {key_column} like the key above it (or put a text that contains "
                '": " in quotes)'
            )
    return QUOTE_COLON


def _indent_hint(where: _Where, context: yaml.Mark | None) -> str:
    """A line the parser could not place: name the column where lines of the same kind
    (list items, or keys) above it start, the closest one to where it starts now."""
    line = where.text
    dash = line.lstrip().startswith("- ")
    first = (context.line if context is not None else where.line - 20) if where.line else 0
    columns: set[int] = set()
    for above in where.lines[max(0, first) : where.line]:
        content = above.split("#", 1)[0]
        if not content.strip():
            continue
        start = len(_indent(above))
        rest = above[start:]
        while rest.startswith("- "):  # "- id: x" holds a list item and a key
            if dash:
                columns.add(start)
            start += 2 + len(rest[2:]) - len(rest[2:].lstrip(" "))
            rest = above[start:]
        if not dash and rest and rest[0] not in "#{[":
            columns.add(start)
    spaces = len(_indent(line))
    message = f"line {where.line + 1} is probably indented wrong: it starts in column {spaces + 1}"
    others = sorted(columns - {spaces}, key=lambda c: (abs(c - spaces), -c))
    if others:
        kind = "list items" if dash else "keys"
        message += f"; the {kind} above it start in column {others[0] + 1}"
    return message + " (indent with spaces; lines that belong together start in one column)"
