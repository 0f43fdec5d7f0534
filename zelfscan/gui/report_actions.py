"""Save the advice as PDF or HTML (in the background), print it, and save a re-scan reminder.

The GUI builds no report itself: it hands a :class:`ReportRequest` (plain values, never
widgets) to the same Qt-free path the CLI uses, :func:`zelfscan.report.output.save_report`.
The questions to the user (where, which password) are injectable callables so tests can drive
the flow without native dialogs.

While the results are read, :meth:`ReportActions.prepare` renders the PDF in the background,
so "Opslaan als PDF" only has to write it: rendering takes ~0.3–0.5 s, a user reads the
results for longer. The bytes stay in memory, only for exactly the request they were made
from (answers, language, plan, full or not); anything else renders anew.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from zelfscan.core.model import Questionnaire
from zelfscan.core.results import Evaluation
from zelfscan.gui.dialogs.common import ask_save_path
from zelfscan.gui.dialogs.password import PasswordDialog
from zelfscan.gui.workers import Pool, run_in_background
from zelfscan.i18n import _, current_language
from zelfscan.report.build import PreviousScan, build_report
from zelfscan.report.document import ReportDocument
from zelfscan.report.output import (
    ReportFormat,
    render_report,
    save_rendered_pdf,
    save_report,
    suggested_name,
)

log = logging.getLogger(__name__)

AskPath = Callable[[QWidget, str], Path | None]
"""(parent, suggested file name) -> the chosen path, or None; the suffix tells the format."""
AskPassword = Callable[[QWidget], tuple[bool, str | None]]


class ReportRequest(NamedTuple):
    """Everything a report is built from, as plain values (safe to use in a worker)."""

    questionnaire: Questionnaire
    evaluation: Evaluation
    lang: str
    previous: PreviousScan | None = None
    plan_state: Mapping[str, str] = {}
    demo: str = ""
    """A demo person's name (training): the report says VOORBEELD throughout."""

    def document(self) -> ReportDocument:
        return build_report(
            self.questionnaire,
            self.evaluation,
            self.lang,
            previous=self.previous,
            plan_state=self.plan_state,
            demo=self.demo,
        )


def ask_report_path_dialog(parent: QWidget, suggested: str) -> Path | None:
    if suggested.endswith(".html"):
        return ask_save_path(
            parent, _("Save advice as HTML"), suggested, _("HTML files (*.html)"), ".html"
        )
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
    path = ask_path(parent, _("zelfscan-reminder.ics"))
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


def write_report(
    request: ReportRequest, path: Path, fmt: ReportFormat, *, full: bool, password: str | None
) -> Path:
    """The background job: the document, then the one Qt-free way to a file."""
    return save_report(request.document(), path, fmt=fmt, full=full, password=password)


class ReportActions(QObject):
    busy_changed = Signal(bool, str)
    report_saved = Signal(Path)

    def __init__(
        self,
        parent: QWidget,
        *,
        ask_path: AskPath = ask_report_path_dialog,
        ask_password: AskPassword = ask_password_dialog,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ask_path = ask_path
        self.ask_password = ask_password
        self.pool = pool
        self._prepared_for: tuple[ReportRequest, bool] | None = None
        self._prepared: bytes | None = None
        self._waiting: Callable[[bytes | None], None] | None = None

    def prepare(self, request: ReportRequest, *, full: bool = False) -> None:
        """Render the PDF of ``request`` in the background, for a save that may follow."""
        key = (request._replace(plan_state=dict(request.plan_state)), full)
        if key == self._prepared_for:
            return
        self._prepared_for, self._prepared, self._waiting = key, None, None

        def done(data: object) -> None:
            if self._prepared_for is key and isinstance(data, bytes):
                self._prepared = data
                waiting, self._waiting = self._waiting, None
                if waiting is not None:
                    waiting(data)

        def failed(_exc: BaseException) -> None:  # the save renders again and reports it
            if self._prepared_for is key:
                waiting, self._prepared_for, self._waiting = self._waiting, None, None
                if waiting is not None:
                    waiting(None)

        request = key[0]
        run_in_background(
            lambda: render_report(request.document(), ReportFormat.PDF, full=full),
            done,
            failed,
            pool=self.pool,
        )

    def save(self, request: ReportRequest, fmt: ReportFormat, *, full: bool = False) -> None:
        """Ask where (and for a PDF, whether to add a password), then write in the background."""
        title = request.questionnaire.title.get(request.lang)
        path = self.ask_path(self._parent, suggested_name(title, request.lang, fmt, full=full))
        if path is None:
            return
        password = None
        if fmt is ReportFormat.PDF:
            ok, password = self.ask_password(self._parent)
            if not ok:
                return
        # a copy of the plan: the user may mark actions while it renders
        request = request._replace(plan_state=dict(request.plan_state))
        busy = _("Making the PDF…") if fmt is ReportFormat.PDF else _("Making the HTML file…")
        self.busy_changed.emit(True, busy)

        def write(data: bytes | None) -> None:
            job: Callable[[], Path]
            if data is None:
                job = functools.partial(
                    write_report, request, path, fmt, full=full, password=password
                )
            else:
                job = functools.partial(save_rendered_pdf, data, path, password=password)
            run_in_background(job, self._on_saved, self._on_failed, pool=self.pool)

        if fmt is ReportFormat.PDF and self._prepared_for == (request, full):
            if self._prepared is not None:
                write(self._prepared)
            else:
                self._waiting = write  # still rendering: write when it is done
            return
        write(None)

    def _on_saved(self, path: object) -> None:
        self.busy_changed.emit(False, "")
        self.report_saved.emit(path)

    def _on_failed(self, exc: BaseException) -> None:
        from zelfscan.storage.pdf_password import PasswordProblem

        log.error("saving the report failed: %s", type(exc).__name__)
        self.busy_changed.emit(False, "")
        if isinstance(exc, PasswordProblem):  # only "choose another folder" for the disk
            text = exc.message(current_language()) + " " + _("Your answers are not lost.")
        elif not isinstance(exc, OSError):
            text = _(
                "The advice could not be made or protected, so nothing was saved. "
                "Your answers are not lost."
            )
        else:  # the disk or the OS refused: say which, and what helps (gui/save_errors.py)
            from zelfscan.gui.save_errors import file_save_problem

            text = file_save_problem(exc) + " " + _("Your answers are not lost.")
        QMessageBox.warning(self._parent, _("The advice could not be saved"), text)

    def print_report(self, request: ReportRequest, *, full: bool = False) -> None:
        """The system print dialog, then the same document as the HTML file, laid out by Qt."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Zelfscan")
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(_("Print advice"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_to(printer, request, full=full)


def print_to(printer: QPagedPaintDevice, request: ReportRequest, *, full: bool = False) -> None:
    """Lay the report out on ``printer``'s pages (a printer, or a PDF file in tests)."""
    from zelfscan.gui.printing import report_text_document

    report_text_document(request.document(), full=full).print_(printer)
