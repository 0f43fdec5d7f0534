"""The results page: the report document (:mod:`zelfscan.report.document`) as widgets.

In the order a reader needs it: the overall result first and largest, with the reason when
a red flag set it; urgent help; what changed since the last scan; the top 3; the action
plan (each measure with its details and its progress); find-out tasks; the themes as a chart
with its table; who can help. Everything shown is in the document, built once from the
evaluation; this page only lays it out, and saving, printing and the PDF use that same
document.

Page switches must fit in one frame (docs/performance.md), so :meth:`ResultsPage.rebuild` builds
everything but the plan at once, and the plan's rows in small chunks from a zero-delay timer
(hidden until complete, and paused from Next until the page has painted);
:attr:`ResultsPage.advice_built` tells when the plan is complete. Built ahead, while the review
is read, the page is also laid out ahead (:meth:`ScanPage.prepare_layout`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from zelfscan.core.model import AnswerValue
from zelfscan.core.results import Evaluation
from zelfscan.gui.pages.base import AfterFirstPaint, ScanPage
from zelfscan.gui.pages.results_actions import ActionsBar
from zelfscan.gui.report_actions import (
    AskPath,
    ReportRequest,
    ask_ics_path_dialog,
    save_reminder,
)
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.advice import AdviceItemWidget
from zelfscan.gui.widgets.chart import ScoreChart, ScoreTable
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.gui.widgets.plan import PlanStateBox, relabel, states_model
from zelfscan.gui.widgets.progress import ComparisonView
from zelfscan.gui.widgets.urgent import UrgentPanel
from zelfscan.i18n import _, current_language
from zelfscan.report.build import PreviousScan
from zelfscan.report.document import AdviceEntry, ReportDocument

CHUNK = 3
"""Plan rows built per timer tick: a handful keeps each tick well under a frame."""


class OverallResult(Heading):
    """The overall level, score and symbol: the largest text on the page."""

    STYLE = "display"
    FACTORS = {1: 2.1}  # noqa: RUF012 - Heading's class table, overridden


class ResultsPage(ScanPage):
    advice_built = Signal()
    """The whole plan is on the page (it is built after the rest)."""

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("results")
        self.evaluation: Evaluation | None = None
        self.document: ReportDocument | None = None
        self._prepared_for: tuple[str, dict[str, AnswerValue]] | None = None
        self.heading = Heading(level=1, parent=self.content)
        self.content_layout.addWidget(self.heading)
        self.body = QWidget(self.content)
        self.content_layout.addWidget(self.body)
        self.content_layout.addStretch(1)
        self.overall: QLabel | None = None
        self.chart: ScoreChart | None = None
        self.table: ScoreTable | None = None
        self.comparison: ComparisonView | None = None
        self.top_labels: list[QLabel] = []
        self.advice_widgets: list[AdviceItemWidget] = []
        self.plan_boxes: dict[str, PlanStateBox] = {}
        self._states = states_model(self)
        self._pending: list[str | AdviceEntry] = []
        """Still to build: priority group headings (their titles) and plan rows."""
        self._advice_box = QWidget(self)
        self._advice_layout = QVBoxLayout(self._advice_box)
        self._builder = QTimer(self)
        self._builder.setInterval(0)
        self._builder.timeout.connect(self._build_chunk)
        self._after_paint = AfterFirstPaint(self._resume_building, self)
        self.ask_reminder_path: AskPath = ask_ics_path_dialog
        """Injectable for tests: where to write the calendar reminder."""
        self.action_bar = ActionsBar(self)
        self.save_button = self.action_bar.save_button
        self.html_button = self.action_bar.html_button
        self.print_button = self.action_bar.print_button
        self.reminder_button = self.action_bar.reminder_button
        self.full_box = self.action_bar.full_box
        self.busy_label = self.action_bar.status
        self.reminder_button.clicked.connect(self.save_reminder)
        self.page_layout.addWidget(self.action_bar)
        session.plan_changed.connect(self._on_plan_changed)
        self.retranslate()

    # --- what the page shows ----------------------------------------------------------
    def prepare(self) -> None:
        """Build the page ahead, while the review is being read, so Next only shows it.

        :meth:`initializePage` keeps this build when the answers and the language are still
        the ones it was made for, and builds again otherwise ("Wijzig" on the review)."""
        self.evaluation = self.session.evaluate()
        self.rebuild()
        self.ensurePolished()
        self._prepared_for = self._inputs()

    def initializePage(self) -> None:
        # a calendar reminder is for one's own scan, not for a demo in a training session
        self.reminder_button.setVisible(not self.session.training)
        if self._prepared_for is None or self._prepared_for != self._inputs():
            self.evaluation = self.session.evaluate()
            self.rebuild()
        self._prepared_for = None
        self.action_bar.clear_saved()
        self.update_progress()
        self._make_save_the_default(True)
        if self._builder.isActive() and self.window().isVisible():
            # the plan's rows (hidden until complete) go on once the page is on screen
            self._builder.stop()
            self.installEventFilter(self._after_paint)

    def _resume_building(self) -> None:
        if self._pending:
            self._builder.start()

    def cleanupPage(self) -> None:
        self._builder.stop()
        self._pending.clear()
        self._prepared_for = None
        self._make_save_the_default(False)
        super().cleanupPage()

    def _make_save_the_default(self, on: bool) -> None:
        """Enter saves the PDF here (not "Nieuwe scan", which clears the answers).

        The save button is the default and has the focus once the page is shown: the
        wizard would otherwise focus "Nieuwe scan", and a focused button takes Enter.
        """
        wizard = self.wizard()
        if wizard is not None:
            wizard.setOption(QWizard.WizardOption.NoDefaultButton, on)
        self.save_button.setDefault(on)
        if on:  # after the wizard has moved the focus to its own buttons
            QTimer.singleShot(0, self, self._focus_save)

    def _focus_save(self) -> None:
        if self.isVisible() and self.save_button.isEnabled():
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _inputs(self) -> tuple[str, dict[str, AnswerValue]]:
        """What the page shows depends on: the language and the answers that count."""
        return current_language(), self.session.effective()

    def report_request(self) -> ReportRequest | None:
        """What the PDF, the HTML and the print-out are made from: what this page shows."""
        if self.evaluation is None:
            return None
        previous = None
        if self.session.previous is not None:
            previous = PreviousScan(
                self.session.previous,
                self.session.previous_advice_ids or None,
                dict(self.session.previous_plan),
            )
        demo = self.session.demo
        return ReportRequest(
            self.session.questionnaire,
            self.evaluation,
            current_language(),
            previous,
            dict(self.session.plan),
            demo.name.get(current_language()) if demo is not None else "",
        )

    @property
    def advice_complete(self) -> bool:
        return not self._pending

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.action_bar.set_busy(busy, text)

    def show_saved(self, path: Path) -> None:
        self.action_bar.show_saved(path)

    # --- building -------------------------------------------------------------------------
    def rebuild(self) -> None:
        self._builder.stop()
        self._pending.clear()
        request = self.report_request()
        if request is None:
            return
        doc = self.document = request.document()
        old = self.body
        self.body = QWidget(self.content)
        self.content_layout.replaceWidget(old, self.body)
        old.deleteLater()
        self.advice_widgets = []
        self.plan_boxes = {}
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self._overall(doc, layout)
        if request.evaluation.red_flags:
            panel = UrgentPanel(self.body)
            panel.set_flags(request.evaluation.red_flags, request.evaluation.urgent_contacts)
            layout.addWidget(panel)
        self.comparison = None
        if doc.progress is not None and request.previous is not None:
            self.comparison = ComparisonView(self.body)
            self.comparison.set_progress(doc.headings.changes, doc.progress)
            layout.addWidget(self.comparison)
        self._top(doc, layout)
        self._gap(layout)
        layout.addWidget(Heading(doc.headings.plan, level=2, parent=self.body))
        if doc.plan:
            layout.addWidget(
                plain_label(
                    _("Mark each action as done, planned or not applicable to keep track."),
                    self.body,
                )
            )
        else:
            layout.addWidget(plain_label(_("No actions: none of the advice applies."), self.body))
        advice_box = QWidget(self.body)
        advice_layout = QVBoxLayout(advice_box)
        advice_layout.setContentsMargins(0, 0, 0, 0)
        # filled while hidden and shown once complete: growing a visible page item by item
        # squeezes everything below it for a few frames
        advice_box.setVisible(False)
        layout.addWidget(advice_box)
        self._rest(doc, layout)
        layout.addStretch(1)
        self._queue_plan(doc, advice_box, advice_layout)

    def _gap(self, layout: QVBoxLayout) -> None:
        """The space before a part of the page: one line, so the parts read as parts."""
        layout.addSpacing(self.fontMetrics().height())

    def _overall(self, doc: ReportDocument, layout: QVBoxLayout) -> None:
        """The first and largest thing: the level (symbol, word and a colour band), the
        score, and why a red flag set the level whatever the score."""
        rating = doc.overall
        card = QFrame(self.body)
        card.setObjectName("overallCard")
        card.setProperty("level", rating.level.value)  # the band; the word says it too
        inner = QVBoxLayout(card)
        text = rating.text + (f" · {rating.score_text}" if rating.score is not None else "")
        self.overall = OverallResult(text, level=1, parent=card)
        self.overall.setObjectName("overall")
        spoken = rating.word + (f", {rating.score_text}" if rating.score is not None else "")
        self.overall.setAccessibleName(_("Overall result: {result}").format(result=spoken))
        inner.addWidget(self.overall)
        if rating.reason:
            inner.addWidget(plain_label(rating.reason, card, name="overallReason"))
        inner.addWidget(
            plain_label(_("This scan gives an indication, not a guarantee."), card, name="note")
        )
        layout.addWidget(card)

    def _top(self, doc: ReportDocument, layout: QVBoxLayout) -> None:
        self._gap(layout)
        layout.addWidget(Heading(doc.headings.top, level=2, parent=self.body))
        self.top_labels = []
        for entry in doc.top:
            card = QFrame(self.body)
            card.setObjectName("topCard")
            inner = QVBoxLayout(card)
            label = plain_label(f"{entry.number}. {entry.title}", card, name="topAction")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            meta = plain_label(f"{entry.priority_text} · {entry.section_title}", card, name="meta")
            meta.setAccessibleName(f"{entry.priority_word} · {entry.section_title}")
            self.top_labels.append(label)
            inner.addWidget(label)
            inner.addWidget(meta)
            if entry.why:
                inner.addWidget(plain_label(entry.why, card, name="topWhy"))
            layout.addWidget(card)
        if not doc.top:
            layout.addWidget(plain_label(_("No actions: none of the advice applies."), self.body))

    def _rest(self, doc: ReportDocument, layout: QVBoxLayout) -> None:
        """Find-out tasks, the themes (chart and table) and who can help."""
        if doc.tasks:
            self._gap(layout)
            layout.addWidget(Heading(doc.headings.tasks, level=2, parent=self.body))
            for task in doc.tasks:
                text = "\n".join([f"• {task.task}", *(f"  {line}" for line in task.then)])
                layout.addWidget(plain_label(text, self.body, name="task"))
        self._gap(layout)
        layout.addWidget(Heading(_("Per theme"), level=2, parent=self.body))
        self.chart = ScoreChart(self.body)
        self.chart.set_results(doc.themes)
        layout.addWidget(self.chart)
        self.table = ScoreTable(self.body)
        self.table.set_results(doc.themes)
        layout.addWidget(self.table)
        for theme in doc.themes:
            if theme.rating.reason:
                layout.addWidget(plain_label(f"{theme.title}: {theme.rating.reason}", self.body))
        self._gap(layout)
        layout.addWidget(Heading(doc.headings.help, level=2, parent=self.body))
        for contact in doc.contacts + doc.other_contacts:
            text = f"{contact.name}: {contact.contact}" if contact.contact else contact.name
            label = plain_label(text, self.body, name="contact")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            offers = plain_label(contact.offers, self.body, name="contactOffers")
            label.setAccessibleDescription(contact.offers)
            layout.addWidget(label)
            layout.addWidget(offers)
            layout.addSpacing(self.fontMetrics().height() // 2)

    def _queue_plan(self, doc: ReportDocument, box: QWidget, layout: QVBoxLayout) -> None:
        """Queue group headings (str) and plan rows, in page order, for the timer."""
        self._advice_box, self._advice_layout = box, layout
        for group in doc.plan_groups:
            self._pending.append(f"{group.items[0].priority_symbol} {group.title}")
            self._pending.extend(group.items)
        if self._pending:
            self._builder.start()
        else:
            self._done_building()

    def _build_chunk(self) -> None:
        box, layout = self._advice_box, self._advice_layout
        for _step in range(CHUNK):
            if not self._pending:
                break
            entry = self._pending.pop(0)
            if isinstance(entry, str):
                heading = Heading(entry, level=3, parent=box)
                heading.setAccessibleName(entry.lstrip("●○ "))
                layout.addWidget(heading)
            else:
                layout.addWidget(self._plan_row(entry, box))
        if not self._pending:
            self._done_building()

    def _done_building(self) -> None:
        self._builder.stop()
        self._advice_box.setVisible(True)
        if not self.isVisible() and self.prepared_viewport is not None:  # built ahead
            self.prepare_layout(self.prepared_viewport)
        self.advice_built.emit()

    def finish_building(self) -> None:
        """Build the rest of the plan now (printing, screenshots, tests)."""
        while self._pending:
            self._build_chunk()

    def _plan_row(self, entry: AdviceEntry, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        item = AdviceItemWidget(entry, current_language(), row)
        box = PlanStateBox(entry.id, entry.title, self._states, row)
        box.set_state(self.session.plan.get(entry.id))
        box.state_chosen.connect(self.session.set_plan_state)
        # On Linux a combo box is named by the label whose buddy it is (its own name there
        # is the chosen value): without one, a screen reader said only "Nog open".
        label = plain_label(_("Status:"), row, name="planStateLabel")
        label.setWordWrap(False)
        label.setAccessibleName(box.accessibleName())
        label.setBuddy(box)
        layout.addWidget(item, 1)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        self.advice_widgets.append(item)
        self.plan_boxes[entry.id] = box
        return row

    def _on_plan_changed(self, advice_id: str, state: object) -> None:
        box = self.plan_boxes.get(advice_id)
        if box is not None:
            box.set_state(state if isinstance(state, str) else None)

    # --- reminder -------------------------------------------------------------------------
    def save_reminder(self) -> None:
        """Write a calendar file for a re-scan in six months where the user chooses."""
        title = self.session.questionnaire.title.get(current_language())
        path: Path | None = save_reminder(self, title, ask_path=self.ask_reminder_path)
        if path is not None:
            self.action_bar.show_status(
                _("The reminder has been saved. Open it to add it to your calendar.")
            )

    # --- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        heading = _("Example result") if self.session.demo is not None else _("Your results")
        self.heading.setText(heading)  # a demo person's results are never "yours"
        self.setAccessibleName(heading)
        self.action_bar.retranslate()
        relabel(self._states)
        self.rebuild()
        super().retranslate()

    def step_text(self) -> str:
        return _("Results")
