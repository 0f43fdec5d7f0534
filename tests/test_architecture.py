"""The core, report, storage and CLI stay Qt-free, so they run and test without a display."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = [
    "zelfscan.core.evaluate",
    "zelfscan.core.loader",
    "zelfscan.core.catalog",
    "zelfscan.core.codec",
    "zelfscan.core.compiled",
    "zelfscan.core.answers",
    "zelfscan.cli",
    "zelfscan.about",
    "zelfscan.paths",
    "zelfscan.report.pdf",
    "zelfscan.report.document",
    "zelfscan.report.blank",
    "zelfscan.report.build",
    "zelfscan.report.html",
    "zelfscan.report.output",
    "zelfscan.report.words",
    "zelfscan.storage.vault",
    "zelfscan.storage.settings",
    "zelfscan.storage.pdf_password",
    "zelfscan.core.numbers",
    "zelfscan.safe_read",
]


@pytest.mark.parametrize("module", QT_FREE)
def test_module_imports_without_pyside6(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}"
        " or m.startswith('zelfscan.gui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.stdout.strip() == ""


def test_no_module_outside_gui_mentions_pyside6() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "zelfscan"
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "gui" not in p.relative_to(root).parts[:1]
        and p.name != "__main__.py"
        and "PySide6" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
