"""Write ``resources/licenses/THIRD-PARTY-NOTICES.txt``: the licences of everything Zelfscan ships.

Generated, so it can not drift from what is installed: every package of the runtime lock
(``requirements/runtime.txt``) with the version, licence, home page and the full text of each
licence file from its installed distribution's metadata, and the components that a package's
own SBOM says it carries inside (OpenSSL in cryptography, the image libraries in Pillow).
Then the parts that are not Python packages: Python itself (its ``LICENSE.txt``), Qt (LGPL-3,
with how to replace the Qt libraries in the bundle) and the DejaVu fonts.

Run it with the venv that ``make`` installs from the lock (``.venv/bin/python
tools/notices.py``) after ``make lock``, and commit the result; ``--check`` writes nothing and
fails when the committed file differs (tests/test_notices.py runs it).
"""

from __future__ import annotations

import importlib.metadata as md
import json
import re
import sys
import sysconfig
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "runtime.txt"
OUT = ROOT / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt"
RULE = "=" * 78
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
QT_PACKAGES = {"pyside6-essentials", "shiboken6"}


def locked(lock: Path = LOCK) -> dict[str, str]:
    """``{normalised name: version}`` of every package pinned in a requirements lock."""
    pins = re.findall(
        r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", lock.read_text(encoding="utf-8"), re.M
    )
    return {normalise(name): version for name, version in pins}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wrap(text: str) -> str:
    return "\n".join(textwrap.fill(p, 78) for p in text.split("\n"))


def _licence(meta: md.PackageMetadata) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License")
    ]
    text = (meta.get("License") or "").strip().splitlines()
    return "; ".join(classifiers) or (text[0] if text else "see the licence text below")


def _home(meta: md.PackageMetadata) -> str:
    if meta.get("Home-page"):
        return meta["Home-page"]
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    for label in ("homepage", "home", "source", "source code", "repository", "documentation"):
        if label in urls:
            return urls[label]
    return next(iter(urls.values()), "(none given)")


def _licence_files(dist: md.Distribution) -> list[tuple[str, str]]:
    found = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if parts[0].endswith(".dist-info") and LICENCE_FILE.search(parts[-1]):
            found.append((parts[-1], file.read_text(encoding="utf-8")))
    return sorted(found)


def _bundled(dist: md.Distribution) -> list[str]:
    """``name version (licence)`` of what the package's SBOMs say it carries inside."""
    lines = []
    for file in dist.files or []:
        if "/sboms/" not in str(file).replace("\\", "/"):
            continue
        for component in json.loads(file.read_text(encoding="utf-8")).get("components", []):
            name = component.get("name", "?")
            if normalise(name) == normalise(dist.metadata["Name"]):
                continue
            licences = [
                entry.get("license", {}).get("id") or entry.get("expression")
                for entry in component.get("licenses", [])
            ]
            shown = ", ".join(filter(None, licences)) or "licence in the text below"
            lines.append(f"{name} {component.get('version') or ''} ({shown})".replace("  ", " "))
    return sorted(set(lines), key=str.lower)


def package_section(name: str, version: str) -> str:
    dist = md.distribution(name)
    if dist.version != version:
        raise SystemExit(f"{name}: installed {dist.version}, locked {version}: run make first")
    meta = dist.metadata
    out = [RULE, f"{meta['Name']} {version}", RULE]
    out.append(f"Licence: {_licence(meta)}")
    out.append(f"Home: {_home(meta)}")
    if normalise(name) in QT_PACKAGES:
        out.append("Used under the LGPL-3.0; see 'Qt and Qt for Python' below.")
    bundled = _bundled(dist)
    if bundled:
        out.append("Carries inside (from the package's own SBOM; some only in some builds):")
        out += [f"  - {line}" for line in bundled]
    for file_name, text in _licence_files(dist):
        out += ["", f"--- {file_name} ---", text.rstrip()]
    return "\n".join(out)


QT_TEXT = """\
Qt and Qt for Python (PySide6-Essentials, shiboken6) are used under the GNU
Lesser General Public License version 3 (LGPL-3.0-only); its full text, which
includes the GNU GPL version 3, is in LGPL-3.0-only.txt next to this file. Qt
contains third-party components of its own (among them FreeType, HarfBuzz,
libpng, PCRE2 and zlib); the Qt documentation page "Licenses Used in Qt" lists
them with their licences. The source code of Qt and Qt for Python of the
versions named above is available from the Qt Project (download.qt.io,
code.qt.io).

Zelfscan links Qt dynamically and does not change it. You may replace the Qt
libraries with your own build of the same Qt version (compatible ABI), for
example one with a fix:

- Linux, in the folder bundle: zelfscan/_internal/PySide6/Qt/lib/libQt6*.so.6
  (the Qt plugins are in zelfscan/_internal/PySide6/Qt/plugins/).
- Windows, in the folder bundle: zelfscan\\_internal\\PySide6\\Qt6*.dll (the
  plugins are in zelfscan\\_internal\\PySide6\\plugins\\).
- macOS: Zelfscan.app/Contents/Frameworks/PySide6/Qt/lib/Qt*.framework; sign
  the app again afterwards, or macOS refuses to start it.
- Installed with pip: install your own PySide6 build in the same environment.

Replace the files while the app is closed; Zelfscan loads the libraries it
finds in these places."""


def python_section() -> str:
    licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    text = licence.read_text(encoding="utf-8") if licence.is_file() else "(not found)"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    header = wrap(
        f"The app bundle contains the Python {version} interpreter and standard library "
        "(Python Software Foundation License). Its licence, as shipped with Python:"
    )
    return "\n".join([RULE, f"Python {version}", RULE, header, "", text.rstrip()])


def render() -> str:
    intro = wrap(
        "Zelfscan is free software under the European Union Public Licence (EUPL) 1.2: "
        "see LICENSE. It contains or uses the software below, each under its own licence. "
        "This file is generated by tools/notices.py from the installed packages of the "
        "runtime lock (requirements/runtime.txt) and lists every one of them."
    )
    parts = [f"THIRD-PARTY NOTICES FOR ZELFSCAN\n\n{intro}"]
    parts += [package_section(name, version) for name, version in sorted(locked().items())]
    parts.append("\n".join([RULE, "Qt and Qt for Python", RULE, QT_TEXT]))
    parts.append(python_section())
    dejavu = (ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    fonts = wrap(
        "The app and the PDF report use DejaVu Sans and DejaVu Sans Bold "
        "(resources/fonts), under the Bitstream Vera Fonts licence with the DejaVu changes "
        "in the public domain:"
    )
    parts.append("\n".join([RULE, "DejaVu fonts", RULE, fonts, "", dejavu.rstrip()]))
    return "\n\n".join(parts) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run tools/notices.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
