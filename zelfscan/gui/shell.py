"""The window's frame: start screen or the running scan, menus for language and text size,
the training-mode banner, and the small interface its neighbours use.

It owns the session's lifetime, so "Nieuwe scan" really forgets. The controllers that add
to the window (privacy and vault, the lock, training) go through the methods and signals in
the "interface" sections below and never through its child widgets or menus, so the window
can change its insides without breaking them. This module imports none of them: they
depend on the window, not the other way round (:mod:`zelfscan.gui.main_window` puts the
window and the training controller together; ``privacy.install`` adds the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
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
from zelfscan.core.catalog import Scans
from zelfscan.gui import theme
from zelfscan.gui.session import ScanSession, StorageChoice
from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.start import StartScreen
from zelfscan.gui.translations import apply_language
from zelfscan.gui.widgets.common import plain_label
from zelfscan.i18n import _, current_language

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from zelfscan.core.model import Questionnaire
    from zelfscan.gui.wizard import ScanWizard


class VaultHooks(Protocol):
    """What the window asks of the vault (``zelfscan.gui.vault.flow.VaultFlow``)."""

    def start(self, questionnaire_id: str) -> None:
        """The user asked for a scan kept in the vault: passphrase, then new or resume."""

    def attach(self, session: ScanSession) -> None:
        """A vault session was made, before its wizard exists: resume and autosave."""


class TrainingBanner(QFrame):
    """Always visible in training mode, so nobody mistakes a demo for their own scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingBanner")
        self.row = QHBoxLayout(self)
        self.label = plain_label(parent=self, name="trainingText")
        self.stop = QPushButton(self)
        self.row.addWidget(self.label, 1)
        self.row.addWidget(self.stop)
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
    from its text. :meth:`Shell.add_menu` calls it again for every added menu."""
    for action in window.findChildren(QAction):
        if action.menuRole() == QAction.MenuRole.TextHeuristicRole:
            action.setMenuRole(QAction.MenuRole.NoRole)


class Shell(QMainWindow):
    training_changed = Signal(bool)
    """Training mode went on or off (also at start, before any neighbour listens)."""
    retranslated = Signal()
    """Every text of the window was set again (language change, scan opened or closed)."""
    look_chosen = Signal()
    """The user picked a language or text size in the menus (a setting worth keeping)."""
    page_changed = Signal()
    """Another page is shown: the start screen, a scan or a page a neighbour added."""
    vault_option_toggled = Signal(bool)
    """The start screen's "save in my vault" option was switched on or off."""
    blank_requested = Signal(str)
    """The start screen asked for the blank paper version of a questionnaire."""

    def __init__(
        self,
        questionnaires: Sequence[Questionnaire] | Scans,
        errors: Sequence[object] = (),
        *,
        training: bool = False,
    ) -> None:
        super().__init__()
        self.questionnaires = (
            questionnaires if isinstance(questionnaires, Scans) else Scans.of(questionnaires)
        )
        """By id; at start the built-in ones may be known by their summaries only, and load
        on first use (``app.py`` loads them right after the start screen's first paint)."""
        self.questionnaires.on_late_errors = self._on_late_errors
        self.training = training
        self.session: ScanSession | None = None
        self.wizard: ScanWizard | None = None
        self._vault: VaultHooks | None = None
        self._close_checks: list[Callable[[], bool]] = []
        central = QWidget(self)
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.banner = TrainingBanner(central)
        self.banner.stop.clicked.connect(lambda: self.set_training(False))
        self._column.addWidget(self.banner)
        self.stack = QStackedWidget(central)
        self._column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.start = StartScreen(self.questionnaires.summaries(), errors, self.stack)
        self.start.scan_requested.connect(self._on_scan_requested)
        self.start.training_requested.connect(self.enter_training_mode)
        self.start.about_requested.connect(self.show_about)
        self.start.blank_requested.connect(self.blank_requested)
        vault_button = self.start.storage_buttons.get(StorageChoice.VAULT)
        if vault_button is not None:
            vault_button.toggled.connect(self.vault_option_toggled)
        self.stack.addWidget(self.start)
        self.stack.currentChanged.connect(lambda _index: self.page_changed.emit())
        self._build_menus()
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
            action.triggered.connect(lambda _c=False, p=percent: self._choose_text_scale(p))
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
            action.triggered.connect(lambda _c=False, code=lang: self._choose_language(code))
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

    # --- interface: what neighbours add to the window -------------------------------------
    def add_menu(self, menu: QMenu, *, window_actions: Sequence[QAction] = ()) -> None:
        """Put ``menu`` in the menu bar before the language and help menus. The
        ``window_actions`` keep their shortcuts even while the menu is hidden or closed."""
        self.menuBar().insertMenu(self.language_menu.menuAction(), menu)
        self.addActions(list(window_actions))
        explicit_menu_roles(self)

    def add_window_actions(self, actions: Sequence[QAction]) -> None:
        """``actions`` keep their shortcuts even while their menu is hidden or closed (for a
        menu filled after :meth:`add_menu`; its new actions get their explicit roles here)."""
        self.addActions(list(actions))
        explicit_menu_roles(self)

    def add_bar(self, widget: QWidget) -> None:
        """A full-width bar (a message, a warning) under the training banner."""
        self._column.insertWidget(1, widget)

    def add_to_training_banner(self, widget: QWidget) -> None:
        """Shown in the training banner, between its text and its stop button."""
        self.banner.row.insertWidget(1, widget, 1)

    def add_storage_note(self, widget: QWidget) -> None:
        """Shown under the start screen's choice of where the answers are kept."""
        layout = self.start.privacy.layout()
        if layout is not None:
            layout.addWidget(widget)

    def add_training_panel(self, widget: QWidget) -> None:
        """Shown on the start screen in its training area."""
        self.start.training_area.addWidget(widget)

    def add_close_check(self, check: Callable[[], bool]) -> None:
        """Asked before the window closes; a check that returns False keeps it open."""
        self._close_checks.append(check)

    def use_vault(self, hooks: VaultHooks) -> None:
        """Scans with the vault option go through ``hooks`` (without it they stay in memory)."""
        self._vault = hooks

    # --- interface: pages, actions, status ------------------------------------------------
    def add_page(self, widget: QWidget) -> None:
        """A page the window can show instead of the start screen or the scan."""
        self.stack.addWidget(widget)

    def current_page(self) -> QWidget | None:
        """The page shown now (the start screen, the scan's wizard or an added page)."""
        return self.stack.currentWidget()

    def show_page(self, widget: QWidget | None) -> None:
        """Show ``widget`` (the start screen for ``None``)."""
        self.stack.setCurrentWidget(widget if widget is not None else self.start)

    def showing_start(self) -> bool:
        return self.stack.currentWidget() is self.start

    def showing_scan(self) -> bool:
        return self.wizard is not None and self.stack.currentWidget() is self.wizard

    def suspend_actions(self) -> Callable[[], None]:
        """Disable every enabled action of the window (menus and shortcuts); returns the
        call that enables exactly those again."""
        disabled = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for action in disabled:
            action.setEnabled(False)

        def resume() -> None:
            for action in disabled:
                action.setEnabled(True)

        return resume

    def close_side_windows(self) -> None:
        """Close windows that belong to the scan (the urgent-help panel)."""
        if self.wizard is not None:
            self.wizard.urgent.close()

    def set_vault_available(self, usable: bool) -> None:
        """Offer or grey out the vault option; a chosen vault falls back to memory only."""
        button = self.start.storage_buttons.get(StorageChoice.VAULT)
        if button is None:
            return
        button.setEnabled(usable)
        if not usable and button.isChecked():
            self.start.storage_buttons[StorageChoice.MEMORY].setChecked(True)

    def show_status(self, text: str, ms: int = 10000) -> None:
        self.statusBar().showMessage(text, ms)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(check() for check in self._close_checks):
            event.ignore()
            return
        super().closeEvent(event)

    # --- training mode ----------------------------------------------------------------
    def enter_training_mode(self) -> None:
        """Slot for the start screen's training button."""
        self.set_training(True)

    def set_training(self, on: bool) -> None:
        self.training = on
        self.banner.setVisible(on)
        self.start.set_training(on)
        self.training_changed.emit(on)
        if on and self.text_scale < 150:
            self._scale_before_training = self.text_scale
            self.set_text_scale(150)  # projector-friendly; the View menu still changes it
        elif not on and self._scale_before_training is not None:
            self.set_text_scale(self._scale_before_training)
        if not on:
            self._scale_before_training = None

    # --- scans ------------------------------------------------------------------------
    def open_session(self, questionnaire: Questionnaire, storage: StorageChoice) -> ScanSession:
        """Create the session for a new scan; the vault attaches to a vault session."""
        session = ScanSession(questionnaire, training=self.training, storage=storage, parent=self)
        if storage is StorageChoice.VAULT and self._vault is not None:
            self._vault.attach(session)  # resume + autosave
        return session

    def _on_late_errors(self, errors: Sequence[object]) -> None:
        offered = {card.questionnaire.id for card in self.start.cards}
        self.start.add_errors(errors, gone=offered - set(self.questionnaires))

    def _on_scan_requested(self, questionnaire_id: str, storage: object) -> None:
        self.questionnaires.load()  # clicked before the load after the first paint: now
        if questionnaire_id not in self.questionnaires:
            return  # it did not load after all; the start screen says so now
        choice = storage if isinstance(storage, StorageChoice) else StorageChoice.MEMORY
        if choice is StorageChoice.VAULT and self._vault is not None:
            self._vault.start(questionnaire_id)  # passphrase, then new or resume
            return
        self.start_scan(questionnaire_id, choice)

    def start_scan(
        self, questionnaire_id: str, storage: StorageChoice = StorageChoice.MEMORY
    ) -> ScanWizard:
        if self.session is not None or self.wizard is not None:
            self.close_scan()
        from zelfscan.gui.wizard import ScanWizard  # not needed to show the start screen

        questionnaire = self.questionnaires[questionnaire_id]
        self.session = self.open_session(questionnaire, storage)
        self.wizard = ScanWizard(self.session, self.stack)
        self.wizard.new_scan_requested.connect(self.close_scan)
        self.stack.addWidget(self.wizard)
        # On its first page before it is shown: shown first, a QWizard starts itself and
        # the explicit restart then built and initialised the first page a second time.
        self.wizard.restart()
        self.stack.setCurrentWidget(self.wizard)
        self._retranslate_frame()  # the new wizard is in the current language already
        self.retranslated.emit()
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
        # Qt re-styles every widget of an open scan (one to two seconds with ~1,600 of
        # them on a slow laptop): show that it is busy rather than look frozen.
        from PySide6.QtGui import QCursor  # not needed before the start screen paints

        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            theme.set_text_scale(percent)
        finally:
            QApplication.restoreOverrideCursor()
        if percent in self.size_actions:
            self.size_actions[percent].setChecked(True)

    def _choose_language(self, lang: str) -> None:
        self.set_language(lang)
        self.look_chosen.emit()

    def _choose_text_scale(self, percent: int) -> None:
        self.set_text_scale(percent)
        self.look_chosen.emit()

    def _step_text_scale(self, step: int) -> None:
        scales = theme.TEXT_SCALES
        index = scales.index(self.text_scale) if self.text_scale in scales else 0
        self.set_text_scale(scales[max(0, min(len(scales) - 1, index + step))])
        self.look_chosen.emit()

    def retranslate(self) -> None:
        self._retranslate_frame()
        self.start.retranslate()
        self.retranslated.emit()
        if self.wizard is not None:
            self.wizard.retranslate()

    def _retranslate_frame(self) -> None:
        """The window's own texts: title, menus, banner."""
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
