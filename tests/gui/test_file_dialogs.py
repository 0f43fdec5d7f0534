"""Save dialogs leave no Qt history, keep typed dots, never overwrite unasked, and the
macOS-facing details: menu roles, Tab on every control, Qt's messages through the redacting
logger.

The file dialog is Qt's widget dialog here (offscreen has no native one); it writes the same
``QtProject`` settings as the native path does on Windows (registry) and macOS (plist), where
the release workflow's GUI job runs these tests on the real platform plugin.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer, qWarning
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from tests.gui.vault_helpers import App
from zelfscan.core.evaluate import evaluate
from zelfscan.core.model import Questionnaire
from zelfscan.gui import qt_messages
from zelfscan.gui.dialogs import common
from zelfscan.gui.dialogs.common import ask_save_path, with_suffix_added
from zelfscan.gui.report_actions import ReportActions, ReportRequest
from zelfscan.gui.workers import SyncPool
from zelfscan.logsetup import LOG_NAME, setup_logging
from zelfscan.report.output import ReportFormat

CANARY = "KANARIE-9c1e-pad"


@pytest.fixture
def qt_settings_dir(tmp_path: Path) -> Iterator[Path]:
    """Qt's own user settings (``QtProject.conf``) go to a fresh folder for this test."""
    folder = tmp_path / "qt-config"
    default = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()).parent
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    try:
        yield folder
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(default))


