"""The macOS signing plan (packaging/macos/sign_app.py), checked on a fake bundle on any OS.

Real signing and notarisation need a Mac, a Developer ID and Apple's service: the release
workflow does those (docs/release.md); here the order and options are checked.
"""

from __future__ import annotations

import importlib.util
import plistlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("sign_app", ROOT / "packaging/macos/sign_app.py")
assert _spec is not None
assert _spec.loader is not None
sign_app = importlib.util.module_from_spec(_spec)
sys.modules["sign_app"] = sign_app
_spec.loader.exec_module(sign_app)

MACHO = bytes.fromhex("cffaedfe") + b"\0" * 60


def _fake_app(root: Path) -> Path:
    app = root / "Zelfscan.app"
    macos = app / "Contents" / "MacOS"
    frameworks = app / "Contents" / "Frameworks"
    plugin = frameworks / "PySide6" / "Qt" / "plugins" / "platforms"
    for folder in (macos, plugin):
        folder.mkdir(parents=True)
    for path in (
        macos / "zelfscan",
        macos / "zelfscan-cli",
        frameworks / "libpython3.11.dylib",
        plugin / "libqcocoa.dylib",
        frameworks / "yaml" / "_yaml.cpython-311-darwin.so",
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(MACHO)
    (frameworks / "base_library.zip").write_bytes(b"PK\3\4 not code")
    (app / "Contents" / "Info.plist").write_bytes(plistlib.dumps({"CFBundleName": "Zelfscan"}))
    (frameworks / "Python").symlink_to("libpython3.11.dylib")  # a link is not signed twice
    return app


def test_every_macho_file_is_signed_inside_out_then_the_app(tmp_path: Path) -> None:
    app = _fake_app(tmp_path)
    plan = sign_app.signing_plan(app, "Developer ID Application: Zelfscan (TEAMID)")
    targets = [Path(command[-1]) for command in plan]
    signed = targets[:-1]
    assert targets[-1] == app  # the last command verifies the bundle
    assert plan[-1][:4] == ["codesign", "--verify", "--deep", "--strict"]
    assert signed[-1] == app  # the bundle is signed last...
    depths = [len(p.relative_to(app).parts) for p in signed[:-1]]
    assert depths == sorted(depths, reverse=True)  # ...after everything inside, deepest first
    names = {p.name for p in signed[:-1]}
    assert names == {
        "zelfscan", "zelfscan-cli", "libpython3.11.dylib", "libqcocoa.dylib",
        "_yaml.cpython-311-darwin.so",
    }  # fmt: skip
    for command in plan[:-1]:
        assert command[:2] == ["codesign", "--force"]
        assert "--timestamp" in command
        assert command[command.index("--options") + 1] == "runtime"
        with_entitlements = "--entitlements" in command
        assert with_entitlements == (
            Path(command[-1]).name in {"zelfscan", "zelfscan-cli", "Zelfscan.app"}
        )


def test_the_entitlements_ask_for_nothing_network_related() -> None:
    entitlements = plistlib.loads((ROOT / "packaging/macos/entitlements.plist").read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def test_ad_hoc_signing_has_no_timestamp(tmp_path: Path) -> None:
    plan = sign_app.signing_plan(_fake_app(tmp_path), "-")
    assert all("--timestamp" not in command for command in plan)
