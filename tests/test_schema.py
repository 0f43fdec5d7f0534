"""The JSON Schema for editors: generated from the loader, committed, and true to it.

``questionnaires/schema.json`` must be what ``zelfscan-cli schema`` prints; the built-in scans
and the guide's example validate against it, and a misspelled key does not. Files are read
as a YAML 1.2 editor reads them (only ``true``/``false`` are switches), through our strict
YAML layer.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from zelfscan.core.loader import load_text
from zelfscan.core.schema import questionnaire_schema, schema_text
from zelfscan.core.yamlsafe import compose_strict

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "questionnaires"
COMMITTED = FOLDER / "schema.json"
GUIDE = FOLDER / "README.md"
BUILT_IN = sorted(FOLDER.glob("*.yaml"))
SCHEMA_LINE = "# yaml-language-server: $schema=schema.json"


def as_json(node: yaml.Node) -> Any:
    """A composed YAML node as the plain data an editor's YAML 1.2 reader makes of it."""
    if isinstance(node, yaml.MappingNode):
        return {k.value: as_json(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [as_json(v) for v in node.value]
    tag = node.tag.rsplit(":", 1)[-1]
    if node.style:  # quoted or block text
        return node.value
    if tag == "null":
        return None
    if node.value in ("true", "false"):
        return node.value == "true"
    if tag in ("int", "float"):
        try:
            return int(node.value)
        except ValueError:
            return float(node.value)
    return node.value


def data_of(text: str) -> Any:
    return as_json(compose_strict(text, "t.yaml"))


def guide_example() -> str:
    found = re.search(r"## The file\n\n```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert found is not None
    return found.group(1)


def problems(data: Any) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(questionnaire_schema())
    return sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = questionnaire_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "questionnaires/schema.json is stale: run "
        "`zelfscan-cli schema > questionnaires/schema.json` and commit it"
    )


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_built_in_scans_validate_and_name_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert problems(data_of(text)) == []


def test_the_guide_example_validates() -> None:
    assert problems(data_of(guide_example())) == []
    assert SCHEMA_LINE in GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("        find_out:", "        find_uot:", ["sections", 1, "questions", 0]),
        ("    priority: hoog", "    prioriteit: hoog", ["advice", 0]),
        ("levels: {goed: 80", "level: {goed: 80", []),
        ("    cap: risico", "    cap: rood", ["red_flags", 0, "cap"]),
        ("{answer: school-afspraak, in: [nee]}", "{answer: school-afspraak, is: [nee]}", None),
    ],
)
def test_a_misspelled_key_or_value_does_not_validate(
    old: str, new: str, path: list[str | int] | None
) -> None:
    text = guide_example()
    assert old in text
    found = problems(data_of(text.replace(old, new, 1)))
    assert found
    if path is not None:
        assert list(found[0].absolute_path)[: len(path)] == path


def test_the_loader_and_the_schema_agree_on_points_null() -> None:
    """``points: null`` is "not scored" for the schema and the loader alike."""
    text = guide_example().replace(
        "{id: codewoord, label: {nl: Een codewoord, en: A code word}, points: 1}",
        "{id: codewoord, label: {nl: Een codewoord, en: A code word}, points: null}",
    )
    assert problems(data_of(text)) == []
    assert load_text(text, "t.yaml").questions["maatregelen"].options[0].points is None


def test_the_cli_prints_the_committed_schema(tmp_path: Path) -> None:
    env = {**os.environ, "ZELFSCAN_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", "schema"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")
