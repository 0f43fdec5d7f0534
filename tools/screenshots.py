"""Take screenshots of every page type, in Dutch and English, at 100% and 200% text size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py --out /tmp/shots
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py --docs   # docs/screenshot-*.png

By default the real scan ``persoonlijke-veiligheid`` filled with one of its demo personas (what
a user sees); ``--mini`` uses the small test fixture instead. Look at the PNGs for clipped
text, cramped layouts and unclear labels after every GUI change.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from zelfscan.core.loader import load_questionnaire  # noqa: E402
from zelfscan.core.model import AnswerValue, Questionnaire  # noqa: E402
from zelfscan.gui import theme  # noqa: E402
from zelfscan.gui.main_window import MainWindow  # noqa: E402
from zelfscan.gui.translations import apply_language  # noqa: E402
from zelfscan.gui.wizard import RESULTS_ID, REVIEW_ID  # noqa: E402

MINI = ROOT / "tests" / "data" / "questionnaires" / "mini.yaml"
ANSWERS = {
    "rol": "raadslid",
    "woning": "appartement",
    "kinderen": "ja",
    "slot": "nee",
    "verlichting": "soms",
    "maatregelen": ("geen",),
    "school-afspraak": "nee",
    "delen-online": "ja",
    "portiek": "open",
    "bedreigd": "ja",
}
DOCS = {("nl", 100), ("en", 100), ("nl", 200)}
DOCS_PICK = (
    "start-nl-100",
    "theme-help-nl-100",
    "urgent-nl-100",
    "urgent-nl-200",
    "review-en-100",
    "results-nl-100",
    "theme-help-nl-200",
)
"""The few that go into docs/ for the README (the rest only for looking)."""


def grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def optimise(path: Path, max_width: int = 1366) -> None:
    """Keep the pictures in docs/ small: at most ``max_width`` wide, 128 colours, optimised
    (the flat colours of the window survive quantising; a 1366×768 shot is ~40 kB)."""
    from PIL import Image

    with Image.open(path) as image:
        picture = image.convert("RGB")
    if picture.width > max_width:
        height = round(picture.height * max_width / picture.width)
        picture = picture.resize((max_width, height), Image.Resampling.LANCZOS)
    picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


REAL = ROOT / "questionnaires" / "persoonlijke-veiligheid.yaml"
REAL_PERSONA = "burgemeester-ondermijning"


def scan(mini: bool) -> tuple[Questionnaire, dict[str, AnswerValue]]:
    if mini:
        return load_questionnaire(MINI), dict(ANSWERS)
    questionnaire = load_questionnaire(REAL)
    persona = next(p for p in questionnaire.personas if p.id == REAL_PERSONA)
    return questionnaire, dict(persona.answers)


def shoot(out: Path, lang: str, scale: int, width: int, height: int, *, mini: bool) -> None:
    apply_language(lang)
    questionnaire, answers = scan(mini)
    profile = [q.id for q in questionnaire.sections[0].questions]
    window = MainWindow([questionnaire])
    window.set_text_scale(scale)
    window.resize(width, height)
    window.show()
    tag = f"{lang}-{scale}"
    grab(window, out / f"start-{tag}.png")
    wizard = window.start_scan(questionnaire.id)
    session = window.session
    if session is None:
        raise RuntimeError("no session")
    for qid in profile:
        if qid in answers:
            session.set_answer(qid, answers[qid])
    grab(window, out / f"profile-{tag}.png")
    shoot_urgent(window, out / f"urgent-{tag}.png")
    while wizard.currentId() not in (REVIEW_ID, RESULTS_ID):  # to the first theme page
        page = wizard.section_pages[wizard.currentId()]
        if not page.section.profile:
            break
        for qid in page.questions:
            if qid in answers:
                session.set_answer(qid, answers[qid])
        wizard.next()
    page = wizard.section_pages[wizard.currentId()]
    helped = next((w for w in page.questions.values() if w.help_button is not None), None)
    if helped is not None and helped.help_button is not None:
        helped.set_help_open(True)
    grab(window, out / f"theme-help-{tag}.png")
    while wizard.currentId() not in (REVIEW_ID, RESULTS_ID):
        current = wizard.section_pages[wizard.currentId()]
        for qid in current.questions:
            if qid in answers:
                session.set_answer(qid, answers[qid])
        if wizard.urgent.isVisible():
            grab(wizard.urgent, out / f"urgent-{tag}.png")
            wizard.urgent.close()
        wizard.next()
    grab(window, out / f"review-{tag}.png")
    wizard.next()
    wizard.results.finish_building()  # the advice list is built after the first frame
    grab(window, out / f"results-{tag}.png")
    scroll = wizard.results.scroll_area.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    grab(window, out / f"results-end-{tag}.png")
    window.close_scan()
    window.close()
    window.deleteLater()
    window.set_text_scale(100)


def shoot_urgent(window: MainWindow, path: Path) -> None:
    """The urgent-help panel as it appears inside the page (answer "ja" to the red-flag
    question of the real scan for a moment, then the answer goes back)."""
    session, wizard = window.session, window.wizard
    if session is None or wizard is None or "dreiging-nu" not in session.questionnaire.questions:
        return
    before = session.answer("dreiging-nu")
    while "dreiging-nu" not in getattr(wizard.currentPage(), "questions", {}):
        wizard.next()
        if wizard.currentId() in (REVIEW_ID, RESULTS_ID):
            return
    session.set_answer("dreiging-nu", "ja")
    grab(window, path)
    session.set_answer("dreiging-nu", before)
    wizard.urgent.close()
    wizard.back()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--docs", action="store_true", help="write the README set to docs/")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1024x600")
    parser.add_argument(
        "--dark", action="store_true", help="the dark colour scheme, whatever the system says"
    )
    parser.add_argument("--mini", action="store_true", help="use the small test fixture")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    theme.load_fonts()
    if args.dark:  # for looking only: the app itself follows the system setting
        theme.dark_mode = lambda: True
    theme.apply_stylesheet(app)
    out: Path = ROOT / "docs" if args.docs else args.out
    out.mkdir(parents=True, exist_ok=True)
    runs = sorted(DOCS) if args.docs else [(lg, s) for lg in ("nl", "en") for s in (100, 200)]
    for lang, scale in runs:
        target = out
        if args.docs:
            target = out / ".shots-tmp"
            target.mkdir(exist_ok=True)
        shoot(target, lang, scale, width, height, mini=args.mini)
        if args.docs:
            for png in target.glob("*.png"):
                if png.stem in DOCS_PICK:
                    optimise(png)
                    png.replace(out / f"screenshot-{png.name}")
                else:
                    png.unlink()
            target.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
