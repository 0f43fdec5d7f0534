"""The code and the tests run on Windows and macOS too, checked on any OS.

* Text is never read or written in the platform's default encoding: Windows uses its ANSI
  code page (cp1252), so a Dutch "ë" written on Linux reads back as "Ã«" there, and a
  questionnaire with "ł" can not be written at all. ruff's PLW1514 catches ``open`` and
  ``Path.read_text`` where it can see the type; this walk also catches calls on any object
  and ``subprocess`` calls with ``text=True`` (which decode in the locale's encoding too).
* No POSIX-only module at the top of a test module (``resource``, ``fcntl``, ``pwd``...) and
  no ``/bin/sh``: a Windows run would fail at collection, not skip.
* ``.gitattributes`` keeps checkouts LF, so a test comparing generated text with a committed
  file, or hashing one, sees the same bytes on Windows.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREES = ("zelfscan", "tests", "benchmarks", "tools", "packaging")
POSIX_ONLY = {"resource", "fcntl", "termios", "pwd", "grp", "posix", "tty", "pty"}
SUBPROCESS_CALLS = {"run", "Popen", "check_output", "check_call", "call"}


def _sources() -> list[Path]:
    files = [ROOT / "build.spec"]
    for tree in TREES:
        files.extend(p for p in (ROOT / tree).rglob("*.py") if "__pycache__" not in p.parts)
    return files


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _text_mode(call: ast.Call, mode_index: int) -> bool:
    """True unless the call's mode is a literal containing "b"."""
    mode = _keyword(call, "mode")
    if mode is None and len(call.args) > mode_index:
        mode = call.args[mode_index]
    if mode is None:
        return True
    return not (
        isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" in mode.value
    )


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _path_text_call(call: ast.Call, name: str) -> bool:
    """``x.read_text()`` / ``x.write_text(data)`` / ``x.open()`` / ``x.open("w")`` as pathlib
    spells them (``Vault.open(path, ...)``, ``distribution.read_text("WHEEL")`` or
    ``Image.open(buffer)`` are other methods of the same name and are left alone)."""
    args = call.args
    if name == "read_text":
        return not args  # one positional argument: the encoding (or another method's file)
    if name == "write_text":
        return len(args) < 2
    if name == "open":
        if not args:
            return True
        mode = args[0]
        return (
            isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" not in mode.value
        )
    return False


def unspecified_encodings(source: str) -> list[int]:
    """Line numbers of text I/O without ``encoding=`` in ``source``."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and lacks_encoding(node)
    ]


def lacks_encoding(node: ast.Call) -> bool:
    """``node`` reads or writes text and names no ``encoding``."""
    if _keyword(node, "encoding") is not None:
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == "open" and _text_mode(node, 1)
    if not isinstance(func, ast.Attribute):
        return False
    owner = getattr(func.value, "id", None)
    if owner == "subprocess":
        text = _keyword(node, "text") or _keyword(node, "universal_newlines")
        return func.attr in SUBPROCESS_CALLS and _is_true(text)
    if owner in {"io", "os"}:
        return (
            func.attr in {"open", "fdopen"}
            and owner + func.attr != "osopen"
            and _text_mode(node, 1)
        )
    return func.attr in {"read_text", "write_text", "open"} and _path_text_call(node, func.attr)


def test_the_scanner_finds_what_it_should() -> None:
    code = (
        "open(p)\n"  # 1
        "open(p, 'rb')\n"
        "path.read_text()\n"  # 3
        "path.write_text(s, encoding='utf-8')\n"
        "path.open('w')\n"  # 5
        "path.open('wb')\n"
        "subprocess.run(a, text=True)\n"  # 7
        "subprocess.run(a, capture_output=True)\n"
        "subprocess.run(a, text=True, encoding='utf-8')\n"
        "os.open(p, os.O_RDONLY)\n"
        "Vault.open(path, passphrase)\n"  # 11: not a file object
        "dist.read_text('WHEEL')\n"
        "path.read_text('utf-8')\n"
        "path.write_text(s)\n"  # 14
    )
    assert unspecified_encodings(code) == [1, 3, 5, 7, 14]


def test_every_text_read_and_write_names_its_encoding() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _sources()
        for line in unspecified_encodings(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_posix_only_module_is_imported_at_the_top_of_a_test_module() -> None:
    offenders = []
    for path in (ROOT / "tests").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            offenders += [
                f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names if n in POSIX_ONLY
            ]
    assert offenders == []


def test_no_shell_is_assumed() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in _sources()
        if "/bin/sh" in path.read_text(encoding="utf-8") and path.name != "test_portability.py"
    ]
    assert offenders == []


def test_checkouts_keep_lf_and_binaries_untouched() -> None:
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    rules = {line.split()[0]: line.split()[1:] for line in attributes if line and line[0] != "#"}
    assert rules["*"] == ["text=auto", "eol=lf"]
    for binary in ("*.png", "*.ico", "*.icns", "*.ttf", "*.mo", "*.pdf", "*.zsv"):
        assert rules.get(binary) == ["binary"], binary
    for script in ("*.bat", "*.cmd", "*.ps1"):
        assert rules.get(script) == ["text", "eol=crlf"], script


def test_git_sees_no_file_it_would_convert() -> None:
    """Every committed text file is LF already, so no checkout rewrites it."""
    try:
        result = subprocess.run(
            ["git", "ls-files", "--eol"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout (an sdist or a copied folder)")
    crlf = [line for line in result.stdout.splitlines() if line.startswith("i/crlf")]
    assert crlf == []
