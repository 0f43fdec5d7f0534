"""Loader checks for ``additions`` (texts added to every advice item with a tag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelfscan.core.errors import QuestionnaireError
from zelfscan.core.loader import load_text

MINI = (Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "mini.yaml").read_text(
    encoding="utf-8"
)
ADDITIONS = MINI[MINI.index("additions:") :]
BASE = MINI[: MINI.index("additions:")]


def errors_for(additions: str) -> list[str]:
    text = BASE + additions
    with pytest.raises(QuestionnaireError) as caught:
        load_text(text, "m.yaml")
    lines = text.splitlines()
    return [f"{lines[e.line - 1].strip()} | {e.message}" for e in caught.value.errors]


def test_an_addition_needs_a_tag_that_some_advice_has() -> None:
    found = errors_for(ADDITIONS.replace("tags: [bouwkundig]", "tags: [bouwkundg]"))
    assert found == [
        "tags: [bouwkundg] | addition 'bestuurder-betaalt': no advice item has the tag "
        "'bouwkundg' (did you mean 'bouwkundig'?)"
    ]


def test_an_addition_must_add_something() -> None:
    bare = "additions:\n  - id: leeg\n    tags: [klein]\n    when: {answer: rol, in: [raadslid]}\n"
    (message,) = errors_for(bare)
    assert "adds nothing" in message
    assert message.startswith("- id: leeg")


def test_an_addition_condition_is_checked_like_any_other() -> None:
    found = errors_for(ADDITIONS.replace("in: [burgemeester, wethouder]", "in: [koning]"))
    assert len(found) == 1
    assert "koning" in found[0]
