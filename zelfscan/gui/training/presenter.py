"""The presenter view: large text for a projector, following the wizard page by page.

A separate top-level window rather than a full-screen main window, because that works with
both set-ups a trainer meets: with an *extended* desktop it opens full screen on the other
screen (the projector) while the trainer keeps the wizard on the laptop; with a *mirrored*
screen it covers the wizard and brings its own Back/Next buttons (and the keys a presentation
clicker sends: Page Up/Down, arrows), and F5 or Esc returns to the wizard.

It shows the current theme's title, the trainer notes and discussion prompt from the YAML and
the demo person's result for that theme in words, symbol and score (never colour alone).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from zelfscan.core.model import AnswerValue, Persona, Section
from zelfscan.core.results import Evaluation
from zelfscan.gui.labels import level_text, score_text
from zelfscan.gui.session import ScanSession
from zelfscan.gui.widgets.common import plain_label
from zelfscan.gui.wizard import RESULTS_ID, ScanWizard
from zelfscan.i18n import _, current_language


class PresenterView(QWidget):
    closed = Signal()
    """The trainer closed the view (F5, Esc or the button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.wizard: ScanWizard | None = None
        self.session: ScanSession | None = None
        self.persona: Persona | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)  # many answers change at once when a persona is loaded
        self._refresh.timeout.connect(self.refresh)
        outer = self._outer = QVBoxLayout(self)
        self.context = plain_label(parent=self, name="presenterContext")
        self.title = plain_label(parent=self, name="presenterTitle")
        self.result = plain_label(parent=self, name="presenterResult")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        body_layout = self._body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)  # aligned with the title above
        self.body = plain_label(parent=body, name="presenterBody")
        self.discussion_heading = plain_label(parent=body, name="presenterHeading")
        self.discussion = plain_label(parent=body, name="presenterDiscussion")
        self.notes_heading = plain_label(parent=body, name="presenterHeading")
        self.notes = plain_label(parent=body, name="presenterNotes")
        for label in (
            self.body,
            self.discussion_heading,
            self.discussion,
            self.notes_heading,
            self.notes,
        ):
            body_layout.addWidget(label)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        for widget in (self.context, self.title, self.result):
            outer.addWidget(widget)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.notes_button = QPushButton(self)
        self.notes_button.setCheckable(True)
        self.notes_button.setChecked(True)
        self.close_button = QPushButton(self)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.notes_button.toggled.connect(lambda _on: self.refresh())
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.notes_button)
        row.addWidget(self.close_button)
        outer.addLayout(row)
        self.black = QWidget(self)
        self.black.setObjectName("presenterBlack")
        self.black.setStyleSheet("background: black;")
        self.black.setAccessibleName(_("Black screen"))
        self.black.hide()
        self.resize(1280, 720)
        self.reset()

    # --- following the scan -------------------------------------------------------------
    def follow(self, wizard: ScanWizard, session: ScanSession, persona: Persona | None) -> None:
        """Show what ``wizard`` shows from now on (called when a scan opens)."""
        self.detach()
        self.wizard, self.session, self.persona = wizard, session, persona
        wizard.currentIdChanged.connect(self._schedule)
        session.answer_changed.connect(self._on_answer_changed)
        self._schedule()

    def set_persona(self, persona: Persona | None) -> None:
        self.persona = persona
        self._schedule()

    def detach(self) -> None:
        """Forget the scan (it is being closed); safe to call twice."""
        if self.wizard is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # deleted with its wizard
                self.wizard.currentIdChanged.disconnect(self._schedule)
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.session.answer_changed.disconnect(self._on_answer_changed)
        self.wizard = self.session = None

    def reset(self) -> None:
        """Volgende deelnemer: nothing of the previous person stays on the screen."""
        self.detach()
        self.persona = None
        self.refresh()

    def _on_answer_changed(self, _qid: str, _value: AnswerValue | None) -> None:
        self._schedule()

    def _schedule(self, *_args: object) -> None:
        self._refresh.start()

    # --- navigation ---------------------------------------------------------------------
    def go_back(self) -> None:
        if self.wizard is not None:
            self.wizard.back()

    def go_next(self) -> None:
        if self.wizard is not None and self._can_go_next():
            self.wizard.next()

    def _can_go_next(self) -> bool:
        wizard = self.wizard
        if wizard is None or wizard.nextId() == -1:
            return False
        return wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    def toggle_black(self) -> None:
        """B: a black screen for the room (a discussion without the slide), and back."""
        self.black.setVisible(not self.black.isVisible())
        if self.black.isVisible():
            self.black.setGeometry(self.rect())
            self.black.raise_()

    def toggle_notes(self) -> None:
        self.notes_button.toggle()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.black.hide()  # the next F5 shows the slide, not a black screen
        self.closed.emit()

    # --- showing ------------------------------------------------------------------------
    def present(self, anchor: QWidget) -> None:
        """Full screen on a screen other than ``anchor``'s if there is one (the projector on
        an extended desktop), else full screen over it (a mirrored projector)."""
        home = anchor.screen()
        others = [s for s in QGuiApplication.screens() if s is not home]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.black.setGeometry(self.rect())
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        """Text grows with the window: readable from the back of a room at 1280×720."""
        base = max(QFont(self.font()).pixelSize(), self.height() // 26, 16)
        sizes = {
            self.context: 0.8,
            self.title: 1.9,
            self.result: 1.35,
            self.discussion_heading: 1.1,
            self.notes_heading: 1.1,
        }
        for label in (self.body, self.discussion, self.notes, *sizes):
            font = QFont(label.font())
            font.setPixelSize(round(base * sizes.get(label, 1.0)))
            font.setBold(label in (self.title, self.discussion_heading, self.notes_heading))
            label.setFont(font)
        margin = base
        self._outer.setContentsMargins(margin * 2, margin, margin * 2, margin // 2)
        self._body_layout.setSpacing(base // 3)
        for heading in (self.discussion_heading, self.notes_heading):
            heading.setContentsMargins(0, base, 0, 0)  # a blank line before each block
        for button in (self.back_button, self.next_button, self.notes_button, self.close_button):
            font = QFont(button.font())
            font.setPixelSize(round(base * 0.7))  # big enough to hit on a touch screen too
            button.setFont(font)

    def refresh(self) -> None:
        self._retranslate_buttons()
        lang = current_language()
        session, wizard = self.session, self.wizard
        context = _("Training")
        if session is not None:
            context = f"{session.questionnaire.title.get(lang)} · {context}"
        if self.persona is not None:
            context += " · " + _("Demo person: {name}").format(name=self.persona.name.get(lang))
        self.context.setText(context)
        if session is None or wizard is None:
            self._show(_("Next participant"), "", _("Choose a demo person to begin."))
            return
        if not self.isVisible():
            return  # showEvent refreshes; no evaluation for a hidden view
        self.back_button.setEnabled(len(wizard.visitedIds()) > 1)
        self.next_button.setEnabled(self._can_go_next())
        section = self.current_section()
        evaluation = session.evaluate()
        if section is not None:
            self._show_section(section, evaluation, lang)
        elif wizard.currentId() == RESULTS_ID:
            self._show_results(evaluation, lang)
        else:
            self._show(_("Check the answers"), "", _("Look back at the answers together."))

    def current_section(self) -> Section | None:
        wizard, session = self.wizard, self.session
        if wizard is None or session is None:
            return None
        ids = {number: sid for sid, number in wizard.section_ids.items()}
        section_id = ids.get(wizard.currentId())
        return session.questionnaire.section(section_id) if section_id else None

    def _show_section(self, section: Section, evaluation: Evaluation, lang: str) -> None:
        if section.profile:
            description = self.persona.description.get(lang) if self.persona else ""
            self._show(section.title.get(lang), "", description)
        else:
            result = evaluation.section(section.id)
            if result is None:
                text = _("This theme does not apply to this person.")
            else:
                text = _("Result: {level} · {score}").format(
                    level=level_text(result.level), score=score_text(result.score, result.level)
                )
            self._show(section.title.get(lang), text, "")
        self._show_prompts(section, lang)

    def _show_results(self, evaluation: Evaluation, lang: str) -> None:
        lines = [
            f"{level_text(r.level)} · {score_text(r.score, r.level)} — {r.title.get(lang)}"
            for r in evaluation.sections
        ]
        overall = _("Overall: {level} — {score}").format(
            level=level_text(evaluation.overall_level),
            score=score_text(evaluation.overall_score, evaluation.overall_level),
        )
        self._show(_("Results"), overall, "\n".join(lines))

    def _show(self, title: str, result: str, body: str) -> None:
        for label, text in ((self.title, title), (self.result, result), (self.body, body)):
            label.setText(text)
            label.setAccessibleName(text)
            label.setVisible(bool(text))
        self._show_prompts(None, current_language())

    def _show_prompts(self, section: Section | None, lang: str) -> None:
        discussion = section.discussion.get(lang) if section and section.discussion else ""
        notes = section.trainer_notes.get(lang) if section and section.trainer_notes else ""
        notes = notes if self.notes_button.isChecked() else ""
        pairs: tuple[tuple[QLabel, QLabel, str, str], ...] = (
            (self.discussion_heading, self.discussion, _("To discuss"), discussion),
            (self.notes_heading, self.notes, _("For the trainer"), notes),
        )
        for heading, label, title, text in pairs:
            heading.setText(title)
            label.setText(text)
            label.setAccessibleName(text)
            heading.setVisible(bool(text))
            label.setVisible(bool(text))

    def _retranslate_buttons(self) -> None:
        self.setWindowTitle(_("Presenter view — Zelfscan"))
        self.setAccessibleName(_("Presenter view"))
        texts = (
            (self.back_button, _("< &Back"), _("Back")),
            (self.next_button, _("&Next >"), _("Next")),
            (self.close_button, _("&Close (F5)"), _("Close the presenter view")),
        )
        for button, text, name in texts:
            button.setText(text)
            button.setAccessibleName(name)
        shown = self.notes_button.isChecked()
        self.notes_button.setText(_("&Hide trainer notes") if shown else _("S&how trainer notes"))
        self.notes_button.setAccessibleName(self.notes_button.text().replace("&", ""))
        self.notes_button.setAccessibleDescription(
            _("The notes are for the trainer; hide them when the screen is mirrored")
        )
