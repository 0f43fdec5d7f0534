"""The small dialogs many features need: save-file, open-file and a yes/no question.

One implementation, so every "save as"

* uses the system's own file dialog where there is one (Windows, macOS, the desktop portal on
  Linux) and Qt's widget dialog elsewhere;
* leaves no history behind in Qt's settings: ``QFileDialog`` writes the last folder, its
  history and view state to ``QtProject`` settings when it is destroyed (``QtProject.conf`` on
  Linux, the registry under ``HKCU\\Software\\QtProject`` on Windows, ``com.qtproject.plist``
  on macOS), whatever the app does. That would put the folder where someone keeps a safety
  report on disk, and in training mode nothing may be written at all. :func:`no_qt_history`
  puts those settings back exactly as they were, and removes the file on Linux when it did not
  exist before (tests/gui/test_file_dialogs.py proves it). What the *operating system*
  records (Windows' recent folders and Jump List, macOS' recent items) is outside Qt and is
  described in the README;
* adds the extension to a typed name without ever replacing part of it: "Advies 12.03.2025"
  becomes "Advies 12.03.2025.pdf", not "Advies 12.03.pdf";
* never overwrites a file without asking: the system dialog asks for the name it returns, and
  when the extension had to be added, the resulting file is checked here and the user asked;

and every destructive question has "no" as its default and Esc answer.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from zelfscan.i18n import _

QT_ORGANISATION = "QtProject"
QT_GROUP = "FileDialog"

RunDialog = Callable[[QWidget | None, str, str, str, bool], str | None]
"""(parent, title, start path, filter, save) -> the chosen path, or None when cancelled."""
Confirm = Callable[[QWidget | None, str, str, str, str], bool]


def _qt_settings() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, QT_ORGANISATION)


@contextlib.contextmanager
def no_qt_history() -> Iterator[None]:
    """Undo what ``QFileDialog`` writes to Qt's own settings while the block runs."""
    settings = _qt_settings()
    settings.sync()  # read what is there now, from disk
    backing = Path(settings.fileName())
    file_based = sys.platform not in ("win32", "darwin")  # an INI file we may remove
    existed = backing.is_file() if file_based else True
    folder_existed = backing.parent.is_dir()
    settings.beginGroup(QT_GROUP)
    before = {key: settings.value(key) for key in settings.childKeys()}
    settings.endGroup()
    had_group = QT_GROUP in settings.childGroups()
    del settings
    try:
        yield
    finally:
        _restore(before, had_group)
        if file_based and not existed:
            _remove_if_empty(backing, folder_existed)


def _restore(before: dict[str, Any], had_group: bool) -> None:
    settings = _qt_settings()
    settings.remove(QT_GROUP)
    if had_group:
        for key, value in before.items():
            settings.setValue(f"{QT_GROUP}/{key}", value)
    settings.sync()


def _remove_if_empty(backing: Path, folder_existed: bool) -> None:
    """Delete the INI file Qt created (and its folder, if Qt made that too) when it is empty."""
    settings = _qt_settings()
    if settings.allKeys():  # something else (not ours) wrote there meanwhile: leave it
        return
    del settings
    with contextlib.suppress(OSError):
        backing.unlink()
    if not folder_existed:
        with contextlib.suppress(OSError):
            backing.parent.rmdir()  # only when empty


def run_file_dialog(
    parent: QWidget | None, title: str, start: str, file_filter: str, save: bool
) -> str | None:
    """Show the system's (or Qt's) file dialog; Qt's settings are left as they were."""
    from shiboken6 import Shiboken

    with no_qt_history():
        dialog = QFileDialog(parent, title, start, file_filter)
        dialog.setAcceptMode(
            QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
        )
        dialog.setFileMode(
            QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile
        )
        if start and not Path(start).is_dir():
            dialog.selectFile(start)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selectedFiles() if accepted else []
        finally:
            Shiboken.delete(dialog)  # the destructor writes Qt's history: before the restore
    return chosen[0] if chosen else None


def with_suffix_added(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` (".pdf") appended when it does not already end in it.

    Never :meth:`Path.with_suffix`: a typed name like "Advies 12.03.2025" has no extension,
    only dots, and must keep all of them.
    """
    if path.name.lower().endswith(suffix.lower()) and len(path.name) > len(suffix):
        return path
    return path.with_name(path.name + suffix)


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: str,
    file_filter: str,
    suffix: str,
    *,
    run: RunDialog | None = None,
    confirm: Confirm | None = None,
) -> Path | None:
    """A path chosen in the save dialog, ``suffix`` added when missing, never an unasked
    overwrite. When the added extension names an existing file, the user is asked; "no"
    shows the dialog again at that name."""
    run = run or run_file_dialog
    confirm = confirm or ask_yes_no
    start = str(Path(QDir.homePath()) / suggested)
    while True:
        name = run(parent, title, start, file_filter, True)
        if not name:
            return None
        typed = Path(name)
        path = with_suffix_added(typed, suffix)
        if path == typed or not path.exists():  # the dialog itself asked about this name
            return path
        question = _("“{name}” already exists. Do you want to replace it?").format(name=path.name)
        if confirm(parent, title, question, _("&Replace"), _("&Cancel")):
            return path
        start = str(path)


def ask_open_path(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """An existing file chosen in the open dialog (no Qt history left behind either)."""
    name = run_file_dialog(parent, title, QDir.homePath(), file_filter, False)
    return Path(name) if name else None


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """True only when the user clicks ``yes``; "no" is the default and the Esc answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
