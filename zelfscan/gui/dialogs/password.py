"""Ask for an optional PDF password, typed twice, before the report is rendered."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Protect the PDF"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "You can protect the PDF with a password. Keep the password safe: "
                    "without it nobody can open the file, you neither."
                ),
                self,
            )
        )
        self.protect = QCheckBox(_("&Protect with a password"), self)
        self.protect.setAccessibleName(_("Protect with a password"))
        layout.addWidget(self.protect)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for edit, text in (
            (self.first, _("Pass&word:")),
            (self.second, _("&Repeat password:")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setEnabled(False)
            label = QLabel(text, self)
            label.setBuddy(edit)
            edit.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, edit)
        layout.addLayout(form)
        self.error = plain_label(parent=self, name="error")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Save PDF"))
        ok.setAccessibleName(_("Save PDF"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.protect.toggled.connect(self.first.setEnabled)
        self.protect.toggled.connect(self.second.setEnabled)

    def _check(self) -> None:
        if self.protect.isChecked():
            if not self.first.text():
                self._fail(_("Type a password, or untick “Protect with a password”."))
                return
            if self.first.text() != self.second.text():
                self._fail(_("The two passwords are not the same."))
                return
            from zelfscan.storage.pdf_password import PasswordProblem, normalise

            try:  # what a PDF can hold (at most 127 bytes, no control characters), up front
                normalise(self.first.text())
            except PasswordProblem as problem:
                self._fail(problem.message(current_language()))
                return
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.error.setAccessibleName(message)

    def password(self) -> str | None:
        return self.first.text() if self.protect.isChecked() else None
