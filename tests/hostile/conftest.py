"""Shared by the hostile-input tests: a home folder with the mini questionnaire, and the
CLI run as a real subprocess (never a traceback: ``tests.test_cli.run`` asserts it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_cli import MINI, RAADSLID, answers_file, run  # noqa: F401 - re-exported
from zelfscan.userdirs import user_dirs


@pytest.fixture
def home(zelfscan_home: Path) -> Path:
    folder = user_dirs(zelfscan_home).questionnaires
    folder.mkdir(parents=True)
    shutil.copy(MINI, folder / "mini.yaml")
    return zelfscan_home
