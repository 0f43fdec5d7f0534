"""The rows of the speed budget (docs/performance.md): each measured with its baseline in the
same run.

``benchmarks/run.py`` picks which rows to run and prints or records the table.
"""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

import yaml
from measure import (
    FRAME_MS,
    HERE,
    PY,
    ROOT,
    Row,
    bench_env,
    failure_note,
    interleaved,
    timeit,
)


def _median_ms(runs: list) -> float:  # type: ignore[type-arg]
    return statistics.median(r.seconds for r in runs) * 1000


def startup_rows(runs: int, home: Path) -> list[Row]:
    """Launch until the start screen has painted (``--self-test=start``) and the peak memory
    of the whole ``--self-test``, both against the bare wizard, in the same rounds."""
    commands = {
        "bare": [PY, str(HERE / "baselines" / "bare_wizard.py")],
        "start": [PY, "-m", "zelfscan", "--self-test=start"],
        "full": [PY, "-m", "zelfscan", "--self-test"],
    }
    res = interleaved(commands, runs, bench_env(home))
    rows = [
        Row(
            "launch until the start screen is painted (`zelfscan --self-test=start`)",
            "bare QWizard page, painted",
            _median_ms(res["bare"]),
            _median_ms(res["start"]),
            "ms",
            2.0,
            "≤ 2.0×",
            (
                f"min {min(r.seconds for r in res['start']) * 1000:.0f} vs "
                f"{min(r.seconds for r in res['bare']) * 1000:.0f} ms; "
                + failure_note(res["start"])
            ).rstrip("; "),
        )
    ]
    if all(r.maxrss_kib is not None for r in res["bare"] + res["full"]):
        rows.append(
            Row(
                "peak memory of the whole `zelfscan --self-test`",
                "bare QWizard page",
                statistics.median(r.maxrss_kib or 0 for r in res["bare"]) / 1024,
                statistics.median(r.maxrss_kib or 0 for r in res["full"]) / 1024,
                "MiB",
                1.5,
                "≤ 1.5×",
                (
                    f"wall {_median_ms(res['full']):.0f} ms (every scan opened in turn, "
                    "one wizard at a time, as in the app); " + failure_note(res["full"])
                ).rstrip("; "),
            )
        )
    return rows


def _pdf_text_chars(pdf: Path) -> int:
    """Characters of text on the PDF's pages (pypdf's public text extraction)."""
    from pypdf import PdfReader

    return sum(len("".join((page.extract_text() or "").split())) for page in PdfReader(pdf).pages)


BARE_PARAGRAPH_CHARS = 90
"""The baseline's plain paragraphs: about one and a half lines of body text each."""


def _bare_command(paragraphs: int, out: Path) -> list[str]:
    return [
        PY,
        str(HERE / "baselines" / "bare_reportlab.py"),
        "--paragraphs",
        str(paragraphs),
        "--chars",
        str(BARE_PARAGRAPH_CHARS),
        "--out",
        str(out),
    ]


def _bare_chars_per_paragraph(home: Path, env: dict[str, str], probe: int = 100) -> float:
    """Characters of text per bare paragraph, counted on the bare PDF's pages the same way as
    on ours (:func:`_pdf_text_chars`).

    Both sides must be counted alike: that count leaves out white space, while the bare
    script's 90 characters include the spaces between words (about 79 are letters), so
    dividing our count by 90 gave the baseline ~12% less text to typeset than our PDF holds.
    """
    out = home / "bare-probe.pdf"
    subprocess.run(_bare_command(probe, out), env=env, cwd=ROOT, check=True, capture_output=True)
    return _pdf_text_chars(out) / probe


def report_rows(runs: int, home: Path) -> list[Row]:
    """``zelfscan-cli report`` of the worst case: the default (concise) PDF against the budget,
    the full report (``--full``) as information; each against bare reportlab typesetting as
    much text (counted on the pages of our PDF) in plain paragraphs."""
    from bench_worstcase import answers_document, load_all, worst_case

    from zelfscan.core.evaluate import evaluate

    best: tuple[int, str, str, str] | None = None
    for qid, questionnaire in load_all().items():
        answers = worst_case(questionnaire)
        evaluation = evaluate(questionnaire, answers)
        advice = f"{len(evaluation.advice)}/{len(questionnaire.advice)} advice"
        if best is None or len(evaluation.advice) > best[0]:
            best = (len(evaluation.advice), qid, answers_document(questionnaire, answers), advice)
    assert best is not None
    _count, qid, document, advice = best
    answers_file = home / "worst-case.yaml"
    answers_file.write_text(document, encoding="utf-8")
    rows = []
    env = bench_env(home)
    for full in (False, True):
        ours = [
            PY,
            "-m",
            "zelfscan.cli",
            "report",
            qid,
            "--answers",
            str(answers_file),
            "--out",
            str(home / "ours.pdf"),
            *(["--full"] if full else []),
        ]
        subprocess.run(ours, env=env, cwd=ROOT, check=True, capture_output=True)
        chars = _pdf_text_chars(home / "ours.pdf")
        count = max(1, round(chars / _bare_chars_per_paragraph(home, env)))
        bare = _bare_command(count, home / "bare.pdf")
        res = interleaved({"bare": bare, "ours": ours}, runs, env)
        note = f"{advice}; {chars} characters of text = {count} plain paragraphs; "
        rows.append(
            Row(
                f"`zelfscan-cli report{' --full' if full else ''}` {qid}, worst-case answers",
                f"bare reportlab, {count} paragraphs",
                _median_ms(res["bare"]),
                _median_ms(res["ours"]),
                "ms",
                2.0,
                "(≤ 2.0×)" if full else "≤ 2.0×",
                (note + failure_note(res["ours"])).rstrip("; "),
            )
        )
    return rows


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
            bucket.append(timeit(func, number))
    size = sum(len(t.encode()) for t in texts) / 1024
    note = f"{len(files)} files, {size:.0f} KB"
    if catalog.errors:
        note += f"; {len({str(e).split(':', 1)[0] for e in catalog.errors})} file(s) invalid"

    def ms(samples: list[float]) -> float:
        return statistics.median(samples) * 1000

    return [
        Row(
            "load + validate every questionnaire",
            "`yaml.safe_load`",
            ms(base),
            ms(mine),
            "ms",
            2.0,
            "≤ 2×",
            note,
        ),
        Row(
            "(info) the same vs libyaml",
            "`yaml.load(CSafeLoader)`",
            ms(fast),
            ms(mine),
            "ms",
            2.0,
            "(≤ 2×)",
            "stricter than the budget: the loader itself uses CSafeLoader",
        ),
        Row(
            "(info) loading the compiled copies instead",
            "`yaml.safe_load`",
            ms(base),
            ms(copies),
            "ms",
            2.0,
            "(≤ 2×)",
            "built-in questionnaires at start-up: validated JSON copies (`core/compiled.py`)",
        ),
    ]


