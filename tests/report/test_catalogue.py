"""Every fixed report string has a Dutch translation, and the compiled .mo is in place."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources/locale/nl/LC_MESSAGES/report.po"


def _msgids() -> set[str]:
    """String literals passed to ``_()`` or ``N_()`` anywhere in zelfscan/report."""
    found: set[str] = set()
    for path in (ROOT / "zelfscan/report").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "N_"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_report_string_is_translated() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id: m.string for m in catalog if m.id}
    used = _msgids()
    assert used
    missing = sorted(m for m in used if not translated.get(m))
    assert not missing, f"add these to {PO.name}: {missing}"
    unused = sorted(set(translated) - used)
    assert not unused, f"remove these from {PO.name}: {unused}"


def test_compiled_catalogue_exists() -> None:
    assert PO.with_suffix(".mo").stat().st_mtime >= PO.stat().st_mtime - 1
