"""Smoke-test the frozen app in ``dist/zelfscan/``: what only a built bundle can get wrong.

The source tree passing its tests says nothing about the bundle: a module PyInstaller did not
see, a data folder at the wrong place or a pruned library only shows up in the built
folder. So this runs the bundled executables themselves:

* the layout: both executables, ``questionnaires/`` and ``resources/`` where
  ``zelfscan.paths`` looks for them (``sys._MEIPASS``);
* the audit: no network or TLS code (QtNetwork, libQt6Network, the tls and
  networkinformation plugins, libssl, ``_ssl``; reliability.md §6.2 and goal 14), only the
  nl and en Qt translations, and (Linux) no kept library that links one we pruned;
* ``zelfscan-cli validate`` exits 0;
* ``zelfscan-cli report ID --answers PERSONA --out r.pdf`` for one persona per
  questionnaire writes a PDF that starts with ``%PDF`` and that pypdf opens, also with
  ``--password-file`` (AES-256 through the bundled ``cryptography``);
* ``QT_QPA_PLATFORM=offscreen zelfscan --self-test`` exits 0;
* without a console, as the windowed build runs on Windows and macOS (``sys.stdout`` and
  ``sys.stderr`` are ``None``; here: fds 1 and 2 closed), ``zelfscan --self-test-crash``
  exits 0: it raised a test error in a Qt slot and the exception hook took it to the crash
  dialog. For someone who keeps a vault the redacted entry is in the log file, and nothing
  else is; a memory-only home stays empty; ``zelfscan --bad-argument`` exits 2, not with a
  traceback (reliability goal 19).

Run ``python packaging/smoke_test.py [--dist dist/zelfscan]`` (``make bundle-test`` builds
first); ``tests/test_bundle.py`` runs the same checks under pytest when a bundle exists.
Every run uses a fresh ``ZELFSCAN_HOME`` so nothing touches the developer's own folders.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "zelfscan"
PERSONAS = ROOT / "tests" / "personas"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
TIMEOUT = 180

# Bundle paths (relative, "/"-separated) that must never be there: network and TLS code.
FORBIDDEN = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"QtNetwork",
        r"Qt6Network",
        r"WebEngine",
        r"/plugins/tls/",
        r"/plugins/networkinformation/",
        r"(^|/)libssl[.-]",
        r"(^|/)libcrypto[.-]",  # OpenSSL; cryptography's own _rust module is fine
        r"(^|/)_ssl\.",
        r"(^|/)libgnutls",
        r"(^|/)lib(qvnc|qeglfs)",
    )
]
# A line of the app's log file as the redacting formatter writes it (zelfscan/logsetup.py).
LOG_NAME = "zelfscan.log"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+: ")
SMOKE_SECRET = "rook-test-wachtwoord"  # noqa: S105  (throw-away, for the protected-PDF check)
KEEP_TRANSLATIONS = {"qtbase_nl.qm", "qtbase_en.qm", "qt_nl.qm", "qt_en.qm"}


class SmokeFailure(AssertionError):
    """A check on the bundle failed; the message says what and shows the output."""


def internal(dist: Path) -> Path:
    """``sys._MEIPASS`` of a PyInstaller 6 one-folder bundle."""
    return dist / "_internal"


def executable(dist: Path, name: str) -> Path:
    return dist / f"{name}{EXE_SUFFIX}"


def bundle_exists(dist: Path = DIST) -> bool:
    return executable(dist, "zelfscan-cli").is_file() and executable(dist, "zelfscan").is_file()


def run(
    command: list[str | Path], home: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a bundled executable with a private home and no inherited data-root override."""
    full_env = {**os.environ, "ZELFSCAN_HOME": str(home), **(env or {})}
    full_env.pop("ZELFSCAN_DATA_ROOT", None)  # the bundle must find its own files
    return subprocess.run(  # noqa: S603  (our own bundled executables)
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=full_env,
        check=False,
        encoding="utf-8",
        errors="replace",
    )