def crafted_row(runs: int) -> Row:
    """The worst crafted file (``bench_crafted.py``): validation / ``yaml.safe_load``."""
    from bench_crafted import measure

    from tests.hostile.crafted import KINDS

    results = {kind: measure(kind, 1_000_000, max(1, runs // 3)) for kind in KINDS}
    kind, (size, base, mine, _first) = max(results.items(), key=lambda kv: kv[1][2] / kv[1][1])
    ratios = ", ".join(f"{k} {m / b:.2f}" for k, (_s, b, m, _f) in results.items())
    return Row(
        "validating a crafted file ≤ 1 MB (worst kind)",
        "`yaml.safe_load`",
        base * 1000,
        mine * 1000,
        "ms",
        2.0,
        "≤ 2×",
        f"worst: {kind}, {size / 1024:.0f} KB; all: {ratios}",
    )


def _frames_row(name: str, samples: list[float], budget: float, note: str) -> Row:
    return Row(
        name,
        "one frame",
        FRAME_MS,
        statistics.median(samples),
        "ms",
        budget,
        f"≤ {budget:g} frame{'s' if budget != 1 else ''}",
        note,
        ratio_row=False,
    )


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def gui_rows(runs: int, home: Path) -> list[Row]:
    """Opening a scan, next page and "Opslaan als PDF" in the real window
    (``bench_gui.py``), in frames of 16 ms. Each process opens one scan and saves one PDF
    cold (as a user's first click does), then every scan warm; the rows use the cold
    figures of ``runs`` fresh processes, the notes the warm ones."""
    from bench_worstcase import load_all

    ids = sorted(load_all())
    cold_open, cold_save, warm_open, warm_save, steps, totals = [], [], [], [], [], []
    failures = []
    for i in range(runs):
        command = [PY, str(HERE / "bench_gui.py"), "--first", ids[i % len(ids)]]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=bench_env(home),
            cwd=ROOT,
            check=False,
            encoding="utf-8",
            errors="replace",
        )
        lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
        if result.returncode != 0 or not lines:
            failures.append(f"exit {result.returncode}: {result.stderr.strip()[-200:]}")
            continue
        data = json.loads(lines[-1])
        cold_open.append(data["cold"]["open_ms"])
        cold_save.append(data["cold"]["save_ms"])
        for scan in [data["cold"], *data["warm"]]:
            steps.extend(s["ms"] for s in scan["steps"])
            totals.extend(s["total_ms"] for s in scan["steps"])
        warm_open.extend(s["open_ms"] for s in data["warm"])
        warm_save.extend(s["save_ms"] for s in data["warm"])
    if not steps:
        return [
            Row("the window rows", "one frame", FRAME_MS, None, "ms", 1, "–", "; ".join(failures))
        ]
    problem = f"; {len(failures)} run(s) failed: {failures[0]}" if failures else ""

    def f(ms: float) -> str:
        return f"{ms / FRAME_MS:.1f}"

    return [
        _frames_row(
            "opening a scan: click until its first question page is painted",
            cold_open,
            6,
            f"first click of the process, {len(cold_open)} processes; later clicks: median "
            f"{f(statistics.median(warm_open))}, max {f(max(warm_open))} frames{problem}",
        ),
        _frames_row(
            "going to the next page (median)",
            steps,
            1,
            f"{len(steps)} steps, worst-case answers, next() to the new page's first paint; "
            f"max {f(max(steps))} frames; with the work deferred until after the paint: "
            f"median {f(statistics.median(totals))}, max {f(max(totals))} frames",
        ),
        Row(
            "going to the next page (p95)",
            "one frame",
            FRAME_MS,
            _p95(steps),
            "ms",
            2,
            "≤ 2 frames",
            "the same steps",
            ratio_row=False,
        ),
        _frames_row(
            '"Opslaan als PDF" until the file is written (worst-case answers)',
            cold_save,
            6,
            f"first save of the process; later saves: median {f(statistics.median(warm_save))}, "
            f"max {f(max(warm_save))} frames",
        ),
    ]


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
