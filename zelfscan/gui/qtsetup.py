"""What must happen right after PySide6 is imported, before any other GUI module loads.

PySide6 replaces ``builtins.__import__`` to support ``from __feature__ import snake_case``
(opt-in renamed Qt APIs). After every import anywhere in the process it asks
``_mod_uses_pyside(module)``, which calls ``inspect.getsource`` on the module: it reads and
keeps in ``linecache`` the full source of every module imported after QtCore. For Zelfscan
that was ~145 modules, ~30 ms of every start and ~2 MB of source text held for the whole
session (docs/performance.md).

Zelfscan never uses ``__feature__``, so the answer can be given without reading anything:
every module counts as "uses PySide with the default feature set" (0), which is what every
module gets anyway when no module selects a feature. This touches a private hook, so it is
guarded: when a PySide6 release changes it, the check is simply left alone (slower, same
behaviour), and ``tests/gui/test_qtsetup.py`` fails to say the saving is gone.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs PySide's import hook this module adjusts)


def skip_feature_scan() -> bool:
    """Stop PySide6 reading the source of every imported module; True when done."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        return False
    probe = getattr(feature, "_mod_uses_pyside", None)
    if not callable(probe) or not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
        return False
    feature._mod_uses_pyside = _uses_default_features  # type: ignore[attr-defined]
    return True


def _uses_default_features(module: ModuleType) -> bool:
    """Every module may use PySide6, none selects a ``__feature__``: feature set 0."""
    return True
