"""One advice item that opens on demand: what, why, how, effort, cost, who and the reasons.

The title is a wrapping label (long Dutch titles at 200% must not be cut off); the toggle is a
real button, so it works by keyboard and screen reader.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zelfscan.core.results import SelectedAdvice
from zelfscan.gui.labels import priority_word
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language


def advice_details(advice: SelectedAdvice, lang: str) -> str:
    """The plain text of the details, also used by the print version."""
    steps = "\n".join(f"  {n}. {step}" for n, step in enumerate(advice.how.get(lang), 1))
    lines = [
        _("Why: {text}").format(text=advice.why.get(lang)),
        _("How:"),
        steps,
        _("Effort: {text}").format(text=advice.effort.get(lang)),
        _("Cost: {text}").format(text=advice.cost.get(lang)),
        _("Who can help: {text}").format(text=advice.who.get(lang)),
    ]
    for contact in advice.contacts:
        lines.append(f"  • {contact.name.get(lang)}: {contact.contact.get(lang)}")
    if advice.reasons:
        lines.append("")
        lines.append(_("Why do I see this?"))
        for reason in advice.reasons:
            answers = ", ".join(label.get(lang) for label in reason.answer_labels)
            lines.append(
                _("  You answered “{answer}” to “{question}”").format(
                    answer=answers, question=reason.question.text.get(lang)
                )
            )
    return "\n".join(lines)


class AdviceItemWidget(QFrame):
    def __init__(self, advice: SelectedAdvice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.advice = advice
        self.setObjectName("adviceItem")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.title = plain_label(parent=self, name="adviceTitle")
        row.addWidget(self.title, 1)
        self.toggle = QPushButton(self)
        self.toggle.setCheckable(True)
        row.addWidget(self.toggle)
        layout.addLayout(row)
        self.details = plain_label(parent=self, name="adviceDetails")
        self.details.setVisible(False)
        layout.addWidget(self.details)
        self.toggle.toggled.connect(self._on_toggled)
        self.retranslate()

    def _on_toggled(self, on: bool) -> None:
        self.details.setVisible(on)
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_language()
        title = self.advice.title.get(lang)
        self.title.setText(f"{title} ({priority_word(self.advice.priority)})")
        opened = self.toggle.isChecked()
        self.toggle.setText(_("Hide details") if opened else _("Show details"))
        self.toggle.setAccessibleName(
            (_("Hide details: {title}") if opened else _("Show details: {title}")).format(
                title=title
            )
        )
        self.toggle.setAccessibleDescription(
            _("What to do, why, how, effort, cost, who can help and why you see this")
        )
        self.details.setText(advice_details(self.advice, lang))
