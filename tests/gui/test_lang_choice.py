"""``zelfscan --lang X`` wins over the language saved in the settings; without it the saved
one is used (issue 18: ``--lang nl`` was ignored once the settings said English)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zelfscan.gui.app import parse_args
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.privacy import install
from zelfscan.i18n import current_language
from zelfscan.storage.settings import Settings, save_settings
from zelfscan.userdirs import UserDirs, user_dirs

from .vault_helpers import CHEAP, restored_logging


@pytest.fixture
def saved_english(zelfscan_home: Path) -> Iterator[UserDirs]:
    dirs = user_dirs(zelfscan_home)
    save_settings(dirs.settings_file, Settings(language="en"))
    with restored_logging():
        yield dirs


def start(qtbot: object, mini: object, dirs: UserDirs, argv: list[str]) -> str:
    args = parse_args(argv)
    window = MainWindow([mini], training=False)  # type: ignore[list-item]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    try:
        install(
            window, dirs, training=False, lang=args.lang if args.lang_given else None, params=CHEAP
        )
        return current_language()
    finally:
        window.set_language("nl")


def test_lang_on_the_command_line_beats_the_saved_setting(
    qtbot: object, mini: object, saved_english: UserDirs
) -> None:
    assert start(qtbot, mini, saved_english, ["--lang", "nl"]) == "nl"


def test_without_lang_the_saved_setting_is_used(
    qtbot: object, mini: object, saved_english: UserDirs
) -> None:
    assert start(qtbot, mini, saved_english, []) == "en"


def test_parse_args_says_whether_lang_was_given() -> None:
    assert parse_args([]).lang == "nl"
    assert not parse_args([]).lang_given
    assert parse_args(["--lang", "nl"]).lang_given
