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
   report's story).
4. Loading + validating every built-in questionnaire / ``yaml.safe_load`` of the same files
   (in-process; also shown against libyaml's ``CSafeLoader``, for information).
5. ``wizard.next()`` until the new page's first paint in the real wizard (``bench_wizard.py``),
   median and max over every step / one 16 ms frame; the notes add the step's total with the
   work deferred until after that paint (pages build the next page then).
6. Bundle size / a bare PySide6 one-folder bundle (``bundle_size.py``); only with
   ``--bundle`` (rebuilds) or when ``dist/zelfscan/`` exists.

Exit status 1 when a measured row misses its budget.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import yaml  # noqa: E402

PY = sys.executable
DOC = ROOT / "docs" / "performance.md"
START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
FRAME_MS = 16.0


@dataclass
class Row:
    name: str
    baseline_label: str
    baseline: float | None
    ours: float | None
    unit: str
    budget: float
    budget_label: str
    note: str = ""
    ratio_row: bool = True  # False: "ours" is compared with the budget directly (row 5)

    @property
    def ratio(self) -> float | None:
        if self.ours is None:
            return None
        if not self.ratio_row:
            return self.ours / FRAME_MS
        if not self.baseline:
            return None
        return self.ours / self.baseline

    @property
    def verdict(self) -> str:
        if self.ratio is None:
            return "n/a"
        value = self.ours if not self.ratio_row else self.ratio
        return "pass" if value is not None and value <= self.budget else "FAIL"


# --- child processes ------------------------------------------------------------------------


@dataclass
class ChildRun:
    seconds: float
    maxrss_kib: float | None
    returncode: int
    stderr: str


def run_child(command: list[str], env: dict[str, str]) -> ChildRun:
    """Run ``command``; wall time and the child's own peak RSS (``wait4``, not a delta)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            # Linux reports KiB, macOS bytes.
            rss = usage.ru_maxrss / 1024 if sys.platform == "darwin" else float(usage.ru_maxrss)
        else:  # Windows: time only
            proc.wait()
            seconds = time.perf_counter() - start
            rss = None
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return ChildRun(seconds, rss, proc.returncode, text)


def interleaved(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, list[ChildRun]]:
    """One warm-up each, then ``runs`` rounds alternating which command goes first."""
    names = list(commands)
    for name in names:
        run_child(commands[name], env)
    results: dict[str, list[ChildRun]] = {name: [] for name in names}
    for i in range(runs):
        for name in names if i % 2 == 0 else reversed(names):
            results[name].append(run_child(commands[name], env))
    return results


def bench_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZELFSCAN_HOME": str(home)}
    env.pop("ZELFSCAN_DATA_ROOT", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _failure_note(runs: list[ChildRun]) -> str:
    codes = sorted({r.returncode for r in runs if r.returncode != 0})
    if not codes:
        return ""
    last = next(r for r in reversed(runs) if r.returncode != 0)
    lines = [ln for ln in last.stderr.splitlines() if ln.strip()]
    first_fatal = next((ln for ln in lines if "Fatal" in ln or "Error" in ln), lines[-1:])
    return f"exit {codes} in {sum(r.returncode != 0 for r in runs)}/{len(runs)} runs: {first_fatal}"


# --- rows -----------------------------------------------------------------------------------


def startup_rows(runs: int, home: Path) -> list[Row]:
    commands = {
        "bare": [PY, str(HERE / "baselines" / "bare_wizard.py")],
        "ours": [PY, "-m", "zelfscan", "--self-test"],
    }
    res = interleaved(commands, runs, bench_env(home))
    note = _failure_note(res["ours"])
    rows = [
        Row(
            "`zelfscan --self-test` wall time",
            "bare QWizard",
            statistics.median(r.seconds for r in res["bare"]) * 1000,
            statistics.median(r.seconds for r in res["ours"]) * 1000,
            "ms",
            1.5,
            "≤ 1.5×",
            note,
        )
    ]
    if all(r.maxrss_kib is not None for r in res["bare"] + res["ours"]):
        rows.append(
            Row(
                "peak memory of the same",
                "bare QWizard",
                statistics.median(r.maxrss_kib or 0 for r in res["bare"]) / 1024,
                statistics.median(r.maxrss_kib or 0 for r in res["ours"]) / 1024,
                "MiB",
                1.5,
                "≤ 1.5×",
                note,
            )
        )
    return rows


def _walk_paragraphs(flowables: list[object]) -> list[int]:
    """Text lengths of every Paragraph in a story, including those inside tables."""
    from reportlab.platypus import Paragraph, Table

    lengths: list[int] = []

    def walk(item: object) -> None:
        if isinstance(item, Paragraph):
            lengths.append(len(item.getPlainText()))
            return
        if isinstance(item, Table):
            for row in item._cellvalues:
                for cell in row:
                    for sub in cell if isinstance(cell, list | tuple) else [cell]:
                        walk(sub)
        for attr in ("_content", "_flowables", "content"):
            inner = getattr(item, attr, None)
            if isinstance(inner, list | tuple):
                for sub in inner:
                    walk(sub)

    for item in flowables:
        walk(item)
    return lengths


def report_row(runs: int, home: Path) -> Row:
    from bench_worstcase import answers_document, load_all, worst_case

    from zelfscan.core.evaluate import evaluate
    from zelfscan.report.document import build_report
    from zelfscan.report.pdf import build_story

    # The questionnaire whose worst-case report is longest.
    best: tuple[int, str, str, list[int]] | None = None
    for qid, questionnaire in load_all().items():
        answers = worst_case(questionnaire)
        evaluation = evaluate(questionnaire, answers)
        story = build_story(build_report(questionnaire, answers, evaluation, "nl"))
        lengths = _walk_paragraphs(story)
        if best is None or len(lengths) > best[0]:
            best = (len(lengths), qid, answers_document(questionnaire, answers), lengths)
            advice = f"{len(evaluation.advice)}/{len(questionnaire.advice)} advice"
    assert best is not None
    count, qid, document, lengths = best
    answers_file = home / "worst-case.yaml"
    answers_file.write_text(document, encoding="utf-8")
    chars = round(statistics.mean(lengths)) if lengths else 100
    commands = {
        "bare": [
            PY,
            str(HERE / "baselines" / "bare_reportlab.py"),
            "--paragraphs",
            str(count),
            "--chars",
            str(chars),
            "--out",
            str(home / "bare.pdf"),
        ],
        "ours": [
            PY,
            "-m",
            "zelfscan.cli",
            "report",
            qid,
            "--answers",
            str(answers_file),
            "--out",
            str(home / "ours.pdf"),
        ],
    }
    res = interleaved(commands, runs, bench_env(home))
    return Row(
        f"`zelfscan-cli report` {qid}, worst case",
        f"bare reportlab, {count} paragraphs",
        statistics.median(r.seconds for r in res["bare"]) * 1000,
        statistics.median(r.seconds for r in res["ours"]) * 1000,
        "ms",
        1.5,
        "≤ 1.5×",
        (f"{advice}, {count} paragraphs of {chars} chars; " + _failure_note(res["ours"])).rstrip(
            "; "
        ),
    )


def _timeit(func: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        func()
    return (time.perf_counter() - start) / number


def load_rows(runs: int) -> list[Row]:
    from zelfscan.core.catalog import discover, questionnaire_files
    from zelfscan.paths import questionnaires_dir

    folder = questionnaires_dir()
    files = questionnaire_files(folder)
    texts = [p.read_text(encoding="utf-8") for p in files]
    catalog = discover([folder], use_compiled=False)

    def ours() -> None:  # the real parse and every check, as `validate` and an edited file get
        discover([folder], use_compiled=False)

    def compiled() -> None:  # what the app and the CLI do with the built-in copies
        discover([folder])

    def safe_load() -> None:
        for text in texts:
            yaml.safe_load(text)

    def c_safe_load() -> None:
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)

    number = 3
    base, mine, fast, copies = [], [], [], []
    for i in range(runs):
        order = [(base, safe_load), (mine, ours), (fast, c_safe_load), (copies, compiled)]
        for bucket, func in order if i % 2 == 0 else reversed(order):
            bucket.append(_timeit(func, number))
    size = sum(len(t.encode()) for t in texts) / 1024
    note = f"{len(files)} files, {size:.0f} KB"
    if catalog.errors:
        note += f"; {len({str(e).split(':', 1)[0] for e in catalog.errors})} file(s) invalid"
    rows = [
        Row(
            "load + validate every questionnaire",
            "`yaml.safe_load`",
            statistics.median(base) * 1000,
            statistics.median(mine) * 1000,
            "ms",
            2.0,
            "≤ 2×",
            note,
        )
    ]
    rows.append(
        Row(
            "(info) the same vs libyaml",
            "`yaml.load(CSafeLoader)`",
            statistics.median(fast) * 1000,
            statistics.median(mine) * 1000,
            "ms",
            2.0,
            "(≤ 2×)",
            "stricter than the budget: the loader itself uses CSafeLoader",
        )
    )
    rows.append(
        Row(
            "(info) loading the compiled copies instead",
            "`yaml.safe_load`",
            statistics.median(base) * 1000,
            statistics.median(copies) * 1000,
            "ms",
            2.0,
            "(≤ 2×)",
            "built-in questionnaires at start-up: validated JSON copies (`core/compiled.py`)",
        )
    )
    return rows


def wizard_row(runs: int, home: Path) -> Row:
    command = [PY, str(HERE / "bench_wizard.py"), "--rounds", str(max(2, runs // 2))]
    result = subprocess.run(
        command, capture_output=True, text=True, env=bench_env(home), cwd=ROOT, check=False
    )
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
    if result.returncode != 0 or not lines:
        err = [ln for ln in result.stderr.splitlines() if "Fatal" in ln or "Error" in ln]
        return Row(
            "next page in the wizard",
            "one frame",
            FRAME_MS,
            None,
            "ms",
            FRAME_MS,
            "≤ 16 ms",
            f"not measured: bench_wizard.py exit {result.returncode}: {err[:1]}",
            ratio_row=False,
        )
    data = json.loads(lines[-1])
    worst = max(data["steps"], key=lambda s: s["ms"])
    return Row(
        "next page in the wizard (median)",
        "one frame",
        FRAME_MS,
        data["median_ms"],
        "ms",
        FRAME_MS,
        "≤ 16 ms",
        f"{len(data['steps'])} steps, next() to the new page's first paint; "
        f"p95 {data['p95_ms']:.1f} ms, max {data['max_ms']:.1f} ms "
        f"({worst['questionnaire']} page {worst['page']}); with the work deferred until "
        f"after the paint: median {data['total_median_ms']:.1f}, max {data['total_max_ms']:.1f} ms",
        ratio_row=False,
    )


def bundle_row(build: bool) -> Row:
    import bundle_size

    result = bundle_size.measure(build=build)
    mib = 1024 * 1024
    return Row(
        "PyInstaller bundle size",
        "bare PySide6 one-folder",
        result.bare_bytes / mib,
        result.ours_bytes / mib,
        "MiB",
        1.0,
        "≤ 1.0×",
        f"{result.ours_files} files, both executables",
    )


# --- output ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        if found:
            cpu = found.group(1).strip()
    ram = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+)", meminfo.read_text())
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


ROWS = ("startup", "report", "load", "wizard", "bundle")


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
            ("report", lambda: [report_row(args.runs, home)]),
            ("load", lambda: load_rows(args.runs)),
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
