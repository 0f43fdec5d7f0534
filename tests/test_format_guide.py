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


def test_the_quoting_examples_read_as_the_guide_says() -> None:
    """The quoting examples parse, and each text stays one text (one step stays one step)."""
    from zelfscan.core.yamlsafe import compose_strict

    text = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"\*\*Quoting\.\*\*.*?```yaml\n(.*?)```", text, re.S)
    assert block is not None
    example = "\n".join(line[2:] for line in block.group(1).splitlines())
    root = compose_strict(example, "quoting example")
    values = {key.value: value for key, value in root.value}
    effort = {k.value: v.value for k, v in values["effort"].value}
    assert effort == {"nl": "Een half uur, elke week", "en": "Half an hour, every week"}
    steps = {k.value: [s.value for s in v.value] for k, v in values["how"].value}
    assert steps["nl"] == ["Bel de school, of mail.", "Geef de namen door."]
    assert len(steps["en"]) == 2
    helps = {k.value: v.value for k, v in values["help"].value}
    assert helps["nl"] == "Buiten accolades mag een komma, zoals hier."
