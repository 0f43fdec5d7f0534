"""The anonymous room poll: one question at a time, counted by hand, held in memory only.

The trainer asks the room a question from the session's ``polls:`` list, counts hands or
paper cards, and types the counts here; "Op het scherm" puts the counts as a bar chart on
the audience view, next to what the demo persons answered. No name, no answer of a person,
nothing written: the counts are cleared when the window closes and at "volgende deelnemer".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zelfscan.core.model import Questionnaire
from zelfscan.gui.training.keys import OWN_KEYS
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language
from zelfscan.report.slides import Slide, poll_slide

MAX_COUNT = 999


class RoomPoll(QDialog):
    shown_changed = Signal(object)
    """The poll slide to put on the audience view, or ``None`` to take it off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomPoll")
        self.setModal(False)
        self.setProperty(OWN_KEYS, True)  # Space presses its buttons, typing counts
        self.questionnaire: Questionnaire | None = None
        self.index = 0
        self.counts: dict[str, int] = {}
        layout = QVBoxLayout(self)
        self.position = plain_label(parent=self, name="pollPosition")
        self.question = plain_label(parent=self, name="pollQuestion")
        font = QFont(self.question.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.question.setFont(font)
        layout.addWidget(self.position)
        layout.addWidget(self.question)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.spins: dict[str, QSpinBox] = {}
        self.on_screen = QCheckBox(self)
        self.on_screen.toggled.connect(lambda _on: self._emit())
        layout.addWidget(self.on_screen)
        row = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(+1))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.back_button, self.next_button, self.clear_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.retranslate()

    # --- content ---------------------------------------------------------------------------
    def open_for(self, questionnaire: Questionnaire) -> None:
        if self.questionnaire is not questionnaire:
            self.questionnaire = questionnaire
            self.index = 0
            self.counts = {}
        self._build()
        self.show()
        self.raise_()
        self.activateWindow()

    @property
    def question_ids(self) -> list[str]:
        training = self.questionnaire.training if self.questionnaire else None
        return [p.question for p in training.polls] if training is not None else []

    def go(self, step: int) -> None:
        ids = self.question_ids
        if not ids:
            return
        self.index = (self.index + step) % len(ids)
        self.counts = {}  # one question at a time: the last one's counts are gone
        self._build()

    def clear(self) -> None:
        """Forget every count (also on close and at "volgende deelnemer")."""
        self.counts = {}
        for spin in self.spins.values():
            spin.blockSignals(True)
            spin.setValue(0)
            spin.blockSignals(False)
        self._emit()

    def slide(self) -> Slide | None:
        ids = self.question_ids
        if self.questionnaire is None or not ids:
            return None
        return poll_slide(self.questionnaire, ids[self.index], self.counts, current_language())

    def _build(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.spins = {}
        ids = self.question_ids
        if self.questionnaire is None or not ids:
            self.question.setText(_("This scan has no poll questions."))
            return
        lang = current_language()
        question = self.questionnaire.questions[ids[self.index]]
        self.position.setText(_("Question {n} of {total}").format(n=self.index + 1, total=len(ids)))
        self.question.setText(question.text.get(lang))
        self.question.setAccessibleName(question.text.get(lang))
        for option in question.options:
            if option.id == "nvt":
                continue
            spin = QSpinBox(self)
            spin.setRange(0, MAX_COUNT)
            spin.setValue(self.counts.get(option.id, 0))
            spin.setAccessibleName(_("Count for: {answer}").format(answer=option.label.get(lang)))
            spin.valueChanged.connect(lambda v, o=option.id: self._count(o, v))
            label = QLabel(option.label.get(lang), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(spin)
            big = QFont(label.font())
            big.setPointSizeF(big.pointSizeF() * 1.3)
            label.setFont(big)
            spin.setFont(big)
            self.form.addRow(label, spin)
            self.spins[option.id] = spin
        self._emit()

    def _count(self, option_id: str, value: int) -> None:
        self.counts[option_id] = value
        self._emit()

    def _emit(self) -> None:
        self.shown_changed.emit(self.slide() if self.on_screen.isChecked() else None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.on_screen.setChecked(False)
        self.clear()
        super().closeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Room poll"))
        self.setAccessibleName(_("Room poll"))
        self.on_screen.setText(_("&Show the counts on the audience view"))
        self.back_button.setText(_("&Previous question"))
        self.next_button.setText(_("Ne&xt question"))
        self.clear_button.setText(_("&Clear the counts"))
        if self.questionnaire is not None:
            self._build()
