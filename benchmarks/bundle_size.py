"""Bundle size against a bare PySide6 one-folder bundle (budget: ≤ 1.0×).

The baseline is what a developer gets with no effort: ``pyinstaller
benchmarks/baselines/bare_wizard.py`` (a QWizard hello world) with PyInstaller's default
settings, built in a temporary folder by the same PyInstaller on the same machine. Ours is
``dist/zelfscan/`` from ``build.spec`` (both executables).

    python benchmarks/bundle_size.py            # reuse dist/zelfscan/ if it exists, else build
    python benchmarks/bundle_size.py --build    # rebuild ours first (make bundle)
    python benchmarks/bundle_size.py --top 25   # and list our 25 biggest files
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "zelfscan"
BARE_SCRIPT = ROOT / "benchmarks" / "baselines" / "bare_wizard.py"
BIN = Path(sys.executable).parent
BUDGET = 1.0


@dataclass(frozen=True)
class SizeResult:
    bare_bytes: int
    ours_bytes: int
    ours_files: int

    @property
    def ratio(self) -> float:
        return self.ours_bytes / self.bare_bytes


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under ``folder`` (symlinks count as links, not targets)."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            total += len(os.readlink(path))
            files += 1
        elif path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def biggest(folder: Path, top: int) -> list[tuple[int, str]]:
    sizes = [
        (p.stat().st_size, p.relative_to(folder).as_posix())
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(sizes, reverse=True)[:top]


def _pyinstaller(*args: str | Path, cwd: Path) -> None:
    command = [str(BIN / "pyinstaller"), "--noconfirm", *map(str, args)]
    result = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        errors="replace",
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"pyinstaller failed: {' '.join(command)}")


def build_bare() -> int:
    """Build the bare QWizard bundle with default settings in a temp dir; its size."""
    with tempfile.TemporaryDirectory(prefix="zelfscan-bare-") as tmp:
        work = Path(tmp)
        shutil.copy(BARE_SCRIPT, work / BARE_SCRIPT.name)
        _pyinstaller(BARE_SCRIPT.name, cwd=work)
        return folder_size(work / "dist" / BARE_SCRIPT.stem)[0]


def build_ours() -> None:
    _pyinstaller("--clean", "build.spec", cwd=ROOT)


def measure(*, build: bool) -> SizeResult:
    if build or not DIST.is_dir():
        build_ours()
    ours, files = folder_size(DIST)
    return SizeResult(bare_bytes=build_bare(), ours_bytes=ours, ours_files=files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="rebuild dist/zelfscan first")
    parser.add_argument("--top", type=int, default=0, help="list our N biggest files")
    args = parser.parse_args(argv)
    result = measure(build=args.build)
    mb = 1024 * 1024
    print(f"bare PySide6 QWizard bundle (PyInstaller defaults): {result.bare_bytes / mb:7.1f} MiB")
    print(
        f"zelfscan bundle (build.spec, 2 executables):        {result.ours_bytes / mb:7.1f} MiB"
        f"  ({result.ours_files} files)"
    )
    verdict = "pass" if result.ratio <= BUDGET else "FAIL"
    print(f"ratio {result.ratio:.2f} (budget ≤ {BUDGET:.1f}×): {verdict}")
    for size, name in biggest(DIST, args.top):
        print(f"{size / mb:8.2f} MiB  {name}")
    return 0 if result.ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
