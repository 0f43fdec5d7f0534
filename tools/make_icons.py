"""Render the app icon from its SVG source into every file a platform asks for.

``resources/icons/zelfscan.svg`` is the source. This writes next to it:

* ``zelfscan-<N>.png`` for N in :data:`SIZES`: the window icon (Qt picks the nearest size),
  the Linux ``.desktop`` icon, and the inputs of the two files below;
* ``zelfscan.ico`` (Windows, ``build.spec``): every PNG up to 256 px in one file;
* ``zelfscan.icns`` (macOS, ``build.spec``): the sizes macOS uses, up to 1024 px (512@2x).

Qt's own SVG renderer draws each size (so no extra package is needed), Pillow (already a
dependency of reportlab) packs the .ico and .icns. Run ``.venv/bin/python tools/make_icons.py``
after changing the SVG, look at the PNGs at 16 and 32 px, and commit everything.
``--check`` writes nothing and fails when a committed PNG differs from a fresh rendering.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from zelfscan.paths import ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "zelfscan.svg"
SIZES = ICON_SIZES
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def pack(pngs: dict[int, bytes], fmt: str, sizes: tuple[int, ...]) -> bytes:
    """One .ico or .icns holding the renderings at ``sizes`` (no resampling by Pillow)."""
    from PIL import Image

    images = [Image.open(io.BytesIO(pngs[size])) for size in sorted(sizes, reverse=True)]
    out = io.BytesIO()
    if fmt == "ICO":
        images[0].save(out, "ICO", sizes=[(s, s) for s in sizes], append_images=images[1:])
    else:
        images[0].save(out, "ICNS", append_images=images[1:])
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    pngs = {size: render(size) for size in {*SIZES, *ICNS_SIZES}}
    files = {ICONS / f"zelfscan-{size}.png": pngs[size] for size in SIZES}
    files[ICONS / "zelfscan.ico"] = pack(pngs, "ICO", ICO_SIZES)
    files[ICONS / "zelfscan.icns"] = pack(pngs, "ICNS", ICNS_SIZES)
    return files


def main(argv: list[str]) -> int:
    files = outputs()
    if "--check" in argv:
        stale = [p for p, data in files.items() if not p.is_file() or p.read_bytes() != data]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run tools/make_icons.py)", file=sys.stderr)
        return 1 if stale else 0
    for path, data in files.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
