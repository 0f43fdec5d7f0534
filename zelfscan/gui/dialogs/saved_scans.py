"""The list of saved scans in the vault: which scan and when, never what was answered.

The list shows the questionnaire's title and dates only, so the dialog is safe to have open
on a projector or in a shared office. "Verder" resumes, "Verwijderen" deletes (after asking),
"Nieuwe scan" starts a fresh one when the dialog was opened for a particular questionnaire.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan.core.model import Text
from zelfscan.gui.dialogs.common import ask_yes_no
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language

if TYPE_CHECKING:
    from zelfscan.storage.content import Scan

RESUME = "resume"
NEW = "new"


def local_date(iso: str) -> str:
    """``dd-mm-jjjj uu:mm`` in the laptop's time zone (the vault stores UTC)."""
    return datetime.fromisoformat(iso).astimezone().strftime("%d-%m-%Y %H:%M")


def describe(scan: Scan, titles: Mapping[str, Text]) -> str:
    """Two lines: the questionnaire's title, then state and dates (never an answer)."""
    known = titles.get(scan.questionnaire)
    title = known.get(current_language()) if known is not None else scan.questionnaire
    state = _("finished") if scan.finished else _("not finished")
    dates = _("{state} · started {started} · last changed {updated}").format(
        state=state, started=local_date(scan.started), updated=local_date(scan.updated)
    )
    return f"{title}\n{dates}"


class SavedScansDialog(QDialog):
    def __init__(
        self,
        scans: Sequence[Scan],
        titles: Mapping[str, Text],
        delete: Callable[[str], None],
        *,
        allow_new: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.titles = titles
        self.delete = delete
        self.choice: tuple[str, str | None] | None = None
        self.confirm: Callable[[str], bool] = self._ask
        self.setWindowTitle(_("Saved scans"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "These scans are saved in your vault. Carry on where you left off, or "
                    "start a new scan; earlier scans stay, so you can compare later."
                ),
                self,
            )
        )
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName(_("Saved scans"))
        self.list.setAccessibleDescription(_("Questionnaire and dates; answers are not shown"))
        for scan in scans:
            self._add_item(scan)
        if self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        self.empty = plain_label(_("There are no saved scans yet."), self, name="empty")
        self.empty.setVisible(not scans)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.resume_button = QPushButton(_("&Continue"), self)
        self.delete_button = QPushButton(_("&Delete"), self)
        self.new_button = QPushButton(_("&New scan"), self)
        self.close_button = QPushButton(_("C&lose"), self)
        for button, name, description in (
            (self.resume_button, _("Continue"), _("Carry on with the selected scan")),
            (self.delete_button, _("Delete"), _("Delete the selected scan from the vault")),
            (self.new_button, _("New scan"), _("Start a new scan; saved scans stay")),
            (self.close_button, _("Close"), ""),
        ):
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            row.addWidget(button)
        self.new_button.setVisible(allow_new)
        layout.addLayout(row)
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self._resume)
        self.list.itemActivated.connect(lambda _item: self._resume())
        self.delete_button.clicked.connect(self._delete)
        self.new_button.clicked.connect(self._new)
        self.close_button.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    def _add_item(self, scan: Scan) -> None:
        item = QListWidgetItem(describe(scan, self.titles))
        item.setData(Qt.ItemDataRole.UserRole, scan.id)
        if scan.questionnaire not in self.titles:  # that questionnaire is not installed here
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)

    def selected(self) -> str | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.resume_button.setEnabled(has)
        self.delete_button.setEnabled(self.list.currentItem() is not None)
        self.empty.setVisible(self.list.count() == 0)

    def _resume(self) -> None:
        scan_id = self.selected()
        if scan_id is not None:
            self.choice = (RESUME, scan_id)
            self.accept()

    def _new(self) -> None:
        self.choice = (NEW, None)
        self.accept()

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is None or not self.confirm(item.text()):
            return
        self.delete(str(item.data(Qt.ItemDataRole.UserRole)))
        self.list.takeItem(self.list.row(item))
        self._update_buttons()

    def _ask(self, what: str) -> bool:
        text = _("This scan and its answers will be deleted from the vault:") + "\n" + what
        return ask_yes_no(self, _("Delete this scan?"), text, _("&Yes, delete"), _("&No"))
