"""The app's window: the frame (:class:`~zelfscan.gui.shell.Shell`) with training mode's
menu, demo persons and presenter view wired in.

This is where the window and the training controller are put together; the controller
itself only knows the frame's interface. ``privacy.install`` adds the vault and the lock
the same way from ``app.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from zelfscan.gui.shell import Shell
from zelfscan.gui.training.controller import TrainingController

if TYPE_CHECKING:
    from zelfscan.core.catalog import Scans
    from zelfscan.core.model import Questionnaire


class MainWindow(Shell):
    def __init__(
        self,
        questionnaires: Sequence[Questionnaire] | Scans,
        errors: Sequence[object] = (),
        *,
        training: bool = False,
    ) -> None:
        super().__init__(questionnaires, errors, training=training)
        self.trainer = TrainingController(self)  # personas, presenter view, next participant
