"""Screenshots of training mode and re-scan progress for docs/, from the real content, in Dutch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_training.py [--out DIR]

Writes ``screenshot-audience-1080.png``, ``screenshot-audience-results-1080.png`` and
``screenshot-audience-poll-1080.png`` (the audience view on a 1920×1080 projector),
``screenshot-console-1080.png`` (the laptop: wizard and trainer console) and
``screenshot-comparison.png`` (the results page after a re-scan). Look at them after every
change to the presenter view or the results page.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from zelfscan.core.evaluate import evaluate  # noqa: E402
from zelfscan.core.flow import effective_answers  # noqa: E402
from zelfscan.core.loader import load_questionnaire  # noqa: E402
from zelfscan.core.model import AnswerValue, Questionnaire, QuestionType  # noqa: E402
from zelfscan.gui import theme  # noqa: E402
from zelfscan.gui.main_window import MainWindow  # noqa: E402
from zelfscan.gui.translations import apply_language  # noqa: E402
from zelfscan.gui.wizard import RESULTS_ID  # noqa: E402

QUESTIONNAIRES = ROOT / "questionnaires"


def grab(widget: QWidget, path: Path, width: int) -> None:
    QApplication.processEvents()
    pixmap = widget.grab()
    if pixmap.width() > width:  # small files for the README
        pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    # 256 colours are plenty for text and flat bars, and keep the PNGs small for the README
    pixmap.toImage().convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
    ).save(str(path))
    print(path)


def shifted(q: Questionnaire, answers: dict[str, AnswerValue], worse: str, better: str) -> dict:
    """Last time's answers: best options in ``worse`` (so it dropped), worst in ``better``."""
    previous = dict(answers)
    for section_id, pick in ((worse, max), (better, min)):
        section = q.section(section_id)
        if section is None:
            continue
        for question in section.questions:
            scored = [o for o in question.options if o.points is not None and not o.exclusive]
            if not scored or question.id not in previous:
                continue
            if question.type is QuestionType.MULTIPLE and pick is max:
                previous[question.id] = tuple(o.id for o in scored if (o.points or 0) > 0)
            elif question.type is not QuestionType.MULTIPLE:
                previous[question.id] = pick(scored, key=lambda o: o.points or 0).id
    return previous


def presenter_shots(out: Path, width: int = 1920, height: int = 1080) -> None:
    """The audience view (projector) and the main window with the trainer console (laptop),
    both at 1920×1080: a theme with notes, then the results slide."""
    questionnaire = load_questionnaire(QUESTIONNAIRES / "persoonlijke-veiligheid.yaml")
    window = MainWindow([questionnaire], training=True)
    window.resize(width, height)
    window.show()
    trainer = window.trainer
    persona = questionnaire.personas[0]
    trainer.start_with_persona(questionnaire.id, persona.id)
    wizard = window.wizard
    if wizard is None:
        raise RuntimeError("no scan opened")
    stage = trainer.stage
    stage.presenter_action.setChecked(True)
    stage.console_action.setChecked(True)
    presenter = stage.presenter
    presenter.showNormal()
    presenter.resize(width, height)
    wizard.urgent.close()
    while True:  # the first theme with trainer notes, prompts and a key message
        stage.slides.go_next()
        wizard.urgent.close()
        stage.slides.refresh()
        slide = stage.slides.slide
        if slide.section_id is None or (slide.notes and slide.key_message):
            break
    window.resize(width, height)
    grab(presenter, out / "screenshot-audience-1080.png", width)
    grab(window, out / "screenshot-console-1080.png", width)
    while wizard.currentId() != RESULTS_ID:
        stage.slides.go_next()
        wizard.urgent.close()
    stage.slides.refresh()
    grab(presenter, out / "screenshot-audience-results-1080.png", width)
    trainer.open_poll()  # the room poll: counts typed by the trainer, next to the examples
    poll = trainer.poll
    for spin, count in zip(poll.spins.values(), (14, 6, 3), strict=False):
        spin.setValue(count)
    poll.on_screen.setChecked(True)
    grab(presenter, out / "screenshot-audience-poll-1080.png", width)
    poll.close()
    stage.presenter_action.setChecked(False)
    window.close_scan()
    window.close()


def comparison_shot(out: Path) -> None:
    questionnaire = load_questionnaire(QUESTIONNAIRES / "persoonlijke-veiligheid.yaml")
    window = MainWindow([questionnaire])
    window.resize(1000, 900)
    window.show()
    wizard = window.start_scan(questionnaire.id)
    session = window.session
    if session is None:
        raise RuntimeError("no session")
    current = dict(questionnaire.personas[0].answers)
    now = evaluate(questionnaire, effective_answers(questionnaire, current))
    themes = [s.id for s in questionnaire.sections if not s.profile]
    previous = shifted(questionnaire, current, worse=themes[3], better=themes[0])
    session.previous = evaluate(questionnaire, effective_answers(questionnaire, previous))
    earlier = session.previous.advice
    gone = [a.id for a in earlier if a.id not in {b.id for b in now.advice}]
    fresh = [a.id for a in now.advice if a.id not in {b.id for b in earlier}]
    # pretend the newest advice item only came with this content version
    newest = fresh[-1] if fresh else now.advice[-1].id
    session.previous_advice_ids = tuple(a.id for a in questionnaire.advice if a.id != newest)
    session.previous_plan = {(gone or [earlier[0].id])[0]: "gedaan"}
    session.load_answers(current)
    wizard.restart()
    while wizard.currentId() != RESULTS_ID:
        wizard.urgent.close()
        wizard.next()
    wizard.urgent.close()
    results = wizard.results
    results.finish_building()
    first = next(iter(results.plan_boxes))
    session.set_plan_state(first, "gepland")
    QApplication.processEvents()
    if results.comparison is not None:
        results.scroll_area.ensureWidgetVisible(results.comparison, 0, 0)
        bar = results.scroll_area.verticalScrollBar()
        bar.setValue(results.comparison.y())
    grab(window, out / "screenshot-comparison.png", 1000)
    window.close_scan()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    theme.load_fonts()
    theme.apply_stylesheet(app)
    apply_language("nl")
    args.out.mkdir(parents=True, exist_ok=True)
    presenter_shots(args.out)
    comparison_shot(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
