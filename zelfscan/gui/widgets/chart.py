"""A bar per theme, drawn with QPainter, with a table as its text equivalent.

Bars carry their level as symbol and word, and the colours come from the palette, so the
chart works in dark mode and never relies on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from zelfscan.core.model import Level
from zelfscan.core.results import SectionResult
from zelfscan.gui.labels import level_text, score_text
from zelfscan.i18n import _, current_language


class ScoreChart(QWidget):
    """Horizontal bars 0–100; each row: theme title, then the bar with "72 · ! Aandacht"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float | None, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_results(self, results: tuple[SectionResult, ...]) -> None:
        lang = current_language()
        self._rows = [
            (
                r.title.get(lang),
                None if r.level is Level.ONBEKEND else r.score,
                f"{score_text(r.score, r.level)} · {level_text(r.level)}",
            )
            for r in results
        ]
        summary = "; ".join(f"{title}: {text}" for title, _s, text in self._rows)
        self.setAccessibleName(_("Chart of the scores per theme"))
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().lineSpacing() * 2 + self.fontMetrics().height() // 2

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("M") * 30
        return QSize(width, self._row_height() * len(self._rows) + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        width = self.width() - 2
        y = 2
        for title, score, text in self._rows:
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft, title)
            bar = QRectF(1, y + line, width, line)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRect(bar)
            if score is not None:
                share = max(0.0, min(score, 100.0)) / 100
                filled = QRectF(bar.left(), bar.top(), bar.width() * share, bar.height())
                painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRect(filled)
            # the value sits on a plain background so it stays readable over any bar length
            text_width = metrics.horizontalAdvance(text) + 8
            label = QRectF(bar.right() - text_width, bar.top(), text_width, bar.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRect(label)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)
            y += self._row_height()
        painter.end()


class ScoreTable(QTableWidget):
    """The chart's text equivalent: theme, score, level (symbol + word)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_results(self, results: tuple[SectionResult, ...]) -> None:
        lang = current_language()
        self.setHorizontalHeaderLabels([_("Theme"), _("Score"), _("Level")])
        self.setAccessibleName(_("Scores per theme"))
        self.setRowCount(len(results))
        for row, result in enumerate(results):
            for col, text in enumerate(
                (
                    result.title.get(lang),
                    score_text(result.score, result.level),
                    level_text(result.level),
                )
            ):
                self.setItem(row, col, QTableWidgetItem(text))
        self.updateGeometry()
