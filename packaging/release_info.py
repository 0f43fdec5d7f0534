"""What the release build writes into the bundle besides the code: stdlib only, importable.

``build.spec`` imports this module (PyInstaller executes the spec with the project folder on
``sys.path`` via ``packaging/``), and ``tests/test_release_info.py`` imports it the same way,
so what the tests check is exactly what the build uses:

* :func:`info_plist` -- the macOS ``Info.plist`` of ``Zelfscan.app``. PyInstaller derives
  ``LSBackgroundOnly`` from the ``console`` flag of the *last* executable in the spec, which
  is the CLI (``console=True``), so without an explicit value the app would start as a
  background-only agent: no Dock icon and no menu bar, and so no Privacy, Lock,
  Delete-everything or Quit menu. The plist states every such key explicitly.
* :func:`macos_minimum` -- the lowest macOS the bundle can run on, read from the platform
  tags of the installed wheels (the lock's wheels on the build machine), instead of a number
  typed into the README that the next PySide6 upgrade silently makes wrong.
* :func:`windows_version_info` -- the text of PyInstaller's version resource (file version,
  product name, copyright), which Windows shows in Explorer's Properties and which AppLocker
  publisher rules and SmartScreen read next to the signature.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata

_MACOS_TAG = re.compile(r"macosx_(\d+)_(\d+)_(\w+)$")
# Which wheel architectures run on each build architecture (a universal2 wheel runs on both).
_RUNS_ON = {
    "x86_64": {"x86_64", "intel", "universal2", "universal"},
    "arm64": {"arm64", "universal2"},
}


@dataclass(frozen=True)
class Requirement:
    """One installed distribution's lowest macOS, from its wheel tags."""

    name: str
    minimum: tuple[int, int]


def wheel_tags(dist: metadata.Distribution) -> list[str]:
    """The platform tags of one installed distribution (the ``Tag:`` lines of its WHEEL file).

    A compressed tag set such as ``cp311-cp311-macosx_10_9_x86_64.macosx_11_0_arm64`` is
    written as one ``Tag:`` line per tag by installers, but the expanded form is accepted too.
    Distributions installed from an sdist or in develop mode may have no WHEEL file: ``[]``.
    """
    text = dist.read_text("WHEEL") or ""
    tags: list[str] = []
    for line in text.splitlines():
        if line.startswith("Tag:"):
            _python, _abi, platforms = line.split(":", 1)[1].strip().split("-", 2)
            tags.extend(platforms.split("."))
    return tags


def macos_requirements(
    distributions: Iterable[metadata.Distribution], arch: str
) -> list[Requirement]:
    """For every distribution with a macOS wheel for ``arch``: the lowest macOS it needs.

    One wheel may carry several macOS tags (e.g. ``macosx_10_13_x86_64`` and
    ``macosx_11_0_arm64``); only those that run on ``arch`` count, and the lowest of those is
    what that wheel needs. Pure-Python wheels (``any``) need nothing.
    """
    found: list[Requirement] = []
    for dist in distributions:
        versions = []
        for tag in wheel_tags(dist):
            match = _MACOS_TAG.match(tag)
            if match and match.group(3) in _RUNS_ON.get(arch, {arch}):
                versions.append((int(match.group(1)), int(match.group(2))))
        if versions:
            found.append(Requirement(dist.metadata["Name"], min(versions)))
    return found


def macos_minimum(
    distributions: Iterable[metadata.Distribution] | None = None, *, arch: str
) -> tuple[str, list[Requirement]]:
    """``("13.0", [...])``: the highest of the wheels' minimums, and who needs what.

    Raises ``SystemExit`` when no installed wheel has a macOS tag for ``arch``: the build then
    runs on the wrong machine or from a source install, and a guessed minimum would be a lie
    in the app's Info.plist.
    """
    dists = list(metadata.distributions() if distributions is None else distributions)
    needs = macos_requirements(dists, arch)
    if not needs:
        raise SystemExit(f"release_info: no installed wheel has a macOS tag for {arch}")
    # Apple Silicon runs nothing older than macOS 11, whatever a universal2 wheel says.
    floor = (11, 0) if arch == "arm64" else (0, 0)
    major, minor = max(floor, *(r.minimum for r in needs))
    return f"{major}.{minor}", sorted(needs, key=lambda r: (r.minimum, r.name), reverse=True)


def info_plist(*, name: str, bundle_id: str, version: str, minimum_macos: str) -> dict:
    """The keys of ``Zelfscan.app/Contents/Info.plist`` that Zelfscan sets itself.

    PyInstaller adds the executable, icon and package type; everything that decides how the
    app behaves is stated here explicitly, so no PyInstaller default (taken from another
    executable in the spec) can change it.
    """
    return {
        "CFBundleName": name,
        "CFBundleDisplayName": name,
        "CFBundleIdentifier": bundle_id,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "nl",
        "CFBundleLocalizations": ["nl", "en"],
        # A normal app: Dock icon, menu bar, app switcher. Both keys false, never left to
        # PyInstaller (which copies the CLI's console flag into LSBackgroundOnly).
        "LSBackgroundOnly": False,
        "LSUIElement": False,
        "LSMinimumSystemVersion": minimum_macos,
        "LSApplicationCategoryType": "public.app-category.utilities",
        "NSHighResolutionCapable": True,
        # Follow the system's dark mode (the app has a dark style sheet).
        "NSRequiresAquaSystemAppearance": False,
        "NSSupportsAutomaticGraphicsSwitching": True,
        "NSHumanReadableCopyright": "EUPL-1.2",
    }


def _version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def windows_version_info(*, name: str, version: str, exe_name: str, description: str) -> str:
    """The version resource for one Windows executable, as PyInstaller's ``version=`` file.

    PyInstaller evaluates this text (``VSVersionInfo(...)``); the names it uses are imported
    by PyInstaller itself (``PyInstaller.utils.win32.versioninfo``), so this module needs none.
    """
    numbers = _version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": "Zelfscan-team",
        "FileDescription": description,
        "FileVersion": dotted,
        "InternalName": exe_name,
        "LegalCopyright": "EUPL-1.2",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    string_structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '041304B0',
        [{string_structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200, 0x0409, 1200])])
  ]
)
"""
