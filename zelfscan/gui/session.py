"""The one place where a scan's answers live while the app runs.

Widgets never keep answers in their own attributes: they hand plain values to the
:class:`ScanSession` and redraw from it. That keeps Back/forward, language switches and the
review page consistent, and gives the encrypted vault one hook for autosave later
(connect to :attr:`ScanSession.answer_changed`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the start screen imports this module (StorageChoice) before the model
    from zelfscan.core.model import Answers, AnswerValue, Persona, Questionnaire
    from zelfscan.core.results import Evaluation, TriggeredFlag

PLAN_STATES = ("gedaan", "gepland", "nvt")


class StorageChoice(Enum):
    """Where answers are kept; chosen on the start screen before a scan starts.

    Extension point for the vault: add ``VAULT = "vault"`` here, offer it in
    :data:`zelfscan.gui.start.OFFERED_STORAGE`, and handle it in
    :meth:`zelfscan.gui.shell.Shell.open_session` (ask the passphrase, then connect
    the vault's autosave to :attr:`ScanSession.answer_changed` and resume with
    :meth:`ScanSession.load_answers`).
    """

    MEMORY = "memory"
    VAULT = "vault"
    """Encrypted on this laptop with a passphrase; see :mod:`zelfscan.gui.vault.controller`."""


class ScanSession(QObject):
    """Answers of one scan, in memory only, plus what the engine says about them."""

    answer_changed = Signal(str, object)
    """(question id, new value or None). Emitted after every change, also by load/clear."""
    cleared = Signal()
    plan_changed = Signal(str, object)
    """(advice id, "gedaan" | "gepland" | "nvt" or None): the action plan's progress."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        *,
        training: bool = False,
        storage: StorageChoice = StorageChoice.MEMORY,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.training = training
        self.storage = storage
        self._answers: dict[str, AnswerValue] = {}
        self._plan: dict[str, str] = {}
        self.previous: Evaluation | None = None
        """The last finished scan of the same kind (set from the vault), for the comparison."""
        self.previous_advice_ids: tuple[str, ...] = ()
        """All advice ids of the content version ``previous`` was made with."""
        self.previous_plan: Mapping[str, str] = {}
        """The action-plan state saved with ``previous``."""
        self.demo: Persona | None = None
        """Training mode: the demo person whose answers these are; every view then says
        VOORBEELD (set by the trainer, cleared with the answers)."""

    # --- reading ----------------------------------------------------------------------
    @property
    def answers(self) -> Mapping[str, AnswerValue]:
        """A read-only view: change answers only through :meth:`set_answer`."""
        return MappingProxyType(self._answers)

    def answer(self, question_id: str) -> AnswerValue | None:
        return self._answers.get(question_id)

    def effective(self) -> dict[str, AnswerValue]:
        """Answers of visible questions only: what the review, results and PDF use."""
        from zelfscan.core import flow

        return flow.effective_answers(self.questionnaire, self._answers)

    def evaluate(self) -> Evaluation:
        from zelfscan.core.evaluate import evaluate

        return evaluate(self.questionnaire, self.effective())

    def live_red_flags(self) -> tuple[TriggeredFlag, ...]:
        from zelfscan.core.evaluate import live_red_flags

        return tuple(live_red_flags(self.questionnaire, self.effective()))

    # --- writing ----------------------------------------------------------------------
    def set_answer(self, question_id: str, value: AnswerValue | None) -> None:
        """Store (or with ``None``/empty, forget) one answer and tell everyone."""
        if question_id not in self.questionnaire.questions:
            raise KeyError(question_id)
        old = self._answers.get(question_id)
        if value is None or value == "" or value == ():
            if question_id not in self._answers:
                return
            del self._answers[question_id]
            value = None
        else:
            if old == value:
                return
            self._answers[question_id] = value
        self.answer_changed.emit(question_id, value)

    def toggle_option(self, question_id: str, option_id: str, on: bool) -> None:
        """Tick or untick a checklist option; the core applies the exclusive-option rule."""
        from zelfscan.core import flow

        question = self.questionnaire.questions[question_id]
        new = flow.toggle_option(question, self._answers.get(question_id), option_id, on)
        self.set_answer(question_id, new)

    def load_answers(self, answers: Answers) -> None:
        """Replace all answers (resume from the vault, a demo persona in training mode)."""
        self._answers.clear()
        for qid, value in answers.items():
            if qid in self.questionnaire.questions:
                self._answers[qid] = value
        for qid in self.questionnaire.questions:
            self.answer_changed.emit(qid, self._answers.get(qid))

    # --- action plan --------------------------------------------------------------------
    @property
    def plan(self) -> Mapping[str, str]:
        """Advice id -> "gedaan" / "gepland" / "nvt" for the items the user marked."""
        return MappingProxyType(self._plan)

    def set_plan_state(self, advice_id: str, state: str | None) -> None:
        """Mark an action (``None`` unmarks it); the vault, when open, saves it at once."""
        if state is not None and state not in PLAN_STATES:
            raise ValueError(state)
        if self._plan.get(advice_id) == state:
            return
        if state is None:
            self._plan.pop(advice_id, None)
        else:
            self._plan[advice_id] = state
        self.plan_changed.emit(advice_id, state)

    def load_plan(self, plan: Mapping[str, str]) -> None:
        self._plan = {k: v for k, v in plan.items() if v in PLAN_STATES}

    def clear(self) -> None:
        """Forget every answer ("Nieuwe scan", "volgende deelnemer")."""
        self._answers.clear()
        self._plan.clear()
        self.previous = None
        self.previous_advice_ids = ()
        self.previous_plan = {}
        self.demo = None
        self.cleared.emit()
