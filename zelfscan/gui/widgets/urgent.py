"""The urgent-help panel: opens at once when an answer is a red flag, without losing answers.

Non-modal, so the user can keep the numbers in view while continuing; the wizard's answers
are untouched. Contacts come from the engine (``Evaluation.urgent_contacts``); 112 is always
listed because it is the one number that never depends on content.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QVBoxLayout, QWidget

from zelfscan.core.model import Contact
from zelfscan.core.results import TriggeredFlag
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import _, current_language


def urgent_lines(flags: tuple[TriggeredFlag, ...], contacts: tuple[Contact, ...]) -> list[str]:
    """The panel's text, line by line (shared by the dialog, the results page and the print).

    Short on purpose, for someone who may be frightened: why, then one line per number. What
    each organisation offers is in the accessible description and the report.
    """
    lang = current_language()
    lines = [flag.flag.message.get(lang) for flag in flags]
    lines.append("")
    if not any(c.contact.get(lang).lstrip().startswith("112") for c in contacts):
        lines.append(_("In an emergency: call 112."))
    lines += [f"• {c.name.get(lang)}: {c.contact.get(lang)}" for c in contacts]
    if not contacts:  # a questionnaire without urgent contacts still names the usual route
        lines.append(
            _(
                "Also tell your own burgemeester or griffier (for a burgemeester: the "
                "gemeentesecretaris or the Commissaris van de Koning)."
            )
        )
    return lines


def urgent_description(contacts: tuple[Contact, ...]) -> str:
    """What each urgent contact offers, for screen readers and the tooltip."""
    lang = current_language()
    return "\n".join(f"{c.name.get(lang)}: {c.offers.get(lang)}" for c in contacts)


class UrgentPanel(QFrame):
    """The framed, prominent block itself; used in the dialog and on the results page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentPanel")
        layout = QVBoxLayout(self)
        self.heading = Heading(level=2, parent=self)
        self.heading.setObjectName("urgentTitle")
        layout.addWidget(self.heading)
        self.body = plain_label(parent=self, name="urgentText")
        layout.addWidget(self.body)
        self._flags: tuple[TriggeredFlag, ...] = ()
        self._contacts: tuple[Contact, ...] = ()

    def set_flags(self, flags: tuple[TriggeredFlag, ...], contacts: tuple[Contact, ...]) -> None:
        self._flags, self._contacts = flags, contacts
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Get help now"))
        text = "\n".join(urgent_lines(self._flags, self._contacts))
        self.body.setText(text)
        details = urgent_description(self._contacts)
        self.body.setToolTip(details)
        self.setAccessibleName(_("Get help now"))
        self.setAccessibleDescription(f"{text}\n{details}")


class UrgentDialog(QDialog):
    """Non-modal window around :class:`UrgentPanel`; closing it keeps every answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        layout = QVBoxLayout(self)
        self.panel = UrgentPanel(self)
        layout.addWidget(self.panel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)
        self.retranslate()

    def sizeHint(self) -> QSize:
        """Wide enough for the phone lines to stay on one line, in any text size."""
        hint = super().sizeHint()
        wide = self.fontMetrics().horizontalAdvance("M") * 45
        return QSize(max(hint.width(), wide), hint.height())

    def show_flags(self, flags: tuple[TriggeredFlag, ...], contacts: tuple[Contact, ...]) -> None:
        self.panel.set_flags(flags, contacts)
        self.show()
        self.raise_()
        self.activateWindow()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Get help now"))
        self.panel.retranslate()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("&Close, continue the scan"))
        close.setAccessibleName(_("Close, continue the scan"))
