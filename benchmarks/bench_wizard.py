"""Time "next page" in the real wizard, offscreen (design.md §5: ≤ one 16 ms frame).

Builds the main window as the app does (training mode: nothing written), opens each
built-in questionnaire's wizard, loads the worst-case answers (every section visible, most
advice; see ``bench_worstcase.py``) and then, step by step up to the results page, times
``wizard.next()`` until the new page's first paint event: what the user waits for, and what
the one-frame budget is about. The step's total (``next()`` plus processing every pending
event, including work the app defers until after that paint, such as building the page
after it) is recorded too (``total_ms``), so idle work can not hide.
Repeats ``--rounds`` times and prints JSON: every step's milliseconds with its page id.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_wizard.py --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class PaintClock(QObject):
    """Notes when the watched page first paints."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = time.perf_counter()
        return False


def settle(app: QApplication) -> None:
    """Process events until the work deferred by this step has run too.

    One ``processEvents()`` pass handles the events posted before it; work the app posts
    while handling them (the page after the paint builds the next page ahead) runs in the
    next pass. A user reads for seconds between two clicks, so each step starts settled
    and its own deferred work is counted in ``total_ms``, never in the next step's paint.
    """
    for _ in range(SETTLE_PASSES):
        app.processEvents()


SETTLE_PASSES = 4


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ.setdefault("ZELFSCAN_HOME", tempfile.mkdtemp(prefix="zelfscan-bench-"))

    from zelfscan.gui import theme
    from zelfscan.gui.main_window import MainWindow
    from zelfscan.gui.translations import apply_language
    from zelfscan.gui.wizard import RESULTS_ID

    app = QApplication(["zelfscan-bench"])
    apply_language("nl")
    theme.load_fonts()
    theme.apply_stylesheet(app)
    questionnaires = load_all()
    window = MainWindow(list(questionnaires.values()), [], training=True)
    window.resize(1000, 760)
    window.show()
    app.processEvents()

    steps: list[dict[str, object]] = []
    for _ in range(args.rounds):
        for qid, questionnaire in questionnaires.items():
            answers = worst_case(questionnaire)
            wizard = window.start_scan(qid)
            assert window.session is not None
            window.session.load_answers(answers)
            wizard.urgent.close()
            settle(app)
            while wizard.currentId() != RESULTS_ID:
                before = wizard.currentId()
                target = wizard.page(wizard.nextId())
                clock = PaintClock()
                target.installEventFilter(clock)
                start = time.perf_counter()
                wizard.next()
                settle(app)
                total = (time.perf_counter() - start) * 1000
                target.removeEventFilter(clock)
                wizard.urgent.close()
                if wizard.currentId() == before:
                    print(f"stuck on page {before} of {qid}", file=sys.stderr)
                    return 1
                painted = total if clock.painted is None else (clock.painted - start) * 1000
                steps.append(
                    {
                        "questionnaire": qid,
                        "page": wizard.currentId(),
                        "ms": painted,
                        "total_ms": total,
                    }
                )
            window.close_scan()
            app.processEvents()
    times = [float(s["ms"]) for s in steps]  # type: ignore[arg-type]
    totals = [float(s["total_ms"]) for s in steps]  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "median_ms": statistics.median(times),
                "max_ms": max(times),
                "p95_ms": statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0],
                "total_median_ms": statistics.median(totals),
                "total_max_ms": max(totals),
                "steps": steps,
            }
        )
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
