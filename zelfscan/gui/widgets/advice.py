"""One measure of the action plan that opens on demand: why, the steps, effort and cost, who
can help, and why the user sees it.

It shows a :class:`zelfscan.report.document.AdviceEntry`, with the report's own labels (the
same words as the PDF). The details are built when first opened: a plan of fifty measures
then costs fifty title rows, not fifty times a dozen labels. The toggle is a plain button
(not a check box), so a screen reader announces it as what it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zelfscan.gui import a11y
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _
from zelfscan.report.document import AdviceEntry
from zelfscan.report.phrases import source_line, why_you_see_this
from zelfscan.report.words import translator


def advice_details(entry: AdviceEntry, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs of the details, in reading order; a label may be empty."""
    t = translator(lang)
    parts: list[tuple[str, str]] = []
    if entry.raised:
        parts.append(("", entry.raised))
    if entry.why:
        parts.append((t("Why"), entry.why))
    if entry.steps:
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(entry.steps, 1))
        parts.append((t("How"), steps))
    for label, value in ((t("Effort"), entry.effort), (t("Cost"), entry.cost)):
        if value:
            parts.append((label, value))
    helpers = [entry.who] if entry.who else []
    helpers += [f"• {c.name}: {c.contact}" if c.contact else f"• {c.name}" for c in entry.contacts]
    if helpers:
        parts.append((t("Who can help"), "\n".join(helpers)))
    if entry.reasons:
        parts.append(("", why_you_see_this(entry.reasons, t)))
    if entry.sources:
        parts.append(("", "\n".join(source_line(source, t) for source in entry.sources)))
    return parts


class AdviceItemWidget(QFrame):
    def __init__(self, entry: AdviceEntry, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.lang = lang
        self.opened = False
        self.setObjectName("adviceItem")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        texts = QVBoxLayout()
        self.title = plain_label(f"{entry.number}. {entry.title}", self, name="adviceTitle")
        meta = f"{entry.priority_text} · {entry.plan_note}"
        self.meta = plain_label(meta, self, name="adviceMeta")
        self.meta.setAccessibleName(
            translator(lang)("Priority: {}").format(entry.priority_word) + f" · {entry.plan_note}"
        )
        texts.addWidget(self.title)
        texts.addWidget(self.meta)
        row.addLayout(texts, 1)
        self.toggle = QPushButton(self)
        a11y.make_expandable(self.toggle)
        self.toggle.clicked.connect(self.set_open)
        row.addWidget(self.toggle)
        layout.addLayout(row)
        self.details: QWidget | None = None
        self._layout = layout
        self.retranslate()

    def set_open(self, checked: bool = False) -> None:
        """Open or close the details (a click toggles)."""
        del checked  # clicked(bool) passes False for a non-checkable button
        self.opened = not self.opened
        if self.opened and self.details is None:
            self.details = self._build_details()
            self._layout.addWidget(self.details)
        if self.details is not None:
            self.details.setVisible(self.opened)
        a11y.set_expanded(self.toggle, self.opened)
        self.retranslate()

    def _build_details(self) -> QWidget:
        """The parts side by side with their names (Waarom, Hoe, Moeite, Kosten, Wie kan
        helpen), a line apart: one dense block was hard to read (issue #17)."""
        box = QWidget(self)
        box.setObjectName("adviceDetails")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, self.fontMetrics().height() // 2, 0, 0)
        grid.setHorizontalSpacing(self.fontMetrics().horizontalAdvance("M") * 2)
        grid.setVerticalSpacing(self.fontMetrics().height() // 2)
        grid.setColumnStretch(1, 1)
        for row, (label, text) in enumerate(advice_details(self.entry, self.lang)):
            body = plain_label(text, box, name="adviceText")
            if label:
                heading = plain_label(label, box, name="adviceLabel")
                heading.setWordWrap(False)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setBuddy(body)
                body.setAccessibleName(f"{label}: {text}")
                grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(body, row, 1)
            else:
                body.setObjectName("adviceNote")
                grid.addWidget(body, row, 0, 1, 2)
        return box

    def retranslate(self) -> None:
        title = self.entry.title
        self.toggle.setText(_("Hide details") if self.opened else _("Show details"))
        self.toggle.setAccessibleName(
            (_("Hide details: {title}") if self.opened else _("Show details: {title}")).format(
                title=title
            )
        )
        self.toggle.setAccessibleDescription(
            _("What to do, why, how, effort, cost, who can help and why you see this")
        )
