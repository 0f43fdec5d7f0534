"""The performance budgets of design.md §5, each against a bare baseline timed in the same run.

    make bench                                   # rows 1-5 (+6 if dist/zelfscan exists)
    make bench ARGS="--bundle --record"          # rebuild the bundle, write docs/performance.md
    python benchmarks/run.py --runs 15 --only startup,report

Rows (ours / baseline, median of ``--runs`` interleaved runs, after one warm-up of each):

1. ``python -m zelfscan --self-test`` wall time / ``baselines/bare_wizard.py`` (one QWizard
   page, then quit); both in subprocesses, offscreen.
2. Peak memory (``ru_maxrss`` of the child, from ``os.wait4``) of the same runs.
3. ``zelfscan-cli report`` for the worst-case answers (``bench_worstcase.py``: a fully
   answered scan with as much advice as one person can get) / ``baselines/bare_reportlab.py``
   writing the same number of paragraphs, of the same mean length (counted in the real
   report's story), with reportlab's defaults and no optional accelerator. The default
   (concise) PDF has the budget; the full report (``--full``) is an information row.
4. Loading + validating every built-in questionnaire / ``yaml.safe_load`` of the same files
   (in-process; also shown against libyaml's ``CSafeLoader``, for information); and the
   worst of the crafted files of ``bench_crafted.py`` (each kind of expensive check, as
   large as 1 MB and the value limit allow) / ``yaml.safe_load`` of that file.
5. ``wizard.next()`` until the new page's first paint in the real wizard (``bench_wizard.py``),
   median and max over every step / one 16 ms frame; the notes add the step's total with the
   work deferred until after that paint (pages build the next page then).
6. Bundle size / a bare PySide6 one-folder bundle (``bundle_size.py``); only with
   ``--bundle`` (rebuilds) or when ``dist/zelfscan/`` exists.

Exit status 1 when a measured row misses its budget.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from measure import Row  # noqa: E402
from rows import (  # noqa: E402
    bundle_row,
    crafted_row,
    load_rows,
    report_rows,
    startup_rows,
    wizard_row,
)

DOC = ROOT / "docs" / "performance.md"
START = "<!-- bench:start -->"
END = "<!-- bench:end -->"


# --- output ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text(encoding="utf-8"))
        if found:
            cpu = found.group(1).strip()
    ram = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+)", meminfo.read_text(encoding="utf-8"))
        if found:
            ram = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB"
    versions = {}
    for module in ("PySide6", "reportlab", "yaml", "PyInstaller"):
        try:
            versions[module] = __import__(module).__version__
        except ImportError:
            versions[module] = "-"
    return {
        "date": date.today().isoformat(),
        "os": platform.platform(),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": ram or "?",
        "python": platform.python_version(),
        **versions,
    }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def table(rows: list[Row]) -> str:
    lines = [
        "| what | baseline | ours | ratio | budget | result | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        baseline = f"{row.baseline_label}: {_fmt(row.baseline, row.unit)}"
        ratio = "–" if row.ratio is None else f"{row.ratio:.2f}×"
        if not row.ratio_row and row.ratio is not None:
            ratio = f"{row.ratio:.2f} frame"
        verdict = row.verdict if not row.budget_label.startswith("(") else "info"
        lines.append(
            f"| {row.name} | {baseline} | {_fmt(row.ours, row.unit)} | {ratio} | "
            f"{row.budget_label} | {verdict} | {row.note} |"
        )
    return "\n".join(lines)


def record(text: str) -> None:
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else f"{START}\n{END}\n"
    if START not in current or END not in current:
        current += f"\n{START}\n{END}\n"
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


ROWS = ("startup", "report", "load", "crafted", "wizard", "bundle")


def refresh_compiled_questionnaires() -> None:
    """Bring the built-in questionnaires' compiled copies up to date, as ``make`` does.

    The app uses a copy only while it matches the YAML and ``zelfscan/core`` byte for byte;
    after an edit it silently parses instead (~25 ms more), which a benchmark run from a
    working tree must not mistake for a slower app.
    """
    from zelfscan.core import compiled
    from zelfscan.paths import questionnaires_dir

    for outcome in compiled.build(questionnaires_dir()):
        if outcome.status not in ("written", "up to date"):
            print(f"compiled copy: {outcome.path.name}: {outcome.status}", file=sys.stderr)


def compile_bytecode() -> None:
    """Write our modules' ``.pyc`` files first, as an install or the bundle has them.

    With ``PYTHONDONTWRITEBYTECODE`` set (some shells and CI images set it) every child would
    compile ~90 modules from source on every run (~0.1 s) while the baselines import
    PySide6/reportlab from the ``.pyc`` files pip wrote: that times the compiler, not the app.
    """
    import compileall

    compileall.compile_dir(ROOT / "zelfscan", quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="interleaved runs per row")
    parser.add_argument("--bundle", action="store_true", help="(re)build the bundle for row 6")
    parser.add_argument("--record", action="store_true", help=f"write the results to {DOC}")
    parser.add_argument("--only", default=",".join(ROWS), help="comma-separated: " + ",".join(ROWS))
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    compile_bytecode()
    refresh_compiled_questionnaires()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="zelfscan-bench-") as tmp:
        home = Path(tmp)
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("startup", lambda: startup_rows(args.runs, home)),
            ("report", lambda: report_rows(args.runs, home)),
            ("load", lambda: load_rows(args.runs)),
            ("crafted", lambda: [crafted_row(args.runs)]),
            ("wizard", lambda: [wizard_row(args.runs, home)]),
        ]
        if args.bundle or (ROOT / "dist" / "zelfscan").is_dir():
            steps.append(("bundle", lambda: [bundle_row(args.bundle)]))
        for name, step in steps:
            if name in only:
                print(f"measuring {name} ...", file=sys.stderr, flush=True)
                rows.extend(step())
    info = machine()
    text = "\n".join(
        [
            f"Measured {info['date']} with `benchmarks/run.py --runs {args.runs}` "
            "(medians of interleaved runs).",
            "",
            f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; {info['os']}; "
            f"Python {info['python']}, PySide6 {info['PySide6']}, reportlab {info['reportlab']}, "
            f"PyYAML {info['yaml']}, PyInstaller {info['PyInstaller']}.",
            "",
            table(rows),
        ]
    )
    print(text)
    if args.record:
        record(text)
        print(f"\nrecorded in {DOC.relative_to(ROOT)}", file=sys.stderr)
    failed = [r for r in rows if r.verdict == "FAIL" and not r.budget_label.startswith("(")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
