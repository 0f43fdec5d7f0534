"""Over Zelfscan / About Zelfscan: the version, what Zelfscan is and is not, and the licences.

Three tabs, all plain text: "Over" with the version and the statement of ``zelfscan.about``,
"Licentie" with Zelfscan's own licence (EUPL-1.2), and "Software van derden" with the
third-party notices that ship with every build (``resources/licenses``). Licence texts are
read only when their tab is first shown, so opening the dialog stays instant. Everything is
reachable by keyboard: Ctrl+Tab switches tabs, the texts take focus, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zelfscan import APP_NAME, __version__, about, paths
from zelfscan.gui.widgets.common import Heading, plain_label
from zelfscan.i18n import _, current_language


def _text_view(parent: QWidget, name: str) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setObjectName(name)
    return view


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        lang = current_language()
        text = about.statement(lang)
        self.setWindowTitle(_("About Zelfscan"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        page = QWidget()
        scroll.setWidget(page)
        column = QVBoxLayout(page)
        self.heading = Heading(f"{APP_NAME} {__version__}", level=1, parent=page)
        column.addWidget(self.heading)
        self.licence_line = plain_label(
            _(
                "Free software under the European Union Public Licence (EUPL) 1.2. "
                "No warranty: see the Licence tab."
            ),
            page,
        )
        column.addWidget(self.licence_line)
        self.statement_heading = Heading(text.title, level=2, parent=page)
        column.addWidget(self.statement_heading)
        self.statement_labels = [
            plain_label(text.is_, page),
            plain_label(text.is_not_heading, page),
        ]
        self.statement_labels += [plain_label(f"• {item}", page) for item in text.is_not]
        self.statement_labels.append(plain_label(text.official_heading, page))
        self.statement_labels += [plain_label(f"• {item}", page) for item in text.official]
        self.statement_labels.append(plain_label(text.stand_per, page, name="standPer"))
        for label in self.statement_labels:
            column.addWidget(label)
        column.addStretch(1)
        self.tabs.addTab(scroll, _("&About"))

        self.licence = _text_view(self.tabs, "licenceText")
        self.licence.setAccessibleName(_("Licence of Zelfscan (EUPL-1.2)"))
        self.tabs.addTab(self.licence, _("&Licence"))
        self.notices = _text_view(self.tabs, "thirdPartyText")
        self.notices.setAccessibleName(_("Licences of the software Zelfscan contains"))
        self.tabs.addTab(self.notices, _("&Third-party software"))
        self.tabs.currentChanged.connect(self._fill)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("&Close"))
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _fill(self, index: int) -> None:
        """Read a licence text the first time its tab is shown."""
        view = self.tabs.widget(index)
        if view is self.licence and not self.licence.toPlainText():
            self.licence.setPlainText(
                paths.license_text() or _("The licence text is missing from this copy.")
            )
        elif view is self.notices and not self.notices.toPlainText():
            try:
                notices = paths.notices_file().read_text(encoding="utf-8")
            except OSError:
                notices = _("The third-party notices are missing from this copy.")
            self.notices.setPlainText(notices)


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()