def run_without_console(command: list[str | Path], home: Path) -> int:
    """Run the windowed executable as a desktop starts it: no console, so Python sets
    ``sys.stdout`` and ``sys.stderr`` to ``None``; only the exit code tells. POSIX: a small
    Python closes fds 1 and 2 and execs the executable (no shell assumed). Windows: nothing
    is redirected; the windowed executable (``console=False``) gets no console streams by
    itself (the release workflow runs this on a Windows runner)."""
    full_env = {**os.environ, "ZELFSCAN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    full_env.pop("ZELFSCAN_DATA_ROOT", None)
    argv = [str(part) for part in command]
    if os.name == "posix":
        close_then_exec = (
            "import os, sys; os.close(1); os.close(2); os.execv(sys.argv[1], sys.argv[1:])"
        )
        argv = [sys.executable, "-c", close_then_exec, *argv]
    return subprocess.run(  # noqa: S603  (our own bundled executable)
        argv, timeout=TIMEOUT, env=full_env, check=False
    ).returncode


def _tail(text: str, lines: int = 25) -> str:
    kept = text.splitlines()
    cut = f"[... {len(kept) - lines} lines]\n" if len(kept) > lines else ""
    return cut + "\n".join(kept[-lines:])


def _expect_ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        raise SmokeFailure(
            f"{what}: exit {result.returncode}\n--- stdout\n{_tail(result.stdout)}\n"
            f"--- stderr\n{_tail(result.stderr)}"
        )


def bundle_files(dist: Path) -> list[str]:
    return sorted(
        path.relative_to(dist).as_posix()
        for path in dist.rglob("*")
        if path.is_file() or path.is_symlink()
    )


# --- checks -----------------------------------------------------------------------------


def check_layout(dist: Path, home: Path) -> str:
    root = internal(dist)
    missing = [
        str(path)
        for path in (
            executable(dist, "zelfscan"),
            executable(dist, "zelfscan-cli"),
            root / "questionnaires",
            root / "resources" / "fonts",
            root / "LICENSE",  # Zelfscan's own licence (EUPL-1.2)
            root / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt",
            root / "resources" / "licenses" / "LGPL-3.0-only.txt",
            root / "resources" / "icons" / "zelfscan-256.png",
        )
        if not path.exists()
    ]
    qt_libs = root / "PySide6" / "Qt" / "lib"  # where the notices say the Qt libraries are
    if sys.platform.startswith("linux") and not list(qt_libs.glob("libQt6Core.so*")):
        missing.append(f"{qt_libs}/libQt6Core.so.6")
    if missing:
        raise SmokeFailure("missing from the bundle: " + ", ".join(missing))
    if not list((root / "questionnaires").glob("*.yaml")):
        raise SmokeFailure("no questionnaires/*.yaml in the bundle")
    return f"{len(bundle_files(dist))} files"


def check_audit(dist: Path, home: Path) -> str:
    files = bundle_files(dist)
    bad = [name for name in files if any(p.search("/" + name) for p in FORBIDDEN)]
    if bad:
        raise SmokeFailure("network/TLS code in the bundle:\n  " + "\n  ".join(bad))
    translations = [n for n in files if "PySide6/" in n and "/translations/" in n]
    extra = [n for n in translations if n.rsplit("/", 1)[-1] not in KEEP_TRANSLATIONS]
    if extra:
        raise SmokeFailure("Qt translations other than nl/en:\n  " + "\n  ".join(extra))
    if not any(n.endswith("qtbase_nl.qm") for n in translations):
        raise SmokeFailure("qtbase_nl.qm is missing: Qt's own buttons would stay English")
    return f"{len(files)} files, translations: " + ", ".join(
        sorted(n.rsplit("/", 1)[-1] for n in translations)
    )


# Libraries that only the bundle can provide: if one of these does not resolve, the spec
# pruned too much. Anything else that does not resolve is a system library this machine
# lacks (Wayland, xcb-util, ...): the desktop provides it, and the bare PyInstaller bundle
# needs it just the same.
BUNDLE_ONLY = re.compile(r"^lib(Qt6|pyside6|shiboken6|python3|icu)")


def check_libraries(dist: Path, home: Path) -> str:
    """Linux: every library a bundled ELF file links that only the bundle can provide
    resolves (a kept plugin whose Qt library the spec pruned would fail here)."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return "skipped (not Linux)"
    root = internal(dist)
    search = sorted({str(p.parent) for p in root.rglob("*.so*")} | {str(root)})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(search)}
    problems: set[str] = set()
    from_system: set[str] = set()
    checked = 0
    for path in sorted(root.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(  # noqa: S603
            ["ldd", str(path)],  # noqa: S607
            capture_output=True,
            text=True,
            env=env,
            check=False,
            encoding="utf-8",
            errors="replace",
        ).stdout
        checked += 1
        for line in out.splitlines():
            if "not found" not in line:
                continue
            name = line.split("=>")[0].strip()
            if BUNDLE_ONLY.match(name) or any(p.search("/" + name) for p in FORBIDDEN):
                problems.add(f"{path.relative_to(dist)}: {name}")
            else:
                from_system.add(name)
    if problems:
        raise SmokeFailure("unresolved bundle libraries:\n  " + "\n  ".join(sorted(problems)))
    detail = f"{checked} ELF files resolve"
    if from_system:
        detail += "; not on this machine (system libraries): " + ", ".join(sorted(from_system))
    return detail


def check_validate(dist: Path, home: Path) -> str:
    result = run([executable(dist, "zelfscan-cli"), "validate"], home)
    _expect_ok(result, "zelfscan-cli validate")
    return f"{len(result.stdout.splitlines())} questionnaire(s) valid"


def persona_files() -> list[tuple[str, Path]]:
    """One persona answers file per questionnaire (tests/personas/<id>/*.yaml)."""
    found: list[tuple[str, Path]] = []
    if PERSONAS.is_dir():
        for folder in sorted(p for p in PERSONAS.iterdir() if p.is_dir()):
            files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.json"))
            if files:
                found.append((folder.name, files[0]))
    return found


def _check_pdf(path: Path, password: str | None = None) -> int:
    from pypdf import PdfReader

    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SmokeFailure(f"{path}: no %PDF header (starts with {data[:8]!r})")
    reader = PdfReader(path)
    if password is not None:
        if not reader.is_encrypted:
            raise SmokeFailure(f"{path}: --password-file gave an unencrypted PDF")
        if not reader.decrypt(password):
            raise SmokeFailure(f"{path}: the password does not open the PDF")
    pages = len(reader.pages)
    if pages < 1:
        raise SmokeFailure(f"{path}: no pages")
    reader.pages[0].extract_text()  # parses the content stream
    return pages


def check_report(dist: Path, home: Path) -> str:
    personas = persona_files()
    if not personas:
        raise SmokeFailure(f"no persona answers files under {PERSONAS}/<questionnaire-id>/")
    done = []
    for qid, answers in personas:
        out = home / f"{qid}.pdf"
        cmd = [executable(dist, "zelfscan-cli"), "report", qid, "--answers", answers]
        _expect_ok(run([*cmd, "--out", out], home), f"zelfscan-cli report {qid}")
        done.append(f"{qid}: {_check_pdf(out)} pages")
    # Password protection: AES-256 through the bundled cryptography (pypdf), not reportlab.
    qid, answers = personas[0]
    secret = home / "password.txt"
    secret.write_text(SMOKE_SECRET + "\n", encoding="utf-8")
    out = home / f"{qid}-protected.pdf"
    cmd = [executable(dist, "zelfscan-cli"), "report", qid, "--answers", answers]
    _expect_ok(
        run([*cmd, "--out", out, "--password-file", secret], home),
        f"zelfscan-cli report {qid} --password-file",
    )
    _check_pdf(out, password=SMOKE_SECRET)
    return "; ".join(done) + "; protected PDF opens with its password"


def check_self_test(dist: Path, home: Path) -> str:
    result = run(
        [executable(dist, "zelfscan"), "--self-test"], home, env={"QT_QPA_PLATFORM": "offscreen"}
    )
    _expect_ok(result, "zelfscan --self-test")
    warnings = [line for line in result.stderr.splitlines() if "translations" in line.lower()]
    if warnings:
        raise SmokeFailure("Qt translations not found by the bundled app:\n" + "\n".join(warnings))
    return "exit 0"


def check_no_console(dist: Path, home: Path) -> str:
    gui = executable(dist, "zelfscan")
    keeper = home / "keeps-a-vault"
    # A vault file means a file log from the start; the self-test never opens the vault.
    vault = keeper / "data" / "vault.zsv"
    vault.parent.mkdir(parents=True)
    vault.write_bytes(b"not opened by the self-test")
    code = run_without_console([gui, "--self-test-crash"], keeper)
    if code != 0:
        raise SmokeFailure(f"zelfscan --self-test-crash without a console: exit {code}")
    log_file = keeper / "logs" / LOG_NAME
    text = log_file.read_text(encoding="utf-8") if log_file.is_file() else ""
    expected = "unexpected error | zelfscan.gui.app.SelfTestError at "
    if expected not in text:
        raise SmokeFailure(f"no crash log entry ({expected!r}) in {log_file}:\n{_tail(text)}")
    stray = [line for line in text.splitlines() if not LOG_LINE.match(line)]
    if stray:
        raise SmokeFailure(
            f"lines the redacting formatter did not write in {log_file}:\n" + "\n".join(stray[:10])
        )
    memory_only = home / "memory-only"
    code = run_without_console([gui, "--self-test-crash"], memory_only)
    if code != 0:
        raise SmokeFailure(f"zelfscan --self-test-crash without a console, no vault: exit {code}")
    if memory_only.exists():
        raise SmokeFailure(f"a memory-only self-test wrote to disk: {bundle_files(memory_only)}")
    code = run_without_console([gui, "--bad-argument"], home / "bad-argument")
    if code != 2:
        raise SmokeFailure(f"zelfscan --bad-argument without a console: exit {code}, not 2")
    return "crash dialog reached, redacted crash log written, memory-only wrote nothing, usage 2"


def check_version(dist: Path, home: Path) -> str:
    from zelfscan import __version__

    for name in ("zelfscan-cli", "zelfscan"):
        result = run([executable(dist, name), "--version"], home)
        _expect_ok(result, f"{name} --version")
        if result.stdout.strip() != f"zelfscan {__version__}":
            raise SmokeFailure(f"{name} --version printed {result.stdout.strip()!r}")
    return __version__


def check_app_bundle(dist: Path, home: Path) -> str:
    """macOS: ``Zelfscan.app`` is a foreground app (Dock icon, menu bar) that starts."""
    import plistlib

    from zelfscan import APP_ID, __version__

    app = dist.parent / "Zelfscan.app"
    if sys.platform != "darwin":
        return "not macOS: no .app to check"
    plist = plistlib.loads((app / "Contents" / "Info.plist").read_bytes())
    wrong = {
        key: plist.get(key)
        for key, expected in (
            ("LSBackgroundOnly", False),
            ("LSUIElement", False),
            ("NSHighResolutionCapable", True),
            ("CFBundleIdentifier", APP_ID),
            ("CFBundleShortVersionString", __version__),
        )
        if plist.get(key) != expected
    }
    if wrong:
        raise SmokeFailure(f"Zelfscan.app Info.plist: {wrong}")
    if not plist.get("LSMinimumSystemVersion"):
        raise SmokeFailure("Zelfscan.app Info.plist has no LSMinimumSystemVersion")
    macos = app / "Contents" / "MacOS"
    result = run([macos / "zelfscan", "--self-test"], home, env={"QT_QPA_PLATFORM": "offscreen"})
    _expect_ok(result, "Zelfscan.app zelfscan --self-test")
    _expect_ok(run([macos / "zelfscan-cli", "--version"], home), "Zelfscan.app zelfscan-cli")
    return f"foreground app, macOS {plist['LSMinimumSystemVersion']}+, self-test ok"


def check_windows_resources(dist: Path, home: Path) -> str:
    """Windows: both executables carry the version resource (Explorer, AppLocker) and icon."""
    if sys.platform != "win32":
        return "not Windows: no version resource to check"
    import pefile  # in requirements/build.txt for Windows (PyInstaller's own dependency)

    from zelfscan import APP_NAME, __version__

    for name in ("zelfscan", "zelfscan-cli"):
        pe = pefile.PE(str(executable(dist, name)), fast_load=False)
        strings: dict[str, str] = {}
        for info in getattr(pe, "FileInfo", [[]])[0]:
            for table in getattr(info, "StringTable", []):
                strings.update(
                    {k.decode("utf-8"): v.decode("utf-8") for k, v in table.entries.items()}
                )
        if strings.get("ProductName") != APP_NAME or strings.get("ProductVersion") != __version__:
            raise SmokeFailure(f"{name}.exe version resource: {strings}")
        icons = [
            entry
            for entry in getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None).entries
            if entry.id == pefile.RESOURCE_TYPE["RT_GROUP_ICON"]
        ]
        if not icons:
            raise SmokeFailure(f"{name}.exe has no icon")
    return f"{APP_NAME} {__version__}, icon, in both executables"


CHECKS: dict[str, Callable[[Path, Path], str]] = {
    "layout": check_layout,
    "version": check_version,
    "audit": check_audit,
    "libraries": check_libraries,
    "validate": check_validate,
    "report": check_report,
    "self-test": check_self_test,
    "no-console": check_no_console,
    "app-bundle": check_app_bundle,
    "windows-resources": check_windows_resources,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="the built folder")
    parser.add_argument("checks", nargs="*", metavar="CHECK", help=", ".join(CHECKS))
    args = parser.parse_args(argv)
    unknown = [name for name in args.checks if name not in CHECKS]
    if unknown:
        parser.error(f"unknown check(s): {', '.join(unknown)}")
    if not bundle_exists(args.dist):
        print(f"no bundle at {args.dist}: build it with `make bundle`", file=sys.stderr)
        return 2
    failed = 0
    for name in args.checks or CHECKS:
        with tempfile.TemporaryDirectory(prefix="zelfscan-smoke-") as tmp:
            try:
                detail = CHECKS[name](args.dist, Path(tmp))
            except (SmokeFailure, subprocess.TimeoutExpired) as exc:
                failed += 1
                print(f"FAIL {name}: {exc}")
            else:
                print(f"ok   {name}: {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
