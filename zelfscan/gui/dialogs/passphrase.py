"""Ask the vault passphrase: make one (with a strength hint and a second field) or type it.

The dialog does not derive keys itself; it hands the passphrase to an ``unlock`` callable
(the vault controller, which runs Argon2id in the background) and shows a busy bar until
the answer comes back. A wrong passphrase and a damaged file get different messages, because
the user should retry the first and never the second; after a damaged file the dialog offers
the backup copy the vault keeps of its previous save.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language

MIN_LENGTH = 8
Unlock = Callable[[str, bool, Callable[[], None], Callable[[BaseException], None]], None]
"""(passphrase, from_backup, on_done, on_error): start unlocking; call back on the GUI thread."""


class Mode(Enum):
    CREATE = "create"
    OPEN = "open"
    IMPORT = "import"
    """The passphrase of another vault file (import): typed once, no backup offer."""
    RESTORE = "restore"
    """The vault file is missing and its backup is there: the passphrase restores it."""


def strength(passphrase: str) -> tuple[int, str]:
    """A rough strength (0–3) and a hint in words; length and variety only, no word lists.

    Deliberately simple and honest: it rewards length above all (four loose words beat a
    short jumble) and never claims a passphrase is unbreakable.
    """
    length = len(passphrase)
    if length == 0:
        return 0, _("Choose a passphrase of at least {n} characters.").format(n=MIN_LENGTH)
    if length < MIN_LENGTH:
        return 0, _("Too short: use at least {n} characters.").format(n=MIN_LENGTH)
    kinds = sum(
        bool(re.search(pattern, passphrase))
        for pattern in (r"[a-zà-ÿ]", r"[A-ZÀ-Þ]", r"[0-9]", r"[^a-zA-Zà-ÿÀ-Þ0-9]")
    )
    words = len([w for w in re.split(r"[\s\-_.,]+", passphrase) if len(w) >= 3])
    varied = len(set(passphrase)) >= max(5, length // 3)
    points = (length >= 12) + (length >= 16) + (length >= 24) + (kinds >= 3) + (words >= 4)
    if not varied:
        points = min(points, 1)
    if points >= 3:
        return 3, _("Strong. Keep it somewhere safe: without it nobody can open the vault.")
    if points >= 2:
        return 2, _("Reasonable. Longer is better, for example four or more loose words.")
    return 1, _("Weak: make it longer, for example four or more loose words.")


class PassphraseDialog(QDialog):
    def __init__(
        self, mode: Mode, unlock: Unlock, parent: QWidget | None = None, *, backup: bool = True
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.unlock = unlock
        self.backup = backup and mode is Mode.OPEN
        """A backup copy exists to offer when the vault file can not be opened."""
        self._tried_backup = False
        self.error_kind: str | None = None
        self.setWindowTitle(
            {
                Mode.CREATE: _("Make a vault"),
                Mode.OPEN: _("Open your vault"),
                Mode.IMPORT: _("Passphrase of the imported file"),
                Mode.RESTORE: _("Restore your vault"),
            }[mode]
        )
        layout = QVBoxLayout(self)
        self.intro = plain_label(self._intro_text(), self, name="intro")
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.first.setObjectName("passphrase")
        self.second = QLineEdit(self)
        self.second.setObjectName("confirmation")
        for edit, text, name in (
            (self.first, _("&Passphrase:"), _("Passphrase")),
            (self.second, _("&Type it again:"), _("Type the passphrase again")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            if edit is self.second and mode is not Mode.CREATE:
                label.setVisible(False)
                edit.setVisible(False)
        layout.addLayout(form)
        self.hint = plain_label(parent=self, name="strength")
        self.hint.setVisible(mode is Mode.CREATE)
        layout.addWidget(self.hint)
        self.error = plain_label(parent=self, name="error")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.backup_button = QPushButton(_("Open the &backup copy"), self)
        self.backup_button.setAccessibleName(_("Open the backup copy"))
        self.backup_button.setAccessibleDescription(
            _("Opens the copy of the vault from before its last save")
        )
        self.backup_button.setVisible(False)
        self.backup_button.clicked.connect(lambda: self._submit(from_backup=True))
        layout.addWidget(self.backup_button)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(_("Busy opening the vault"))
        self.busy.setVisible(False)
        self.busy_label = plain_label(_("Opening the vault…"), self, name="busy")
        self.busy_label.setVisible(False)
        layout.addWidget(self.busy)
        layout.addWidget(self.busy_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_text = {Mode.CREATE: _("&Make vault"), Mode.RESTORE: _("&Restore")}.get(mode, _("&Open"))
        self.ok.setText(ok_text)
        self.ok.setAccessibleName(ok_text.replace("&", ""))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("&Cancel"))
        cancel.setAccessibleName(_("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.first.textChanged.connect(self._update_hint)
        self._update_hint()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # readable lines

    def _intro_text(self) -> str:
        if self.mode is Mode.CREATE:
            return _(
                "Your answers will be saved encrypted on this laptop. Choose a passphrase that "
                "only you know. If you forget it, nobody can open the vault: not you, not us."
            )
        if self.mode is Mode.IMPORT:
            return _("Type the passphrase that was used when this file was exported.")
        if self.mode is Mode.RESTORE:
            return _(
                "The vault file is missing, but Zelfscan's backup copy of it is still there. "
                "Type your passphrase to restore your saved scans from the backup copy. "
                "(To start again without them, use Privacy → Delete everything.)"
            )
        return _("Type your passphrase to open your saved scans.")

    def _update_hint(self) -> None:
        if self.mode is Mode.CREATE:
            _level, text = strength(self.first.text())
            self.hint.setText(text)
            self.hint.setAccessibleName(text)

    def _submit(self, from_backup: bool = False) -> None:
        passphrase = self.first.text()
        if not passphrase:
            self._fail(_("Type your passphrase."))
            return
        if self.mode is Mode.CREATE:
            if len(passphrase) < MIN_LENGTH:
                self._fail(_("Too short: use at least {n} characters.").format(n=MIN_LENGTH))
                return
            if passphrase != self.second.text():
                self._fail(_("The two passphrases are not the same."))
                return
        self._tried_backup = from_backup or self.mode is Mode.RESTORE
        self._set_busy(True)
        self.unlock(passphrase, from_backup, self._done, self._failed)

    def _done(self) -> None:
        self._set_busy(False)
        self.first.clear()
        self.second.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from zelfscan.storage.errors import (
            DamagedFile,
            NotAVault,
            RolledBack,
            StorageError,
            WrongPassphrase,
        )

        self._set_busy(False)
        self.error_kind = type(exc).__name__
        if isinstance(exc, NotAVault) and self.mode is not Mode.IMPORT:
            message = _("The vault file has been replaced by a file that is not a Zelfscan vault.")
        elif isinstance(exc, StorageError):
            message = exc.message(current_language())
        else:
            message = _("The vault could not be opened. Please try again.")
        if self._tried_backup and not isinstance(exc, WrongPassphrase):
            message += " " + _("The backup copy can not be opened either.")
            self.backup_button.setVisible(False)
        elif self.backup and isinstance(exc, DamagedFile | NotAVault | RolledBack):
            if not isinstance(exc, RolledBack):  # its own message already says so
                message += " " + _(
                    "Zelfscan keeps a copy from before the last save; you can open that copy."
                )
            self.backup_button.setVisible(True)
        if isinstance(exc, WrongPassphrase):
            self.first.clear()
            self.first.setFocus()
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.setAccessibleName(message)
        self.error.setVisible(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        for widget in (self.first, self.second, self.ok, self.backup_button):
            widget.setEnabled(not busy)
        if busy:
            self.error.setVisible(False)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
