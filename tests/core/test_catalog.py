"""Discovering questionnaires in folders: built-in first, user files never override."""

from __future__ import annotations

import shutil
from pathlib import Path

from zelfscan import paths
from zelfscan.core.catalog import builtin_dirs, discover

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
