"""What a user waits for in the window, offscreen, in frames of 16 ms.

Builds the main window as the app does (training mode: nothing is written), then for each
built-in questionnaire:

* **open**: a real mouse click on the scan's start button until its first question page
  has painted. The first click of the process is "cold" (it pays for the modules a scan
  needs, as a user's first click does); later clicks are "warm".
* **next**: ``wizard.next()`` with the worst-case answers (every section visible, most
  advice; ``bench_worstcase.py``) until the new page's first paint, up to the results page.
  Each step starts settled (a user reads for seconds between two clicks); the step's total
  with the work deferred until after that paint is recorded as well (``total_ms``).
* **save**: a real click on "Opslaan als PDF" on the results page until the file is written
  (the report's ``report_saved``), after ``--read-seconds`` (2) on the results page: a user
  reads the results before saving them, and the app renders the PDF meanwhile. The save
  dialog and the password question answer at once (a user's time in them is not the app's);
  the first save of the process is "cold".

Prints one JSON object. ``--rounds`` repeats the warm part.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_worstcase import load_all, worst_case  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SETTLE_PASSES = 4
TIMEOUT_S = 60.0
READ_S = 2.0


class PaintClock(QObject):
    """Notes when the watched widget first paints."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = time.perf_counter()
        return False


def settle(app: QApplication) -> None:
    """Process events until the work this step deferred has run too (one pass handles what
    was posted before it; what that posts runs in the next)."""
    for _ in range(SETTLE_PASSES):
        app.processEvents()


def until(app: QApplication, done: object) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not done() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.0005)  # the PDF is written by a worker thread


def open_scan(app: QApplication, window: object, qid: str) -> float:
    """Click the scan's start button; ms until the wizard's first page painted."""
    card = next(c for c in window.start.cards if c.questionnaire.id == qid)  # type: ignore[attr-defined]
    start = time.perf_counter()
    QTest.mouseClick(card.button, Qt.MouseButton.LeftButton)
    page = window.wizard.currentPage()  # type: ignore[attr-defined]
    clock = PaintClock()
    page.installEventFilter(clock)
    until(app, lambda: clock.painted is not None)
    page.removeEventFilter(clock)
    if clock.painted is None:
        raise SystemExit("the first page never painted")
    return (clock.painted - start) * 1000


def walk(app: QApplication, window: object, qid: str) -> list[dict[str, object]]:
    from zelfscan.gui.wizard import RESULTS_ID

    wizard = window.wizard  # type: ignore[attr-defined]
    steps: list[dict[str, object]] = []
    while wizard.currentId() != RESULTS_ID:
        before = wizard.currentId()
        target: QWidget = wizard.page(wizard.nextId())
        clock = PaintClock()
        target.installEventFilter(clock)
        start = time.perf_counter()
        wizard.next()
        settle(app)
        total = (time.perf_counter() - start) * 1000
        target.removeEventFilter(clock)
        wizard.urgent.close()
        if wizard.currentId() == before:
            raise SystemExit(f"stuck on page {before} of {qid}")
        painted = total if clock.painted is None else (clock.painted - start) * 1000
        steps.append(
            {"questionnaire": qid, "page": wizard.currentId(), "ms": painted, "total_ms": total}
        )
    return steps


def save_pdf(app: QApplication, window: object, folder: Path, read_s: float) -> float:
    """Read the results for ``read_s``, click "Opslaan als PDF"; ms until the file is written."""
    reading = time.perf_counter() + read_s
    until(app, lambda: time.perf_counter() >= reading)
    wizard = window.wizard  # type: ignore[attr-defined]
    target = folder / f"advies-{time.perf_counter_ns()}.pdf"
    actions = wizard.report_actions
    actions.ask_path = lambda _parent, _name: target
    actions.ask_password = lambda _parent: (True, None)
    saved: list[float] = []
    actions.report_saved.connect(lambda _path: saved.append(time.perf_counter()))
    start = time.perf_counter()
    QTest.mouseClick(wizard.results.save_button, Qt.MouseButton.LeftButton)
    until(app, lambda: bool(saved))
    if not saved or target.stat().st_size == 0:
        raise SystemExit("the PDF was not written")
    target.unlink()
    return (saved[0] - start) * 1000


def one_scan(
    app: QApplication,
    window: object,
    qid: str,
    questionnaire: object,
    folder: Path,
    read_s: float,
) -> dict[str, object]:
    opened = open_scan(app, window, qid)
    window.session.load_answers(worst_case(questionnaire))  # type: ignore[attr-defined]
    window.wizard.restart()  # type: ignore[attr-defined]
    window.wizard.urgent.close()  # type: ignore[attr-defined]
    settle(app)
    steps = walk(app, window, qid)
    settle(app)
    saved = save_pdf(app, window, folder, read_s)
    window.close_scan()  # type: ignore[attr-defined]
    settle(app)
    # what the app's event loop does when it gets back to it (processEvents does not)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {"questionnaire": qid, "open_ms": opened, "steps": steps, "save_ms": saved}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="warm rounds after the cold one")
    parser.add_argument("--first", help="the questionnaire opened cold (default: the first)")
    parser.add_argument("--read-seconds", type=float, default=READ_S, help="before saving")
    args = parser.parse_args(argv)
    os.environ.setdefault("ZELFSCAN_HOME", tempfile.mkdtemp(prefix="zelfscan-bench-"))

    from zelfscan.gui import theme
    from zelfscan.gui.app import load_scan_modules
    from zelfscan.gui.main_window import MainWindow
    from zelfscan.gui.translations import apply_language

    app = QApplication(["zelfscan-bench"])
    apply_language("nl")
    theme.load_fonts()
    theme.apply_stylesheet(app)
    questionnaires = load_all()
    order = sorted(questionnaires, key=lambda q: q != args.first)
    window = MainWindow([questionnaires[q] for q in questionnaires], [], training=True)
    window.resize(1000, 760)
    window.show()
    settle(app)
    load_scan_modules(window)  # what the app does after the start screen's first paint
    with tempfile.TemporaryDirectory(prefix="zelfscan-bench-pdf-") as tmp:
        folder = Path(tmp)
        cold = one_scan(app, window, order[0], questionnaires[order[0]], folder, args.read_seconds)
        warm = [
            one_scan(app, window, qid, questionnaires[qid], folder, args.read_seconds)
            for _ in range(args.rounds)
            for qid in order
        ]
    print(json.dumps({"cold": cold, "warm": warm}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
