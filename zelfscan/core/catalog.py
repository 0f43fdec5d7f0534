"""Find every questionnaire: the built-in ones first, then the user's own.

A file that does not load adds its errors to :attr:`Catalog.errors` and is left out; the
others still load. A later file can not replace an earlier questionnaire with the same id
(a user file must never silently override a built-in scan): that is an error too.

:func:`find` answers "which questionnaire has this id" without loading the others: the CLI's
``show``/``score``/``report``/``blank`` need one questionnaire, and loading and validating
all of them first cost ~0.1 s of a report (docs/performance.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zelfscan import paths
from zelfscan.core.errors import LoadError, QuestionnaireError
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Questionnaire
from zelfscan.core.yamlsafe import top_level_scalar

_ID_LINE = re.compile(r"^id\s*:", re.MULTILINE)


@dataclass
class Catalog:
    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    """Questionnaire id -> the file it came from."""


def builtin_dirs() -> list[Path]:
    return [paths.questionnaires_dir()]


def questionnaire_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()]
    return sorted(found, key=lambda p: p.name)


def discover(dirs: Sequence[Path]) -> Catalog:
    return _collect(dirs, None)


def find(dirs: Sequence[Path], questionnaire_id: str) -> Catalog:
    """The questionnaire ``questionnaire_id`` from ``dirs``, loading only the files it can be in.

    Gives the same answer as ``discover(dirs).questionnaires.get(questionnaire_id)``: files
    are read in the same order, the first one that loads with this id wins, and a later file
    that loads with the same id is refused with the same clash error (a user file never
    overrides a built-in scan). Which id a file claims is read from its top-level ``id`` key
    by the parser alone (:func:`~zelfscan.core.yamlsafe.top_level_scalar`); a file whose id
    can not be read that way is loaded in full, so an unusual file costs time, never the
    right answer. When nothing has the id, this falls back to :func:`discover`, so the caller
    can list what is there and what did not load.
    """
    catalog = _collect(dirs, questionnaire_id)
    if questionnaire_id not in catalog.questionnaires:
        return discover(dirs)
    return catalog


def _collect(dirs: Sequence[Path], wanted: str | None) -> Catalog:
    """Load the files in ``dirs`` in order (only those that may hold ``wanted``, if given)."""
    catalog = Catalog()
    for folder in dirs:
        for path in questionnaire_files(Path(folder)):
            if wanted is not None and _claimed_id(path) not in (None, wanted):
                continue
            try:
                questionnaire = load_questionnaire(path)
            except QuestionnaireError as exc:
                catalog.errors.extend(exc.errors)
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


def _claimed_id(path: Path) -> str | None:
    """The id a file claims, from its top-level ``id`` key; None when that is not plain."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return top_level_scalar(data, "id")


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
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    match = _ID_LINE.search(text)
    return 1 if match is None else text.count("\n", 0, match.start()) + 1
