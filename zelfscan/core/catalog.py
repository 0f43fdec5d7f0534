"""Find every questionnaire: the built-in ones first, then the user's own.

A file that does not load adds its errors to :attr:`Catalog.errors` and is left out; the
others still load. That holds for any failure, also an unexpected one (a bug the file
triggers): a broken questionnaire never stops the app or the CLI, and never hides the
built-in scans. A later file can not replace an earlier questionnaire with the same id
(a user file must never silently override a built-in scan): that is an error too.

:func:`find` answers "which questionnaire has this id" without loading the others: the CLI's
``show``/``score``/``report``/``blank`` need one questionnaire, and loading and validating
all of them first cost ~0.1 s of a report (docs/performance.md).

Built-in folders (:func:`builtin_dirs`) may hold a compiled copy of each file, written by the
build (:mod:`zelfscan.core.compiled`); a copy is used only when it matches the file byte for
byte and this code, and gives the same model the loader would. User folders are always
parsed, and ``zelfscan-cli validate`` parses everything (``use_compiled=False``). The YAML
loader is imported only when a file has to be parsed: with every copy in place the app starts
without it.

The app starts with :func:`start_up`: the built-in scans as the :class:`Summary` stored in
their copies (the model is not even imported), the user's own files parsed in full so their
errors show on the start screen; :class:`Scans` loads the built-in questionnaires on first
use, or when the app asks after the start screen's first paint.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan import paths
from zelfscan.core import compiled
from zelfscan.core.errors import LoadError, QuestionnaireError
from zelfscan.core.summary import Summary
from zelfscan.safe_read import read_limited

if TYPE_CHECKING:
    from zelfscan.core.model import Questionnaire

log = logging.getLogger(__name__)
_ID_LINE = re.compile(r"^id\s*:", re.MULTILINE)
_MAX_ID_SCAN = 1024 * 1024  # = yamlsafe.MAX_BYTES: a file that loaded is never larger


@dataclass
class Catalog:
    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    """Questionnaire id -> the file it came from."""


builtin_dirs = paths.builtin_questionnaire_dirs
questionnaire_files = paths.questionnaire_files


def discover(dirs: Sequence[Path], *, use_compiled: bool = True) -> Catalog:
    """Every questionnaire in ``dirs``, in order; ``use_compiled=False`` parses every file."""
    return _collect(dirs, None, use_compiled)


def find(dirs: Sequence[Path], questionnaire_id: str, *, use_compiled: bool = True) -> Catalog:
    """The questionnaire ``questionnaire_id`` from ``dirs``, loading only the files it can be in.

    Gives the same answer as ``discover(dirs).questionnaires.get(questionnaire_id)``: files
    are read in the same order, the first one that loads with this id wins, and a later file
    that loads with the same id is refused with the same clash error (a user file never
    overrides a built-in scan). Which id a file claims is read from its top-level ``id`` key
    by the parser alone (:func:`~zelfscan.core.yamlsafe.top_level_scalar`); a file whose id
    can not be read that way is loaded in full, so an unusual file costs time, never the
    right answer. A built-in file with a matching compiled copy claims the id stored in it.
    When nothing has the id, this falls back to :func:`discover`, so the caller can list what
    is there and what did not load.
    """
    catalog = _collect(dirs, questionnaire_id, use_compiled)
    if questionnaire_id not in catalog.questionnaires:
        return discover(dirs, use_compiled=use_compiled)
    return catalog


def _collect(dirs: Sequence[Path], wanted: str | None, use_compiled: bool) -> Catalog:
    """Load the files in ``dirs`` in order (only those that may hold ``wanted``, if given)."""
    catalog = Catalog()
    builtin = set(builtin_dirs()) if use_compiled else set()
    for folder in map(Path, dirs):
        for path in questionnaire_files(folder):
            questionnaire = None
            if folder in builtin and (copy := compiled.read(path)) is not None:
                if wanted is not None and copy.id != wanted:
                    continue
                questionnaire = copy.questionnaire()  # None: does not decode, parse the file
            if questionnaire is None:
                if wanted is not None and _claimed_id(path) not in (None, wanted):
                    continue
                questionnaire = _parse(path, catalog.errors)
                if questionnaire is None:
                    continue
            if wanted is not None and questionnaire.id != wanted:
                continue
            earlier = catalog.files.get(questionnaire.id)
            if earlier is not None:
                catalog.errors.append(_clash(path, questionnaire.id, earlier))
                continue
            catalog.questionnaires[questionnaire.id] = questionnaire
            catalog.files[questionnaire.id] = path
    return catalog


def _parse(path: Path, errors: list[LoadError]) -> Questionnaire | None:
    """Parse and check ``path``; ``None`` with its errors added to ``errors`` if it does not
    load, for any reason (a loader bug must not stop the app or the other files)."""
    try:
        return _load(path)
    except QuestionnaireError as exc:
        errors.extend(exc.errors)
    except Exception as exc:
        log.error("loading a questionnaire failed: %s", type(exc).__name__)
        errors.append(_unexpected(path, exc))
    return None


def _load(path: Path) -> Questionnaire:
    """Parse and check ``path`` (the loader and PyYAML are imported on first use)."""
    from zelfscan.core.loader import load_questionnaire

    return load_questionnaire(path)


def _claimed_id(path: Path) -> str | None:
    """The id a file claims, from its top-level ``id`` key; None when that is not plain."""
    from zelfscan.core.yamlsafe import MAX_BYTES, top_level_scalar

    try:
        data = read_limited(path, MAX_BYTES)
    except OSError:
        return None  # loading it reports why
    return top_level_scalar(data, "id")


def _unexpected(path: Path, exc: Exception) -> LoadError:
    return LoadError(
        str(path),
        1,
        1,
        f"this file could not be loaded ({type(exc).__name__}); the other questionnaires "
        "work as usual. Please report this, with the file.",
    )


def _clash(path: Path, questionnaire_id: str, earlier: Path) -> LoadError:
    return LoadError(
        str(path),
        _id_line(path),
        1,
        f"questionnaire id {questionnaire_id!r} is already used by {earlier}; "
        "give this questionnaire its own id",
    )


def _id_line(path: Path) -> int:
    try:
        text = read_limited(path, _MAX_ID_SCAN).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    match = _ID_LINE.search(text)
    return 1 if match is None else text.count("\n", 0, match.start()) + 1


# --- the app's start: summaries first, questionnaires after the first paint -----------------


class Scans(Mapping[str, "Questionnaire"]):
    """The app's questionnaires by id, in catalog order; each :meth:`summary` at once, the
    built-in questionnaires loaded on first use (any lookup of a value), or by :meth:`load`.

    Its keys, order and summaries are those of ``discover(dirs)`` (see :func:`start_up`). A
    built-in questionnaire that fails to load after all (its copy stopped matching since the
    start, or the file went away) leaves the mapping with its errors in :attr:`errors`, and
    :attr:`on_late_errors` is told, so the start screen can say so.
    """

    def __init__(self) -> None:
        self.errors: list[LoadError] = []
        self.on_late_errors: Callable[[Sequence[LoadError]], None] | None = None
        self._summaries: dict[str, Summary] = {}
        self._loaded: dict[str, Questionnaire] = {}
        self._pending: dict[str, Path] = {}

    @classmethod
    def of(cls, questionnaires: Sequence[Questionnaire]) -> Scans:
        """Questionnaires loaded already (tests, tools)."""
        scans = cls()
        for questionnaire in questionnaires:
            scans.add(questionnaire)
        return scans

    def add(self, questionnaire: Questionnaire) -> None:
        self._summaries[questionnaire.id] = Summary.of(questionnaire)
        self._loaded[questionnaire.id] = questionnaire

    def add_pending(self, summary: Summary, path: Path) -> None:
        """A built-in questionnaire known by its copy's summary, loaded from ``path`` later."""
        self._summaries[summary.id] = summary
        self._pending[summary.id] = path

    def summaries(self) -> list[Summary]:
        return list(self._summaries.values())

    def summary(self, questionnaire_id: str) -> Summary:
        return self._summaries[questionnaire_id]

    @property
    def loaded(self) -> bool:
        """Every questionnaire is loaded (lookups no longer load)."""
        return not self._pending

    def load(self) -> None:
        """Load every questionnaire not loaded yet, each from its copy (or its file)."""
        late: list[LoadError] = []
        for questionnaire_id, path in list(self._pending.items()):
            copy = compiled.read(path)
            questionnaire = copy.questionnaire(share_texts=True) if copy is not None else None
            if questionnaire is None:
                questionnaire = _parse(path, late)
            del self._pending[questionnaire_id]
            if questionnaire is not None and questionnaire.id == questionnaire_id:
                self._loaded[questionnaire_id] = questionnaire
                continue
            if questionnaire is not None:  # the file changed since the start screen showed it
                late.append(_unexpected(path, ValueError("id changed")))
            del self._summaries[questionnaire_id]
        if late:
            self.errors.extend(late)
            if self.on_late_errors is not None:
                self.on_late_errors(late)

    def __getitem__(self, questionnaire_id: str) -> Questionnaire:
        if questionnaire_id in self._pending:
            self.load()
        return self._loaded[questionnaire_id]

    def __contains__(self, questionnaire_id: object) -> bool:
        return questionnaire_id in self._summaries

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._summaries))

    def __len__(self) -> int:
        return len(self._summaries)


def start_up(dirs: Sequence[Path]) -> Scans:
    """What the app's start screen needs: like :func:`discover`, but a built-in file whose
    copy holds a matching summary (:func:`compiled.read_summary`) is not loaded yet.

    Every other file (the user's own, a built-in one without a usable copy) is loaded in
    full now, with the same order, clash and error rules as :func:`discover`.
    """
    scans = Scans()
    builtin = set(builtin_dirs())
    files: dict[str, Path] = {}
    for folder in map(Path, dirs):
        for path in questionnaire_files(folder):
            found: Summary | Questionnaire | None = None
            if folder in builtin:
                found = compiled.read_summary(path)
                if found is None and (copy := compiled.read(path)) is not None:
                    found = copy.questionnaire()
            if found is None:
                found = _parse(path, scans.errors)
            if found is None:
                continue
            earlier = files.get(found.id)
            if earlier is not None:
                scans.errors.append(_clash(path, found.id, earlier))
                continue
            files[found.id] = path
            if isinstance(found, Summary):
                scans.add_pending(found, path)
            else:
                scans.add(found)
    return scans
