"""Choose after how many idle minutes Zelfscan locks itself (0 = never)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _
from zelfscan.storage.settings import AUTO_LOCK_RANGE


class AutoLockDialog(QDialog):
    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lock automatically"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "When you do not use Zelfscan for a while, it locks itself and hides your "
                    "answers. Choose 0 to never lock automatically."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.minutes = QSpinBox(self)
        self.minutes.setRange(*AUTO_LOCK_RANGE)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(_(" min"))
        self.minutes.setAccessibleName(_("Minutes before locking automatically"))
        label = QLabel(_("Lock after &minutes without use:"), self)
        label.setBuddy(self.minutes)
        form.addRow(label, self.minutes)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Save"))
        ok.setAccessibleName(_("Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("&Cancel"))
        cancel.setAccessibleName(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
