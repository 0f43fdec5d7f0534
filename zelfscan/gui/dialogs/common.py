"""The two small dialogs many features need: a save-file question and a yes/no question.

One implementation so every "save as" suggests a file in the home folder and fixes the
extension, and every destructive question has "no" as its default and Esc answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask_save_path(
    parent: QWidget, title: str, suggested: str, file_filter: str, suffix: str
) -> Path | None:
    """A path chosen in the system's save dialog, with ``suffix`` added when it is missing."""
    start = str(Path(QDir.homePath()) / suggested)
    name, _filter = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


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
