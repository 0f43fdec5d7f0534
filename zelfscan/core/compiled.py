"""A compiled copy of each built-in questionnaire: its validated model as JSON, built with the app.

Loading the built-in questionnaires from YAML (strict compose, model build, every check) is
most of the app's and the CLI's own start-up time. The build (``make``, ``build.spec``) loads
each built-in file with the real loader and, when it is valid, writes
``questionnaires/.compiled/<file name>.json``. At run time :func:`read` uses such a copy only
when it provably belongs to the file next to it and to this code:

* ``format``: :data:`FORMAT`, raised whenever the JSON layout below changes;
* ``model``: a digest of the model's classes, their fields and annotations and the enum values
  (:func:`model_fingerprint`);
* ``code``: a digest of every ``zelfscan/core/*.py`` file (:func:`code_fingerprint`), so a
  changed loader rule or default label makes the copy stale too. A frozen bundle has no source
  files; there the code and the copies were built together and can not change apart;
* ``source``: a digest of the YAML file's bytes, so a copy is stale as soon as an editor
  changes one byte.

Anything else (no copy, a stale or unreadable copy, one that does not decode) means ``None``
and the caller loads the YAML as always: a copy can make loading faster, never different.
Nothing here writes at run time; only :func:`build` writes, and only for a valid file.
Only :mod:`zelfscan.core.catalog` decides which folders may use copies (the built-in ones).

JSON form, derived from the model's type hints (so a new field needs no change here): a
dataclass is the list of its fields in order, an enum its value, a tuple or frozenset a list
(a frozenset sorted), a ``Mapping[str, ...]`` an object, ``None`` null; a union of several
dataclasses (a condition) is ``[class name, fields]``. ``Questionnaire.source`` is the file's
path at run time, so it is not stored. :func:`build` decodes what it is about to write and
refuses to write it unless it equals the loaded model.

``python -m zelfscan.core.compiled [--check] [FOLDER ...]`` builds the copies of the built-in
folder (or checks that they are up to date, writing nothing).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import gc
import json
import operator
import os
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

try:  # what hashlib.blake2b is; importing hashlib would also load OpenSSL (~4 ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython has _blake2
    from hashlib import blake2b

from zelfscan.core import model
from zelfscan.core.model import Questionnaire

FORMAT = 1
"""Raise this whenever the JSON layout changes (the code digest catches it too, but not in a
frozen bundle)."""

FOLDER = ".compiled"
"""The copies live in this folder inside the folder of the YAML files."""

# --- where, and does it match -------------------------------------------------------------


def compiled_path(path: Path) -> Path:
    """Where the compiled copy of the questionnaire file ``path`` lives."""
    return path.parent / FOLDER / f"{path.name}.json"


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=32).hexdigest()


@functools.cache
def model_fingerprint() -> str:
    """A digest of every model class with its fields and annotations, and the enum values."""
    parts = []
    for name, obj in sorted(vars(model).items()):
        if isinstance(obj, type) and dataclasses.is_dataclass(obj):
            fields = ",".join(
                f"{f.name}:{f.type}:{f.init:d}{f.compare:d}" for f in dataclasses.fields(obj)
            )
            parts.append(f"{name}({fields})")
        elif isinstance(obj, type) and issubclass(obj, enum.Enum):
            parts.append(f"{name}{{{','.join(f'{m.name}={m.value}' for m in obj)}}}")
        elif isinstance(obj, types.UnionType):
            parts.append(f"{name}={obj!r}")
    return digest("\n".join(parts).encode())


@functools.cache
def code_fingerprint() -> str | None:
    """A digest of the ``zelfscan/core`` sources; ``None`` in a frozen bundle (no sources)."""
    if getattr(sys, "frozen", False):
        return None
    hashed = blake2b(digest_size=32)
    files = sorted(Path(__file__).parent.glob("*.py"))
    if not files:
        raise FileNotFoundError("no zelfscan/core sources")
    for source in files:
        hashed.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return hashed.hexdigest()


def _header(source: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "model": model_fingerprint(),
        "code": code_fingerprint(),
        "source": digest(source),
    }


# --- reading (run time) -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled copy that matches its file; :meth:`questionnaire` decodes it."""

    id: str
    path: Path
    data: Any

    def questionnaire(self) -> Questionnaire | None:
        """The model, exactly as the loader builds it from ``path``; ``None`` if it does not
        decode (the caller then loads the file)."""
        try:
            with _gc_paused():
                questionnaire = from_data(self.data, str(self.path))
        except Exception as exc:  # a copy may only ever make loading faster
            _not_used(self.path, type(exc).__name__)
            return None
        if questionnaire.id != self.id:
            _not_used(self.path, "id differs")
            return None
        return questionnaire


