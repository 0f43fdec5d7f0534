"""What the start screen shows of a questionnaire, read without loading the questionnaire.

The start screen needs of each scan only its id, title, intro, ``about``, minutes and
whether it is a draft. The compiled copy of a built-in questionnaire
(:mod:`zelfscan.core.compiled`) stores this :class:`Summary` in its first line, so the app can
paint its start screen before it imports the model (~40 frozen dataclasses) and decodes
~3,000 objects; the questionnaires themselves load right after that first paint
(:class:`zelfscan.core.catalog.Scans`).

This module imports nothing of the model on purpose: :meth:`Summary.of` takes any object with
the model's attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Texts:
    """A text in every language it was written in; :meth:`get` as ``model.Text.get``."""

    values: Mapping[str, str]

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to Dutch (the content's source language)."""
        return self.values.get(lang) or self.values.get("nl", "")


@dataclass(frozen=True, slots=True)
class Summary:
    """One questionnaire as the start screen (and the training menu) names it."""

    id: str
    title: Texts
    intro: Texts
    about: Texts | None
    minutes: int
    draft: bool

    @classmethod
    def of(cls, questionnaire: Any) -> Summary:
        """The summary of a loaded :class:`~zelfscan.core.model.Questionnaire`."""
        about = questionnaire.about
        return cls(
            questionnaire.id,
            Texts(dict(questionnaire.title.values)),
            Texts(dict(questionnaire.intro.values)),
            None if about is None else Texts(dict(about.values)),
            questionnaire.minutes,
            questionnaire.draft,
        )

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data (:meth:`from_data` reads it back)."""
        return {
            "id": self.id,
            "title": dict(self.title.values),
            "intro": dict(self.intro.values),
            "about": None if self.about is None else dict(self.about.values),
            "minutes": self.minutes,
            "draft": self.draft,
        }

    @classmethod
    def from_data(cls, data: Any) -> Summary:
        """The summary stored by :meth:`to_data`; ``ValueError`` for anything else."""
        if not isinstance(data, dict):
            raise ValueError("not a summary")
        about = data["about"]
        summary = cls(
            data["id"],
            Texts(_texts(data["title"])),
            Texts(_texts(data["intro"])),
            None if about is None else Texts(_texts(about)),
            data["minutes"],
            data["draft"],
        )
        if not isinstance(summary.id, str) or type(summary.minutes) is not int:
            raise ValueError("not a summary")
        if not isinstance(summary.draft, bool):
            raise ValueError("not a summary")
        return summary


def _texts(data: Any) -> dict[str, str]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError("not a text")
    return data
