"""Baseline: a bare PySide6 app that shows one QWizard page and quits.

What a developer gets with no app code at all: the reference for the start-up time, peak
memory and (frozen with default PyInstaller settings) bundle size budgets of design.md §5.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def main() -> int:
    app = QApplication(sys.argv)
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Hallo")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Eén pagina, dan stoppen."))
    wizard.addPage(page)
    wizard.show()
    QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
