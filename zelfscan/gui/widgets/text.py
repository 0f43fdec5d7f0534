"""A short optional note: one line with a length limit (Enter still means "Next")."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from zelfscan.gui.widgets.question import QuestionWidget

MAX_NOTE_LENGTH = 500


class TextQuestion(QuestionWidget):
    def build_controls(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self.body)
        self.edit.setMaxLength(MAX_NOTE_LENGTH)
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.edit.textChanged.connect(self._on_changed)

    def _on_changed(self, text: str) -> None:
        self.session.set_answer(self.question.id, text if text.strip() else None)

    def controls(self) -> list[QWidget]:
        return [self.edit]

    def refresh(self) -> None:
        value = self.session.answer(self.question.id)
        text = value if isinstance(value, str) else ""
        if self.edit.text() != text:
            self.edit.blockSignals(True)
            self.edit.setText(text)
            self.edit.blockSignals(False)

    def retranslate_controls(self, lang: str) -> None:
        self.edit.setAccessibleName(self.question.text.get(lang))
        self.edit.setAccessibleDescription(self.description(lang))
