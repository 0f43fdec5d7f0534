"""PySide6 must not read the source of every module we import (see zelfscan/gui/qtsetup.py)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, linecache, sys
import zelfscan.gui.main_window  # imports most of the GUI and the core
feature = sys.modules["shibokensupport.feature"]
ours = [name for name in linecache.cache if "zelfscan" in name]
print(json.dumps({"read": ours, "mark": feature.pyside_feature_dict.get("zelfscan.gui.wizard")}))
"""


def test_imported_modules_are_not_read_by_pyside() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        encoding="utf-8",
    )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    # When this fails after a PySide6 upgrade, the private hook qtsetup adjusts has changed:
    # the app still works, but every start reads ~2 MB of source again. Update qtsetup.py.
    assert found["read"] == []
    assert found["mark"] == 0  # "uses PySide6, default features": what it got before too
