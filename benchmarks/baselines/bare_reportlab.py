"""Baseline: a bare reportlab script that writes N paragraphs to a PDF and exits.

The reference for the ``zelfscan-cli report`` budget of design.md §5: the benchmark counts the
paragraphs of the real report and passes that number (and their mean length) here, so both
PDFs carry the same amount of text; this one uses reportlab's defaults (Helvetica, no
embedded font, no tables) and no optional accelerator.

    python benchmarks/baselines/bare_reportlab.py --paragraphs 300 --chars 120 --out x.pdf
"""

from __future__ import annotations

import argparse
import sys

# reportlab's optional C accelerator (the ``rl_accel`` package) speeds up its text
# measuring when installed; design.md §5 times the baseline without it, so it is blocked
# here before reportlab looks for it (a None entry makes the import fail).
sys.modules["_rl_accel"] = None  # type: ignore[assignment]

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

SAMPLE = (
    "Zorg voor goede verlichting rond de voordeur en houd de sleutels buiten het zicht van de "
    "brievenbus; bespreek met de gemeente welke maatregelen passen bij uw situatie. "
)
WORDS = SAMPLE.split()


def text_of(length: int, seed: int) -> str:
    words: list[str] = []
    i = seed
    while sum(len(w) + 1 for w in words) < length:
        words.append(WORDS[i % len(WORDS)])
        i += 7
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, required=True)
    parser.add_argument("--chars", type=int, default=120, help="mean characters per paragraph")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    styles = getSampleStyleSheet()
    story = [Paragraph(text_of(args.chars, n), styles["BodyText"]) for n in range(args.paragraphs)]
    SimpleDocTemplate(args.out, pagesize=A4).build(story)
    return 0


if __name__ == "__main__":
    sys.exit(main())
