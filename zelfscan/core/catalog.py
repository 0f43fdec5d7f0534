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
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zelfscan import paths
from zelfscan.core import compiled
from zelfscan.core.errors import LoadError, QuestionnaireError
from zelfscan.core.model import Questionnaire
from zelfscan.safe_read import read_limited

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
                try:
                    questionnaire = _load(path)
                except QuestionnaireError as exc:
                    catalog.errors.extend(exc.errors)
                    continue
                except Exception as exc:  # a loader bug must not stop the app or the others
                    log.error("loading a questionnaire failed: %s", type(exc).__name__)
                    catalog.errors.append(_unexpected(path, exc))
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
