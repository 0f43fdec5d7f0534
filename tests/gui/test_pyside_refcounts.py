"""Guard against the PySide6 build we run on leaking references to None/True/False.

PySide6-Essentials 6.12.0 drops a reference to ``None`` on every call that returns nothing;
on CPython 3.11 the interpreter then aborts mid-session ("Fatal Python error: none_dealloc").
pyproject.toml pins below 6.12 for that reason; this test fails if a future upgrade brings
such a leak back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QCheckBox


def test_void_calls_do_not_leak_none_or_bool_references(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QCheckBox()
    qtbot.addWidget(box)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        box.setText("x")
        box.setChecked(True)
        box.setAccessibleName("naam")
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
