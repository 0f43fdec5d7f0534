"""Discovering questionnaires in folders: built-in first, user files never override."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from zelfscan import paths
from zelfscan.core.catalog import builtin_dirs, discover, find
from zelfscan.core.yamlsafe import top_level_scalar

MINI = Path(__file__).parents[1] / "data" / "questionnaires" / "mini.yaml"


def test_discover(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    user = tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    shutil.copy(MINI, builtin / "mini.yaml")
    shutil.copy(MINI, user / "kopie.yml")  # same id: an error, not an override
    other = MINI.read_text(encoding="utf-8").replace("id: mini\n", "id: andere\n", 1)
    (user / "andere.yaml").write_text(other, encoding="utf-8")
    (user / "kapot.yaml").write_text("id: [\n", encoding="utf-8")
    (user / "notities.txt").write_text("niet lezen", encoding="utf-8")
    catalog = discover([builtin, user, tmp_path / "bestaat-niet"])
    assert sorted(catalog.questionnaires) == ["andere", "mini"]
    assert catalog.files["mini"] == builtin / "mini.yaml"
    files = sorted(Path(e.file).name for e in catalog.errors)
    assert files == ["kapot.yaml", "kopie.yml"]
    clash = next(e for e in catalog.errors if e.file.endswith("kopie.yml"))
    assert "'mini'" in clash.message
    assert "already used" in clash.message
    assert clash.line == 5


def test_builtin_dirs() -> None:
    assert builtin_dirs() == [paths.questionnaires_dir()]


# --- find: one questionnaire by id, without loading the others ---------------------------


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    return builtin, user


def test_find_loads_only_the_file_with_that_id(tmp_path: Path, monkeypatch) -> None:
    from zelfscan.core import catalog as catalog_module

    builtin, user = _folders(tmp_path)
    shutil.copy(MINI, builtin / "a-mini.yaml")
    other = MINI.read_text(encoding="utf-8").replace("id: mini\n", "id: andere\n", 1)
    (user / "andere.yaml").write_text(other, encoding="utf-8")
    (user / "kapot.yaml").write_text("id: kapot\nsections: [\n", encoding="utf-8")
    loaded: list[str] = []
    real = catalog_module._load

    def spy(path: Path):  # type: ignore[no-untyped-def]
        loaded.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(catalog_module, "_load", spy)
    found = find([builtin, user], "andere")
    assert list(found.questionnaires) == ["andere"]
    assert found.files["andere"] == user / "andere.yaml"
    assert found.errors == []
    assert loaded == ["andere.yaml"]  # neither mini nor the broken file was loaded


def test_find_reads_quoted_and_flow_style_ids(tmp_path: Path) -> None:
    builtin, user = _folders(tmp_path)
    text = MINI.read_text(encoding="utf-8")
    quoted = text.replace("id: mini\n", 'id: "mini" # quoted\n', 1)
    (builtin / "quoted.yaml").write_text(quoted, encoding="utf-8")
    assert find([builtin, user], "mini").files["mini"] == builtin / "quoted.yaml"
    (builtin / "quoted.yaml").unlink()
    flow = yaml.safe_dump(yaml.safe_load(text), default_flow_style=True, allow_unicode=True)
    (builtin / "flow.yaml").write_text(flow, encoding="utf-8")  # id after every other key
    assert top_level_scalar((builtin / "flow.yaml").read_bytes(), "id") == "mini"
    assert find([builtin, user], "mini").files["mini"] == builtin / "flow.yaml"


def test_find_loads_a_file_whose_id_it_can_not_read(tmp_path: Path) -> None:
    """Such a file might be the one; loading it is the only way to know (and to say why not)."""
    builtin, user = _folders(tmp_path)
    shutil.copy(MINI, builtin / "mini.yaml")
    (user / "kapot.yaml").write_text("title: [\nid: mini\n", encoding="utf-8")
    found = find([builtin, user], "mini")
    assert found.files["mini"] == builtin / "mini.yaml"
    assert [Path(e.file).name for e in found.errors] == ["kapot.yaml"]


def test_find_refuses_a_clash_like_discover(tmp_path: Path) -> None:
    builtin, user = _folders(tmp_path)
    shutil.copy(MINI, builtin / "mini.yaml")
    shutil.copy(MINI, user / "kopie.yml")  # a user file with a built-in's id
    found = find([builtin, user], "mini")
    everything = discover([builtin, user])
    assert found.files["mini"] == builtin / "mini.yaml" == everything.files["mini"]
    assert found.questionnaires["mini"] == everything.questionnaires["mini"]
    assert [(e.file, e.line, e.message) for e in found.errors] == [
        (e.file, e.line, e.message) for e in everything.errors
    ]
    assert "already used" in found.errors[0].message


def test_find_an_unknown_id_falls_back_to_discover(tmp_path: Path) -> None:
    builtin, user = _folders(tmp_path)
    shutil.copy(MINI, builtin / "mini.yaml")
    (user / "kapot.yaml").write_text("id: [\n", encoding="utf-8")
    found = find([builtin, user], "bestaat-niet")
    assert list(found.questionnaires) == ["mini"]  # what there is, for the message
    assert [Path(e.file).name for e in found.errors] == ["kapot.yaml"]


def test_top_level_scalar_reads_only_the_top_level() -> None:
    text = b"intro: |\n  id: nep\nlevels: {id: nep, b: [1, {id: nep}]}\nid: echt\n"
    assert top_level_scalar(text, "id") == "echt"
    assert top_level_scalar(b"- id: x\n", "id") is None
    assert top_level_scalar(b"id: [x]\n", "id") is None
    assert top_level_scalar(b"id: x\n\xff", "id") in (None, "x")  # never raises
    assert top_level_scalar(b"a: [\n", "id") is None