def _type_in_file_dialog(name: Path) -> None:
    """When the file dialog is up: type ``name`` and press Save, as a user would."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, fill)
            return
        dialog.setDirectory(str(name.parent))
        dialog.selectFile(name.name)
        dialog.accept()

    QTimer.singleShot(0, fill)


def test_a_destroyed_qt_file_dialog_does_write_qt_settings(
    qtbot: object, qt_settings_dir: Path
) -> None:
    """The control: without :func:`no_qt_history` Qt writes its history (so the next test
    can fail)."""
    dialog = QFileDialog(None, "x", str(qt_settings_dir.parent))
    from shiboken6 import Shiboken

    Shiboken.delete(dialog)
    QSettings(QSettings.Scope.UserScope, "QtProject").sync()
    assert list(qt_settings_dir.rglob("*.conf")) != []


def test_saving_a_pdf_through_the_dialog_writes_no_qt_settings(
    qtbot: object, mini: Questionnaire, tmp_path: Path, qt_settings_dir: Path, zelfscan_home: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    actions = ReportActions(parent, ask_password=lambda _p: (True, None), pool=SyncPool())
    out = tmp_path / "rapporten"
    out.mkdir()
    answers = {"q1": "ja"} if "q1" in mini.questions else {}
    _type_in_file_dialog(out / "Advies 12.03.2025")
    actions.save(ReportRequest(mini, evaluate(mini, answers), "nl"), ReportFormat.PDF)
    saved = out / "Advies 12.03.2025.pdf"  # the typed dots kept, ".pdf" added
    assert saved.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in out.iterdir()) == ["Advies 12.03.2025.pdf"]
    assert list(qt_settings_dir.rglob("*")) == []  # no QtProject.conf, not even its folder
    assert list(zelfscan_home.rglob("*")) == []  # and nothing in Zelfscan's own folders


def test_existing_qt_settings_are_kept_as_they_were(qtbot: object, qt_settings_dir: Path) -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/lastVisited", "file:///somewhere/else")
    settings.setValue("Other/kept", "yes")
    settings.sync()
    before = Path(settings.fileName()).read_bytes()
    _type_in_file_dialog(qt_settings_dir.parent / "x.pdf")
    chosen = common.run_file_dialog(None, "Opslaan", str(qt_settings_dir.parent), "*.pdf", True)
    assert chosen == str(qt_settings_dir.parent / "x.pdf")
    after = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert after.value("FileDialog/lastVisited") == "file:///somewhere/else"
    assert after.value("Other/kept") == "yes"
    assert "FileDialog/history" not in after.allKeys()
    assert len(Path(after.fileName()).read_bytes()) == len(before)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Advies 12.03.2025", "Advies 12.03.2025.pdf"),
        ("advies.v2", "advies.v2.pdf"),
        ("advies.pdf", "advies.pdf"),
        ("ADVIES.PDF", "ADVIES.PDF"),
        ("advies", "advies.pdf"),
    ],
)
def test_the_extension_is_added_never_replaced(typed: str, expected: str) -> None:
    assert with_suffix_added(Path("/x") / typed, ".pdf") == Path("/x") / expected


def test_a_name_completed_to_an_existing_file_is_asked_about(qtbot: object, tmp_path: Path) -> None:
    existing = tmp_path / "Advies 12.03.2025.pdf"
    existing.write_bytes(b"%PDF- the user's earlier report")
    answers = iter([str(tmp_path / "Advies 12.03.2025"), str(tmp_path / "Nieuw.pdf")])
    starts: list[str] = []
    questions: list[str] = []

    def run(_parent: object, _title: str, start: str, _filter: str, _save: bool) -> str:
        starts.append(start)
        return next(answers)

    def say_no(_parent: object, _title: str, text: str, _yes: str, _no: str) -> bool:
        questions.append(text)
        return False

    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    path = ask_save_path(parent, "Opslaan", "advies.pdf", "*.pdf", ".pdf", run=run, confirm=say_no)
    assert path == tmp_path / "Nieuw.pdf"
    assert len(questions) == 1
    assert "Advies 12.03.2025.pdf" in questions[0]
    assert starts[1] == str(existing)  # asked again, at the name the user typed
    assert existing.read_bytes() == b"%PDF- the user's earlier report"

    answers = iter([str(tmp_path / "Advies 12.03.2025")])
    path = ask_save_path(
        parent, "Opslaan", "a.pdf", "*.pdf", ".pdf", run=run, confirm=lambda *_a: True
    )
    assert path == existing  # "Vervangen" chosen: now it may be replaced


# --- macOS: app menu roles and keyboard access -------------------------------------------------


def test_the_app_menu_gets_about_preferences_and_quit_and_nothing_by_guess(app: App) -> None:
    window = app.window
    assert window.about_action.menuRole() is QAction.MenuRole.AboutRole
    assert window.quit_action.menuRole() is QAction.MenuRole.QuitRole
    assert app.privacy.auto_lock_action.menuRole() is QAction.MenuRole.PreferencesRole
    guessed = [
        a.text()
        for a in window.findChildren(QAction)
        if a.menuRole() is QAction.MenuRole.TextHeuristicRole
    ]
    assert guessed == []


def test_tab_reaches_every_control(qapp: QApplication) -> None:
    from PySide6.QtCore import Qt

    from zelfscan.gui.app import _keyboard_reaches_every_control

    hints = qapp.styleHints()
    before = hints.tabFocusBehavior()
    try:
        hints.setTabFocusBehavior(Qt.TabFocusBehavior.TabFocusTextControls)  # macOS' default
        _keyboard_reaches_every_control(qapp)
        assert hints.tabFocusBehavior() is Qt.TabFocusBehavior.TabFocusAllControls
    finally:
        hints.setTabFocusBehavior(before)


# --- Qt's own messages -------------------------------------------------------------------------


def test_qt_messages_reach_the_log_file_redacted(qtbot: object, tmp_path: Path) -> None:
    from tests.gui.vault_helpers import restored_logging

    with restored_logging():
        path = setup_logging(tmp_path / "logs")
        assert path is not None
        qt_messages.install()
        qWarning(f"QFile::remove: cannot remove {CANARY}")
        text = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
        setup_logging(None)
    assert "WARNING qt: Qt says: …" in text
    assert CANARY not in text


def test_a_qt_category_names_the_logger(caplog: pytest.LogCaptureFixture) -> None:
    class Context:
        category = "qt.qpa.fonts"

    with caplog.at_level(logging.DEBUG):
        qt_messages.handle(qt_messages.QtMsgType.QtWarningMsg, Context(), CANARY)  # type: ignore[arg-type]
    assert [r.name for r in caplog.records] == ["qt.qpa.fonts"]
    assert caplog.records[0].levelno == logging.WARNING


def test_exporting_the_vault_uses_the_same_dialog_rules(
    qtbot: object, tmp_path: Path, qt_settings_dir: Path
) -> None:
    from zelfscan.gui.vault.flow import ask_export_path

    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    _type_in_file_dialog(tmp_path / "kluis 2026.03")
    assert ask_export_path(parent, "Kluis exporteren") == tmp_path / "kluis 2026.03.zsv"
    assert list(qt_settings_dir.rglob("*")) == []
