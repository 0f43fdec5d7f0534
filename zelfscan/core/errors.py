"""Errors the loaders raise: every problem an author or user can fix, with its place.

A questionnaire problem is a :class:`LoadError` (``file:line:col: message``, 1-based) so an
editor can jump to it; the loader collects all of them and raises one
:class:`QuestionnaireError`. Answers-file problems are plain messages that name the question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadError:
    file: str
    line: int
    col: int
    message: str
    warning: bool = False
    """A problem the file still loads with (too few personas, a missing find-out task):
    ``zelfscan-cli validate`` shows it, the app does not refuse the file."""

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}:{self.col}: {kind}{self.message}"


class QuestionnaireError(Exception):
    """A questionnaire file that can not be used; ``errors`` lists every problem found."""

    def __init__(self, errors: Sequence[LoadError]) -> None:
        self.errors: list[LoadError] = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class AnswersError(Exception):
    """An answers file or answers mapping that does not fit its questionnaire."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors: list[str] = list(errors)
        super().__init__("\n".join(self.errors))
