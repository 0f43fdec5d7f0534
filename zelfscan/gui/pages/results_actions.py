"""The row under the results: save as PDF or HTML, print, a calendar reminder, "volledig
rapport", and after saving where the file went, with "Openen" and "Toon in map".

Always visible below the scroll area. Opening goes through ``QDesktopServices.openUrl`` with
a local file URL only: the file in the system's viewer, or its folder in the file manager.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _

OpenUrl = Callable[[QUrl], bool]


class SavedBar(QFrame):
    """ "Het advies staat in …" with buttons to open the file or its folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedBar")
        self.path: Path | None = None
        self.open_url: OpenUrl = QDesktopServices.openUrl
        """Injectable for tests; only ever given ``QUrl.fromLocalFile`` URLs."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = plain_label(parent=self, name="savedPath")
        self.open_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.open_folder)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        self.setVisible(False)

    def show_path(self, path: Path) -> None:
        self.path = path
        self.retranslate()
        self.setVisible(True)

    def open_file(self) -> None:
        if self.path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.path.parent)))

    def retranslate(self) -> None:
        self.open_button.setText(_("&Open"))
        self.open_button.setAccessibleName(_("Open the saved advice"))
        self.folder_button.setText(_("Show &in folder"))
        self.folder_button.setAccessibleName(_("Show the folder of the saved advice"))
        if self.path is not None:
            text = _("Saved as {name} in {folder}").format(
                name=self.path.name, folder=str(self.path.parent)
            )
            self.label.setText(text)
            self.label.setAccessibleName(text)


class ActionsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultActions")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        # the page makes it the default; not also "auto default", which would drop that
        # role whenever the focus leaves it (the wizard lives inside the main window, so
        # QDialog can not give the role back)
        self.save_button.setAutoDefault(False)
        self.html_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.reminder_button = QPushButton(self)
        self.full_box = QCheckBox(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        buttons = (self.save_button, self.html_button, self.print_button, self.reminder_button)
        # two short rows rather than one long one: at 200% text one row was wider than a
        # laptop screen. Saving first, with its option; then paper and the calendar.
        for widget in (self.full_box, self.save_button, self.html_button):
            row.addWidget(widget)
        row.addStretch(1)
        outer.addLayout(row)
        second = QHBoxLayout()
        for widget in (self.print_button, self.reminder_button):
            second.addWidget(widget)
        second.addStretch(1)
        outer.addLayout(second)
        order = (self.full_box, self.save_button, self.html_button, *buttons[2:])
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)  # Tab follows the rows as they are read
        self.status = plain_label(parent=self, name="busy")
        self.status.setVisible(False)
        status_row = QHBoxLayout()
        status_row.addWidget(self.busy)
        status_row.addWidget(self.status, 1)
        outer.addLayout(status_row)
        self.saved = SavedBar(self)
        outer.addWidget(self.saved)
        self._buttons = buttons

    @property
    def full(self) -> bool:
        """The user asked for the full report (with the explanation per measure)."""
        return self.full_box.isChecked()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show the busy indicator and keep the buttons from being pressed twice."""
        self.busy.setVisible(busy)
        self.show_status(text)
        if busy:
            self.saved.setVisible(False)
        for button in self._buttons:
            button.setEnabled(not busy)

    def show_status(self, text: str) -> None:
        self.status.setVisible(bool(text))
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def show_saved(self, path: Path) -> None:
        self.show_status("")
        self.saved.show_path(path)
        self.saved.open_button.setFocus()  # not back into a table: the next step is here

    def clear_saved(self) -> None:
        self.saved.setVisible(False)
        self.show_status("")

    def retranslate(self) -> None:
        self.save_button.setText(_("Save as P&DF…"))
        self.save_button.setAccessibleName(_("Save as PDF"))
        self.save_button.setAccessibleDescription(
            _("Saves your personal advice as a PDF file in a place you choose")
        )
        self.html_button.setText(_("Save as HTML (&web page)…"))
        self.html_button.setAccessibleName(_("Save as HTML"))
        self.html_button.setAccessibleDescription(
            _(
                "Saves the same advice as one web page: the accessible version, readable with "
                "a screen reader. A web page can not be protected with a password"
            )
        )
        for button, key in (
            (self.save_button, Shortcut.SAVE_PDF),
            (self.print_button, Shortcut.PRINT),
        ):
            button.setToolTip(key.sequence().toString(QKeySequence.SequenceFormat.NativeText))
        self.print_button.setText(_("P&rint…"))
        self.print_button.setAccessibleName(_("Print"))
        self.print_button.setAccessibleDescription(_("Prints your advice"))
        self.reminder_button.setText(_("Add a re&minder to your calendar…"))
        self.reminder_button.setAccessibleName(_("Add a reminder to your calendar"))
        self.reminder_button.setAccessibleDescription(
            _(
                "Saves a calendar file with a reminder to do this scan again in six months; "
                "it holds only the scan's name"
            )
        )
        self.full_box.setText(_("F&ull report"))
        self.full_box.setAccessibleName(_("Full report"))
        self.full_box.setAccessibleDescription(
            _(
                "Adds the explanation of every measure (why, how, effort, cost, who can help) "
                "to the PDF, the HTML and the print-out"
            )
        )
        self.busy.setAccessibleName(_("Busy"))
        self.saved.retranslate()
