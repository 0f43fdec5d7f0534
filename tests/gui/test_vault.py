"""The vault in the app: create, autosave, resume, wrong passphrase, damaged file, re-scan data,
newer content, export/import and the emergency save of the exception hook."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from zelfscan.gui.dialogs import error
from zelfscan.gui.dialogs.passphrase import PassphraseDialog, strength
from zelfscan.gui.dialogs.saved_scans import SavedScansDialog
from zelfscan.gui.session import StorageChoice
from zelfscan.storage.content import Scan
from zelfscan.storage.errors import DamagedFile, StorageIOError, WrongPassphrase
from zelfscan.storage.vault import Vault
from zelfscan.userdirs import UserDirs, user_dirs

from .vault_helpers import (
    CHEAP,
    PASS,
    PROFILE,
    App,
    answer_profile,
    make_app,
    pause_after_typing,
    quit_app,
)

NOTE = "kanarie-notitie 7f3a"


def resume_first(dialog: QDialog) -> int:
    assert isinstance(dialog, SavedScansDialog)
    assert dialog.list.count() >= 1
    dialog.list.setCurrentRow(0)
    dialog.resume_button.click()
    return dialog.result()


def saved_vault(dirs: UserDirs, *scans: Scan) -> None:
    vault = Vault.create(dirs.vault_file, PASS, params=CHEAP)
    for scan in scans:
        vault.add(scan)
    vault.save()


def test_create_answer_autosave_close_and_resume(qtbot, mini, dirs: UserDirs, app: App) -> None:
    app.driver.passphrase()
    app.start_vault_scan()
    wizard = app.window.wizard
    assert wizard is not None
    assert wizard.session.storage is StorageChoice.VAULT
    assert app.privacy.crypto_ok is True  # the self-test ran when the vault was chosen
    answer_profile(app)
    assert wizard.currentPage().objectName() == "section-thuis"
    wizard.session.set_answer("slot", "ja")
    wizard.session.set_answer("toelichting", NOTE)
    # a choice is saved at once; a note after a pause in typing (autosave.DEBOUNCE_MS)
    (scan,) = app.open_vault().scans("mini")
    assert scan.answers["slot"] == "ja"
    assert "toelichting" not in scan.answers
    pause_after_typing(app)
    # autosaved: another reader of the file sees the latest answer and the page
    (scan,) = app.open_vault().scans("mini")
    assert scan.answers["toelichting"] == NOTE
    assert scan.answers["slot"] == "ja"
    assert scan.position == "thuis"
    assert NOTE.encode() not in dirs.vault_file.read_bytes()
    quit_app(app)
    assert not app.privacy.controller.instance_lock.held

    # a new app session: passphrase once, the list, "Verder"
    second = make_app(qtbot, [mini], dirs)
    second.driver.passphrase().then(resume_first)
    second.start_vault_scan()
    assert isinstance(second.driver.seen[0], PassphraseDialog)
    listing = second.driver.seen[1]
    assert isinstance(listing, SavedScansDialog)
    shown = listing.list.item(0).text() if listing.list.count() else ""
    assert "Miniscan" in shown
    assert NOTE not in shown
    assert "ja" not in shown.split("(")[0].split("—")[0]
    resumed = second.window.wizard
    assert resumed is not None
    assert resumed.currentPage().objectName() == "section-thuis"
    assert resumed.session.answer("toelichting") == NOTE
    assert resumed.session.answer("rol") == PROFILE["rol"]
    # the passphrase is asked once per app session
    second.window.close_scan()
    second.driver.then(resume_first)
    second.start_vault_scan()
    assert len([d for d in second.driver.seen if isinstance(d, PassphraseDialog)]) == 1


def test_wrong_passphrase_gets_its_own_message(dirs: UserDirs, app: App) -> None:
    saved_vault(dirs)
    app.driver.passphrase("niet mijn wachtwoord")
    app.start_vault_scan()
    dialog = app.driver.seen[0]
    assert isinstance(dialog, PassphraseDialog)
    assert dialog.error.text() == WrongPassphrase().message("nl")
    assert not dialog.backup_button.isVisible()
    assert app.window.wizard is None
    assert not app.privacy.controller.is_open


def test_damaged_file_offers_the_backup(dirs: UserDirs, mini, app: App) -> None:
    saved_vault(dirs, Scan.new("mini", mini.version))  # second save: .bak holds the first
    blob = bytearray(dirs.vault_file.read_bytes())
    blob[-1] ^= 0x01
    dirs.vault_file.write_bytes(bytes(blob))
    offered: list[bool] = []

    def try_then_backup(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        dialog.first.setText(PASS)
        dialog.ok.click()
        assert DamagedFile().message("nl") in dialog.error.text()
        assert dialog.error.text() != WrongPassphrase().message("nl")
        offered.append(dialog.backup_button.isVisibleTo(dialog))
        dialog.backup_button.click()
        return dialog.result()

    app.driver.then(try_then_backup)
    app.start_vault_scan()
    assert offered == [True]
    assert app.privacy.controller.is_open
    assert app.window.wizard is not None  # the backup had no scans: a new one started
    assert Vault.open(dirs.vault_file, PASS, params=CHEAP).scans() == []  # main file repaired


def test_creating_asks_twice_and_hints_at_strength(app: App) -> None:
    def mismatch(dialog: QDialog) -> int:
        assert isinstance(dialog, PassphraseDialog)
        dialog.first.setText("kort")
        assert "kort" in dialog.hint.text().lower()
        dialog.first.setText(PASS)
        dialog.second.setText(PASS + "x")
        dialog.ok.click()
        assert "niet hetzelfde" in dialog.error.text()
        return dialog.result()

    app.driver.then(mismatch)
    app.start_vault_scan()
    assert not app.privacy.controller.is_open
    assert strength("abc")[0] == 0
    assert strength("zonnebloem")[0] == 1
    assert strength("paard batterij nietje correct")[0] == 3
    assert strength("aaaaaaaaaaaaaaaaaaaaaaaaaaaa")[0] == 1


def test_previous_finished_scan_is_offered_for_comparison(dirs: UserDirs, mini, app: App) -> None:
    old = replace(
        Scan.new("mini", mini.version),
        finished=True,
        answers={**PROFILE, "slot": "nee", "maatregelen": ["geen"]},
        plan={mini.advice[0].id: "gedaan"},
    )
    saved_vault(dirs, old)
    app.driver.passphrase().then(lambda d: (d.new_button.click(), d.result())[1])
    app.start_vault_scan()
    session = app.window.session
    assert session is not None
    assert session.previous is not None
    assert session.previous_advice_ids == tuple(a.id for a in mini.advice)
    assert dict(session.previous_plan) == old.plan
    assert session.answers == {}  # a new scan starts empty


def test_newer_content_carries_answers_over_and_says_what_to_answer(
    dirs: UserDirs, mini, app: App
) -> None:
    old = replace(
        Scan.new("mini", "2000.1"),
        answers={"rol": "raadslid", "woning": "huis", "verdwenen-vraag": "x"},
        position="thuis",
    )
    saved_vault(dirs, old)
    app.driver.passphrase().then(resume_first)
    app.start_vault_scan()
    wizard = app.window.wizard
    assert wizard is not None
    assert wizard.session.answers == {"rol": "raadslid", "woning": "huis"}
    assert wizard.currentPage().objectName() == "section-profiel"  # stops where work is left
    ((title, text),) = app.driver.messages
    assert "bijgewerkt" in title.lower() or "bijgewerkt" in text
    assert mini.questions["kinderen"].text.get("nl") in text


def test_export_import_round_trip(qtbot, mini, dirs: UserDirs, app: App, tmp_path: Path) -> None:
    saved_vault(dirs, replace(Scan.new("mini", mini.version), answers=dict(PROFILE)))
    exported = tmp_path / "usb" / "kluis.zsv"
    exported.parent.mkdir()
    app.flow.ask_export_path = lambda _parent, _title: exported
    app.driver.passphrase()
    app.flow.export()
    assert Vault.open(exported, PASS, params=CHEAP).scans("mini")[0].answers["rol"] == "raadslid"

    other = make_app(qtbot, [mini], user_dirs(tmp_path / "other-laptop"))
    other.flow.ask_import_path = lambda _parent, _title: exported
    other.driver.passphrase("ander wachtwoord 123")  # the other laptop's own new vault
    other.driver.passphrase("fout fout fout")  # the imported file's passphrase, wrong first
    other.flow.import_()
    wrong = other.driver.seen[-1]
    assert isinstance(wrong, PassphraseDialog)
    assert wrong.error.text() == WrongPassphrase().message("nl")
    other.driver.passphrase(PASS)
    other.flow.import_()
    assert other.driver.messages[-1][1].startswith("1 ")
    (scan,) = other.privacy.controller.scans("mini")
    assert scan.answers["rol"] == "raadslid"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_triggers_the_emergency_save(
    qtbot, dirs: UserDirs, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", error.excepthook)
    app.driver.passphrase()
    app.start_vault_scan()
    answer_profile(app)
    vault = app.privacy.controller.vault
    assert vault is not None
    from zelfscan.storage import vault as vault_module

    real_write = vault_module.write_image

    def disk_full(*_args: object) -> tuple[str, ...]:
        raise StorageIOError("ENOSPC")

    monkeypatch.setattr(vault_module, "write_image", disk_full)
    app.window.session.set_answer("toelichting", NOTE)
    pause_after_typing(app)  # autosave fails: the banner says so, no dialog
    assert app.driver.messages == []
    assert app.privacy.save_banner.isVisibleTo(app.window)
    assert app.privacy.save_banner.message == StorageIOError().message("nl")
    assert "toelichting" not in app.open_vault().scans("mini")[0].answers
    monkeypatch.setattr(vault_module, "write_image", real_write)

    def broken_slot() -> None:
        raise RuntimeError("bug in a slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: "toelichting" in app.open_vault().scans("mini")[0].answers)
    assert app.open_vault().scans("mini")[0].answers["toelichting"] == NOTE
