"""PDF passwords in the app (issue 16): what a PDF can not hold is refused in the dialog,
before anything is rendered; a failure that is not the disk never says "choose another
folder"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from zelfscan.gui.dialogs.password import PasswordDialog
from zelfscan.gui.report_actions import ReportActions
from zelfscan.storage.pdf_password import PasswordTooLong, ProtectionFailed


@pytest.mark.parametrize(
    ("password", "accepted"),
    [("a" * 127, True), ("a" * 128, False), ("é" * 64, False), ("tab\there", False)],
)
def test_the_dialog_refuses_what_a_pdf_can_not_hold(qtbot, password: str, accepted: bool) -> None:
    dialog = PasswordDialog()
    qtbot.addWidget(dialog)
    dialog.protect.setChecked(True)
    dialog.first.setText(password)
    dialog.second.setText(password)
    dialog._check()
    assert (dialog.result() == PasswordDialog.DialogCode.Accepted) is accepted
    assert dialog.error.isVisibleTo(dialog) is not accepted
    if password == "a" * 128:
        assert dialog.error.text() == PasswordTooLong().message("nl")


@pytest.mark.parametrize(
    ("exc", "folder"),
    [
        (OSError(28, "No space left"), True),
        (ProtectionFailed("x"), False),
        (PasswordTooLong(), False),
    ],
)
def test_only_disk_errors_say_choose_another_folder(
    qtbot, monkeypatch: pytest.MonkeyPatch, exc: BaseException, folder: bool
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = ReportActions(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    actions._on_failed(exc)
    assert ("andere map" in shown[0]) is folder
