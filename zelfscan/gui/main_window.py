"""The shell: start screen or the running scan, menus for language and text size, and the
training-mode banner. It owns the session's lifetime, so "Nieuwe scan" really forgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zelfscan import APP_NAME
from zelfscan.core.model import Questionnaire
from zelfscan.gui import theme
from zelfscan.gui.session import ScanSession, StorageChoice
from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.start import StartScreen
from zelfscan.gui.training.controller import TrainingController
from zelfscan.gui.translations import apply_language
from zelfscan.gui.widgets.common import plain_label
from zelfscan.gui.wizard import ScanWizard
from zelfscan.i18n import _, current_language

if TYPE_CHECKING:
    from zelfscan.gui.vault_flow import VaultFlow


class TrainingBanner(QFrame):
    """Always visible in training mode, so nobody mistakes a demo for their own scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingBanner")
        layout = QHBoxLayout(self)
        self.label = plain_label(parent=self, name="trainingText")
        self.stop = QPushButton(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.stop)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("Training mode: nothing is stored. Use a demo person if you like."))
        self.label.setAccessibleName(self.label.text())
        self.stop.setText(_("Stop training mode"))
        self.stop.setAccessibleName(_("Stop training mode"))


def explicit_menu_roles(window: QMainWindow) -> None:
    """Every menu action without a chosen role gets ``NoRole``.

    The role decides where an action goes in the macOS app menu. Qt guesses it from English
    text otherwise ("Quit", "About", "Settings"...), which a Dutch menu never matches, and a
    guess could also move an unrelated item. So only About (``AboutRole``),
    Quit (``QuitRole``) and the one preference, the auto-lock time (``PreferencesRole``, set
    by :mod:`zelfscan.gui.privacy`), move to the macOS app menu; nothing moves by a guess
    from its text. Call again after adding actions."""
    for action in window.findChildren(QAction):
        if action.menuRole() == QAction.MenuRole.TextHeuristicRole:
            action.setMenuRole(QAction.MenuRole.NoRole)


