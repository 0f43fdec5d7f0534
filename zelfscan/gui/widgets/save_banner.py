"""The bar that says a vault save failed, without stopping the user.

A modal "Niet opgeslagen" after every answer froze the work while a virus scanner held the
vault; this bar stays at the top of the window instead, says what is wrong and that Zelfscan
keeps trying, and offers "Opnieuw proberen". It goes away by itself after the next save that
succeeds. Plain text only (the message may name a file), announced to screen readers through
its accessible name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _


class SaveBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveBanner")
        layout = QHBoxLayout(self)
        self.label = plain_label(parent=self, name="saveProblem")
        self.retry = QPushButton(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry)
        self.message = ""
        self.setVisible(False)
        self.retranslate()

    def show_problem(self, message: str) -> None:
        self.message = message
        self.retranslate()
        self.setVisible(True)

    def clear(self) -> None:
        self.message = ""
        self.setVisible(False)

    def retranslate(self) -> None:
        text = _("Not saved.") + (" " + self.message if self.message else "")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.retry.setText(_("&Try again"))
        self.retry.setAccessibleName(_("Try again to save"))
