"""The urgent-help panel: opens at once when an answer is a red flag, without losing answers.

Inside the window, above the page (:class:`UrgentBanner`), so the user keeps the numbers in
view while continuing, and read out as an alert; the wizard's answers are untouched.
Contacts come from the engine (``Evaluation.urgent_contacts``); 112 is always
listed because it is the one number that never depends on content.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zelfscan.core.model import Contact
from zelfscan.core.results import TriggeredFlag
from zelfscan.gui import a11y
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


class UrgentBanner(UrgentPanel):
    """The panel inside the scan, above the page, with a button to hide it (F2 brings it back).

    Not a window: a dialog took the focus to its close button, and a screen reader read
    "Sluiten" rather than the help. This one is an *alert* (:mod:`zelfscan.gui.a11y`): when
    it appears it is read out, and the focus stays on the answer the user just gave. The
    wizard moves it to the page being shown; the answers are never touched.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        a11y.make_alert(self)
        row = QHBoxLayout()
        self.hint = plain_label(parent=self, name="urgentHint")
        self.hide_button = QPushButton(self)
        self.hide_button.clicked.connect(self.close)
        row.addWidget(self.hint, 1)
        row.addWidget(self.hide_button)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addLayout(row)
        self.setVisible(False)
        self.retranslate()

    @property
    def panel(self) -> UrgentPanel:
        """The panel itself (this widget; kept for callers of the former dialog)."""
        return self

    def show_flags(self, flags: tuple[TriggeredFlag, ...], contacts: tuple[Contact, ...]) -> None:
        self.set_flags(flags, contacts)
        self.setVisible(True)
        a11y.announce(self)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "hide_button"):
            return  # UrgentPanel.__init__ is not finished yet
        self.hide_button.setText(_("&Hide, continue the scan"))
        self.hide_button.setAccessibleName(_("Hide the help, continue the scan"))
        self.hint.setText(_("Press F2 to show this again."))
