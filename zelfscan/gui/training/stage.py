"""The two screens of a session: the audience view on the projector, the console on the laptop.

Wires the :class:`SlideSource` (what the current step is) to the :class:`PresenterView` (what
the room sees) and the :class:`TrainerConsole` (what only the trainer sees), with the clicker
keys, the black screen, and the "alleen voorbeeldpersonen" lock that keeps someone's own scan
off the projector. With two screens the audience view goes to the screen that is not the main
window's and the console opens on the laptop; with one (mirrored) screen the notes stay hidden
unless the trainer asks (N on the audience view, or the console when the room does not look).
The urgent-help panel is part of the wizard's page, so it never pops up over the audience view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from zelfscan.gui.shortcuts import Shortcut
from zelfscan.gui.training.follow import SlideSource
from zelfscan.gui.training.keys import ClickerKeys, Commands
from zelfscan.i18n import _
from zelfscan.report.slides import Slide

if TYPE_CHECKING:
    from zelfscan.gui.shell import Shell
    from zelfscan.gui.training.console import TrainerConsole
    from zelfscan.gui.training.presenter import PresenterView


class Stage(QObject):
    def __init__(self, window: Shell) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.shared_screen = True
        """The audience view covers the main window's own screen (one or mirrored screens)."""
        self._presenter: PresenterView | None = None
        self._console: TrainerConsole | None = None
        self.overlay: Slide | None = None
        """A slide that goes over the scan's own (the room poll), until it is taken off."""
        self.slides = SlideSource(self)
        self.slides.changed.connect(self._on_slide)
        self.keys = ClickerKeys(
            Commands(
                back=self.slides.go_back,
                next=self.slides.go_next,
                black=self.toggle_black,
                notes=lambda: self.presenter.toggle_notes(),
                leave=lambda: self.presenter_action.setChecked(False),
            ),
            self,
        )
        self.presenter_action = QAction(
            window, shortcut=Shortcut.PRESENTER.sequence(), checkable=True
        )
        # F5 from any window of the app: the wizard, the urgent-help panel, the audience view
        self.presenter_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.presenter_action.toggled.connect(self.show_presenter)
        self.console_action = QAction(window, checkable=True)
        self.console_action.toggled.connect(self.show_console)
        self.lock_action = QAction(window, checkable=True, checked=True)
        self.lock_action.toggled.connect(self.set_locked)

    # --- built on first use: most starts are not training sessions (start-up budget) -------
    @property
    def presenter(self) -> PresenterView:
        if self._presenter is None:
            from zelfscan.gui.training.presenter import PresenterView

            presenter = self._presenter = PresenterView(self.window)
            presenter.set_locked(self.lock_action.isChecked())
            presenter.closed.connect(lambda: self.presenter_action.setChecked(False))
            presenter.back_requested.connect(self.slides.go_back)
            presenter.next_requested.connect(self.slides.go_next)
            presenter.show_slide(self.overlay or self.slides.slide)
        return self._presenter

    @property
    def console(self) -> TrainerConsole:
        if self._console is None:
            from zelfscan.gui.training.console import TrainerConsole

            console = self._console = TrainerConsole(self.window)
            console.hide()
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, console)
            console.lock.setChecked(self.lock_action.isChecked())
            console.lock_changed.connect(self.lock_action.setChecked)
            console.presenter_requested.connect(self.presenter_action.toggle)
            console.black_requested.connect(self.toggle_black)
            console.closed.connect(lambda: self.console_action.setChecked(False))
            console.show_slide(self.slides.slide)
        return self._console

    # --- mode -----------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        self.active = on
        for action in (self.presenter_action, self.console_action, self.lock_action):
            action.setEnabled(on)
        if not on:
            self.presenter_action.setChecked(False)
            self.console_action.setChecked(False)

    def follow(self, wizard: QWidget | None, session: QObject | None, persona: object) -> None:
        """The window shows ``wizard`` (or the start screen when ``None``)."""
        from zelfscan.core.model import Persona
        from zelfscan.gui.session import ScanSession
        from zelfscan.gui.wizard import ScanWizard

        slides = self.slides
        if isinstance(wizard, ScanWizard) and isinstance(session, ScanSession):
            if slides.wizard is not wizard:
                slides.follow(wizard, session, persona if isinstance(persona, Persona) else None)
        else:
            slides.reset()

    def set_overlay(self, slide: object) -> None:
        """Put the room poll on the audience view (``None`` takes it off again)."""
        self.overlay = slide if isinstance(slide, Slide) else None
        self._on_slide(self.slides.slide)

    def _on_slide(self, slide: Slide) -> None:
        if self._presenter is not None:
            self._presenter.show_slide(self.overlay or slide)
            self._presenter.set_navigation(self.slides.can_go_back(), self.slides.can_go_next())
        if self._console is not None:
            self._console.show_slide(slide)
        self.update_screen_state()

    # --- the audience view and the console ------------------------------------------------
    def show_presenter(self, on: bool) -> None:
        if on and self.active and self.lock_action.isChecked() and self.slides.own_scan:
            # "Alleen voorbeeldpersonen": someone's own scan never goes on the projector
            self.presenter_action.setChecked(False)
            self.window.show_status(
                _(
                    "This is someone's own scan: it is not shown on the projector. "
                    "Choose a demo person, or turn off “Only demo persons”."
                ),
                10000,
            )
            return
        if on and self.active:
            self.slides.active = True
            self.slides.refresh()
            other_screen = self.presenter.present(self.window)
            self.shared_screen = not other_screen
            if other_screen:
                self.console_action.setChecked(True)  # the notes go to the laptop
            self.console.start_session()
        elif self._presenter is not None:
            self._presenter.close()
        self.keys.set_on(on and self.active)  # the clicker's keys, whatever has focus
        self.update_screen_state()

    def show_console(self, on: bool) -> None:
        if on and self.active:
            self.slides.active = True
            self.slides.refresh()
            self.console.show()
            self.console.start_session()
        elif self._console is not None:
            self._console.hide()

    def toggle_black(self) -> None:
        self.presenter.toggle_black()
        self.update_screen_state()

    def set_locked(self, on: bool) -> None:
        if self._presenter is not None:
            self._presenter.set_locked(on)
        if self._console is not None:
            self._console.lock.setChecked(on)
        self.update_screen_state()

    def update_screen_state(self) -> None:
        console, presenter = self._console, self._presenter
        if console is None:
            return
        if presenter is None or not presenter.isVisible():
            text = _("On the projector: nothing (F5 opens the audience view)")
        elif presenter.black.isVisible():
            text = _("On the projector: black screen (B shows the slide again)")
        elif presenter.shown is not presenter.slide:
            text = _("On the projector: “Own scan: not on the screen”")
        else:
            text = _("On the projector: {title}").format(title=presenter.slide.title)
        console.set_screen_state(text)

    def close(self) -> None:
        if self._presenter is not None:
            self._presenter.close()

    def retranslate(self) -> None:
        self.presenter_action.setText(_("&Audience view on the projector"))
        self.console_action.setText(_("Trainer &console"))
        self.lock_action.setText(_("&Only demo persons on the projector"))
        if self.slides.active:
            self.slides.refresh()
        if self._console is not None:
            self._console.retranslate()
