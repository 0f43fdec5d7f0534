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
Only :mod:`zelfscan.core.catalog` decides which folders may use copies (the built-in ones);
this module does not import it (the files and folders come from :mod:`zelfscan.paths`).

A copy has two lines: the header above with the :class:`~zelfscan.core.summary.Summary` the
start screen shows (:func:`read_summary` parses only this line, without importing the model),
then the questionnaire in the JSON form of :mod:`zelfscan.core.codec`, derived from the
model's type hints. :func:`build` decodes what it is about to write and refuses to write it
unless it equals the loaded model.

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
import os
import sys
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # what hashlib.blake2b is; importing hashlib would also load OpenSSL (~4 ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython has _blake2
    from hashlib import blake2b

from zelfscan import paths
from zelfscan.core.summary import Summary

if TYPE_CHECKING:
    from zelfscan.core.model import Questionnaire

FORMAT = 2
"""Raise this whenever the JSON layout changes (the code digest catches it too, but not in a
frozen bundle). 2: two lines, the header with the :class:`Summary`, then the questionnaire."""

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
    from zelfscan.core import model

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


def _header(source: bytes, *, model: bool = True) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "model": model_fingerprint() if model else None,
        "code": code_fingerprint(),
        "source": digest(source),
    }


# --- reading (run time) -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled copy that matches its file; :meth:`questionnaire` decodes it."""

    id: str
    path: Path
    data: bytes
    """The questionnaire's JSON, not yet parsed."""

    def questionnaire(self, *, share_texts: bool = False) -> Questionnaire | None:
        """The model, exactly as the loader builds it from ``path``; ``None`` if it does not
        decode (the caller then loads the file). ``share_texts``: one object per distinct
        string (:func:`_share_texts`; ~2 ms, for the app, which keeps the model)."""
        from zelfscan.core import codec

        try:
            with _gc_paused():
                data = json.loads(self.data)
                if share_texts:
                    data = _share_texts(data)
                questionnaire = codec.from_data(data, str(self.path))
        except Exception as exc:  # a copy may only ever make loading faster
            _not_used(self.path, type(exc).__name__)
            return None
        if questionnaire.id != self.id:
            _not_used(self.path, "id differs")
            return None
        return questionnaire


def _share_texts(data: Any) -> Any:
    """``data`` with one object per distinct string: JSON gives every occurrence its own,
    and the built-ins repeat many (answer labels, "Ja"/"Nee", ids): ~7,000 of ~12,000
    strings, ~0.5 MiB the app keeps as long as it runs (its peak memory: ~0.9 MiB less)."""
    shared: dict[str, str] = {}

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if type(value) is str:
                node[key] = shared.setdefault(value, value)
            elif type(value) in (list, dict):
                walk(value)

    if type(data) in (list, dict):
        walk(data)
    return data


def read(path: Path) -> Compiled | None:
    """The compiled copy of the questionnaire file ``path`` when it matches the file and this
    code (see the module docstring); ``None`` otherwise, with the reason logged at debug level
    (the file name and the reason, never content)."""
    found = _check(path, model=True)
    if isinstance(found, str):
        _not_used(path, found)
        return None
    stored, data = found
    return Compiled(stored["id"], path, data)


def read_summary(path: Path) -> Summary | None:
    """The :class:`Summary` stored in the compiled copy of ``path``, read without the model.

    The copy must match as for :func:`read`, except for the model's digest: computing it
    imports the model, which is what reading only the summary avoids. The code digest covers
    ``model.py`` too, and in a frozen bundle the model and the copies were built together;
    :func:`read` still checks the model's digest when the questionnaire itself is loaded.
    """
    found = _check(path, model=False)
    if isinstance(found, str):
        _not_used(path, found)
        return None
    try:
        summary = Summary.from_data(found[0]["summary"])
    except (KeyError, TypeError, ValueError) as exc:
        _not_used(path, type(exc).__name__)
        return None
    if summary.id != found[0]["id"]:
        _not_used(path, "id differs")
        return None
    return summary


def _not_used(path: Path, reason: str) -> None:
    """Log at debug level why the copy of ``path`` is not used: the file name and the reason,
    never content."""
    import logging  # only now: with every copy in place the CLI never imports logging

    logging.getLogger(__name__).debug("compiled copy of %s not used: %s", path.name, reason)


def _check(path: Path, *, model: bool) -> tuple[dict[str, Any], bytes] | str:
    """The copy's header and its questionnaire's JSON when the header matches (the model's
    digest only with ``model``); else why not."""
    try:
        raw = compiled_path(path).read_bytes()
    except OSError:
        return "none built"
    try:
        head, newline, data = raw.partition(b"\n")
        stored = json.loads(head)
        if not isinstance(stored, dict) or not newline:
            return "not a compiled copy"
        if stored.get("format") != FORMAT:
            return "format differs"
        keys = ("code", "source", "model") if model else ("code", "source")
        expected = _header(path.read_bytes(), model=model)
        for key in keys:
            if key == "code" and expected[key] is None:
                continue
            if stored.get(key) != expected[key]:
                return f"{key} differs"
    except Exception as exc:  # unreadable, truncated, not JSON, ...: load the file instead
        return type(exc).__name__
    if not isinstance(stored.get("id"), str):
        return "no id"
    return stored, data


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
    from zelfscan.core.errors import QuestionnaireError
    from zelfscan.core.loader import load_text

    outcomes = []
    files = paths.questionnaire_files(folder)
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
    """Two lines: the header with the summary, then the questionnaire (``read_summary``
    parses only the first)."""
    from zelfscan.core import codec

    data = codec.to_data(questionnaire)
    decoded = codec.from_data(json.loads(json.dumps(data)), questionnaire.source)
    if decoded != questionnaire or not codec.same_types(decoded, questionnaire):
        raise AssertionError(f"{questionnaire.source}: the compiled copy would differ")
    summary = Summary.of(questionnaire).to_data()
    header = {**_header(source), "id": questionnaire.id, "summary": summary}
    if Summary.from_data(json.loads(json.dumps(header))["summary"]) != Summary.of(decoded):
        raise AssertionError(f"{questionnaire.source}: the summary would differ")
    lines = [header, data]
    return b"".join(_json_line(line) for line in lines)


def _json_line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


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
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    folders = [Path(a) for a in args if a != "--check"] or paths.builtin_questionnaire_dirs()
    stale = False
    for folder in folders:
        for outcome in build(folder, check=check):
            stale = stale or outcome.status == "stale"
            print(f"{outcome.path}: {outcome.status}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
