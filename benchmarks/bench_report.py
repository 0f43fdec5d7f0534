"""Report rendering against a bare reportlab baseline, timed in the same run (design.md §5).

Budget: rendering a fully answered scan with all advice takes at most 1.5x a bare reportlab
script that writes the same number of paragraphs (same texts, same embedded TTF font, plain
SimpleDocTemplate, no tables, charts or page numbering). The font is in both: embedding it is
a requirement, not overhead we could drop.

    .venv/bin/python benchmarks/bench_report.py [--runs 7]

Prints both times (best of N, interleaved so machine noise hits both) and the ratio; exits 1
when the ratio is over budget.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from tests.report import fixtures as fx  # noqa: E402
from zelfscan.core.evaluate import evaluate  # noqa: E402
from zelfscan.core.model import Answers, Questionnaire  # noqa: E402
from zelfscan.report.document import build_report  # noqa: E402
from zelfscan.report.pdf import build_story, render_pdf  # noqa: E402
from zelfscan.report.styles import register_fonts, styles  # noqa: E402

BUDGET = 1.5


def _paragraphs(item: Any) -> Iterator[Paragraph]:
    """Every Paragraph in a story, including those inside table cells and boxes."""
    if isinstance(item, Paragraph):
        yield item
    elif isinstance(item, (list, tuple)):
        for child in item:
            yield from _paragraphs(child)
    elif hasattr(item, "_cellvalues"):
        yield from _paragraphs(item._cellvalues)
    elif hasattr(item, "_content"):
        yield from _paragraphs(item._content)


def workload() -> tuple[Questionnaire, Answers]:
    """The built-in personal-safety scan answered worst-case when it exists, else a fixture
    with as many questions (40 advice items, every one triggered)."""
    built_in = ROOT / "questionnaires" / "persoonlijke-veiligheid.yaml"
    if built_in.exists():
        from tests.report.test_loaded import worst_answers
        from zelfscan.core.errors import QuestionnaireError
        from zelfscan.core.loader import load_questionnaire

        try:
            q = load_questionnaire(built_in)
        except QuestionnaireError:
            print(f"{built_in.name} does not validate yet; using the test fixture")
        else:
            answers = worst_answers(q)
            if len(evaluate(q, answers).advice) >= 10:
                return q, answers
    q = fx.questionnaire(per_theme=10)
    return q, fx.worst_answers(q)


def ours(q: Questionnaire, answers: Answers) -> bytes:
    doc = build_report(q, answers, evaluate(q, answers), "nl", created=fx.CREATED)
    return render_pdf(doc, deterministic=True)


def baseline(texts: list[str]) -> bytes:
    buffer = io.BytesIO()
    body = styles().body
    SimpleDocTemplate(buffer, invariant=1).build([Paragraph(t, body) for t in texts])
    return buffer.getvalue()


def best(fn: Callable[[], bytes], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    register_fonts()
    q, answers = workload()
    doc = build_report(q, answers, evaluate(q, answers), "nl", created=fx.CREATED)
    texts = [p.text for p in _paragraphs(build_story(doc))]
    ours(q, answers)  # warm up both (font parsing, imports) before timing
    baseline(texts)
    t_ours = t_base = float("inf")
    for _ in range(args.runs):
        t_ours = min(t_ours, best(lambda: ours(q, answers), 1))
        t_base = min(t_base, best(lambda: baseline(texts), 1))
    ratio = t_ours / t_base
    print(f"scan: {q.id}, advice items: {len(doc.plan)}, paragraphs: {len(texts)}")
    print(f"report:   {t_ours * 1000:8.1f} ms")
    print(f"baseline: {t_base * 1000:8.1f} ms")
    print(f"ratio:    {ratio:8.2f}  (budget {BUDGET})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
