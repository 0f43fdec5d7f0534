"""Find the bundled ``questionnaires/`` and ``resources/`` folders, wherever the app runs from.

One Qt-free function for a source checkout, an installed package and a PyInstaller bundle, so
no other module ever guesses a path (and nothing resolves against the current directory).

The top-level ``questionnaires/`` and ``resources/`` of the repository are the source of
truth; the wheel and the sdist carry them as ``zelfscan/questionnaires`` and
``zelfscan/resources`` (pyproject.toml maps them at build time), and the bundle carries them
at its root (build.spec). :data:`REQUIRED` names the files the app can not do without, so
``zelfscan --self-test`` can say which one a broken build left out.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from functools import cache
from pathlib import Path

DATA_ROOT_ENV = "ZELFSCAN_DATA_ROOT"

REQUIRED = (
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "styles/app.qss",
    "locale/nl/LC_MESSAGES/gui.mo",
    "locale/nl/LC_MESSAGES/report.mo",
    "locale/nl/LC_MESSAGES/cli.mo",
    "locale/nl/LC_MESSAGES/about.mo",
    "icons/zelfscan.svg",
    "icons/zelfscan-256.png",
    "licenses/THIRD-PARTY-NOTICES.txt",
)
"""Bundled files (relative to ``resources/``) without which the app looks or reads wrong:
the fonts of the window and the PDF, both stylesheets, the Dutch catalogues, the app icon
and the third-party notices of the About dialog."""

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The sizes of ``resources/icons/zelfscan-<N>.png`` (tools/make_icons.py renders them)."""

_keep_open = contextlib.ExitStack()
atexit.register(_keep_open.close)


def data_root() -> Path:
    """The folder that holds ``questionnaires/`` and ``resources/``.

    Order: the ``ZELFSCAN_DATA_ROOT`` override (tests), the PyInstaller bundle
    (``sys._MEIPASS``), the installed package (a wheel in any folder), then the repository
    root next to the package (a checkout, also when it is installed in editable mode).
    ``importlib.resources`` (~5–10 ms to import at start-up) is asked only when the package
    is not a real folder (imported from a zip file); for a folder it gives the same answer.
    """
    override = os.environ.get(DATA_ROOT_ENV)
    if override:
        return Path(override)
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    package = Path(__file__).resolve().parent
    if (package / "questionnaires").is_dir():
        return package  # an installed wheel: the package folder carries the data
    if package.is_dir():
        return package.parent  # a checkout (also installed in editable mode)
    installed = _installed_root()  # imported from a zip file: no real folder
    if installed is not None:
        return installed
    return package.parent


@cache
def _installed_root() -> Path | None:
    """For a package imported from a zip file: its data extracted to a real folder, else
    ``None``.

    Such a package has no real folder; ``as_file`` then extracts it once for the life of
    the process (the files are read many times, by Qt too).
    """
    from importlib import resources

    package = resources.files("zelfscan")
    if not (package / "questionnaires").is_dir():
        return None
    if isinstance(package, Path):
        return package
    return Path(_keep_open.enter_context(resources.as_file(package)))  # pragma: no cover


def questionnaires_dir() -> Path:
    return data_root() / "questionnaires"


def builtin_questionnaire_dirs() -> list[Path]:
    """The folders of the questionnaires that come with the app."""
    return [questionnaires_dir()]


def questionnaire_files(folder: Path) -> list[Path]:
    """The questionnaire files in ``folder``, by name. Anything but a folder counts: a named
    pipe or a dangling link called *.yaml is reported by the loader (not read), rather than
    silently left out."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.is_dir()]
    return sorted(found, key=lambda p: p.name)


def resources_dir() -> Path:
    return data_root() / "resources"


def locale_dir() -> Path:
    return resources_dir() / "locale"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icon_file(size: int | None = None) -> Path:
    """The app icon: the SVG source, or the PNG rendered at ``size`` pixels."""
    icons = resources_dir() / "icons"
    return icons / ("zelfscan.svg" if size is None else f"zelfscan-{size}.png")


def notices_file() -> Path:
    """The licences of everything Zelfscan ships (tools/notices.py writes it)."""
    return resources_dir() / "licenses" / "THIRD-PARTY-NOTICES.txt"


def missing_resources() -> list[str]:
    """The :data:`REQUIRED` files that are not there, as ``resources/...`` paths."""
    root = resources_dir()
    return [f"resources/{name}" for name in REQUIRED if not (root / name).is_file()]


def license_text() -> str | None:
    """Zelfscan's own licence (EUPL-1.2): ``LICENSE`` next to the data in a checkout or the
    bundle, the copy in the package metadata for an installed wheel; ``None`` if neither is
    there."""
    import importlib.metadata

    beside = data_root() / "LICENSE"
    with contextlib.suppress(OSError):
        return beside.read_text(encoding="utf-8")
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        # Written by setuptools as <name>.dist-info/licenses/LICENSE (PEP 639).
        text = importlib.metadata.distribution("zelfscan").read_text("licenses/LICENSE")
        if text:
            return text
    return None
