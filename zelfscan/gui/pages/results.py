"""The results: per theme a level in words and symbol, a chart with its table, the top 3,
red flags and all advice per theme. Everything shown comes from ``evaluate``; nothing is
computed here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from zelfscan.core.results import Evaluation
from zelfscan.gui.labels import level_text, priority_word, score_text
from zelfscan.gui.pages.base import ScanPage
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.advice import AdviceItemWidget
from zelfscan.gui.widgets.chart import ScoreChart, ScoreTable
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.gui.widgets.urgent import UrgentPanel
from zelfscan.i18n import _, current_language


class ResultsPage(ScanPage):
    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("results")
        self.evaluation: Evaluation | None = None
        self.heading = Heading(level=1, parent=self.content)
        self.content_layout.addWidget(self.heading)
        self.body = QWidget(self.content)
        self.content_layout.addWidget(self.body)
        self.content_layout.addStretch(1)
        self.chart: ScoreChart | None = None
        self.table: ScoreTable | None = None
        self.top_labels: list[QLabel] = []
        # actions row under the scroll area: always visible
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy_label = plain_label(parent=self, name="busy")
        self.busy_label.setVisible(False)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(self.busy)
        row.addWidget(self.busy_label)
        row.addStretch(1)
        self.page_layout.addLayout(row)
        self.retranslate()

    def initializePage(self) -> None:
        self.evaluation = self.session.evaluate()
        self.rebuild()
        self.update_progress()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show the busy indicator and keep the buttons from being pressed twice."""
        self.busy.setVisible(busy)
        self.busy_label.setVisible(bool(text))
        self.busy_label.setText(text)
        self.busy_label.setAccessibleName(text)
        self.save_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)

    def rebuild(self) -> None:
        evaluation = self.evaluation
        if evaluation is None:
            return
        lang = current_language()
        old = self.body
        self.body = QWidget(self.content)
        self.content_layout.replaceWidget(old, self.body)
        old.deleteLater()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        overall = plain_label(
            _("Overall: {level} — {score}").format(
                level=level_text(evaluation.overall_level),
                score=score_text(evaluation.overall_score),
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
        for section in self.session.questionnaire.sections:
            items = [a for a in evaluation.advice if a.section == section.id]
            if not items:
                continue
            layout.addWidget(Heading(section.title.get(lang), level=3, parent=self.body))
            for advice in items:
                layout.addWidget(AdviceItemWidget(advice, self.body))
        layout.addStretch(1)

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
        self.busy.setAccessibleName(_("Busy"))
        self.rebuild()
        super().retranslate()

    def step_text(self) -> str:
        return _("Results")
