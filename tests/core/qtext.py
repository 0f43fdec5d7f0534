"""A tiny valid questionnaire as text, for tests that change one thing and look at the error."""

from __future__ import annotations

from zelfscan.core.errors import LoadError, QuestionnaireError
from zelfscan.core.loader import load_text
from zelfscan.core.model import Questionnaire

BASE = """\
schema_version: 1
id: t
version: "1"
stand_per: "2026-01-01"
minutes: 5
title: {nl: T, en: T}
intro: {nl: I, en: I}
levels: {goed: 80, aandacht: 50}
sections:
  - id: s
    title: {nl: S, en: S}
    questions:
      - id: a
        type: yesno
        text: {nl: A, en: A}
      - id: b
        type: single
        text: {nl: B, en: B}
        options:
          - {id: x, label: {nl: X, en: X}, points: 1}
          - {id: y, label: {nl: Y, en: Y}, points: 0}
advice:
  - id: adv
    priority: hoog
    when: {answer: a, in: [nee]}
    title: {nl: T, en: T}
    why: {nl: W, en: W}
    how: {nl: [H], en: [H]}
    effort: {nl: E, en: E}
    cost: {nl: C, en: C}
    who: {nl: W, en: W}
"""


def edit(*changes: tuple[str, str], text: str = BASE) -> str:
    """``text`` with each ``(old, new)`` replaced once; fails loudly if ``old`` is missing."""
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def position(text: str, marker: str) -> tuple[int, int]:
    """1-based (line, column) of the first occurrence of ``marker``."""
    index = text.index(marker)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def errors_of(text: str, filename: str = "t.yaml") -> list[LoadError]:
    try:
        load_text(text, filename)
    except QuestionnaireError as exc:
        return exc.errors
    return []


def load(text: str) -> Questionnaire:
    return load_text(text, "t.yaml")
