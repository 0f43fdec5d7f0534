"""The results: per theme a level in words and symbol, a chart with its table, the top 3,
red flags, what changed since the previous scan, and all advice per theme with its plan state.
Everything shown comes from ``evaluate`` and ``core.progress``; nothing is computed here.

Page switches must fit in one frame (design.md section 5), so :meth:`ResultsPage.rebuild`
builds the summary, comparison and top 3 at once and the long advice list in small chunks from
a zero-delay timer; :attr:`ResultsPage.advice_built` tells when the list is complete.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan.core.model import AnswerValue
from zelfscan.core.results import Evaluation, SelectedAdvice
from zelfscan.gui.labels import level_text, priority_word, score_text
from zelfscan.gui.pages.base import ScanPage
from zelfscan.gui.report_actions import AskPath, ask_ics_path_dialog, save_reminder
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.advice import AdviceItemWidget
from zelfscan.gui.widgets.chart import ScoreChart, ScoreTable
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.gui.widgets.plan import PlanStateBox, relabel, states_model
from zelfscan.gui.widgets.progress import ComparisonView
from zelfscan.gui.widgets.urgent import UrgentPanel
from zelfscan.i18n import _, current_language

CHUNK = 3
"""Advice items built per timer tick: a handful keeps each tick well under a frame."""


class ResultsPage(ScanPage):
    advice_built = Signal()
    """The full advice list is on the page (it is built after the summary)."""

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("results")
        self.evaluation: Evaluation | None = None
        self._prepared_for: tuple[str, dict[str, AnswerValue]] | None = None
        self.heading = Heading(level=1, parent=self.content)
        self.content_layout.addWidget(self.heading)
        self.body = QWidget(self.content)
        self.content_layout.addWidget(self.body)
        self.content_layout.addStretch(1)
        self.chart: ScoreChart | None = None
        self.table: ScoreTable | None = None
        self.comparison: ComparisonView | None = None
        self.top_labels: list[QLabel] = []
        self.advice_widgets: list[AdviceItemWidget] = []
        self.plan_boxes: dict[str, PlanStateBox] = {}
        self._states = states_model(self)
        self._pending: list[str | SelectedAdvice] = []
        """Still to build: theme headings (their titles) and advice items."""
        self._advice_box = QWidget(self)
        self._advice_layout = QVBoxLayout(self._advice_box)
        self._builder = QTimer(self)
        self._builder.setInterval(0)
        self._builder.timeout.connect(self._build_chunk)
        self.ask_reminder_path: AskPath = ask_ics_path_dialog
        """Injectable for tests: where to write the calendar reminder."""
        # actions row under the scroll area: always visible
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.reminder_button = QPushButton(self)
        self.reminder_button.clicked.connect(self.save_reminder)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy_label = plain_label(parent=self, name="busy")
        self.busy_label.setVisible(False)
        for widget in (self.save_button, self.print_button, self.reminder_button):
            row.addWidget(widget)
        row.addWidget(self.busy)
        row.addWidget(self.busy_label, 1)
        self.page_layout.addLayout(row)
        session.plan_changed.connect(self._on_plan_changed)
        self.retranslate()

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
        self.update_progress()

    def _inputs(self) -> tuple[str, dict[str, AnswerValue]]:
        """What the page shows depends on: the language and the answers that count."""
        return current_language(), self.session.effective()

    def cleanupPage(self) -> None:
        self._builder.stop()
        self._pending.clear()
        self._prepared_for = None
        super().cleanupPage()

    @property
    def advice_complete(self) -> bool:
        return not self._pending

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show the busy indicator and keep the buttons from being pressed twice."""
        self.busy.setVisible(busy)
        self._show_status(text)
        for button in (self.save_button, self.print_button, self.reminder_button):
            button.setEnabled(not busy)

    def _show_status(self, text: str) -> None:
        self.busy_label.setVisible(bool(text))
        self.busy_label.setText(text)
        self.busy_label.setAccessibleName(text)

    # --- building -------------------------------------------------------------------------
    def rebuild(self) -> None:
        self._builder.stop()
        self._pending.clear()
        evaluation = self.evaluation
        if evaluation is None:
            return
        lang = current_language()
        old = self.body
        self.body = QWidget(self.content)
        self.content_layout.replaceWidget(old, self.body)
        old.deleteLater()
        self.advice_widgets = []
        self.plan_boxes = {}
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        overall = plain_label(
            _("Overall: {level} — {score}").format(
                level=level_text(evaluation.overall_level),
                score=score_text(evaluation.overall_score, evaluation.overall_level),
            ),
            self.body,
            name="overall",
        )
        layout.addWidget(overall)
        layout.addWidget(
            plain_label(_("This scan gives an indication, not a guarantee."), self.body)
        )
        if evaluation.red_flags:
            panel = UrgentPanel(self.body)
            panel.set_flags(evaluation.red_flags, evaluation.urgent_contacts)
            layout.addWidget(panel)
        self.comparison = self._comparison(evaluation)
        if self.comparison is not None:
            layout.addWidget(self.comparison)
        layout.addWidget(Heading(_("Per theme"), level=2, parent=self.body))
        self.chart = ScoreChart(self.body)
        self.chart.set_results(evaluation.sections)
        layout.addWidget(self.chart)
        self.table = ScoreTable(self.body)
        self.table.set_results(evaluation.sections)
        layout.addWidget(self.table)
        layout.addWidget(Heading(_("Your top 3 actions"), level=2, parent=self.body))
        self.top_labels = []
        for number, advice in enumerate(evaluation.top, 1):
            label = plain_label(
                f"{number}. {advice.title.get(lang)} ({priority_word(advice.priority)})",
                self.body,
                name="topAction",
            )
            self.top_labels.append(label)
            layout.addWidget(label)
        if not evaluation.top:
            layout.addWidget(plain_label(_("No actions: none of the advice applies."), self.body))
        if evaluation.tasks:
            layout.addWidget(Heading(_("Find out"), level=2, parent=self.body))
            for task in evaluation.tasks:
                layout.addWidget(plain_label(f"• {task.task.get(lang)}", self.body))
        layout.addWidget(Heading(_("All advice per theme"), level=2, parent=self.body))
        if evaluation.advice:
            layout.addWidget(
                plain_label(
                    _("Mark each action as done, planned or not applicable to keep track."),
                    self.body,
                )
            )
        advice_box = QWidget(self.body)
        advice_layout = QVBoxLayout(advice_box)
        advice_layout.setContentsMargins(0, 0, 0, 0)
        # filled while hidden and shown once complete: growing a visible page item by item
        # squeezes everything above it for a few frames
        advice_box.setVisible(False)
        layout.addWidget(advice_box)
        layout.addStretch(1)
        self._queue_advice(evaluation, advice_box, advice_layout)

    def _comparison(self, evaluation: Evaluation) -> ComparisonView | None:
        previous = self.session.previous
        if previous is None:
            return None
        from zelfscan.core.progress import compare

        known = self.session.previous_advice_ids
        comparison = compare(
            previous,
            evaluation,
            previous_advice_ids=known,
            previous_plan=self.session.previous_plan,
        )
        titles = {a.id: a.title for a in self.session.questionnaire.advice}
        view = ComparisonView(self.body)
        view.set_comparison(comparison, titles, show_new=bool(known))
        return view

    def _queue_advice(self, evaluation: Evaluation, box: QWidget, layout: QVBoxLayout) -> None:
        """Queue theme headings (str) and advice items, in page order, for the timer."""
        self._advice_box, self._advice_layout = box, layout
        lang = current_language()
        for section in self.session.questionnaire.sections:
            items = [a for a in evaluation.advice if a.section == section.id]
            if items:
                self._pending.append(section.title.get(lang))
                self._pending.extend(items)
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
                layout.addWidget(Heading(entry, level=3, parent=box))
            else:
                layout.addWidget(self._advice_row(entry, box))
        if not self._pending:
            self._done_building()

    def _done_building(self) -> None:
        self._builder.stop()
        self._advice_box.setVisible(True)
        self.advice_built.emit()

    def finish_building(self) -> None:
        """Build the rest of the advice list now (printing, screenshots, tests)."""
        while self._pending:
            self._build_chunk()

    def _advice_row(self, advice: SelectedAdvice, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        item = AdviceItemWidget(advice, row)
        box = PlanStateBox(advice.id, advice.title.get(current_language()), self._states, row)
        box.set_state(self.session.plan.get(advice.id))
        box.state_chosen.connect(self.session.set_plan_state)
        layout.addWidget(item, 1)
        layout.addWidget(box)
        self.advice_widgets.append(item)
        self.plan_boxes[advice.id] = box
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
            self._show_status(_("The reminder has been saved. Open it to add it to your calendar."))

    # --- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Your results"))
        self.setAccessibleName(_("Your results"))
        self.save_button.setText(_("Save as &PDF…"))
        self.save_button.setAccessibleName(_("Save as PDF"))
        self.save_button.setAccessibleDescription(
            _("Saves your personal advice as a PDF file in a place you choose")
        )
        self.print_button.setText(_("P&rint…"))
        self.print_button.setAccessibleName(_("Print"))
        self.print_button.setAccessibleDescription(_("Prints your results and advice"))
        self.reminder_button.setText(_("Add a re&minder to your calendar…"))
        self.reminder_button.setAccessibleName(_("Add a reminder to your calendar"))
        self.reminder_button.setAccessibleDescription(
            _(
                "Saves a calendar file with a reminder to do this scan again in six months; "
                "it holds only the scan's name"
            )
        )
        self.busy.setAccessibleName(_("Busy"))
        relabel(self._states)
        self.rebuild()
        super().retranslate()

    def step_text(self) -> str:
        return _("Results")
