"""Alles wissen: show where Zelfscan keeps things and what will go, then delete and report.

The user sees the real paths before anything happens (the promise is "we show you where"),
the default button is Cancel, and afterwards the dialog lists exactly what was removed, or
what could not be removed and why that matters. The deleting itself is a callable handed in
by the caller, which first closes the vault and the log file. When the caller refuses before
deleting anything (another running Zelfscan has the vault open), the dialog says why and
stays as it was, so the user can close the other window and try again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language
from zelfscan.storage.errors import StorageError
from zelfscan.storage.wipe import WipeIncomplete, WipePlan, plan_wipe
from zelfscan.userdirs import UserDirs

Wipe = Callable[[bool], list[Path]]
"""(include_questionnaires) -> removed paths; may raise WipeIncomplete (some deleted) or
another StorageError (nothing deleted)."""


def _listing(paths: Sequence[Path], empty: str) -> str:
    return "\n".join(str(p) for p in paths) if paths else empty


class WipeDialog(QDialog):
    def __init__(self, dirs: UserDirs, wipe: Wipe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirs = dirs
        self.wipe = wipe
        self.removed: list[Path] = []
        self.failed: list[Path] = []
        self.setWindowTitle(_("Delete everything"))
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            _(
                "Zelfscan only stores files in the folders below. Deleting removes your vault "
                "(all saved scans), its backup copy, the settings and the log file. PDFs you "
                "saved yourself are not touched; delete those yourself."
            ),
            self,
        )
        layout.addWidget(self.intro)
        self.where_label, self.where = self._box(_("&Where Zelfscan stores files:"), layout)
        self.delete_label, self.delete_list = self._box(_("&This will be deleted:"), layout)
        self.keep_label, self.keep_list = self._box(
            _("T&his stays (questionnaires you added yourself):"), layout
        )
        self.include = QCheckBox(_("Also delete the &questionnaires I added"), self)
        self.include.setAccessibleName(_("Also delete the questionnaires I added"))
        self.include.toggled.connect(lambda _on: self.refresh())
        layout.addWidget(self.include)
        self.outcome = plain_label(parent=self, name="result")
        self.outcome.setVisible(False)
        layout.addWidget(self.outcome)
        self.buttons = QDialogButtonBox(self)
        self.go = self.buttons.addButton(
            _("&Delete everything"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.go.setAccessibleName(_("Delete everything"))
        self.cancel = self.buttons.addButton(_("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setAccessibleName(_("Cancel"))
        self.cancel.setDefault(True)
        self.go.setAutoDefault(False)
        self.go.clicked.connect(self.run)
        self.cancel.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.refresh()

    def _box(self, title: str, layout: QVBoxLayout) -> tuple[QLabel, QPlainTextEdit]:
        label = QLabel(title, self)
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setAccessibleName(title.replace("&", "").rstrip(":"))
        text.setMinimumHeight(text.fontMetrics().lineSpacing() * 5)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        label.setBuddy(text)
        layout.addWidget(label)
        layout.addWidget(text)
        return label, text

    def plan(self) -> WipePlan:
        return plan_wipe(self.dirs, include_questionnaires=self.include.isChecked())

    def refresh(self) -> None:
        plan = self.plan()
        self.where.setPlainText(_listing(plan.locations, ""))
        self.delete_list.setPlainText(_listing(plan.delete, _("Nothing: Zelfscan stored nothing.")))
        self.keep_list.setPlainText(_listing(plan.keep, _("Nothing.")))
        for widget in (self.keep_label, self.keep_list):
            widget.setVisible(bool(plan.keep))
        self.include.setVisible(bool(plan.keep) or self.include.isChecked())

    def run(self) -> None:
        try:
            self.removed = self.wipe(self.include.isChecked())
            message = _("Done. {n} file(s) and folder(s) deleted:").format(n=len(self.removed))
        except WipeIncomplete as exc:
            self.removed, self.failed = exc.removed, exc.failed
            message = exc.message(current_language())
        except StorageError as exc:  # refused before anything was deleted
            self._show_outcome(exc.message(current_language()) + " " + _("Nothing was deleted."))
            self.refresh()
            return
        self.delete_label.setText(_("Deleted:") if not self.failed else _("Not deleted:"))
        self.delete_list.setPlainText(
            _listing(self.failed or self.removed, _("Nothing needed deleting."))
        )
        self._show_outcome(message)
        self.include.setEnabled(False)
        self.go.setVisible(False)
        self.cancel.setText(_("&Close"))
        self.cancel.setAccessibleName(_("Close"))

    def _show_outcome(self, message: str) -> None:
        self.outcome.setText(message)
        self.outcome.setAccessibleName(message)
        self.outcome.setVisible(True)
