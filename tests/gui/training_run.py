"""Driver for test_training.py: a whole training session through ``zelfscan --training``.

Runs in its own process so the real entry point (logging, settings, catalog) is used; the
event loop is replaced by the trainer's clicks, then the app shuts down as usual.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from zelfscan.gui import app as gui_app
from zelfscan.gui.main_window import MainWindow
from zelfscan.gui.wizard import RESULTS_ID


def session_of_a_trainer(_app: QApplication) -> int:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    trainer = window.trainer
    trainer.confirm = lambda _title, _text: True
    for questionnaire in window.questionnaires.values():
        for persona in questionnaire.personas[:2]:
            trainer.panel.cards[(questionnaire.id, persona.id)].button.click()
            trainer.presenter_action.setChecked(True)
            wizard = window.wizard
            assert wizard is not None
            while wizard.currentId() != RESULTS_ID:
                wizard.urgent.close()
                trainer.stage.slides.go_next()
                QApplication.processEvents()
            wizard.results.finish_building()
            box = next(iter(wizard.results.plan_boxes.values()), None)
            if box is not None:
                box.setCurrentIndex(1)
                box.activated.emit(1)
            QApplication.processEvents()
            trainer.next_participant()
            trainer.presenter_action.setChecked(False)
            QApplication.processEvents()
    print("training run ok")
    return 0


if __name__ == "__main__":
    QApplication.exec = session_of_a_trainer  # type: ignore[method-assign,assignment]
    sys.exit(gui_app.main(["--training"]))
