"""Save the advice as PDF (in the background), print it, and save a re-scan reminder.

The questions to the user (where, which password) are injectable callables so tests can drive
the flow without native dialogs. Rendering gets plain values only, never widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from zelfscan.core.model import Answers, Questionnaire
from zelfscan.core.results import Evaluation
from zelfscan.gui.dialogs.common import ask_save_path
from zelfscan.gui.dialogs.password import PasswordDialog
from zelfscan.gui.workers import Pool, run_in_background
from zelfscan.i18n import _, current_language

log = logging.getLogger(__name__)

AskPath = Callable[[QWidget, str], Path | None]
AskPassword = Callable[[QWidget], tuple[bool, str | None]]


def ask_path_dialog(parent: QWidget, suggested: str) -> Path | None:
    return ask_save_path(parent, _("Save advice as PDF"), suggested, _("PDF files (*.pdf)"), ".pdf")


def ask_ics_path_dialog(parent: QWidget, suggested: str) -> Path | None:
    return ask_save_path(
        parent, _("Save calendar reminder"), suggested, _("Calendar files (*.ics)"), ".ics"
    )


def reminder_bytes(title: str) -> bytes:
    """The event text names the scan only: a calendar is often shared or synced elsewhere."""
    from zelfscan.core.reminder import reminder_ics

    return reminder_ics(
        _("Do the Zelfscan again: {title}").format(title=title),
        _(
            "About six months ago you did this scan in Zelfscan. Do it again to see what has "
            "changed and which actions are still open."
        ),
    )


def save_reminder(parent: QWidget, title: str, *, ask_path: AskPath) -> Path | None:
    """Ask where, then write the .ics atomically; returns the path, or None if not saved."""
    path = ask_path(parent, "zelfscan-herinnering.ics")
    if path is None:
        return None
    from zelfscan.storage.atomic import atomic_write

    try:
        atomic_write(path, reminder_bytes(title))
    except OSError as exc:
        from zelfscan.gui.save_errors import file_save_problem

        log.error("saving the reminder failed: %s", type(exc).__name__)
        QMessageBox.warning(parent, _("The reminder could not be saved"), file_save_problem(exc))
        return None
    return path


def ask_password_dialog(parent: QWidget) -> tuple[bool, str | None]:
    dialog = PasswordDialog(parent)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return ok, dialog.password() if ok else None


def render_to_file(
    questionnaire: Questionnaire,
    answers: Answers,
    evaluation: Evaluation,
    lang: str,
    password: str | None,
    path: Path,
    *,
    previous: Evaluation | None = None,
    plan_state: Mapping[str, str] | None = None,
) -> Path:
    """The background job: report model → PDF bytes → optional password → atomic save.

    ``previous`` and ``plan_state`` add "Wat is veranderd" and tick the actions marked done.
    """
    from zelfscan.report.document import build_report
    from zelfscan.report.pdf import protect_pdf, render_pdf, save_pdf

    doc = build_report(
        questionnaire, answers, evaluation, lang, previous=previous, plan_state=plan_state
    )
    data = render_pdf(doc)
    if password:
        data = protect_pdf(data, password)
    save_pdf(data, path)
    return path


class ReportActions(QObject):
    busy_changed = Signal(bool, str)
    pdf_saved = Signal(Path)

    def __init__(
        self,
        parent: QWidget,
        *,
        ask_path: AskPath = ask_path_dialog,
        ask_password: AskPassword = ask_password_dialog,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ask_path = ask_path
        self.ask_password = ask_password
        self.pool = pool

    def save_pdf(
        self,
        questionnaire: Questionnaire,
        answers: Answers,
        evaluation: Evaluation,
        *,
        previous: Evaluation | None = None,
        plan_state: Mapping[str, str] | None = None,
    ) -> None:
        path = self.ask_path(self._parent, f"zelfscan-{questionnaire.id}-advies.pdf")
        if path is None:
            return
        ok, password = self.ask_password(self._parent)
        if not ok:
            return
        lang = current_language()
        plain_answers = dict(answers)
        plan = dict(plan_state or {})  # a copy: the user may mark actions while it renders
        self.busy_changed.emit(True, _("Making the PDF…"))
        run_in_background(
            lambda: render_to_file(
                questionnaire,
                plain_answers,
                evaluation,
                lang,
                password,
                path,
                previous=previous,
                plan_state=plan,
            ),
            self._on_saved,
            self._on_failed,
            pool=self.pool,
        )

    def _on_saved(self, path: object) -> None:
        self.busy_changed.emit(False, _("The PDF has been saved."))
        self.pdf_saved.emit(path)

    def _on_failed(self, exc: BaseException) -> None:
        from zelfscan.storage.pdf_password import PasswordProblem

        log.error("saving the PDF failed: %s", type(exc).__name__)
        self.busy_changed.emit(False, "")
        if isinstance(exc, PasswordProblem):  # only "choose another folder" for the disk
            text = exc.message(current_language()) + " " + _("Your answers are not lost.")
        elif not isinstance(exc, OSError):
            text = _(
                "The PDF could not be made or protected, so nothing was saved. "
                "Your answers are not lost."
            )
        else:  # the disk or the OS refused: say which, and what helps (gui/save_errors.py)
            from zelfscan.gui.save_errors import file_save_problem

            text = file_save_problem(exc) + " " + _("Your answers are not lost.")
        QMessageBox.warning(self._parent, _("The PDF could not be saved"), text)

    def print_report(self, questionnaire: Questionnaire, evaluation: Evaluation) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from zelfscan.gui.printing import report_text_document

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Zelfscan")
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(_("Print advice"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        report_text_document(questionnaire, evaluation, current_language()).print_(printer)
