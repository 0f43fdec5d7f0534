"""The rows of design.md §5: each measures ours and its baseline in the same run.

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


def startup_rows(runs: int, home: Path) -> list[Row]:
    commands = {
        "bare": [PY, str(HERE / "baselines" / "bare_wizard.py")],
        "ours": [PY, "-m", "zelfscan", "--self-test"],
    }
    res = interleaved(commands, runs, bench_env(home))
    note = failure_note(res["ours"])
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


def report_rows(runs: int, home: Path) -> list[Row]:
    """``zelfscan-cli report`` of the worst case: the default (concise) PDF against the budget,
    the full report (``--full``) as information; each against bare reportlab typesetting the
    same number of paragraphs of the same mean length."""
    from bench_worstcase import answers_document, load_all, worst_case

    from zelfscan.core.evaluate import evaluate
    from zelfscan.report.build import build_report
    from zelfscan.report.pdf import build_story

    # The questionnaire whose worst-case full report is longest.
    best: tuple[int, str, str, object, str] | None = None
    for qid, questionnaire in load_all().items():
        answers = worst_case(questionnaire)
        evaluation = evaluate(questionnaire, answers)
        doc = build_report(questionnaire, evaluation, "nl")
        count = len(_walk_paragraphs(build_story(doc, full=True)))
        if best is None or count > best[0]:
            advice = f"{len(evaluation.advice)}/{len(questionnaire.advice)} advice"
            best = (count, qid, answers_document(questionnaire, answers), doc, advice)
    assert best is not None
    _count, qid, document, doc, advice = best
    answers_file = home / "worst-case.yaml"
    answers_file.write_text(document, encoding="utf-8")
    rows = []
    for full in (False, True):
        lengths = _walk_paragraphs(build_story(doc, full=full))  # type: ignore[arg-type]
        count = len(lengths)
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
                *(["--full"] if full else []),
            ],
        }
        res = interleaved(commands, runs, bench_env(home))
        note = f"{advice}, {count} paragraphs of {chars} chars; " + failure_note(res["ours"])
        rows.append(
            Row(
                f"`zelfscan-cli report{' --full' if full else ''}` {qid}, worst case",
                f"bare reportlab, {count} paragraphs",
                statistics.median(r.seconds for r in res["bare"]) * 1000,
                statistics.median(r.seconds for r in res["ours"]) * 1000,
                "ms",
                2.0,
                "(≤ 2.0×)" if full else "≤ 2.0×",
                note.rstrip("; "),
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


def wizard_row(runs: int, home: Path) -> Row:
    command = [PY, str(HERE / "bench_wizard.py"), "--rounds", str(max(2, runs // 2))]
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
