"""The start screen: which scans there are, what happens with your answers, and training mode.

It only shows the catalog and collects two choices (scan, storage); the main window opens the
session. A questionnaire file that does not load never stops the app: the built-in scans are
listed as always, and the broken file is named calmly with its first error; the full list
(``file:line:col: message``) is one click away, in a dialog to copy it from for an editor.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan import about
from zelfscan.core.summary import Summary
from zelfscan.gui import a11y
from zelfscan.gui.session import StorageChoice
from zelfscan.gui.widgets.common import Heading, ReflowContent, ReflowScrollArea, plain_label
from zelfscan.gui.widgets.wrapping import WrapRadioButton
from zelfscan.i18n import _, current_language

OFFERED_STORAGE: tuple[StorageChoice, ...] = (StorageChoice.MEMORY, StorageChoice.VAULT)
"""The storage options offered, in order. The vault developer appends StorageChoice.VAULT and
adds its texts to :meth:`StartScreen.storage_texts`."""


def format_load_error(error: object) -> str:
    """``FILE:LINE:COL: message`` when the error has those parts, else its text."""
    path = getattr(error, "path", None) or getattr(error, "file", None)
    message = getattr(error, "message", None)
    if path is not None and message is not None:
        line = getattr(error, "line", None)
        col = getattr(error, "column", None) or getattr(error, "col", None)
        where = ":".join(str(p) for p in (path, line, col) if p)
        return f"{where}: {message}"
    return str(error)


class ScanCard(QFrame):
    """One scan: title, what it covers, how long it takes, and a start button."""

    def __init__(self, questionnaire: Summary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        """The scan's :class:`Summary` (id and texts): the card needs nothing else of it."""
        self.setObjectName("scanCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = Heading(level=2, parent=self)
        self.intro = plain_label(parent=self)
        # How the scan works and its limits (the file's ``about``): long, so folded away
        # behind a button announced as one that expands, in the card's button row so both
        # cards still fit a 1024×600 screen.
        self.about_button = QPushButton(self)
        a11y.make_expandable(self.about_button)
        self.about = plain_label(parent=self, name="scanAbout")
        self.about.setVisible(False)
        self.about_button.clicked.connect(self._toggle_about)
        self.minutes = plain_label(parent=self, name="minutes")
        self.minutes.setWordWrap(False)
        self.button = QPushButton(self)
        self.button.setProperty("primary", True)  # the one accent-coloured button here
        self.blank_button = QPushButton(self)  # the paper version, for training and for paper
        self.about_button.setFlat(True)  # a quiet link-like button, beside the duration
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addWidget(self.about_button)
        row.addStretch(1)
        row.addWidget(self.blank_button)
        row.addWidget(self.button)
        for widget in (self.title, self.intro):
            layout.addWidget(widget)
        layout.addLayout(row)  # one row, so both scans fit a 1024×600 screen
        layout.addWidget(self.about)
        self.retranslate()

    def _toggle_about(self) -> None:
        opened = not self.about.isVisible()
        self.about.setVisible(opened)
        a11y.set_expanded(self.about_button, opened)

    def retranslate(self) -> None:
        lang = current_language()
        title = self.questionnaire.title.get(lang)
        if self.questionnaire.draft:  # work in progress: English may still be Dutch
            title = _("{title} (draft)").format(title=title)
        self.title.setText(title)
        self.intro.setText(self.questionnaire.intro.get(lang))
        about_text = self.questionnaire.about
        self.about.setText(about_text.get(lang) if about_text is not None else "")
        self.about_button.setText(_("How this scan works"))
        self.about_button.setAccessibleName(_("How this scan works: {title}").format(title=title))
        self.about_button.setVisible(about_text is not None)
        self.minutes.setText(
            _("Takes about {minutes} minutes").format(minutes=self.questionnaire.minutes)
        )
        self.button.setText(_("Start this scan"))
        self.button.setAccessibleName(_("Start: {title}").format(title=title))
        self.button.setAccessibleDescription(self.questionnaire.intro.get(lang))
        self.blank_button.setText(_("Paper version (PDF)…"))
        self.blank_button.setAccessibleName(
            _("Save blank paper version: {title}").format(title=title)
        )
        self.blank_button.setAccessibleDescription(
            _("Every question with tick boxes, to print and fill in by hand")
        )


class StartScreen(QWidget):
    scan_requested = Signal(str, object)
    """(questionnaire id, StorageChoice)."""
    training_requested = Signal()
    """Extension point: the training developer connects the full trainer flow here."""
    blank_requested = Signal(str)
    """(questionnaire id): save the scan's blank paper version."""
    about_requested = Signal()
    """"More about Zelfscan": the main window opens the About dialog."""

    def __init__(
        self,
        questionnaires: Sequence[Summary],
        errors: Sequence[object] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        outer = QVBoxLayout(self)
        scroll = self.scroll_area = ReflowScrollArea(self)
        content = ReflowContent()
        content.setObjectName("startContent")
        layout = QVBoxLayout(content)
        layout.setSpacing(self.fontMetrics().height() // 2)
        scroll.setWidget(content)
        outer.addWidget(scroll)

        self.heading = Heading(level=1, parent=content)
        self.lead = plain_label(parent=content)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        # What Zelfscan is and is not (zelfscan.about), briefly, with the way to the rest.
        self.about_text = plain_label(parent=content, name="aboutShort")
        self.about_button = QPushButton(content)
        self.about_button.setObjectName("aboutLink")
        self.about_button.setFlat(True)
        self.about_button.clicked.connect(self.about_requested.emit)
        about_row = QHBoxLayout()
        about_row.addWidget(self.about_text, 1)
        about_row.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(about_row)
        self.training_area = QVBoxLayout()
        """Training mode puts its demo persons here, at the top (zelfscan.gui.training)."""
        layout.addLayout(self.training_area)
        # Where answers go is decided before a scan starts, so the choice comes first
        # (also in the tab order, which follows creation).
        self.privacy = QGroupBox(content)
        self.privacy.setObjectName("privacyBox")
        privacy_layout = QVBoxLayout(self.privacy)
        self.privacy_text = plain_label(parent=self.privacy)
        privacy_layout.addWidget(self.privacy_text)
        self.storage_group = QButtonGroup(self)
        self.storage_buttons: dict[StorageChoice, QRadioButton] = {}
        for choice in OFFERED_STORAGE:
            button = WrapRadioButton(self.privacy)
            self.storage_group.addButton(button)
            self.storage_buttons[choice] = button
            privacy_layout.addWidget(button)
        self.storage_buttons[OFFERED_STORAGE[0]].setChecked(True)
        layout.addWidget(self.privacy)

        self.cards = [ScanCard(q, content) for q in questionnaires]
        for card in self.cards:
            layout.addWidget(card)
            card.button.clicked.connect(
                lambda _c=False, qid=card.questionnaire.id: self._start(qid)
            )
            card.blank_button.clicked.connect(
                lambda _c=False, qid=card.questionnaire.id: self.blank_requested.emit(qid)
            )
        self.empty = plain_label(parent=content)
        self.empty.setVisible(not self.cards)
        layout.addWidget(self.empty)

        self.training_button = QPushButton(content)
        self.training_button.clicked.connect(self.training_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.training_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.errors_box = QGroupBox(content)
        self.errors_box.setObjectName("loadErrors")
        errors_layout = QVBoxLayout(self.errors_box)
        self.errors_text = plain_label(parent=self.errors_box)
        self.broken = plain_label(parent=self.errors_box, name="brokenFiles")
        self._errors = list(errors)
        self.load_errors = [format_load_error(e) for e in errors]
        self.details_button = QPushButton(self.errors_box)
        self.details_button.clicked.connect(self.show_all_errors)
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.errors_dialog: LoadErrorsDialog | None = None
        errors_layout.addWidget(self.errors_text)
        errors_layout.addWidget(self.broken)
        errors_layout.addWidget(self.details_button)
        self.errors_box.setVisible(bool(errors))
        self._broken_files = broken_files(errors)
        layout.addWidget(self.errors_box)
        layout.addStretch(1)
        self.retranslate()

    def add_errors(self, errors: Sequence[object], gone: Collection[str]) -> None:
        """Questionnaires that did not load after the screen was built (they were listed by
        their summaries): their cards go, their errors show as any load error does."""
        for card in [c for c in self.cards if c.questionnaire.id in gone]:
            self.cards.remove(card)
            card.hide()
            card.deleteLater()
        self.empty.setVisible(not self.cards)
        self._errors.extend(errors)
        self.load_errors = [format_load_error(e) for e in self._errors]
        self._broken_files = broken_files(self._errors)
        self.errors_box.setVisible(bool(self._errors))
        self.retranslate()

    def set_training(self, on: bool) -> None:
        """In training mode nothing is stored, so there is no storage choice to make, and the
        way into training mode is the banner's way out instead."""
        self.privacy.setVisible(not on)
        self.training_button.setVisible(not on)
        if on:
            self.storage_buttons[StorageChoice.MEMORY].setChecked(True)

    def storage_choice(self) -> StorageChoice:
        for choice, button in self.storage_buttons.items():
            if button.isChecked():
                return choice
        return StorageChoice.MEMORY

    def _start(self, questionnaire_id: str) -> None:
        self.scan_requested.emit(questionnaire_id, self.storage_choice())

    @staticmethod
    def storage_texts(choice: StorageChoice) -> tuple[str, str]:
        """(label, accessible description) for a storage option."""
        if choice is StorageChoice.MEMORY:
            return (
                _("&Only in memory: everything is gone when you close the app"),
                _("Your answers are not saved on this laptop"),
            )
        if choice is StorageChoice.VAULT:
            return (
                _("Save in an encrypted vault on this &laptop (with a passphrase)"),
                _(
                    "Your answers are saved after every answer, encrypted with your "
                    "passphrase, so you can carry on later and compare with an earlier scan"
                ),
            )
        return choice.value, ""  # pragma: no cover - future options bring their own texts

    def retranslate(self) -> None:
        self.heading.setText(_("Zelfscan: your safety as an office holder"))
        self.lead.setText(
            _(
                "Choose a scan. You answer questions about your situation and get personal "
                "advice at once. The scan gives an indication; it does not say that you are safe."
            )
        )
        self.about_text.setText(about.statement(current_language()).short)
        self.about_button.setText(_("More about Zelfscan…"))
        self.about_button.setAccessibleName(_("More about Zelfscan"))
        self.about_button.setAccessibleDescription(
            _("What Zelfscan is and is not, and where to find official help")
        )
        self.empty.setText(_("No scans could be loaded."))
        for card in self.cards:
            card.retranslate()
        self.privacy.setTitle(_("Your privacy"))
        self.privacy_text.setText(
            _(
                "By default nothing is stored: your answers stay only in this computer's "
                "memory while the app is open. Nothing is sent anywhere; the app does not use "
                "the internet. Only a PDF that you save yourself ends up on disk."
            )
        )
        for choice, button in self.storage_buttons.items():
            label, description = self.storage_texts(choice)
            button.setText(label)
            button.setAccessibleName(label.replace("&", ""))
            button.setAccessibleDescription(description)
        self.training_button.setText(_("T&raining mode…"))
        self.training_button.setAccessibleName(_("Training mode"))
        self.training_button.setAccessibleDescription(
            _("For trainers in an induction session: nothing is stored")
        )
        self.errors_box.setTitle(_("Not every questionnaire could be loaded"))
        self.errors_text.setText(
            _(
                "The scans above work as usual. These questionnaire files contain an error and "
                "are left out; the details are meant for the person who edits the questionnaires."
            )
        )
        lines = []
        for name, first, more in self._broken_files:
            line = _("{file}: not loaded. First error: {error}").format(file=name, error=first)
            if more:
                line += " " + _("({n} more)").format(n=more)
            lines.append("• " + line)
        self.broken.setText("\n".join(lines))
        self.broken.setAccessibleName(self.errors_box.title())
        self.broken.setAccessibleDescription(self.broken.text())
        self.details_button.setText(_("Show all &errors…"))
        self.details_button.setAccessibleName(_("Show all errors"))
        self.details_button.setAccessibleDescription(
            _("Opens the full list of errors, to read or copy")
        )

    def show_all_errors(self) -> None:
        """The full list (``file:line:col: message``, one per line) in a dialog to copy from."""
        dialog = LoadErrorsDialog("\n".join(self.load_errors), self)
        self.errors_dialog = dialog
        self.exec_dialog(dialog)
        dialog.deleteLater()
        self.errors_dialog = None


def broken_files(errors: Sequence[object]) -> list[tuple[str, str, int]]:
    """``(file name, first error, how many more)`` per file that did not load, in order.

    The first error is shown as ``line:col: message`` (the file is named already)."""
    grouped: dict[str, list[object]] = {}
    for error in errors:
        path = str(getattr(error, "file", None) or getattr(error, "path", None) or "")
        grouped.setdefault(path, []).append(error)
    result = []
    for path, found in grouped.items():
        first = found[0]
        line, col = getattr(first, "line", None), getattr(first, "col", None)
        message = str(getattr(first, "message", first))
        where = f"{line}:{col}: " if line and col else ""
        result.append((Path(path).name if path else "?", where + message, len(found) - 1))
    return result


class LoadErrorsDialog(QDialog):
    """Every load error, selectable, with a button that copies them all."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        # here, not at the top: the start screen paints without these classes
        from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

        super().__init__(parent)
        self.setWindowTitle(_("Questionnaires that could not be loaded"))
        layout = QVBoxLayout(self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(text)
        self.details.setAccessibleName(_("Error details"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(_("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName(_("Copy all errors"))
        self.copy_button.clicked.connect(self.copy)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("C&lose"))
        close.setAccessibleName(_("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 20)

    def copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.details.toPlainText())
