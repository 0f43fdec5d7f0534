"""What the release build writes for macOS and Windows, checked on any OS.

``packaging/release_info.py`` is tested directly, and ``build.spec`` is *executed* with
stand-ins for PyInstaller's ``Analysis``/``EXE``/``COLLECT``/``BUNDLE`` and ``sys.platform`` set
to ``darwin`` or ``win32``: the Info.plist and version resource checked here are the ones a
real build on that OS would hand to PyInstaller. What only the real OS shows (the Dock icon
and menu bar, Explorer's Properties) is checked in the release workflow (docs/release.md).
"""

from __future__ import annotations

import importlib.util
import plistlib
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from zelfscan import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]


def _load_release_info() -> Any:  # packaging/ is not a package: load the module by path
    path = ROOT / "packaging" / "release_info.py"
    spec = importlib.util.spec_from_file_location("release_info", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("release_info", module)
    spec.loader.exec_module(module)
    return sys.modules["release_info"]


release_info = _load_release_info()


class FakeDist:
    """An installed distribution as importlib.metadata shows it: a name and a WHEEL file."""

    def __init__(self, name: str, *tags: str) -> None:
        self.metadata = {"Name": name}
        self._wheel = "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n" + "".join(
            f"Tag: {tag}\n" for tag in tags
        )

    def read_text(self, filename: str) -> str | None:
        return self._wheel if filename == "WHEEL" else None


# The shape of the lock's wheels on a Mac: PySide6 6.11 ships one universal2 wheel for
# macOS 13+, Pillow and PyYAML one wheel per architecture.
MAC_WHEELS = [
    FakeDist("PySide6_Essentials", "cp39-abi3-macosx_13_0_universal2"),
    FakeDist("shiboken6", "cp39-abi3-macosx_12_0_universal2"),
    FakeDist("PyYAML", "cp311-cp311-macosx_10_9_x86_64"),
    FakeDist("pillow", "cp311-cp311-macosx_10_10_x86_64"),
    FakeDist("reportlab", "py3-none-any"),
    FakeDist("editable-install"),  # no tags at all
]


def test_the_minimum_is_the_highest_wheel_minimum() -> None:
    minimum, needs = release_info.macos_minimum(MAC_WHEELS, arch="x86_64")
    assert minimum == "13.0"
    assert needs[0].name == "PySide6_Essentials"
    assert {r.name for r in needs} == {"PySide6_Essentials", "shiboken6", "PyYAML", "pillow"}


def test_only_tags_for_the_build_architecture_count() -> None:
    wheels = [
        FakeDist("PyYAML", "cp311-cp311-macosx_10_9_x86_64", "cp311-cp311-macosx_14_0_arm64"),
        FakeDist("compressed", "cp311-cp311-macosx_10_13_x86_64.macosx_11_0_arm64"),
    ]
    assert release_info.macos_minimum(wheels, arch="x86_64")[0] == "10.13"
    assert release_info.macos_minimum(wheels, arch="arm64")[0] == "14.0"


def test_apple_silicon_never_gets_a_minimum_below_11() -> None:
    wheels = [FakeDist("old", "cp311-cp311-macosx_10_9_universal2")]
    assert release_info.macos_minimum(wheels, arch="arm64")[0] == "11.0"
    assert release_info.macos_minimum(wheels, arch="x86_64")[0] == "10.9"


def test_no_macos_wheel_is_an_error_not_a_guess() -> None:
    linux = [FakeDist("PyYAML", "cp311-cp311-manylinux_2_17_x86_64")]
    with pytest.raises(SystemExit, match="no installed wheel"):
        release_info.macos_minimum(linux, arch="arm64")


def test_the_plist_makes_a_normal_app_with_a_dock_icon_and_menu_bar() -> None:
    plist = release_info.info_plist(
        name=APP_NAME, bundle_id=APP_ID, version="1.2.3", minimum_macos="13.0"
    )
    assert plist["LSBackgroundOnly"] is False
    assert plist["LSUIElement"] is False
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == "1.2.3"
    assert plist["LSMinimumSystemVersion"] == "13.0"
    assert plistlib.loads(plistlib.dumps(plist)) == plist  # only types a plist can hold


# --- build.spec, executed with PyInstaller stand-ins --------------------------------------------


class _Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def stub(self, kind: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> Any:
            self.calls.setdefault(kind, []).append((args, kwargs))
            return SimpleNamespace(
                kind=kind, binaries=[], datas=[], pure=[], scripts=[], args=args, kwargs=kwargs
            )

        return make


def _run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> _Recorder:
    """Execute build.spec as PyInstaller would on ``platform``, with the Mac wheels installed."""
    from zelfscan.core import compiled

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(compiled, "build", lambda _folder: [])  # no writes into questionnaires/
    monkeypatch.setattr("importlib.metadata.distributions", lambda: iter(MAC_WHEELS))
    monkeypatch.setenv("MACOS_ARCH", "arm64")
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    monkeypatch.setitem(sys.modules, "release_info", release_info)
    recorder = _Recorder()
    namespace: dict[str, Any] = {
        "SPECPATH": str(ROOT),
        "__file__": str(ROOT / "build.spec"),
        "__name__": "__main__",
        **{kind: recorder.stub(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    code = compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec")
    exec(code, namespace)  # noqa: S102  (our own spec, as PyInstaller runs it)
    return recorder


def test_build_spec_gives_the_app_an_explicit_plist(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = _run_spec(monkeypatch, "darwin")
    ((_bundle_args, bundle_kwargs),) = recorder.calls["BUNDLE"]
    plist = bundle_kwargs["info_plist"]
    assert plist["LSBackgroundOnly"] is False
    assert plist["LSUIElement"] is False
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"] == "13.0"  # from the wheels, not a typed number
    assert plist["CFBundleIdentifier"] == bundle_kwargs["bundle_identifier"] == APP_ID
    assert plist["CFBundleShortVersionString"] == __version__
    assert bundle_kwargs["name"] == f"{APP_NAME}.app"
    exes = recorder.calls["EXE"]
    assert [kw["name"] for _a, kw in exes] == ["zelfscan", "zelfscan-cli"]
    assert [kw["console"] for _a, kw in exes] == [False, True]  # why the plist must be explicit
    assert {kw["target_arch"] for _a, kw in exes} == {"arm64"}  # one build per architecture
    ((collected, _kw),) = recorder.calls["COLLECT"]
    assert collected[0].kwargs["name"] == "zelfscan"  # the GUI is the app's executable


def test_build_spec_gives_windows_executables_a_version_resource(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = _run_spec(monkeypatch, "win32")
    assert "BUNDLE" not in recorder.calls
    for _args, kwargs in recorder.calls["EXE"]:
        text = Path(kwargs["version"]).read_text(encoding="utf-8")
        resource = _evaluate_version_info(text)
        strings = resource["strings"]
        assert strings["ProductName"] == APP_NAME
        assert strings["ProductVersion"] == __version__
        assert strings["OriginalFilename"] == f"{kwargs['name']}.exe"
        assert resource["filevers"][:3] == tuple(int(n) for n in __version__.split(".")[:3])
        assert kwargs["icon"].endswith("zelfscan.ico")


def _evaluate_version_info(text: str) -> dict[str, Any]:
    """Evaluate the version file with stand-ins for PyInstaller's versioninfo classes."""
    strings: dict[str, str] = {}

    def string_struct(key: str, value: str) -> None:
        strings[key] = value

    found: dict[str, Any] = {}

    def fixed_file_info(**kwargs: Any) -> None:
        found.update(kwargs)

    names = {
        "VSVersionInfo": lambda **kw: kw,
        "FixedFileInfo": fixed_file_info,
        "StringFileInfo": lambda kids: kids,
        "StringTable": lambda lang, kids: (lang, kids),
        "StringStruct": string_struct,
        "VarFileInfo": lambda kids: kids,
        "VarStruct": lambda name, value: (name, value),
    }
    eval(text, {"__builtins__": {}}, names)  # noqa: S307  (the text this project generates)
    return {"strings": strings, **found}
