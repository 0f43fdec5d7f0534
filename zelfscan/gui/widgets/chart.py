"""A bar per theme, drawn with QPainter, with a table as its text equivalent.

Both show the report document's theme rows (:class:`zelfscan.report.document.ThemeRow`):
the same words and symbols as the PDF. Bars carry their level as symbol and word, and the
colours come from the palette, so the chart works in dark mode and never relies on colour
alone. Screen readers get the words without the symbols.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from zelfscan.gui.theme import scheme as theme_colours
from zelfscan.i18n import _
from zelfscan.report.document import ThemeRow


class ScoreChart(QWidget):
    """Horizontal bars 0–100; each row: theme title, then the bar with "72 · ! Aandacht"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float | None, str, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_results(self, themes: tuple[ThemeRow, ...]) -> None:
        self._rows = [
            (t.title, t.rating.score, f"{t.rating.score_text} · {t.rating.text}", t.rating.level)
            for t in themes
        ]
        summary = "; ".join(f"{t.title}: {t.rating.score_text}, {t.rating.word}" for t in themes)
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
        colours = theme_colours()
        for title, score, text, level in self._rows:
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft, title)
            bar = QRectF(1, y + line, width, line)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRect(bar)
            if score is not None:
                share = max(0.0, min(score, 100.0)) / 100
                filled = QRectF(bar.left(), bar.top(), bar.width() * share, bar.height())
                band = getattr(colours, f"band_{level}", None) if colours else None
                # the level's colour band next to its word and symbol (never colour alone)
                painter.setBrush(
                    QColor(band) if band else palette.color(QPalette.ColorRole.Highlight)
                )
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
        # Tab leaves the table (arrow keys move between cells): no keyboard trap
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_results(self, themes: tuple[ThemeRow, ...]) -> None:
        self.setHorizontalHeaderLabels([_("Theme"), _("Score"), _("Level")])
        self.setAccessibleName(_("Scores per theme"))
        self.setRowCount(len(themes))
        for row, theme in enumerate(themes):
            cells = (theme.title, theme.rating.score_text, theme.rating.text)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:  # the word, not "ballot x": the symbol is for the eye
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, theme.rating.word)
                self.setItem(row, col, item)
        self.updateGeometry()
