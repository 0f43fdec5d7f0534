"""The exact JSON form of a validated questionnaire model, derived from its type hints.

:mod:`zelfscan.core.compiled` stores each built-in questionnaire as JSON so the app need not
parse the YAML again; this module converts between the frozen model dataclasses and such JSON
values. Three promises make that safe:

* the round trip is exact: :func:`from_data` of :func:`to_data` equals the loaded model and
  has the same types everywhere inside (:func:`same_types`: ``1 == 1.0`` and a list equal to
  a tuple would pass ``==``), so a copy can make loading faster, never different;
* the JSON form follows the model's annotations, so a new model field needs no code change;
* a type it can not store raises ``TypeError`` when the codecs are built, so the build (and
  the tests) fail instead of writing a copy that would decode differently.

The form: a dataclass is the list of its fields in order, an enum its value, a tuple or
frozenset a list (a frozenset sorted), a ``Mapping[str, ...]`` an object, ``None`` null; a
union of several dataclasses (a condition) is ``[class name, fields]``; a union of members
with different JSON types (``str | tuple[str, ...]``) is the member's own form.
``Questionnaire.source`` is the file's path at run time, so it is not stored. A change to this
form must raise :data:`zelfscan.core.compiled.FORMAT`.

Not to be confused with :mod:`zelfscan.core.json_views`: that gives readable, one-way JSON
views for export; this is a private storage form that only has to come back exactly.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import operator
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from zelfscan.core import model
from zelfscan.core.model import Questionnaire


def to_data(questionnaire: Questionnaire) -> Any:
    """The JSON value of ``questionnaire`` (without ``source``, the path it is loaded from)."""
    return _codecs().encode(questionnaire)


def from_data(data: Any, source: str) -> Questionnaire:
    """The questionnaire :func:`to_data` gave ``data`` for, loaded from the file ``source``.

    Raises (``TypeError``, ``ValueError``, ``KeyError``, ...) when ``data`` is not such a value.
    """
    arguments = _codecs().arguments(data)
    return Questionnaire(*arguments, source=source)  # type: ignore[misc]


_Fn = Callable[[Any], Any]
_Codec = tuple[_Fn | None, _Fn | None]
"""To the JSON value and back; ``None`` where the JSON value is the model value."""

_RUN_TIME_FIELDS: dict[type, frozenset[str]] = {Questionnaire: frozenset({"source"})}
"""Fields set when the file is loaded, not stored in the JSON form."""


@dataclasses.dataclass(frozen=True)
class _Top:
    encode: _Fn
    arguments: Callable[[Any], list[Any]]


@functools.cache
def _codecs() -> _Top:
    """The questionnaire's codecs, built from the model's annotations once per process."""
    encode, arguments, _ = _Hints().fields(Questionnaire)
    return _Top(encode, arguments)


class _Hints:
    """Builds the codecs of the model's types from their annotations.

    Decoding is one Python call per model object (~3 000 for both built-ins) that converts
    only the fields whose JSON value is not already the model value.
    """

    def __init__(self) -> None:
        self.namespace = vars(model)
        self.evaluated: dict[str, Any] = {}
        self.classes: dict[type, tuple[_Fn, _Fn]] = {}

    def hint(self, annotation: Any) -> Any:
        if not isinstance(annotation, str):
            return annotation
        if annotation not in self.evaluated:  # what typing.get_type_hints does, cached
            self.evaluated[annotation] = eval(annotation, self.namespace)  # noqa: S307
        return self.evaluated[annotation]

    def fields(self, cls: type) -> tuple[_Fn, Callable[[Any], list[Any]], _Fn]:
        """For the stored fields of ``cls``: the encoder to a list, the decoder from that list
        to the positional arguments of ``cls``, and the decoder to a ``cls``."""
        skip = _RUN_TIME_FIELDS.get(cls, frozenset())
        init = [f for f in dataclasses.fields(cls) if f.init]
        stored = [f for f in init if f.compare and f.name not in skip]
        if init[: len(stored)] != stored:
            raise TypeError(f"{cls.__name__}: the fields that are not stored must come last")
        encoders: list[tuple[str, _Fn | None]] = []
        required: list[tuple[int, _Fn]] = []  # fields to convert
        optional: list[tuple[int, _Fn]] = []  # the same, unless null
        for i, f in enumerate(stored):
            hint = self.hint(f.type)
            inner = _optional(hint)
            enc, dec = self.codec(hint if inner is None else inner)
            encoders.append((f.name, enc))
            if dec is not None:
                (required if inner is None else optional).append((i, dec))
        count = len(stored)
        no_defaults = all(
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            for f in stored
        )
        plain = no_defaults and not required and not optional

        def encode(value: Any) -> list[Any]:
            return [
                item if (item := getattr(value, name)) is None or enc is None else enc(item)
                for name, enc in encoders
            ]

        def arguments(data: list[Any]) -> list[Any]:
            if len(data) != count:
                raise ValueError(f"{cls.__name__}: {len(data)} fields, expected {count}")
            args = data[:]
            for i, dec in required:
                args[i] = dec(args[i])
            for i, dec in optional:
                if args[i] is not None:
                    args[i] = dec(args[i])
            return args

        def decode(data: list[Any]) -> Any:
            if plain:  # e.g. Text (a wrong count is a TypeError)
                return cls(*data)
            return cls(*arguments(data))

        return encode, arguments, decode

    def dataclass(self, cls: type) -> tuple[_Fn, _Fn]:
        if cls in self.classes:
            return self.classes[cls]
        # A stand-in while the fields are built: conditions contain conditions.
        built: list[tuple[_Fn, _Fn]] = []
        self.classes[cls] = (lambda v: built[0][0](v), lambda data: built[0][1](data))
        encode, _, decode = self.fields(cls)
        built.append((encode, decode))
        self.classes[cls] = built[0]
        return built[0]

    def codec(self, hint: Any) -> _Codec:
        """How a value of type ``hint`` becomes JSON and back; ``TypeError`` if it can not."""
        if hint in (str, int, float, bool):
            return None, None
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return operator.attrgetter("value"), hint
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.dataclass(hint)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (types.UnionType, typing.Union):
            return self.union(hint, args)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            enc, dec = self.codec(args[0])
            return (
                list if enc is None else _each(enc, list),
                tuple if dec is None else _each(dec, tuple),
            )
        if origin is frozenset and self.codec(args[0]) == (None, None):
            return sorted, frozenset
        if origin in (Mapping, dict) and args[0] is str:
            enc, dec = self.codec(args[1])
            # json.loads makes a new dict: one of plain values is the model value as it is
            return (dict if enc is None else _values(enc), None if dec is None else _values(dec))
        raise TypeError(f"no JSON form for {hint!r}")

    def union(self, hint: Any, members: tuple[Any, ...]) -> _Codec:
        inner = _optional(hint)
        if inner is not None:  # X | None: null is None
            enc, dec = self.codec(inner)
            return (None if enc is None else _or_none(enc), None if dec is None else _or_none(dec))
        if all(dataclasses.is_dataclass(m) for m in members):  # tagged: [class name, fields]
            encoders = {m: self.dataclass(m)[0] for m in members}
            decoders = {m.__name__: self.dataclass(m)[1] for m in members}
            if len(decoders) != len(members):
                raise TypeError(f"two classes with one name in {hint!r}")
            return (
                lambda value: [type(value).__name__, encoders[type(value)](value)],
                lambda data: decoders[data[0]](data[1]),
            )
        # Members told apart by their JSON type (str | tuple[str, ...]).
        by_type: list[tuple[type, _Fn | None]] = []
        by_kind: dict[type, _Fn | None] = {}
        for member in members:
            kind = _json_kind(member)
            if kind is None or kind in by_kind:
                raise TypeError(f"no JSON form for {hint!r}")
            enc, dec = self.codec(member)
            by_type.append((typing.get_origin(member) or member, enc))
            by_kind[kind] = dec

        def encode(value: Any) -> Any:
            for cls, enc in by_type:
                if isinstance(value, cls):
                    return value if enc is None else enc(value)
            raise TypeError(f"{type(value).__name__} is not {hint!r}")

        def decode(data: Any) -> Any:
            dec = by_kind[type(data)]
            return data if dec is None else dec(data)

        return encode, decode


def _each(convert: _Fn, make: Callable[[Any], Any]) -> _Fn:
    return lambda items: make(map(convert, items))


def _values(convert: _Fn) -> _Fn:
    return lambda mapping: {key: convert(value) for key, value in mapping.items()}


def _or_none(convert: _Fn) -> _Fn:
    return lambda value: None if value is None else convert(value)


def _optional(hint: Any) -> Any:
    """``X`` when ``hint`` is ``X | None`` (``X`` may be a union itself), else ``None``."""
    if typing.get_origin(hint) not in (types.UnionType, typing.Union):
        return None
    members = typing.get_args(hint)
    rest = [m for m in members if m is not type(None)]
    if len(rest) == len(members):
        return None
    return functools.reduce(operator.or_, rest)


def _json_kind(hint: Any) -> type | None:
    """The type ``json.loads`` gives for a value of type ``hint`` (to tell union members
    apart); ``None`` when that is not one type."""
    if hint is str:
        return str
    if typing.get_origin(hint) in (tuple, frozenset):
        return list
    return None


def same_types(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` (equal models) also have the same type everywhere inside."""
    if type(a) is not type(b):
        return False
    if dataclasses.is_dataclass(a):
        return all(
            same_types(getattr(a, f.name), getattr(b, f.name))
            for f in dataclasses.fields(a)
            if f.compare
        )
    if isinstance(a, tuple):
        return len(a) == len(b) and all(map(same_types, a, b))
    if isinstance(a, frozenset):
        return all(same_types(x, x) for x in a)
    if isinstance(a, Mapping):
        return list(a) == list(b) and all(same_types(a[k], b[k]) for k in a)
    return True
