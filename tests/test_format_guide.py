"""The example in questionnaires/README.md is a valid questionnaire: editors copy it."""

from __future__ import annotations

import re
from pathlib import Path

from zelfscan.core.loader import load_text

GUIDE = Path(__file__).resolve().parents[1] / "questionnaires" / "README.md"


def test_the_format_guide_example_loads() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    example = re.search(r"## The file\n\n```yaml\n(.*?)```", text, re.S)
    assert example is not None
    q = load_text(example.group(1), "README.md example")
    assert q.id == "voorbeeld-scan"
    assert [s.id for s in q.sections] == ["profiel", "gezin"]
    assert {a.id for a in q.advice} == {"ophaalafspraak"}
