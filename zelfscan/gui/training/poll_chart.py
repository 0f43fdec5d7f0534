"""The room poll on the projector: one aligned bar per answer, readable from the back row.

Block characters in a text label started each bar wherever its label happened to end, so the
bars could not be compared at a glance. Here the labels share one column, the bars start at
one line and share one scale (the biggest count fills the track), and the count and the demo
persons' answers follow each bar. The bars are drawn in the text colour on a light track:
the length carries the meaning, never a colour. Screen readers get the slide's text body,
which says the same (:func:`zelfscan.report.slides.poll_slide`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from zelfscan.report.slides import PollRow

TRACK_SHARE = 0.45
"""Of the chart's width, the part the biggest bar fills."""
LABEL_SHARE = 0.35
"""Labels wider than this part of the chart go on their own line above their bar."""


class PollChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterPoll")
        self.rows: tuple[PollRow, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: tuple[PollRow, ...], text: str) -> None:
        """``text`` is the same poll in words: the chart's accessible name."""
        self.rows = rows
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return round(QFontMetrics(self.font()).height() * 1.45)

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0)

    def _stacked(self, width: int) -> bool:
        return self._label_width() > width * LABEL_SHARE

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._line() * len(self.rows) * (2 if self._stacked(width) else 1)

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(max(self.width(), 400)))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.heightForWidth(max(self.width(), 400)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.rows:
            return
        metrics = QFontMetrics(self.font())
        gap = metrics.horizontalAdvance("  ")
        stacked = self._stacked(self.width())
        label_width = self.width() if stacked else self._label_width()
        track_x = 0 if stacked else label_width + gap
        count_width = max(metrics.horizontalAdvance(f"{r.answers}") for r in self.rows)
        examples_width = max(metrics.horizontalAdvance(r.examples) for r in self.rows)
        room = self.width() - track_x - count_width - examples_width - 3 * gap
        # the biggest bar fills its share of the width, less when the words after it need it
        track_width = max(min(self.width() * TRACK_SHARE, room), metrics.horizontalAdvance("0") * 6)
        most = max(max(r.answers for r in self.rows), 1)
        line = self._line()
        bar_height = metrics.height() * 0.8
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        track = palette.color(QPalette.ColorRole.Mid)
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i, row in enumerate(self.rows):
            top = i * line * (2 if stacked else 1)
            painter.setPen(text)
            painter.drawText(QRectF(0, top, label_width, line), left, row.label)
            if stacked:
                top += line
            bar_top = top + (line - bar_height) / 2
            painter.setPen(track)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(track_x, bar_top, track_width, bar_height))
            length = track_width * row.answers / most
            if length:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text)
                painter.drawRect(QRectF(track_x, bar_top, length, bar_height))
            count_x = track_x + track_width + gap
            painter.setPen(text)
            painter.drawText(QRectF(count_x, top, count_width, line), right, f"{row.answers}")
            if row.examples:
                examples_x = count_x + count_width + 2 * gap
                painter.drawText(
                    QRectF(examples_x, top, self.width() - examples_x, line), left, row.examples
                )
        painter.end()
