"""Compile every ``resources/locale/*/LC_MESSAGES/*.po`` into the ``.mo`` next to it.

The ``.mo`` files are committed so the app runs from a plain checkout and a bundle; run
``make i18n`` after editing a ``.po``. ``tests/test_i18n.py`` fails when they are stale.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"


def compiled(po_path: Path) -> bytes:
    """The ``.mo`` bytes for one catalogue (fuzzy entries are left out, as msgfmt does)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main() -> int:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po_path.with_suffix(".mo").write_bytes(compiled(po_path))
        print(f"compiled {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
