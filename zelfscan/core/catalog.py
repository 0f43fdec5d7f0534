"""Find every questionnaire: the built-in ones first, then the user's own.

A file that does not load adds its errors to :attr:`Catalog.errors` and is left out; the
others still load. A later file can not replace an earlier questionnaire with the same id
(a user file must never silently override a built-in scan): that is an error too.
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
    catalog = Catalog()
    for folder in dirs:
        for path in questionnaire_files(Path(folder)):
            try:
                questionnaire = load_questionnaire(path)
            except QuestionnaireError as exc:
                catalog.errors.extend(exc.errors)
                continue
            earlier = catalog.files.get(questionnaire.id)
            if earlier is not None:
                catalog.errors.append(
                    LoadError(
                        str(path),
                        _id_line(path),
                        1,
                        f"questionnaire id {questionnaire.id!r} is already used by {earlier}; "
                        "give this questionnaire its own id",
                    )
                )
                continue
            catalog.questionnaires[questionnaire.id] = questionnaire
            catalog.files[questionnaire.id] = path
    return catalog


def _id_line(path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    match = _ID_LINE.search(text)
    return 1 if match is None else text.count("\n", 0, match.start()) + 1
