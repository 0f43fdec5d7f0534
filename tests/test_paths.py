"""Bundled files are found through one function, and a build that lost one is caught.

The installed wheel is covered by tests/test_wheel.py, the bundle by tests/test_bundle.py;
here the checkout, the override, and ``zelfscan --self-test`` refusing a broken build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zelfscan import paths

ROOT = Path(__file__).resolve().parents[1]


def test_a_checkout_finds_its_own_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_ROOT_ENV, raising=False)
    assert paths.data_root() == ROOT
    assert paths.questionnaires_dir() == ROOT / "questionnaires"
    assert paths.missing_resources() == []
    for size in paths.ICON_SIZES:
        assert paths.icon_file(size).is_file()
    assert paths.notices_file().is_file()
    licence = paths.license_text()
    assert licence is not None
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")


def _data_copy(tmp_path: Path, *, drop: str = "", no_questionnaires: bool = False) -> Path:
    root = tmp_path / "data"
    shutil.copytree(ROOT / "resources", root / "resources")
    (root / "questionnaires").mkdir()
    if not no_questionnaires:
        for path in (ROOT / "questionnaires").glob("*.yaml"):
            shutil.copy(path, root / "questionnaires" / path.name)
    if drop:
        (root / "resources" / drop).unlink()
    return root


def test_missing_resources_names_what_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_ROOT_ENV, str(_data_copy(tmp_path, drop="styles/app.qss")))
    assert paths.missing_resources() == ["resources/styles/app.qss"]


def _self_test(data_root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", paths.DATA_ROOT_ENV: str(data_root)}
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        encoding="utf-8",
    )
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize(
    "drop",
    ["fonts/DejaVuSans.ttf", "styles/app.qss", "locale/nl/LC_MESSAGES/gui.mo"],
)
def test_self_test_fails_when_a_bundled_file_is_missing(tmp_path: Path, drop: str) -> None:
    result = _self_test(_data_copy(tmp_path, drop=drop))
    assert result.returncode == 1
    assert f"resources/{drop}" in result.stderr


def test_self_test_fails_when_no_questionnaire_loads(tmp_path: Path) -> None:
    root = _data_copy(tmp_path, no_questionnaires=True)
    result = _self_test(root)
    assert result.returncode == 1
    assert str(root / "questionnaires") in result.stderr


def test_self_test_passes_on_a_complete_copy(tmp_path: Path) -> None:
    result = _self_test(_data_copy(tmp_path))
    assert result.returncode == 0, result.stderr
