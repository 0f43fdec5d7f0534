"""What changed since the previous scan: per theme beter / slechter / gelijk / nieuw.

Shows the report document's :class:`~zelfscan.report.document.Progress` on the results page:
the same rows, words and symbols (▲ ▼ = +) as the PDF. Each change is a word plus a symbol
and both scores, so it never depends on colour; the table is the accessible form, the lists
below name the actions done last time and the advice that is new only because the scan's
content was updated.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import _
from zelfscan.report.document import Progress, Rating, ThemeChange


def state_text(rating: Rating | None) -> str:
    """One side of the comparison: "72 van 100 · ⚠ Aandacht nodig", or "niet gescand"."""
    if rating is None:
        return _("not in the previous scan")
    if rating.score is None:  # no number next to "unknown": it would read as a failure
        return rating.text
    return f"{rating.score_text} · {rating.text}"


def change_line(change: ThemeChange) -> str:
    """The whole row as one sentence, for screen readers (words, no symbols)."""

    def spoken(rating: Rating | None) -> str:
        if rating is None:
            return _("not in the previous scan")
        return f"{rating.score_text}, {rating.word}" if rating.score is not None else rating.word

    return _("{theme}: {trend} (before: {before}; now: {after})").format(
        theme=change.title,
        trend=change.change_word,
        before=spoken(change.before),
        after=spoken(change.after),
    )


class ChangeTable(QTableWidget):
    """Theme, previous result, current result, change (symbol + word)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("changeTable")
        self.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setWordWrap(True)  # long theme names wrap instead of being cut off
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_changes(self, changes: tuple[ThemeChange, ...]) -> None:
        self.setHorizontalHeaderLabels(
            [_("Theme"), _("Previous scan"), _("Now"), _("What changed")]
        )
        self.setAccessibleName(_("Change per theme since the previous scan"))
        self.setAccessibleDescription("; ".join(change_line(c) for c in changes))
        self.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = (
                change.title,
                state_text(change.before),
                state_text(change.after),
                f"{change.change_symbol} {change.change_word}",
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        self.updateGeometry()


class ComparisonView(QWidget):
    """The "Wat is veranderd" block: the table plus done and new-by-content actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = Heading(level=2, parent=self)
        self.table = ChangeTable(self)
        self.done_label = plain_label(parent=self, name="completedActions")
        self.new_label = plain_label(parent=self, name="newByContent")
        for widget in (self.heading, self.table, self.done_label, self.new_label):
            layout.addWidget(widget)

    def set_progress(self, heading: str, progress: Progress) -> None:
        self.heading.setText(heading)
        self.table.set_changes(progress.themes)
        done = [f"• {title}" for title in progress.done_before]
        text = "\n".join([_("Actions you marked as done last time:"), *done]) if done else ""
        self.done_label.setText(text)
        self.done_label.setAccessibleName(text)
        self.done_label.setVisible(bool(done))
        new = [f"• {title}" for title in progress.new_by_content]
        text = (
            "\n".join([_("New advice because the scan's content was updated:"), *new])
            if new
            else ""
        )
        self.new_label.setText(text)
        self.new_label.setAccessibleName(text)
        self.new_label.setVisible(bool(new))
