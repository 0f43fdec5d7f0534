"""The user's path through the vault: passphrase, saved-scan list, resume, export, import.

:class:`VaultController` does the storage work; this module asks the questions (dialogs) and
drives the main window. Every question is an injectable callable or goes through
:attr:`VaultFlow.exec_dialog`, so tests drive the real dialogs without native event loops.

The dialogs are imported where they are opened: most sessions never use the vault, and the
imports were part of every start (docs/performance.md).

Only one running Zelfscan can have the vault open (:mod:`zelfscan.gui.vault.file_lock`): a second
one hears so before it is asked for the passphrase, and nothing of the vault is touched. Its
memory-only scans work as always.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from zelfscan.gui.session import ScanSession, StorageChoice
from zelfscan.gui.vault.controller import (
    RESULTS_POSITION,
    REVIEW_POSITION,
    Resumed,
    VaultController,
)
from zelfscan.gui.vault.file_lock import in_use_text
from zelfscan.i18n import _, current_language

if TYPE_CHECKING:
    from zelfscan.gui.shell import Shell
    from zelfscan.gui.wizard import ScanWizard
    from zelfscan.storage.content import Scan
    from zelfscan.storage.vault import ImportResult

AskPath = Callable[[QWidget, str], Path | None]


def ask_export_path(parent: QWidget, title: str) -> Path | None:
    """The shared save dialog: no Qt history left behind, ".zsv" added, never an unasked
    overwrite (zelfscan.gui.dialogs.common)."""
    from zelfscan.gui.dialogs.common import ask_save_path

    return ask_save_path(parent, title, "zelfscan-kluis.zsv", _("Vault files (*.zsv)"), ".zsv")


def ask_import_path(parent: QWidget, title: str) -> Path | None:
    from zelfscan.gui.dialogs.common import ask_open_path

    return ask_open_path(parent, title, _("Vault files (*.zsv)"))


def show_message(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()


class VaultFlow(QObject):
    def __init__(self, window: Shell, controller: VaultController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.available = True
        """False when the encryption self-test failed or in training mode."""
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.inform: Callable[[str, str], None] = lambda t, s: show_message(self.window, t, s)
        self.ask_export_path: AskPath = ask_export_path
        self.ask_import_path: AskPath = ask_import_path
        self.pending: Scan | None = None
        self.resumed: Resumed | None = None
        # A failed save is shown by the non-blocking banner (zelfscan.gui.privacy), not here.
        controller.notice.connect(lambda text: self.inform(_("Your vault"), text))

    # --- unlocking -------------------------------------------------------------------------
    def ask_unlock(self, then: Callable[[], None]) -> None:
        """Run ``then`` with an open vault, asking the passphrase only when it is locked.

        When another running Zelfscan has the vault, the user is told so instead of being
        asked a passphrase that could not help.
        """
        if self.controller.is_open:
            then()
            return
        if not self.controller.reserve():
            self.tell_in_use()
            return
        controller = self.controller
        # A missing vault file with its backup still there is restored, never made anew:
        # a new vault would become the backup at its second save (storage/vault.py).
        restoring = controller.backup_only
        creating = not controller.exists and not restoring

        def unlock(
            passphrase: str,
            from_backup: bool,
            on_done: Callable[[], None],
            on_error: Callable[[BaseException], None],
        ) -> None:
            controller.unlock(
                passphrase,
                create=creating,
                from_backup=from_backup or restoring,
                on_done=on_done,
                on_error=on_error,
            )

        from zelfscan.gui.dialogs.passphrase import Mode, PassphraseDialog

        mode = Mode.RESTORE if restoring else Mode.CREATE if creating else Mode.OPEN
        dialog = PassphraseDialog(mode, unlock, self.window, backup=controller.backup_exists)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted and self.controller.is_open:
            then()
        else:
            self.controller.release_unless_open()

    def tell_in_use(self) -> None:
        self.inform(
            _("Vault already open"),
            in_use_text()
            + "\n\n"
            + _("You can still do a scan now with “Only in memory”. Then nothing is saved."),
        )

    # --- starting and resuming ---------------------------------------------------------------
    def start(self, questionnaire_id: str) -> None:
        """The start screen asked for a scan with the vault: unlock, then new or resume."""
        self.ask_unlock(lambda: self._choose(questionnaire_id))

    def _choose(self, questionnaire_id: str) -> None:
        from zelfscan.gui.dialogs.saved_scans import NEW, RESUME

        scans = self.controller.scans(questionnaire_id)
        if not scans:
            self.open_scan(questionnaire_id, None)
            return
        choice = self._pick(scans, allow_new=True)
        if choice is None:
            return
        action, scan_id = choice
        if action == NEW:
            self.open_scan(questionnaire_id, None)
        elif action == RESUME and scan_id is not None:
            self.resume(scan_id)

    def show_saved_scans(self) -> None:
        """File menu: every saved scan, of any questionnaire."""

        from zelfscan.gui.dialogs.saved_scans import RESUME

        def pick() -> None:
            choice = self._pick(self.controller.scans(), allow_new=False)
            if choice is not None and choice[0] == RESUME and choice[1] is not None:
                self.resume(choice[1])

        self.ask_unlock(pick)

    def _pick(self, scans: list[Scan], *, allow_new: bool) -> tuple[str, str | None] | None:
        from zelfscan.gui.dialogs.saved_scans import SavedScansDialog

        titles = {qid: q.title for qid, q in self.window.questionnaires.items()}
        dialog = SavedScansDialog(
            scans, titles, self.controller.delete_scan, allow_new=allow_new, parent=self.window
        )
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        choice = dialog.choice if accepted else None
        dialog.deleteLater()
        return choice

    def resume(self, scan_id: str) -> None:
        vault = self.controller.vault
        if vault is None:
            return
        scan = vault.get(scan_id)
        if scan.questionnaire in self.window.questionnaires:
            self.open_scan(scan.questionnaire, scan)

    def open_scan(self, questionnaire_id: str, scan: Scan | None) -> ScanWizard:
        self.pending = scan
        self.resumed = None
        wizard = self.window.start_scan(questionnaire_id, StorageChoice.VAULT)
        position = scan.position if scan is not None else None
        if position:
            self._go_to(wizard, position)
        self._track(wizard)
        resumed = self.resumed
        if resumed is not None and resumed.updated_content:
            self._tell_what_changed(wizard, resumed)
        return wizard

    def attach(self, session: ScanSession) -> None:
        """Called by ``Shell.open_session`` for a vault session, before the wizard exists."""
        scan, self.pending = self.pending, None
        if self.controller.is_open:
            self.resumed = self.controller.attach(session, scan)

    # --- the wizard's position -----------------------------------------------------------------
    def _track(self, wizard: ScanWizard) -> None:
        wizard.currentIdChanged.connect(lambda page_id: self._on_page(wizard, page_id))
        self._on_page(wizard, wizard.currentId())

    def _on_page(self, wizard: ScanWizard, page_id: int) -> None:
        from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID

        if self.controller.session is not wizard.session:
            return
        if page_id == RESULTS_ID:
            self.controller.set_position(RESULTS_POSITION, finished=True)
        elif page_id == REVIEW_ID:
            self.controller.set_position(REVIEW_POSITION)
        else:
            sections = {number: sid for sid, number in wizard.section_ids.items()}
            self.controller.set_position(sections.get(page_id))

    @staticmethod
    def _go_to(wizard: ScanWizard, position: str) -> None:
        """Step forward to the saved page; stop early at a page that still needs answers."""
        from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID

        target = {REVIEW_POSITION: REVIEW_ID, RESULTS_POSITION: RESULTS_ID}.get(
            position, wizard.section_ids.get(position)
        )
        if target is None:
            return
        while wizard.currentId() != target:
            page = wizard.currentPage()
            before = wizard.currentId()
            if page is None or not page.isComplete() or wizard.nextId() == -1:
                break
            wizard.urgent.close()
            wizard.next()
            if wizard.currentId() == before:
                break

    def _tell_what_changed(self, wizard: ScanWizard, resumed: Resumed) -> None:
        lang = current_language()
        questions = wizard.session.questionnaire.questions
        names = [questions[qid].text.get(lang) for qid in resumed.to_answer if qid in questions]
        text = _(
            "This scan has been updated since you started it. Your answers have been carried over."
        )
        if names:
            text += "\n\n" + _("Please answer these questions (again):") + "\n"
            text += "\n".join(f"• {name}" for name in names)
        else:
            text += " " + _("Nothing needs a new answer.")
        self.inform(_("The scan has been updated"), text)

    # --- moving between laptops ---------------------------------------------------------------
    def export(self) -> None:
        def run() -> None:
            from zelfscan.storage.errors import StorageError

            path = self.ask_export_path(self.window, _("Export vault"))
            if path is None:
                return
            try:
                self.controller.export_to(path)
            except StorageError as exc:
                from zelfscan.gui.save_errors import file_save_problem, reason_of

                # A full stick or a file open elsewhere says so; other problems their own text.
                known = reason_of(exc) is not None
                text = file_save_problem(exc) if known else exc.message(current_language())
                self.inform(_("Export failed"), text)
                return
            self.inform(
                _("Vault exported"),
                _(
                    "The vault has been exported. The file is encrypted with the same "
                    "passphrase. Do not keep it in a cloud folder."
                ),
            )

        self.ask_unlock(run)

    def import_(self) -> None:
        def run() -> None:
            path = self.ask_import_path(self.window, _("Import vault"))
            if path is None:
                return
            result: list[ImportResult] = []

            def unlock(
                passphrase: str,
                _backup: bool,
                on_done: Callable[[], None],
                on_error: Callable[[BaseException], None],
            ) -> None:
                def done(outcome: ImportResult) -> None:
                    result.append(outcome)
                    on_done()

                self.controller.import_from(path, passphrase, done, on_error)

            from zelfscan.gui.dialogs.passphrase import Mode, PassphraseDialog

            dialog = PassphraseDialog(Mode.IMPORT, unlock, self.window)
            self.exec_dialog(dialog)
            dialog.deleteLater()
            if result:
                r = result[0]
                self.inform(
                    _("Vault imported"),
                    _(
                        "{added} scan(s) added, {replaced} updated, {kept} already up to date."
                    ).format(added=r.added, replaced=r.replaced, kept=r.kept),
                )

        self.ask_unlock(run)
