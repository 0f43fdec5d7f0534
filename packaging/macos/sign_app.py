"""Sign Zelfscan.app for Developer ID distribution: hardened runtime, secure timestamp.

Usage (on macOS, after ``pyinstaller build.spec``)::

    python packaging/macos/sign_app.py dist/Zelfscan.app --identity "Developer ID Application: …"
    python packaging/macos/sign_app.py dist/Zelfscan.app --identity - --dry-run   # print only

Apple's notary service accepts an app only when *every* Mach-O file inside it (executables,
``.dylib``, Python's ``.so`` extensions, Qt's frameworks and plugins) is signed with the
hardened runtime and a secure timestamp. ``codesign --deep`` is not used: it signs in an
order and with options Apple advises against. Instead every Mach-O file is found by its
magic number and signed inside-out (deepest path first), the two executables with the
entitlements (``entitlements.plist`` beside this script), and the bundle itself last; then
``codesign --verify --deep --strict`` checks the result. The release workflow runs this only
when the signing certificate is among its secrets; without it the app stays unsigned (and
macOS asks the user to allow it in System Settings > Privacy & Security).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENTITLEMENTS = HERE / "entitlements.plist"
MACHO_MAGIC = {
    bytes.fromhex(m)
    for m in ("feedface", "feedfacf", "cefaedfe", "cffaedfe", "cafebabe", "bebafeca")
}


def is_macho(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) in MACHO_MAGIC


def signing_plan(app: Path, identity: str) -> list[list[str]]:
    """The ``codesign`` commands, in order: nested code deepest first, the app last."""
    base = ["codesign", "--force", "--timestamp", "--options", "runtime", "--sign", identity]
    if identity == "-":  # ad-hoc (local testing): no secure timestamp exists for it
        base.remove("--timestamp")
    executables = {app / "Contents" / "MacOS" / name for name in ("zelfscan", "zelfscan-cli")}
    nested = sorted(
        (p for p in app.rglob("*") if is_macho(p)),
        key=lambda p: (-len(p.relative_to(app).parts), str(p)),
    )
    plan = []
    for path in nested:
        extra = ["--entitlements", str(ENTITLEMENTS)] if path in executables else []
        plan.append([*base, *extra, str(path)])
    plan.append([*base, "--entitlements", str(ENTITLEMENTS), str(app)])
    plan.append(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)])
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app", type=Path)
    parser.add_argument("--identity", required=True, help='a Developer ID, or "-" (ad hoc)')
    parser.add_argument("--dry-run", action="store_true", help="print the commands only")
    args = parser.parse_args(argv)
    plan = signing_plan(args.app, args.identity)
    for command in plan:
        print(" ".join(command[:-1]), Path(command[-1]).name, flush=True)
        if not args.dry_run:
            subprocess.run(command, check=True)  # noqa: S603  (codesign, our own files)
    print(f"signed {len(plan) - 2} nested files and {args.app.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
