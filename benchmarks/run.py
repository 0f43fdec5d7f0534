"""The speed budget (docs/performance.md), each row against a baseline timed in the same run.

    make bench                                   # every row (the bundle if dist/zelfscan exists)
    make bench ARGS="--bundle --record"          # rebuild the bundle, write docs/performance.md
    python benchmarks/run.py --runs 15 --only startup,report

Rows (ours / baseline, median of ``--runs`` interleaved runs, after one warm-up of each):

1. ``python -m zelfscan --self-test=start`` (a user's start, until the start screen has
   painted) / ``baselines/bare_wizard.py`` (one QWizard page, until it has painted); both in
   subprocesses, offscreen.
2. Peak memory (``ru_maxrss`` of the child, from ``os.wait4``) of ``--self-test`` (window and
   every wizard) / the same bare wizard, in the same rounds.
3. In the real window (``bench_gui.py``, one fresh process per run), in frames of 16 ms:
   opening a scan (a click on its start button until the first question page has painted),
   next page (median and p95 of every step with the worst-case answers) and "Opslaan als PDF"
   (a click until the file is written, worst-case answers). Open and save are the first of
   their process (cold), as a user's first click is; the notes give the warm ones.
4. ``zelfscan-cli report`` for the worst-case answers (``bench_worstcase.py``) /
   ``baselines/bare_reportlab.py`` typesetting as much text (characters on the pages of our
   PDF, read with pypdf) in plain paragraphs with reportlab's defaults and no optional
   accelerator. The default (concise) PDF has the budget; ``--full`` is an information row.
5. Loading + validating every built-in questionnaire / ``yaml.safe_load`` of the same files
   (in-process; also against libyaml's ``CSafeLoader`` and the compiled copies, for
   information); and the worst of the crafted files of ``bench_crafted.py`` / its
   ``yaml.safe_load``.
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
    gui_rows,
    load_rows,
    report_rows,
    startup_rows,
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
            ratio = f"{row.ratio:.1f} frames"
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


ROWS = ("startup", "gui", "report", "load", "crafted", "bundle")


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
            ("gui", lambda: gui_rows(args.runs, home)),
            ("report", lambda: report_rows(args.runs, home)),
            ("load", lambda: load_rows(args.runs)),
            ("crafted", lambda: [crafted_row(args.runs)]),
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
