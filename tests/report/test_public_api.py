"""The report uses reportlab's public API only (docs/performance.md): no patched or read internals.

Speed comes from doing less (the concise PDF) and from reportlab's own optional C
accelerator when it is installed, never from subclassing its fonts or paragraphs or reading
their private attributes.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "zelfscan" / "report"
ALLOWED = {"_replace", "_asdict", "_fields"}  # NamedTuple's public API
"""Underscore attributes that are public by design."""


def test_no_private_attribute_is_read_or_written() -> None:
    found = []
    for path in REPORT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr not in ALLOWED
            ):
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert found == []


def test_no_reportlab_class_is_subclassed_but_the_canvas_and_the_score_bar() -> None:
    """The canvas overrides its public ``save`` only (to draw the page count); the score bar
    is a ``Flowable`` with its own ``wrap`` and ``draw``, reportlab's documented way to write a
    flowable, drawing with public canvas calls. Fonts and paragraphs are never subclassed."""
    bases = []
    for path in REPORT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases += [(path.name, ast.unparse(b)) for b in node.bases]
    reportlab_like = [
        b for b in bases if b[1] not in {"NamedTuple", "StrEnum", "ValueError", "RuntimeError"}
    ]
    assert sorted(reportlab_like) == [("chart.py", "Flowable"), ("styles.py", "Canvas")]