class MainWindow(QMainWindow):
    def __init__(
        self,
        questionnaires: Sequence[Questionnaire],
        errors: Sequence[object] = (),
        *,
        training: bool = False,
    ) -> None:
        super().__init__()
        self.questionnaires = {q.id: q for q in questionnaires}
        self.training = training
        self.session: ScanSession | None = None
        self.wizard: ScanWizard | None = None
        self.vault_flow: VaultFlow | None = None  # set by zelfscan.gui.privacy.install
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = TrainingBanner(central)
        self.banner.stop.clicked.connect(lambda: self.set_training(False))
        layout.addWidget(self.banner)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.start = StartScreen(questionnaires, errors, self.stack)
        self.start.scan_requested.connect(self._on_scan_requested)
        self.start.training_requested.connect(self.enter_training_mode)
        self.start.about_requested.connect(self.show_about)
        self.stack.addWidget(self.start)
        self._build_menus()
        self.trainer = TrainingController(self)  # personas, presenter view, next participant
        self._scale_before_training: int | None = None
        self.set_training(training)
        self.retranslate()

    # --- menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(bar)
        self.new_action = QAction(self, shortcut=Shortcut.NEW_SCAN.sequence())
        self.new_action.triggered.connect(self._new_scan_from_menu)
        self.quit_action = QAction(self, shortcut=Shortcut.QUIT.sequence())
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)  # macOS: app menu, ⌘Q
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addActions([self.new_action, self.quit_action])
        self.view_menu = QMenu(bar)
        self.size_menu = QMenu(self.view_menu)
        self.size_group = QActionGroup(self)
        self.size_actions: dict[int, QAction] = {}
        for percent in theme.TEXT_SCALES:
            action = QAction(f"{percent}%", self, checkable=True)
            action.triggered.connect(lambda _c=False, p=percent: self.set_text_scale(p))
            self.size_group.addAction(action)
            self.size_menu.addAction(action)
            self.size_actions[percent] = action
        self.size_actions[100].setChecked(True)
        self.larger_action = QAction(self, shortcut=Shortcut.TEXT_LARGER.sequence())
        self.larger_action.triggered.connect(lambda: self._step_text_scale(+1))
        self.smaller_action = QAction(self, shortcut=Shortcut.TEXT_SMALLER.sequence())
        self.smaller_action.triggered.connect(lambda: self._step_text_scale(-1))
        self.view_menu.addMenu(self.size_menu)
        self.view_menu.addActions([self.larger_action, self.smaller_action])
        self.language_menu = QMenu(bar)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # each language is named in itself, so it can be found whatever is active
        for lang, name in (("nl", "&Nederlands"), ("en", "&English")):
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action
        # Help stays last: other menus are inserted before the language menu.
        self.help_menu = QMenu(bar)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the app menu
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.view_menu, self.language_menu, self.help_menu):
            bar.addMenu(menu)
        self.text_scale = 100
        explicit_menu_roles(self)  # macOS app menu: About and Quit, nothing by a guess

    # --- extension points -------------------------------------------------------------
    def enter_training_mode(self) -> None:
        """Slot for the start screen's training button (the trainer flow will hook in here)."""
        self.set_training(True)

    def set_training(self, on: bool) -> None:
        self.training = on
        self.banner.setVisible(on)
        self.start.set_training(on)
        self.trainer.set_active(on)
        if on and self.text_scale < 150:
            self._scale_before_training = self.text_scale
            self.set_text_scale(150)  # projector-friendly; the View menu still changes it
        elif not on and self._scale_before_training is not None:
            self.set_text_scale(self._scale_before_training)
        if not on:
            self._scale_before_training = None

    def open_session(self, questionnaire: Questionnaire, storage: StorageChoice) -> ScanSession:
        """Create the session for a new scan. The vault hooks in here for StorageChoice.VAULT."""
        session = ScanSession(questionnaire, training=self.training, storage=storage, parent=self)
        if storage is StorageChoice.VAULT and self.vault_flow is not None:
            self.vault_flow.attach(session)  # resume + autosave
        return session

    # --- scans ------------------------------------------------------------------------
    def _on_scan_requested(self, questionnaire_id: str, storage: object) -> None:
        choice = storage if isinstance(storage, StorageChoice) else StorageChoice.MEMORY
        if choice is StorageChoice.VAULT and self.vault_flow is not None:
            self.vault_flow.start(questionnaire_id)  # passphrase, then new or resume
            return
        self.start_scan(questionnaire_id, choice)

    def start_scan(
        self, questionnaire_id: str, storage: StorageChoice = StorageChoice.MEMORY
    ) -> ScanWizard:
        self.close_scan()
        questionnaire = self.questionnaires[questionnaire_id]
        self.session = self.open_session(questionnaire, storage)
        self.wizard = ScanWizard(self.session, self.stack)
        self.wizard.new_scan_requested.connect(self.close_scan)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self.wizard.restart()
        self.retranslate()
        first = self.wizard.currentPage()
        if first is not None:
            first.setFocus()
            first.focusNextChild()
        return self.wizard

    def close_scan(self) -> None:
        """Back to the start screen; the answers are cleared and the session dropped."""
        if self.session is not None:
            self.session.clear()
        if self.wizard is not None:
            self.wizard.urgent.close()
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
        self.wizard = None
        if self.session is not None:
            self.session.deleteLater()
        self.session = None
        self.stack.setCurrentWidget(self.start)
        self.retranslate()

    def _new_scan_from_menu(self) -> None:
        if self.wizard is None:
            return
        self.wizard.accept()  # asks for confirmation first

    def show_about(self) -> None:
        from zelfscan.gui.dialogs.about import show_about

        show_about(self)

    # --- language and text size ---------------------------------------------------------
    def set_language(self, lang: str) -> None:
        apply_language(lang)
        self.retranslate()

    def set_text_scale(self, percent: int) -> None:
        self.text_scale = percent
        theme.set_text_scale(percent)
        if percent in self.size_actions:
            self.size_actions[percent].setChecked(True)

    def _step_text_scale(self, step: int) -> None:
        scales = theme.TEXT_SCALES
        index = scales.index(self.text_scale) if self.text_scale in scales else 0
        self.set_text_scale(scales[max(0, min(len(scales) - 1, index + step))])

    def retranslate(self) -> None:
        lang = current_language()
        self.language_actions[lang].setChecked(True)
        title = APP_NAME
        if self.session is not None:  # the scan's name, never an answer
            title = f"{self.session.questionnaire.title.get(lang)} — {APP_NAME}"
        self.setWindowTitle(title)
        self.file_menu.setTitle(_("&File"))
        self.new_action.setText(_("&New scan"))
        self.quit_action.setText(_("&Quit"))
        self.view_menu.setTitle(_("&View"))
        self.size_menu.setTitle(_("&Text size"))
        self.larger_action.setText(_("&Larger text"))
        self.smaller_action.setText(_("&Smaller text"))
        self.language_menu.setTitle("&Taal / Language")
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Zelfscan…"))
        self.banner.retranslate()
        self.start.retranslate()
        self.trainer.retranslate()
        if self.wizard is not None:
            self.wizard.retranslate()
