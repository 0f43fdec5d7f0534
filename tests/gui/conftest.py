"""GUI test setup: offscreen Qt (before any QApplication exists), Dutch, a synchronous pool.

Set ZELFSCAN_ONSCREEN=1 to watch the tests on a real display.
"""

from __future__ import annotations

import os

if not os.environ.get("ZELFSCAN_ONSCREEN"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest

from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import Questionnaire
from zelfscan.userdirs import UserDirs, user_dirs

from .vault_helpers import App, make_app, restored_logging

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "questionnaires" / "mini.yaml"


@pytest.fixture(scope="session")
def mini() -> Questionnaire:
    return load_questionnaire(MINI)


@pytest.fixture(autouse=True)
def _gui_defaults(qapp: object) -> Iterator[None]:
    """Every test starts in Dutch at 100% text with background jobs run synchronously."""
    from zelfscan.gui import theme, workers
    from zelfscan.gui.translations import apply_language

    apply_language("nl")
    workers.set_default_pool(workers.SyncPool())
    yield
    workers.set_default_pool(None)
    theme.set_text_scale(100)
    apply_language("nl")


@pytest.fixture
def window(qtbot: object, mini: Questionnaire) -> object:
    from zelfscan.gui.main_window import MainWindow

    win = MainWindow([mini])
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(900, 700)
    win.show()
    return win


@pytest.fixture
def wizard(window: object, mini: Questionnaire) -> object:
    from zelfscan.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    wiz = window.start_scan(mini.id)
    wiz.confirm = lambda _title, _text: True
    return wiz


@pytest.fixture
def dirs(zelfscan_home: Path) -> UserDirs:
    return user_dirs(zelfscan_home)


@pytest.fixture
def app(qtbot: object, mini: Questionnaire, dirs: UserDirs) -> Iterator[App]:
    """The app on the mini fixture, its vault on cheap key derivation (vault and lock tests)."""
    with restored_logging():
        yield make_app(qtbot, [mini], dirs)


@pytest.fixture
def styled(qapp: object) -> Iterator[object]:
    """The app's real look (tokens, stylesheet, proxy style), as users see it; undone after."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from zelfscan.gui import theme

    # a stylesheet change repolishes every widget alive: first delete the windows of
    # earlier tests that are only waiting for their deferred delete
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    theme.apply_stylesheet(qapp)  # type: ignore[arg-type]
    yield qapp
    theme.clear_stylesheet(qapp)  # type: ignore[arg-type]
    theme.set_text_scale(100)
