"""Work around a reference-count bug in PySide6 6.12 on CPython 3.11.

Every call of a PySide6 method that returns nothing (``label.setText(...)``) drops one
reference to ``None`` without taking it first. From CPython 3.12 on, ``None`` is immortal and
this is harmless; on 3.11 its count runs down with every call until the interpreter aborts
with "Fatal Python error: none_dealloc" (at exit after a self-test, or mid-session after
enough clicks). ``tests/gui/test_compat.py`` shows the drift.

``True`` and ``False`` suffer the same way (seen as "bool_dealloc" after the GUI tests).

The fix belongs upstream (or in our requirements: Python >= 3.12, or a PySide6 without the
bug). Until then we give ``None`` a reference count so large that no session can exhaust it,
which is what 3.12 does by design. Only on CPython < 3.12, once, before any widget exists.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 48
_SINGLETONS: tuple[object, ...] = (None, True, False, Ellipsis, NotImplemented)
_applied = False


def keep_none_alive() -> bool:
    """Give ``None``, ``True``, ``False`` … a huge reference reserve on CPython < 3.12.

    Returns True if the reserve is in place.
    """
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    for singleton in _SINGLETONS:
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: the first field
        refcount.value += _RESERVE
    _applied = True
    return True
