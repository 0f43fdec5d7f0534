"""The start screen: where answers go is chosen first; training mode has nothing to choose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from zelfscan import paths
from zelfscan.core import compiled
from zelfscan.core.catalog import Scans, builtin_dirs, discover, start_up
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.session import StorageChoice

from .conftest import MINI


def test_the_storage_choice_comes_before_the_scans(window: MainWindow) -> None:
    start = window.start
    assert start.privacy.y() < start.cards[0].y()
    # tab order follows creation: the choice is reached before "Start deze scan"
    chain, widget = [], start.storage_buttons[StorageChoice.MEMORY]
    for _ in range(50):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(start.cards[0].button) > 0


def test_training_mode_hides_the_storage_choice_and_restores_the_text_size(
    window: MainWindow,
) -> None:
    start = window.start
    window.set_text_scale(100)
    window.set_training(True)
    assert start.privacy.isHidden()
    assert start.training_button.isHidden()
    assert start.storage_choice() is StorageChoice.MEMORY
    assert window.text_scale == 150
    window.set_training(False)
    assert not start.privacy.isHidden()
    assert not start.training_button.isHidden()
    assert window.text_scale == 100


# --- built from the compiled copies' summaries (the app's start) ---------------------------


@pytest.fixture
def summaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Scans:
    """What the app starts with: two built-in scans with compiled copies, not loaded yet."""
    root = tmp_path / "data"
    folder = root / "questionnaires"
    folder.mkdir(parents=True)
    (root / "resources").symlink_to(paths.resources_dir(), target_is_directory=True)
    shutil.copy(MINI, folder / "mini.yaml")
    other = MINI.read_text(encoding="utf-8").replace("id: mini\n", "id: andere\n", 1)
    (folder / "andere.yaml").write_text(
        other.replace("{nl: Miniscan, en: Mini scan}", "{nl: Andere, en: Other}"), "utf-8"
    )
    monkeypatch.setenv(paths.DATA_ROOT_ENV, str(root))
    compiled.build(folder)
    scans = start_up(builtin_dirs())
    assert not scans.loaded
    return scans


def _cards(window: MainWindow) -> list[tuple[str, ...]]:
    """Everything a card shows or tells a screen reader."""
    return [
        (
            c.questionnaire.id,
            c.title.text(),
            c.intro.text(),
            c.about.text(),
            c.about_button.isHidden(),
            c.minutes.text(),
            c.button.accessibleName(),
            c.button.accessibleDescription(),
            c.blank_button.accessibleName(),
        )
        for c in window.start.cards
    ]


def test_the_start_screen_from_summaries_shows_what_the_questionnaires_show(
    qtbot: QtBot, summaries: Scans
) -> None:
    loaded = discover(builtin_dirs()).questionnaires
    before = MainWindow(list(loaded.values()))
    after = MainWindow(summaries)
    qtbot.addWidget(before)
    qtbot.addWidget(after)
    assert not summaries.loaded  # the window and its start screen did not need them
    for lang in ("nl", "en"):
        before.set_language(lang)
        after.set_language(lang)
        assert _cards(after) == _cards(before)
    assert [c[0] for c in _cards(after)] == ["andere", "mini"]
    assert _cards(after)[0][1] == "Other"
    assert not summaries.loaded


def test_a_scan_clicked_before_the_questionnaires_loaded_opens(
    qtbot: QtBot, summaries: Scans
) -> None:
    window = MainWindow(summaries)
    qtbot.addWidget(window)
    window.show()
    card = next(c for c in window.start.cards if c.questionnaire.id == "mini")
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert summaries.loaded
    assert window.showing_scan()
    assert window.session is not None
    assert window.session.questionnaire is summaries["mini"]


def test_a_scan_that_does_not_load_after_all_leaves_the_start_screen(
    qtbot: QtBot, summaries: Scans
) -> None:
    window = MainWindow(summaries)
    qtbot.addWidget(window)
    window.show()
    card = next(c for c in window.start.cards if c.questionnaire.id == "mini")
    Path(paths.questionnaires_dir(), "mini.yaml").unlink()  # gone before the load
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert window.showing_start()
    assert [c.questionnaire.id for c in window.start.cards] == ["andere"]
    assert not window.start.errors_box.isHidden()
    assert "mini.yaml" in window.start.broken.text()
