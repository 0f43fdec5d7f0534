"""Driver for test_training.py: a session with two screens (laptop and projector).

Runs in its own process because the screens are set when the QApplication starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from zelfscan.core.loader import load_questionnaire
from zelfscan.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    app = QApplication(sys.argv[:1])
    laptop, projector = app.screens()
    questionnaires = [
        load_questionnaire(p) for p in sorted((ROOT / "questionnaires").glob("*.yaml"))
    ]
    window = MainWindow(questionnaires, training=True)
    window.setGeometry(laptop.availableGeometry().adjusted(0, 30, 0, 0))
    window.show()
    trainer = window.trainer
    questionnaire = questionnaires[0]
    trainer.start_with_persona(questionnaire.id, questionnaire.personas[0].id)
    window.wizard.urgent.close()
    trainer.stage.slides.go_next()  # the first theme with notes
    trainer.presenter_action.trigger()  # F5
    app.processEvents()
    presenter, console = trainer.presenter, trainer.stage.console
    assert presenter.screen() is projector, presenter.screen().name()
    assert presenter.isFullScreen()
    assert presenter.geometry() == projector.geometry(), presenter.geometry()
    assert window.screen() is laptop
    assert not trainer.stage.shared_screen
    assert console.isVisible(), "the console opens on the laptop by itself"
    assert console.notes.text(), "the notes are on the laptop"
    assert presenter.notes.isHidden(), "and not on the projector"
    assert presenter.title.text() == console.slide.title
    trainer.presenter_action.trigger()
    assert not presenter.isVisible()
    print("two screens ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
