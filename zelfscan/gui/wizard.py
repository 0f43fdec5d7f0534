"""The scan itself: a QWizard with one page per section, a review and a results page.

``nextId()`` only asks ``core.flow`` which sections apply; pages only show and collect. Page
ids are stable: sections get 1, 2, … in file order; review and results have fixed ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget, QWizard

from zelfscan.core import flow
from zelfscan.core.model import AnswerValue
from zelfscan.gui.dialogs.common import ask_yes_no
from zelfscan.gui.pages.base import AfterFirstPaint, ScanPage
from zelfscan.gui.pages.review import ReviewPage
from zelfscan.gui.pages.section import SectionPage
from zelfscan.gui.session import ScanSession
from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.widgets.urgent import UrgentBanner
from zelfscan.i18n import _
from zelfscan.report.output import ReportFormat

if TYPE_CHECKING:
    from zelfscan.gui.pages.results import ResultsPage
    from zelfscan.gui.report_actions import ReportActions

REVIEW_ID = 900
RESULTS_ID = 1000


class ScanWizard(QWizard):
    new_scan_requested = Signal()
    """The user chose "Nieuwe scan" (after results) or stopped the scan."""

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowFlags(Qt.WindowType.Widget)  # lives inside the main window
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.section_ids: dict[str, int] = {}
        self.section_pages: dict[int, SectionPage] = {}
        for number, section in enumerate(session.questionnaire.sections, 1):
            page = SectionPage(section, session, self)
            self.setPage(number, page)
            self.section_ids[section.id] = number
            self.section_pages[number] = page
        self.review = ReviewPage(session, self)
        self.setPage(REVIEW_ID, self.review)
        self._results: ResultsPage | None = None
        self._report_actions: ReportActions | None = None
        first = self._first_section_id()
        self.setStartId(first)
        self.confirm = self._ask
        self.urgent = UrgentBanner(self)
        self._shown_flags: set[str] = set()
        self._after_paint = AfterFirstPaint(self._prebuild_next, self)
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.session.answer_changed.connect(self._on_answer_changed)
        self.review.edit_section.connect(self.go_to_section)
        QShortcut(Shortcut.URGENT_HELP.sequence(), self, self.show_urgent_help)
        # the usual keys for saving and printing, on the results page (where there is a
        # document); elsewhere they do nothing, as the buttons are not there
        QShortcut(Shortcut.SAVE_PDF.sequence(), self, self._save_pdf_by_key)
        QShortcut(Shortcut.PRINT.sequence(), self, self._print_by_key)
        self.currentIdChanged.connect(self._schedule_prebuild)
        self.currentIdChanged.connect(self._schedule_focus)
        self.currentIdChanged.connect(self._place_urgent)

    # --- the results page and its PDF actions exist once the review leads there ----------
    @property
    def results(self) -> ResultsPage:
        return self._ensure_results()

    def _ensure_results(self) -> ResultsPage:
        """Made on first use (the review's Next asks for it): the page, its chart, plan and
        report modules were a sixth of a scan's start-up, and many users stop before it."""
        if self._results is None:
            from zelfscan.gui.pages.results import ResultsPage

            self._results = ResultsPage(self.session, self)
            self.setPage(RESULTS_ID, self._results)
            self._results.save_button.clicked.connect(self._save_pdf)
            self._results.html_button.clicked.connect(self._save_html)
            self._results.print_button.clicked.connect(self._print)
            self.report_actions.busy_changed.connect(self._results.set_busy)
            self.report_actions.report_saved.connect(self._results.show_saved)
        return self._results

    @property
    def report_actions(self) -> ReportActions:
        if self._report_actions is None:
            from zelfscan.gui.report_actions import ReportActions

            self._report_actions = ReportActions(self)
            self._report_actions.busy_changed.connect(self._on_busy)
        return self._report_actions

    # --- the urgent-help panel sits above the page being shown ----------------------------
    def _place_urgent(self, page_id: int) -> None:
        """Move the panel to the top of the new page (the results page has its own). A
        hidden panel stays where it is until it is shown (:meth:`show_urgent_help` places
        it): moving it re-styled it on every page switch."""
        if not self.urgent.isHidden():
            self._move_urgent(page_id)

    def _move_urgent(self, page_id: int) -> None:
        shown = not self.urgent.isHidden()
        page = self.currentPage()
        if page_id == RESULTS_ID or not isinstance(page, ScanPage):
            self.urgent.setParent(self)
            self.urgent.setVisible(False)
            return
        if self.urgent.parent() is not page:
            page.page_layout.insertWidget(1, self.urgent)  # under the progress line
        self.urgent.setVisible(shown)

    # --- where the focus goes on a new page -------------------------------------------
    def _schedule_focus(self, _page_id: int) -> None:
        """After Next or Back the focus goes to the new page's heading, which a screen reader
        reads out (not to the scroll area, unnamed and unmarked). Later than QWizard's own
        focus handling, hence the zero timer. The results page focuses "Opslaan als PDF"."""
        QTimer.singleShot(0, self, self._focus_heading)

    def _focus_heading(self) -> None:
        page = self.currentPage()
        if page is None or self.currentId() == RESULTS_ID or not self.isVisible():
            return
        if isinstance(page, ScanPage):
            page.focus_heading()

    # --- pages are built on first visit; the likely next one while this one is read ---
    def _schedule_prebuild(self, _page_id: int) -> None:
        """Once the new page has painted, build and lay out the page that Next would open,
        so Next only switches pages (docs/performance.md). Not a plain zero timer: Qt 6 paints on an
        update request that comes ~5 ms later, so a zero timer ran first and delayed the
        paint of the page the user was waiting for by the whole build of the next one."""
        page = self.currentPage()
        if page is not None:
            page.installEventFilter(self._after_paint)

    def _prebuild_next(self) -> None:
        if not self.isVisible() or self.currentId() == -1:
            return
        if self.currentId() == RESULTS_ID:  # the PDF, while the results are read
            request = self.results.report_request()
            if request is not None:
                self.report_actions.prepare(request, full=self.results.action_bar.full)
        upcoming = self.nextId()
        section = self.section_pages.get(upcoming)
        page: ScanPage | None = section
        if section is not None:
            section.ensure_built()
        elif upcoming == REVIEW_ID:
            self.review.rebuild()  # opening it then only updates the answers that changed
            page = self.review
            self._ensure_results()
        elif upcoming == RESULTS_ID:
            page = self.results
            page.prepare()
        current = self.currentPage()
        if page is not None and isinstance(current, ScanPage):
            page.prepare_layout(current.scroll_area.maximumViewportSize())

    # --- navigation: asked from the core -------------------------------------------------
    def _first_section_id(self) -> int:
        visible = flow.visible_sections(self.session.questionnaire, self.session.answers)
        return self.section_ids[visible[0].id] if visible else REVIEW_ID

    def nextId(self) -> int:
        current = self.currentId()
        if current == RESULTS_ID:
            return -1
        if current == REVIEW_ID:
            self._ensure_results()  # QWizard looks the page up by id next
            return RESULTS_ID
        visible = {
            s.id for s in flow.visible_sections(self.session.questionnaire, self.session.answers)
        }
        for section in self.session.questionnaire.sections:
            number = self.section_ids[section.id]
            if number > current and section.id in visible:
                return number
        return REVIEW_ID

    def go_to_section(self, section_id: str) -> None:
        """Jump back to an earlier page ("Wijzig"): step back through the history."""
        target = self.section_ids.get(section_id)
        if target is None or target not in self.visitedIds():
            return
        while self.currentId() != target and len(self.visitedIds()) > 1:
            self.back()

    # --- live reactions ---------------------------------------------------------------
    def _on_answer_changed(self, _question_id: str, _value: AnswerValue | None) -> None:
        flags = self.session.live_red_flags()
        ids = {f.flag.id for f in flags}
        if ids - self._shown_flags:
            self.show_urgent_help()
        self._shown_flags = ids

    def show_urgent_help(self) -> None:
        flags = self.session.live_red_flags()
        if not flags:
            return
        contacts = self.session.evaluate().urgent_contacts
        self._move_urgent(self.currentId())
        self.urgent.show_flags(flags, contacts)

    def _results_ready(self) -> bool:
        return (
            self.currentId() == RESULTS_ID
            and self._results is not None
            and self._results.save_button.isEnabled()
        )

    def _save_pdf_by_key(self) -> None:
        if self._results_ready():
            self._save_pdf()

    def _print_by_key(self) -> None:
        if self._results_ready():
            self._print()

    def _save_pdf(self) -> None:
        self._save(ReportFormat.PDF)

    def _save_html(self) -> None:
        self._save(ReportFormat.HTML)

    def _save(self, fmt: ReportFormat) -> None:
        """The document the results page shows (with the re-scan comparison and the plan's
        progress), as the chosen file."""
        request = self.results.report_request()
        if request is not None:
            self.report_actions.save(request, fmt, full=self.results.action_bar.full)

    def _print(self) -> None:
        request = self.results.report_request()
        if request is not None:
            self.report_actions.print_report(request, full=self.results.action_bar.full)

    def _on_busy(self, busy: bool, _text: str) -> None:
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            self.button(which).setEnabled(not busy)

    # --- leaving the scan ---------------------------------------------------------------
    def accept(self) -> None:
        """Finish ("Nieuwe scan"): the window stays; the main window clears and goes home."""
        if self.confirm(
            _("Start a new scan?"),
            _(
                "Your answers and results will be cleared from memory. "
                "Have you saved or printed your advice?"
            ),
        ):
            self.new_scan_requested.emit()

    def reject(self) -> None:
        """Stop (or Esc): ask first, because answers only live in memory."""
        if self.confirm(_("Stop this scan?"), _("Your answers will be cleared from memory.")):
            self.new_scan_requested.emit()

    def _ask(self, title: str, text: str) -> bool:
        return ask_yes_no(self, title, text, _("&Yes, clear my answers"), _("&No, go back"))

    confirm: Callable[[str, str], bool]
    """Injectable for tests; defaults to a dialog whose default answer is "no"."""

    # --- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        """Our own button texts via gettext: consistent even where Qt's catalogue is missing."""
        texts = {
            QWizard.WizardButton.BackButton: _("< &Back"),
            QWizard.WizardButton.NextButton: _("&Next >"),
            QWizard.WizardButton.FinishButton: _("&New scan"),
            QWizard.WizardButton.CancelButton: _("&Stop"),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
            self.button(which).setAccessibleName(text.replace("&", "").strip("<> "))
        self.button(QWizard.WizardButton.FinishButton).setAccessibleDescription(
            _("Clears your answers from memory and goes back to the start screen")
        )
        self.button(QWizard.WizardButton.CancelButton).setAccessibleDescription(
            _("Stops this scan; your answers are cleared from memory")
        )
        for page_id in self.pageIds():
            page = self.page(page_id)
            if isinstance(page, ScanPage):
                page.retranslate()
        self.urgent.retranslate()