def read(path: Path) -> Compiled | None:
    """The compiled copy of the questionnaire file ``path`` when it matches the file and this
    code (see the module docstring); ``None`` otherwise, with the reason logged at debug level
    (the file name and the reason, never content)."""
    reason = _check(path)
    if isinstance(reason, Compiled):
        return reason
    _not_used(path, reason)
    return None


def _not_used(path: Path, reason: str) -> None:
    """Log at debug level why the copy of ``path`` is not used: the file name and the reason,
    never content."""
    import logging  # only now: with every copy in place the CLI never imports logging

    logging.getLogger(__name__).debug("compiled copy of %s not used: %s", path.name, reason)


def _check(path: Path) -> Compiled | str:
    try:
        raw = compiled_path(path).read_bytes()
    except OSError:
        return "none built"
    try:
        source = path.read_bytes()
        with _gc_paused():
            stored = json.loads(raw)
        if not isinstance(stored, dict):
            return "not a compiled copy"
        expected = _header(source)
        for key in ("format", "model", "code", "source"):
            if key == "code" and expected[key] is None:
                continue
            if stored.get(key) != expected[key]:
                return f"{key} differs"
        qid, data = stored["id"], stored["questionnaire"]
    except Exception as exc:  # unreadable, truncated, not JSON, ...: load the file instead
        return type(exc).__name__
    if not isinstance(qid, str):
        return "no id"
    return Compiled(qid, path, data)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collection while thousands of acyclic objects are made (speed only: with the
    app's objects alive, every full pass would scan them all again)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- model <-> JSON values ----------------------------------------------------------------


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
"""Fields set when the file is loaded, not stored in the copy."""


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

        def decode(data: list[Any]) -> Any:  # arguments() inlined: one call per object
            if plain:  # e.g. Text (a wrong count is a TypeError)
                return cls(*data)
            if len(data) != count:
                raise ValueError(f"{cls.__name__}: {len(data)} fields, expected {count}")
            args = data[:]
            for i, dec in required:
                args[i] = dec(args[i])
            for i, dec in optional:
                if args[i] is not None:
                    args[i] = dec(args[i])
            return cls(*args)

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


# --- writing (build time) -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    path: Path
    status: str
    """``written``, ``up to date``, ``stale`` (--check), ``not valid`` or ``removed``."""


def build(folder: Path, *, check: bool = False) -> list[Outcome]:
    """Write (or with ``check``: compare) the compiled copy of every questionnaire in ``folder``.

    A file that does not load gets no copy (a stale one is removed), and copies whose YAML file
    is gone are removed; the loader's errors are for ``zelfscan-cli validate`` to print.
    """
    from zelfscan.core.catalog import questionnaire_files
    from zelfscan.core.errors import QuestionnaireError
    from zelfscan.core.loader import load_text

    outcomes = []
    files = questionnaire_files(folder)
    for path in files:
        target = compiled_path(path)
        source = path.read_bytes()
        try:
            questionnaire = load_text(source, str(path))
        except QuestionnaireError:
            outcomes.append(Outcome(path, "not valid"))
            if not check:
                target.unlink(missing_ok=True)
            continue
        content = _content(questionnaire, source)
        try:
            current = target.read_bytes()
        except OSError:
            current = None
        if current == content:
            outcomes.append(Outcome(path, "up to date"))
        elif check:
            outcomes.append(Outcome(path, "stale"))
        else:
            _write(target, content)
            outcomes.append(Outcome(path, "written"))
    wanted = {compiled_path(path).name for path in files}
    for orphan in sorted((folder / FOLDER).glob("*.json")):
        if orphan.name not in wanted:
            outcomes.append(Outcome(orphan, "stale" if check else "removed"))
            if not check:
                orphan.unlink()
    return outcomes


def _content(questionnaire: Questionnaire, source: bytes) -> bytes:
    data = to_data(questionnaire)
    decoded = from_data(json.loads(json.dumps(data)), questionnaire.source)
    if decoded != questionnaire or not same_types(decoded, questionnaire):
        raise AssertionError(f"{questionnaire.source}: the compiled copy would differ")
    stored = {**_header(source), "id": questionnaire.id, "questionnaire": data}
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


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


def _write(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` atomically (temp file in the same folder, ``os.replace``)."""
    import tempfile

    target.parent.mkdir(exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(temp, 0o644)  # mkstemp makes it owner-only; the app may run as another user
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m zelfscan.core.compiled [--check] [FOLDER ...]``: exit 1 when ``--check``
    finds a copy to write or remove."""
    from zelfscan.core.catalog import builtin_dirs

    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    folders = [Path(a) for a in args if a != "--check"] or builtin_dirs()
    stale = False
    for folder in folders:
        for outcome in build(folder, check=check):
            stale = stale or outcome.status == "stale"
            print(f"{outcome.path}: {outcome.status}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
