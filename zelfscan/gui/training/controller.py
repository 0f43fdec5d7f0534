"""Training mode's wiring into the main window: the Training menu, demo personas, the
presenter view (F5), "volgende deelnemer" and the blank paper version.

It composes with the main window instead of growing it: it follows which page the window
shows (start screen or a scan) and uses only the window's interface
(:class:`zelfscan.gui.shell.Shell`: ``start_scan``, ``close_scan``, ``add_menu``, ...).
Nothing here writes to disk; the blank PDF goes only where the trainer chooses.

Most starts are not training sessions, so only the (hidden) Training menu and the persona label
exist from the start; the stage (audience view, console, clicker keys), the menu's items and
the paper savers are built the first time training mode goes on or they are used (their
modules with them: ~20 ms and ~0.5 MiB of the start-up budget).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from zelfscan.gui.widgets.common import escape_mnemonic, plain_label
from zelfscan.i18n import _, current_language

if TYPE_CHECKING:
    from zelfscan.core.model import Persona
    from zelfscan.gui.shell import Shell
    from zelfscan.gui.training.paper import BlankSaver, TrainerPackSaver
    from zelfscan.gui.training.personas import PersonaPanel
    from zelfscan.gui.training.poll import RoomPoll
    from zelfscan.gui.training.presenter import PresenterView
    from zelfscan.gui.training.stage import Stage

_PARTS = frozenset(
    {"stage", "presenter_action", "persona_menu", "poll_action", "next_action"}
    | {"blank_menu", "blank_actions", "pack_menu", "pack_actions"}
)
"""Built by :meth:`TrainingController._build_parts` on first use (see the module docstring)."""


class TrainingController(QObject):
    stage: Stage
    """Audience view, trainer console, clicker keys, lock."""
    presenter_action: QAction
    persona_menu: QMenu
    poll_action: QAction
    next_action: QAction
    blank_menu: QMenu
    blank_actions: dict[str, QAction]
    pack_menu: QMenu
    pack_actions: dict[str, QAction]

    def __init__(self, window: Shell) -> None:
        super().__init__(window)
        self._built = False
        self.window = window
        self.active = False
        self.persona: Persona | None = None
        self.confirm: Callable[[str, str], bool] = self._ask
        """Injectable for tests; defaults to a dialog whose default answer is "no"."""
        self._panel: PersonaPanel | None = None
        self._poll: RoomPoll | None = None
        self._blank: BlankSaver | None = None
        self._pack: TrainerPackSaver | None = None
        self.saved_files: list[Path] = []
        """PDFs saved for this participant: "volgende deelnemer" names them (they stay)."""
        self._watched: object = None
        self._hooked: object = None
        window.blank_requested.connect(self.save_blank)
        self.persona_label = plain_label(parent=window, name="trainingPersona")
        window.add_to_training_banner(self.persona_label)
        self.menu = QMenu(window)
        # its place in the menu bar now; F5 reaches the window once the stage is built
        window.add_menu(self.menu)
        window.page_changed.connect(self._on_page_changed)
        window.training_changed.connect(self.set_active)
        window.retranslated.connect(self.retranslate)
        self.set_active(window.training)
        self.retranslate()

    def __getattr__(self, name: str) -> Any:
        """The parts of :data:`_PARTS`, built on first use."""
        if name in _PARTS and not self.__dict__.get("_built", True):
            self._build_parts()
            return getattr(self, name)
        raise AttributeError(name)

    def _build_parts(self) -> None:
        from zelfscan.gui.training.stage import Stage

        self._built = True
        window = self.window
        self.stage = Stage(window)
        self.presenter_action = self.stage.presenter_action
        self.persona_menu = QMenu(self.menu)
        self.poll_action = QAction(window)
        self.poll_action.triggered.connect(self.open_poll)
        self.next_action = QAction(window)
        self.next_action.triggered.connect(self.next_participant)
        self.blank_menu, self.blank_actions = self._per_scan_menu(self.save_blank)
        self.menu.addMenu(self.persona_menu)
        self.menu.addAction(self.presenter_action)
        self.menu.addAction(self.stage.console_action)
        self.menu.addAction(self.stage.lock_action)
        self.menu.addAction(self.poll_action)
        self.menu.addAction(self.next_action)
        self.menu.addMenu(self.blank_menu)
        self.pack_menu, self.pack_actions = self._per_scan_menu(self.save_pack)
        self.menu.addMenu(self.pack_menu)
        window.add_window_actions([self.presenter_action])  # F5 even with the menu closed
        self.stage.set_active(self.active)
        self._follow_scan()
        self.retranslate()

    def _per_scan_menu(self, handler: Callable[[str], None]) -> tuple[QMenu, dict[str, QAction]]:
        """A submenu with one action per questionnaire, calling ``handler`` with its id."""
        menu = QMenu(self.menu)
        actions: dict[str, QAction] = {}
        for questionnaire_id in self.window.questionnaires:
            action = QAction(self.window)
            action.triggered.connect(lambda _c=False, q=questionnaire_id: handler(q))
            menu.addAction(action)
            actions[questionnaire_id] = action
        return menu, actions

    # --- built on first use: most starts are not training sessions (start-up budget) --------
    @property
    def blank(self) -> BlankSaver:
        if self._blank is None:
            from zelfscan.gui.training.paper import BlankSaver

            self._blank = BlankSaver(self.window)
            self._blank.saved.connect(self._on_blank_saved)
        return self._blank

    @property
    def pack(self) -> TrainerPackSaver:
        if self._pack is None:
            from zelfscan.gui.training.paper import TrainerPackSaver

            self._pack = TrainerPackSaver(self.window)
            self._pack.saved.connect(self._on_pack_saved)
        return self._pack

    @property
    def presenter(self) -> PresenterView:
        return self.stage.presenter

    @property
    def panel(self) -> PersonaPanel:
        if self._panel is None:
            from zelfscan.gui.training.personas import PersonaPanel  # only in training mode

            self._panel = PersonaPanel(list(self.window.questionnaires.values()), self.window)
            self._panel.persona_chosen.connect(self.start_with_persona)
            self._panel.blank_requested.connect(self.save_blank)
            self.window.add_training_panel(self._panel)
            self._panel.setVisible(self.active)
        return self._panel

    # --- mode ---------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """Show or hide everything of training mode (on the window's ``training_changed``)."""
        self.active = on
        self.menu.menuAction().setVisible(on)
        if on or self._built:
            self.stage.set_active(on)
            self.next_action.setEnabled(on)
            self.poll_action.setEnabled(on)
        if on or self._panel is not None:
            self.panel.setVisible(on)
        self.persona_label.setVisible(on and self.persona is not None)
        if not on and self._poll is not None:
            self._poll.close()
        if on and self.window.showing_start():
            button = self.panel.first_button()
            if button is not None:
                from PySide6.QtCore import Qt

                button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- personas -------------------------------------------------------------------------
    def start_with_persona(self, questionnaire_id: str, persona_id: str) -> None:
        """Open the scan and fill it with the persona's answers: one click for the trainer."""
        self.window.start_scan(questionnaire_id)
        questionnaire = self.window.questionnaires[questionnaire_id]
        for persona in questionnaire.personas:
            if persona.id == persona_id:
                self.fill(persona)
                return

    def fill(self, persona: Persona) -> None:
        """Replace the open scan's answers by the persona's and go back to its first page."""
        wizard, session = self.window.wizard, self.window.session
        if wizard is None or session is None:
            return
        session.load_answers(persona.answers)
        session.demo = persona  # VOORBEELD on the results page, the PDF and the print-out
        wizard.restart()
        self.persona = persona
        if self._built:
            self.stage.slides.set_persona(persona)
        self.retranslate()

    def _rebuild_persona_menu(self) -> None:
        self.persona_menu.clear()
        session = self.window.session
        personas = session.questionnaire.personas if session is not None else ()
        lang = current_language()
        for persona in personas:
            action = self.persona_menu.addAction(escape_mnemonic(persona.name.get(lang)))
            action.setStatusTip(persona.description.get(lang))
            action.setToolTip(persona.description.get(lang))
            action.triggered.connect(lambda _c=False, p=persona: self.fill(p))
        self.persona_menu.setEnabled(bool(personas))

    def _on_page_changed(self) -> None:
        wizard = self.window.wizard
        if wizard is not None and wizard is not self._hooked:
            self._hooked = wizard
            wizard.currentIdChanged.connect(lambda _id: self._watch_saves())
        if not self.window.showing_scan():
            self.persona = None  # back on the start screen: the scan and its persona are gone
        self._follow_scan()
        self.retranslate()

    def _follow_scan(self) -> None:
        if not self._built:
            return  # the stage catches up when it is built
        window = self.window
        on_scan = window.wizard if window.showing_scan() else None
        self.stage.follow(on_scan, window.session, self.persona)

    # --- next participant --------------------------------------------------------------------
    def next_participant(self) -> None:
        """Confirm, then forget everything of this participant and go to the start screen.
        Files saved on the way stay where they were saved: the question names them, so the
        trainer can delete them or hand them over."""
        text = _("All answers and results of this scan are cleared from memory.")
        if self.saved_files:
            names = "\n".join(f"• {path}" for path in dict.fromkeys(self.saved_files))
            text += (
                "\n\n"
                + _(
                    "These files were saved and are not deleted; delete them if they should not "
                    "stay on this laptop:"
                )
                + "\n"
                + names
            )
        if self.confirm(_("Next participant?"), text):
            self.saved_files.clear()
            self.reset()

    def _watch_saves(self) -> None:
        """Note the advice PDFs saved from this scan's results page (built by now)."""
        wizard = self.window.wizard
        if wizard is None or wizard is self._watched or not self.window.showing_scan():
            return
        from zelfscan.gui.wizard import RESULTS_ID

        if wizard.currentId() == RESULTS_ID:
            self._watched = wizard
            wizard.report_actions.report_saved.connect(self.saved_files.append)

    def reset(self) -> None:
        self.window.close_scan()  # session.clear(), urgent panel closed, wizard deleted
        self.persona = None
        if self._built:
            self.stage.slides.reset()
        if self._poll is not None:  # the room's counts go with the participant
            self._poll.close()
        self.retranslate()
        self.set_active(self.active)  # focus back on the first demo person

    def _ask(self, title: str, text: str) -> bool:
        from zelfscan.gui.dialogs.common import ask_yes_no

        return ask_yes_no(self.window, title, text, _("&Yes, next participant"), _("&No, go back"))

    # --- blank paper version -------------------------------------------------------------------
    def save_blank(self, questionnaire_id: str) -> None:
        self.blank.save(self.window.questionnaires[questionnaire_id])

    @property
    def poll(self) -> RoomPoll:
        if self._poll is None:
            from zelfscan.gui.training.poll import RoomPoll

            self._poll = RoomPoll(self.window)
            self._poll.shown_changed.connect(self.stage.set_overlay)
        return self._poll

    def open_poll(self) -> None:
        """The room poll for the open scan (or the first scan on the start screen)."""
        session = self.window.session
        questionnaire = (
            session.questionnaire
            if session is not None
            else next(iter(self.window.questionnaires.values()))
        )
        self.poll.open_for(questionnaire)

    def save_pack(self, questionnaire_id: str) -> None:
        self.pack.save(self.window.questionnaires[questionnaire_id])

    def _on_pack_saved(self, path: Path) -> None:
        self.saved_files.append(path)
        self.window.show_status(_("The trainer pack has been saved."), 10000)

    def _on_blank_saved(self, path: Path) -> None:
        self.saved_files.append(path)
        self.window.show_status(_("The blank paper version has been saved."), 10000)

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = current_language()
        self.menu.setTitle(_("T&raining"))
        persona = self.persona
        text = ""
        if persona is not None:
            text = _("Demo person: {name}").format(name=persona.name.get(lang))
        self.persona_label.setText(text)
        self.persona_label.setAccessibleName(text)
        self.persona_label.setVisible(self.active and bool(text))
        if self._panel is not None:
            self._panel.retranslate()
        if not self._built:
            return
        self.persona_menu.setTitle(_("Fill in as &demo person"))
        self.stage.retranslate()
        self.poll_action.setText(_("&Room poll…"))
        if self._poll is not None:
            self._poll.retranslate()
        self.next_action.setText(_("&Next participant…"))
        self.blank_menu.setTitle(_("Blank &paper version (PDF)"))
        self.pack_menu.setTitle(_("Trainer pac&k (PDF)"))
        for actions in (self.blank_actions, self.pack_actions):
            for questionnaire_id, action in actions.items():
                title = self.window.questionnaires.summary(questionnaire_id).title.get(lang)
                action.setText(escape_mnemonic(title) + "…")
        self._rebuild_persona_menu()
