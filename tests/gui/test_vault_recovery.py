"""The vault's recovery paths in the app (issue 16): a missing vault file with its backup is
restored, never replaced by a new vault; an older copy put back is noticed and the newer
backup offered; a read-only vault is not replaced and the user hears it once."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tests.osaware import assert_mode
from zelfscan.gui.dialogs.passphrase import Mode, PassphraseDialog
from zelfscan.storage.atomic import backup_path
from zelfscan.storage.content import Scan
from zelfscan.storage.errors import ReadOnlyVault, RolledBack
from zelfscan.storage.vault import Vault
from zelfscan.userdirs import UserDirs

from .vault_helpers import CHEAP, PASS, App, answer_profile


def _vault_with(dirs: UserDirs, mini_version: str, scans: int) -> Vault:
    vault = Vault.create(dirs.vault_file, PASS, params=CHEAP)
    for _ in range(scans):
        vault.add(Scan.new("mini", mini_version))
        vault.save()
    return vault


def test_missing_vault_with_backup_is_restored_never_made_anew(
    dirs: UserDirs, mini, app: App
) -> None:
    _vault_with(dirs, mini.version, 2)  # backup: 1 scan
    dirs.vault_file.unlink()
    backup = backup_path(dirs.vault_file).read_bytes()
    modes: list[Mode] = []

    def restore(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        modes.append(dialog.mode)
        assert not dialog.second.isVisibleTo(dialog)  # no "type it again": nothing is made
        dialog.first.setText(PASS)
        dialog.ok.click()
        return dialog.result()

    app.driver.then(restore).then(lambda dialog: QDialog.DialogCode.Rejected)
    app.start_vault_scan()
    assert modes == [Mode.RESTORE]
    assert app.privacy.controller.is_open
    assert backup_path(dirs.vault_file).read_bytes() == backup  # the last good copy stays
    assert len(Vault.open(dirs.vault_file, PASS, params=CHEAP).scans()) == 1


def test_an_older_copy_put_back_offers_the_newer_backup(dirs: UserDirs, mini, app: App) -> None:
    vault = _vault_with(dirs, mini.version, 1)
    older = dirs.vault_file.read_bytes()
    vault.add(Scan.new("mini", mini.version))
    vault.save()
    vault.add(Scan.new("mini", mini.version))
    vault.save()  # main: 3 scans, backup: 2 scans
    dirs.vault_file.write_bytes(older)  # someone puts the 1-scan copy back
    seen: list[str] = []

    def open_then_backup(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        dialog.first.setText(PASS)
        dialog.ok.click()
        seen.append(dialog.error.text())
        assert dialog.backup_button.isVisibleTo(dialog)
        dialog.backup_button.click()
        return dialog.result()

    app.driver.then(open_then_backup).then(lambda dialog: QDialog.DialogCode.Rejected)
    app.start_vault_scan()
    assert seen == [RolledBack().message("nl")]
    assert len(Vault.open(dirs.vault_file, PASS, params=CHEAP).scans()) == 2


def test_a_read_only_vault_is_not_replaced_and_said_once(dirs: UserDirs, mini, app: App) -> None:
    _vault_with(dirs, mini.version, 0)
    dirs.vault_file.chmod(0o400)
    before = dirs.vault_file.read_bytes()
    app.driver.passphrase()
    said: list[str] = []
    app.privacy.controller.save_failed.connect(said.append)
    app.start_vault_scan()
    answer_profile(app)
    wizard = app.window.wizard
    assert wizard is not None
    wizard.session.set_answer("slot", "ja")
    wizard.session.set_answer("slot", "nee")
    assert said == [ReadOnlyVault().message("nl")]  # once, in the banner, not per answer
    assert app.privacy.save_banner.message == said[0]
    assert app.driver.messages == []  # no dialog
    assert dirs.vault_file.read_bytes() == before
    assert_mode(dirs.vault_file, 0o400)
