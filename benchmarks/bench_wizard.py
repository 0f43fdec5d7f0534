"""Time "next page" in the real wizard, offscreen (design.md §5: ≤ one 16 ms frame).

Builds the main window as the app does (training mode: nothing written), opens each
built-in questionnaire's wizard, loads the worst-case answers (every section visible, most
advice; see ``bench_worstcase.py``) and then times ``wizard.next()`` plus the event
processing that lays out and paints the new page, step by step up to the results page.
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
from PySide6.QtWidgets import QApplication  # noqa: E402


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
            app.processEvents()
            while wizard.currentId() != RESULTS_ID:
                before = wizard.currentId()
                start = time.perf_counter()
                wizard.next()
                app.processEvents()
                elapsed = (time.perf_counter() - start) * 1000
                wizard.urgent.close()
                if wizard.currentId() == before:
                    print(f"stuck on page {before} of {qid}", file=sys.stderr)
                    return 1
                steps.append({"questionnaire": qid, "page": wizard.currentId(), "ms": elapsed})
            window.close_scan()
            app.processEvents()
    times = [float(s["ms"]) for s in steps]  # type: ignore[arg-type]
    print(
        json.dumps(
            {
                "median_ms": statistics.median(times),
                "max_ms": max(times),
                "p95_ms": statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0],
                "steps": steps,
            }
        )
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
