"""Loading + validating questionnaires vs plain ``yaml.safe_load`` of the same files.

Budget (design.md section 5): at most 2x. Run: ``.venv/bin/python benchmarks/bench_load.py
[FILE ...]`` (default: tests/data/questionnaires/mini.yaml and questionnaires/*.yaml).
Files with validation errors are still timed (the loader then stops before the model checks),
and are marked as such.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zelfscan.core.errors import QuestionnaireError  # noqa: E402
from zelfscan.core.loader import load_text  # noqa: E402

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def best_of(func: Callable[[], object], repeat: int = 5, number: int = 20) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or [
        ROOT / "tests/data/questionnaires/mini.yaml",
        *sorted((ROOT / "questionnaires").glob("*.yaml")),
    ]
    total_base = total_ours = 0.0
    for path in files:
        data = path.read_bytes()
        valid = True

        def ours(data: bytes = data, name: str = str(path)) -> None:
            with contextlib.suppress(QuestionnaireError):
                load_text(data, name)

        try:
            load_text(data, str(path))
        except QuestionnaireError:
            valid = False
        base = best_of(lambda data=data: yaml.load(data, Loader=SAFE_LOADER))  # noqa: S506
        mine = best_of(ours)
        total_base += base
        total_ours += mine
        note = "" if valid else "  (has validation errors)"
        print(
            f"{path.name}: {len(data) / 1024:.0f} KB  safe_load {base * 1e3:.2f} ms  "
            f"load+validate {mine * 1e3:.2f} ms  ratio {mine / base:.2f}{note}"
        )
    print(f"total ratio {total_ours / total_base:.2f} (budget 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
