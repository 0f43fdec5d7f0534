"""One bounded number type for every number Zelfscan reads from a file.

Questionnaires (``points``, ``minutes``, ``levels``, ``schema_version``), the settings file and
the decrypted vault all hold numbers written by someone else. Python turns any digit string
into an ``int`` (up to its 4,300-digit guard, which then raises a bare ``ValueError``) and
``1e999`` into ``inf``; an ``inf`` or ``NaN`` that reaches scoring makes every score ``NaN``
and ``json.dumps`` print invalid JSON. So numbers are read here only:

* from the raw text, and the text's length is checked *before* ``int()``/``float()`` sees it
  (:data:`MAX_CHARS`);
* finite only: ``inf`` and ``nan`` are refused, also when they come from an overflowing
  exponent such as ``1e999``;
* within a :class:`Bounds` that names the range each use allows.

Problems raise :class:`NumberProblem` with an English message for the author; the loaders add
``file:line:col``. :func:`json_hooks` gives the same guarantees to ``json.loads``.
Qt-free and dependency-free, so the core and the storage layer share it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MAX_CHARS = 40
"""No number we read needs more characters (``-1234567.125e-3`` is 16)."""

JSON_LIMIT = 2**53
"""Numbers in our own JSON files stay within what a float holds exactly."""

_INT_RE = re.compile(r"[-+]?[0-9]+")
_FLOAT_RE = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


class NumberProblem(ValueError):
    """A number that is not allowed here; ``str()`` is the message for the author."""


@dataclass(frozen=True)
class Bounds:
    """The numbers one use allows: ``low <= value <= high``, whole numbers if ``integer``."""

    low: float
    high: float
    integer: bool = False

    def describe(self) -> str:
        return f"{_show(self.low)} to {_show(self.high)}"


def _show(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def parse_number(text: str, bounds: Bounds) -> int | float:
    """The number written as ``text``: an ``int`` for a whole-number literal, else a ``float``.

    Only plain decimal notation (``3``, ``-2``, ``1.5``, ``2.5e1``); leading zeros (YAML 1.1
    reads ``0777`` as octal) and quoted or special forms (``.inf``, ``0x1f``) are refused.
    """
    kind = "a whole number" if bounds.integer else "a number"
    if len(text) > MAX_CHARS:
        raise NumberProblem(
            f"expected {kind} from {bounds.describe()}, not a text of {len(text)} characters"
        )
    value: int | float
    digits = text.lstrip("+-")
    if _INT_RE.fullmatch(text) and not (len(digits) > 1 and digits[0] == "0"):
        value = int(text)
    elif not bounds.integer and _FLOAT_RE.fullmatch(text):
        value = float(text)
        if not math.isfinite(value):
            raise NumberProblem(f"{text!r} is too large; use {kind} from {bounds.describe()}")
    else:
        example = "3" if bounds.integer else "3 or 1.5"
        raise NumberProblem(f"expected {kind} like {example}, not {text!r}")
    if not bounds.low <= value <= bounds.high:
        raise NumberProblem(f"{text} is out of range; use {kind} from {bounds.describe()}")
    return value


def _json_int(text: str) -> int:
    if len(text) > MAX_CHARS:
        raise NumberProblem("a number in the file is too long")
    value = int(text)
    if abs(value) > JSON_LIMIT:
        raise NumberProblem("a number in the file is out of range")
    return value


def _json_float(text: str) -> float:
    if len(text) > MAX_CHARS:
        raise NumberProblem("a number in the file is too long")
    value = float(text)
    if not math.isfinite(value) or abs(value) > JSON_LIMIT:
        raise NumberProblem("a number in the file is out of range")
    return value


def _json_constant(name: str) -> float:
    raise NumberProblem(f"the file holds {name}, which is not a number")


def json_hooks() -> dict[str, object]:
    """Keyword arguments for ``json.loads``: every number bounded, ``NaN``/``Infinity`` refused.

    The hooks run on the number's raw text, so an endless digit string never reaches
    ``int()``. They raise :class:`NumberProblem` (a ``ValueError``).
    """
    return {"parse_int": _json_int, "parse_float": _json_float, "parse_constant": _json_constant}


# The ranges of the questionnaire format (questionnaires/README.md).
POINTS = Bounds(0, 1000)
"""Points of an option or a yes/no question: higher is safer."""
LEVEL = Bounds(0, 100)
"""A level threshold (``goed``, ``aandacht``), a score from 0 to 100."""
MINUTES = Bounds(1, 600, integer=True)
"""How long a scan takes."""
SCHEMA_VERSION = Bounds(1, 1000, integer=True)
