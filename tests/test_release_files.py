"""The files a release needs besides the code: licences, notices, icons, the lock files.

Generated files are checked against their generators, so they can not drift: the third-party
notices against the installed packages of the lock, the lock against pyproject.toml.
"""

from __future__ import annotations

import configparser
import re
import struct
import sys
import tomllib
from pathlib import Path

import pytest

from zelfscan.paths import ICON_SIZES, icon_file, notices_file

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "requirements"
sys.path.insert(0, str(ROOT / "tools"))
import notices  # noqa: E402  (tools/ is not a package)

sys.path.remove(str(ROOT / "tools"))


def test_the_licence_is_the_full_eupl_1_2() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    articles = re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)
    assert articles == [str(n) for n in range(1, 16)]
    assert "Appendix" in text
    assert "European Union Public Licence (EUPL) v. 1.1, v. 1.2" in " ".join(text.split())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"


def test_the_notices_name_every_locked_runtime_package() -> None:
    text = notices_file().read_text(encoding="utf-8")
    pinned = notices.locked(LOCKS / "runtime.txt")
    assert {"pyside6-essentials", "pyyaml", "reportlab", "cryptography", "pypdf"} <= set(pinned)
    headings = {
        (notices.normalise(m[0]), m[1])
        for m in re.findall(r"^=+\n(\S+) (\S+)\n=+$", text, flags=re.MULTILINE)
    }
    missing = sorted(set(pinned.items()) - headings)
    assert not missing, f"run tools/notices.py: {missing}"
    for part in ("Qt and Qt for Python", "DejaVu fonts", "Python 3."):
        assert f"\n{part}" in text
    assert (notices_file().parent / "LGPL-3.0-only.txt").is_file()


def test_the_notices_are_generated_from_what_is_installed() -> None:
    generated_for = re.search(
        r"^Python (3\.\d+)$", notices_file().read_text(encoding="utf-8"), re.MULTILINE
    )
    assert generated_for
    if generated_for.group(1) != f"{sys.version_info.major}.{sys.version_info.minor}":
        pytest.skip(f"the notices were generated with Python {generated_for.group(1)}")
    assert notices.render() == notices_file().read_text(encoding="utf-8"), (
        "stale: run .venv/bin/python tools/notices.py"
    )


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_icon_exists_in_every_size_and_format() -> None:
    assert icon_file().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert _png_size(icon_file(size)) == (size, size)
    ico = (icon_file().parent / "zelfscan.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    assert (icon_file().parent / "zelfscan.icns").read_bytes()[:4] == b"icns"


def test_the_desktop_file_starts_the_app_with_its_icon() -> None:
    from zelfscan import APP_ID

    path = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "zelfscan"
    assert desktop["Icon"] == APP_ID
    assert desktop["Terminal"] == "false"
    assert desktop["Name"] == "Zelfscan"


def _pins(lock: Path) -> dict[str, str]:
    return notices.locked(lock)


def test_every_lock_pins_exact_versions_with_hashes() -> None:
    for name in ("runtime", "dev", "build", "uv"):
        text = (LOCKS / f"{name}.txt").read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2].strip())
        assert entries, name
        for entry in entries:
            assert re.match(r"^[a-z0-9][a-z0-9._-]*==\S+", entry), entry
            assert "--hash=sha256:" in entry, entry


def test_the_locks_cover_pyproject_and_agree_with_each_other() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]

    def names(requirements: list[str]) -> set[str]:
        return {notices.normalise(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0]) for r in requirements}

    runtime, dev, build = (_pins(LOCKS / f"{n}.txt") for n in ("runtime", "dev", "build"))
    assert names(project["dependencies"]) <= set(runtime)
    assert names(project["dependencies"] + project["optional-dependencies"]["dev"]) <= set(dev)
    assert names(project["optional-dependencies"]["build"]) <= set(build)
    backend = names(config["build-system"]["requires"])
    assert backend <= set(dev)
    assert backend <= set(build)
    for lock in (dev, build):  # one version of each package, whichever lock installs it
        assert {k: lock[k] for k in runtime} == runtime
    assert {k: build[k] for k in set(build) & set(dev)} == {
        k: dev[k] for k in set(build) & set(dev)
    }
