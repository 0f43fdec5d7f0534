"""Validating crafted worst-case files vs ``yaml.safe_load`` of the same files.

design.md §5: "validating any file ≤ 1 MB within 2× its ``yaml.safe_load``" must hold for
files made to be slow too. The generators (``tests/hostile/crafted.py``) build, for every
kind of expensive check (unsatisfiable triggers, follow-up chains, deep and wide conditions,
checklists, "did you mean" over thousands of ids, one question with thousands of options,
personas), the largest file under 1 MB and the loader's 200,000-value limit; each is
validated as ``zelfscan-cli validate`` does (``load_text``: parse, every check, the work
budget of ``core/reachability.py``).

Run: ``.venv/bin/python benchmarks/bench_crafted.py [--size BYTES] [--runs N] [KIND ...]``.
Prints one line per kind and the worst ratio; ``benchmarks/run.py --only crafted`` gives the
same as a row of the budget table.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.hostile.crafted import KINDS, fill  # noqa: E402
from zelfscan.core.errors import QuestionnaireError  # noqa: E402
from zelfscan.core.loader import load_text  # noqa: E402


def _timed(func: object) -> float:
    start = time.perf_counter()
    func()  # type: ignore[operator]
    return time.perf_counter() - start


def measure(kind: str, size: int, runs: int) -> tuple[int, float, float, str]:
    """``(bytes, safe_load seconds, validate seconds, first message)``, medians of ``runs``
    interleaved pairs."""
    text = fill(kind, size)

    def ours() -> None:
        with contextlib.suppress(QuestionnaireError):
            load_text(text, kind)

    def base() -> None:
        yaml.safe_load(text)

    try:
        load_text(text, kind)
        first = "valid"
    except QuestionnaireError as exc:
        first = exc.errors[0].message
    bases, mine = [], []
    for i in range(runs):
        pair = [(bases, base), (mine, ours)]
        for bucket, func in pair if i % 2 == 0 else reversed(pair):
            bucket.append(_timed(func))
    return len(text.encode()), statistics.median(bases), statistics.median(mine), first


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("kinds", nargs="*", default=list(KINDS))
    args = parser.parse_args(argv)
    worst = 0.0
    for kind in args.kinds:
        size, base, mine, first = measure(kind, args.size, args.runs)
        worst = max(worst, mine / base)
        print(
            f"{kind:14} {size / 1024:5.0f} KB  safe_load {base * 1e3:7.0f} ms  "
            f"validate {mine * 1e3:6.0f} ms  ratio {mine / base:.2f}  ({first[:60]})",
            flush=True,
        )
    print(f"worst ratio {worst:.2f} (budget 2.0)")
    return 0 if worst <= 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
