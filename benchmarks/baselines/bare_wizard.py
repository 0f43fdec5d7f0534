"""Baseline: a bare PySide6 app that shows one QWizard page and quits once it has painted.

What a developer gets with no app code at all: the reference for the start-up time, peak
memory and (frozen with default PyInstaller settings) bundle size budgets. It ends the way
``zelfscan --self-test=start`` ends: at the page's first paint.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


class QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Hallo")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Eén pagina, dan stoppen."))
    wizard.addPage(page)
    quitter = QuitAfterPaint()
    page.installEventFilter(quitter)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
