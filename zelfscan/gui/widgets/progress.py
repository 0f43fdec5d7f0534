"""What changed since the previous scan: per theme beter / slechter / gelijk / nieuw.

Shows :func:`zelfscan.core.progress.compare`'s result on the results page. Each change is a
word plus a symbol (▲ ▼ = +) and both scores, so it never depends on colour; the table is the
accessible form, the lists below name the actions that were done and the advice that is new
only because the scan's content was updated.
"""

from __future__ import annotations

from collections.abc import Mapping

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

from zelfscan.core.model import Level, Text
from zelfscan.core.progress import Comparison, ThemeChange, Trend
from zelfscan.gui.labels import level_text, score_text
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import N_, _, current_language

TREND_WORDS: dict[Trend, str] = {
    Trend.BETER: N_("Better"),
    Trend.SLECHTER: N_("Worse"),
    Trend.GELIJK: N_("Same"),
    Trend.NIEUW: N_("New"),
}
TREND_SYMBOLS: dict[Trend, str] = {
    Trend.BETER: "▲",
    Trend.SLECHTER: "▼",
    Trend.GELIJK: "=",
    Trend.NIEUW: "+",
}


def trend_text(trend: Trend) -> str:
    """Symbol and word together, e.g. "▲ Beter"."""
    return f"{TREND_SYMBOLS[trend]} {_(TREND_WORDS[trend])}"


def state_text(score: float | None, level: Level | None) -> str:
    """One side of the comparison: "72 van 100 · ! Aandacht nodig", or "niet gescand"."""
    if level is None:
        return _("not in the previous scan")
    if level is Level.ONBEKEND:  # no number next to "unknown": it would read as a failure
        return level_text(level)
    return f"{score_text(score, level)} · {level_text(level)}"


def change_line(change: ThemeChange, lang: str) -> str:
    """The whole row as one sentence, for screen readers and the presenter view."""
    return _("{theme}: {trend} (before: {before}; now: {after})").format(
        theme=change.title.get(lang),
        trend=trend_text(change.trend),
        before=state_text(change.before, change.level_before),
        after=state_text(change.after, change.level_after),
    )


class ChangeTable(QTableWidget):
    """Theme, previous result, current result, change (symbol + word)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("changeTable")
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
        lang = current_language()
        self.setHorizontalHeaderLabels(
            [_("Theme"), _("Previous scan"), _("Now"), _("What changed")]
        )
        self.setAccessibleName(_("Change per theme since the previous scan"))
        self.setAccessibleDescription("; ".join(change_line(c, lang) for c in changes))
        self.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = (
                change.title.get(lang),
                state_text(change.before, change.level_before),
                state_text(change.after, change.level_after),
                trend_text(change.trend),
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
        self.comparison: Comparison | None = None
        self._titles: Mapping[str, Text] = {}
        self._show_new = True

    def set_comparison(
        self, comparison: Comparison, titles: Mapping[str, Text], *, show_new: bool = True
    ) -> None:
        """``titles``: advice id -> title; ``show_new`` is off when the previous content's
        advice ids are unknown (then "new because the content changed" can not be told)."""
        self.comparison = comparison
        self._titles = titles
        self._show_new = show_new
        self.retranslate()

    def _list(self, ids: tuple[str, ...], lang: str) -> list[str]:
        return [f"• {self._titles[i].get(lang)}" for i in ids if i in self._titles]

    def retranslate(self) -> None:
        lang = current_language()
        self.heading.setText(_("What changed since your previous scan"))
        comparison = self.comparison
        if comparison is None:
            return
        self.table.set_changes(comparison.themes)
        done = self._list(comparison.completed, lang)
        text = "\n".join([_("Actions you marked as done last time:"), *done]) if done else ""
        self.done_label.setText(text)
        self.done_label.setAccessibleName(text)
        self.done_label.setVisible(bool(done))
        new = self._list(comparison.new_by_content, lang) if self._show_new else []
        text = (
            "\n".join([_("New advice because the scan's content was updated:"), *new])
            if new
            else ""
        )
        self.new_label.setText(text)
        self.new_label.setAccessibleName(text)
        self.new_label.setVisible(bool(new))
