"""Save the blank paper version of a scan (every question with tick boxes, no answers).

For paper sessions and for people who would rather not type their answers into a laptop.
Rendering uses reportlab, so it is imported inside the background job and never at start-up;
the file goes only where the trainer or user chooses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from zelfscan.core.model import Questionnaire
from zelfscan.gui.dialogs.common import ask_save_path
from zelfscan.gui.workers import Pool, run_in_background
from zelfscan.i18n import _, current_language

log = logging.getLogger(__name__)

AskPath = Callable[[QWidget, str], Path | None]


def ask_blank_path_dialog(parent: QWidget, suggested: str) -> Path | None:
    return ask_save_path(
        parent, _("Save blank paper version"), suggested, _("PDF files (*.pdf)"), ".pdf"
    )


def render_blank_to_file(questionnaire: Questionnaire, lang: str, path: Path) -> Path:
    """The background job: blank PDF bytes, written atomically and owner-only."""
    from zelfscan.report.blank import render_blank
    from zelfscan.storage.atomic import atomic_write

    atomic_write(path, render_blank(questionnaire, lang))
    return path


class BlankSaver(QObject):
    """Ask where, render in the background, report back; injectable for tests."""

    busy_changed = Signal(bool)
    saved = Signal(Path)

    def __init__(
        self,
        parent: QWidget,
        *,
        ask_path: AskPath = ask_blank_path_dialog,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ask_path = ask_path
        self.pool = pool

    def suggested(self, questionnaire: Questionnaire) -> str:
        return f"zelfscan-{questionnaire.id}-papieren-versie.pdf"

    def render(self, questionnaire: Questionnaire, lang: str, path: Path) -> Path:
        return render_blank_to_file(questionnaire, lang, path)

    def save(self, questionnaire: Questionnaire) -> None:
        lang = current_language()
        path = self.ask_path(self._parent, self.suggested(questionnaire))
        if path is None:
            return
        self.busy_changed.emit(True)
        run_in_background(
            lambda: self.render(questionnaire, lang, path),
            self._on_saved,
            self._on_failed,
            pool=self.pool,
        )

    def _on_saved(self, path: object) -> None:
        self.busy_changed.emit(False)
        if isinstance(path, Path):
            self.saved.emit(path)

    def _on_failed(self, exc: BaseException) -> None:
        log.error("saving the blank version failed: %s", type(exc).__name__)
        self.busy_changed.emit(False)
        QMessageBox.warning(
            self._parent,
            _("The PDF could not be saved"),
            _("The blank version could not be saved. Choose another folder and try again."),
        )


def ask_pack_path_dialog(parent: QWidget, suggested: str) -> Path | None:
    return ask_save_path(parent, _("Save trainer pack"), suggested, _("PDF files (*.pdf)"), ".pdf")


def render_pack_to_file(questionnaire: Questionnaire, lang: str, path: Path) -> Path:
    """The background job: the trainer pack's PDF bytes, written atomically and owner-only."""
    from zelfscan.report.trainer_pack import render_trainer_pack
    from zelfscan.storage.atomic import atomic_write

    atomic_write(path, render_trainer_pack(questionnaire, lang))
    return path


class TrainerPackSaver(BlankSaver):
    """The trainer pack: script, notes, prompts, persona cards, contacts, slides."""

    def __init__(
        self,
        parent: QWidget,
        *,
        ask_path: AskPath = ask_pack_path_dialog,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent, ask_path=ask_path, pool=pool)

    def suggested(self, questionnaire: Questionnaire) -> str:
        return f"zelfscan-{questionnaire.id}-trainerspakket.pdf"

    def render(self, questionnaire: Questionnaire, lang: str, path: Path) -> Path:
        return render_pack_to_file(questionnaire, lang, path)
