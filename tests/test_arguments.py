"""Both commands' arguments: --version, help in the user's language, hidden test options,
``show`` without ``--json``, and a reader that goes away (``| head``) ends quietly.

Run as real subprocesses. The checks look for our own texts (the ``cli`` catalogue), never
for argparse's English wording.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from zelfscan import __version__
from zelfscan.arguments import help_language

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale" / "nl" / "LC_MESSAGES"
CLI = [sys.executable, "-m", "zelfscan.cli"]
APP = [sys.executable, "-m", "zelfscan"]


def run(
    command: list[str], *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in {"LANG", "LC_ALL", "LC_MESSAGES"}}
    full_env.update({"QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "", **(env or {})})
    result = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=120,
        check=False,
        encoding="utf-8",
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def nl(msgid: str, domain: str = "cli") -> str:
    with (LOCALE / f"{domain}.po").open("rb") as handle:
        return read_po(handle)[msgid].string


@pytest.mark.parametrize("command", [CLI, APP], ids=["zelfscan-cli", "zelfscan"])
def test_version_prints_the_version_and_exits_0(command: list[str]) -> None:
    result = run(command, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"zelfscan {__version__}"


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, "nl"),
        ([], {"LANG": "en_GB.UTF-8"}, "en"),
        ([], {"LANG": "nl_NL.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ([], {"LANG": "en_US.UTF-8", "LC_ALL": "nl_BE.UTF-8"}, "nl"),
        ([], {"LANG": "C.UTF-8"}, "nl"),
        (["report", "--lang", "en"], {}, "en"),
        (["--lang=en"], {"LANG": "nl_NL"}, "en"),
        (["--lang", "nl"], {"LANG": "en_GB"}, "nl"),
        (["--lang", "fr"], {}, "nl"),
    ],
)
def test_help_language(argv: list[str], env: dict[str, str], expected: str) -> None:
    assert help_language(argv, env) == expected


def test_cli_help_is_dutch_by_default_and_english_on_request() -> None:
    dutch = run(CLI, "--help")
    assert dutch.returncode == 0
    assert nl("usage: ").strip() in dutch.stdout  # argparse's own words, from our catalogue
    assert nl("options") in dutch.stdout
    assert nl("the personal advice as a PDF or an HTML file") in dutch.stdout
    for english in (
        run(CLI, "--help", env={"LANG": "en_US.UTF-8"}),
        run(CLI, "--help", "--lang", "en"),
    ):
        assert english.returncode == 0
        assert "the personal advice as a PDF or an HTML file" in english.stdout
        assert nl("the personal advice as a PDF or an HTML file") not in english.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_help_describes_every_argument(lang: str) -> None:
    result = run(CLI, "report", "--help", "--lang", lang)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "YAML" in text
    assert "JSON" in text
    assert "AES-256" in text
    assert "--deterministic" not in text  # for tests only
    for option in ("--answers", "--out", "--lang", "--password-file"):
        described = re.search(rf"{option} \S+ (\S+)", text)
        assert described, option
    assert "zelfscan-cli report veilige-woning" in text  # an example
    help_text = (
        "encrypt the PDF with AES-256; it then opens only with the password. FILE is a text "
        "file (UTF-8) that holds only the password; a line break at the end is ignored. "
        "Delete the file or keep it somewhere safe afterwards"
    )
    expected = nl(help_text) if lang == "nl" else help_text
    assert " ".join(expected.split()) in text


def _described(help_text: str, argument: str) -> bool:
    """Whether ``argument`` has its own line in the help with a description after it (on
    the same line, or on the next, indented further, when the name is long)."""
    lines = help_text.splitlines()
    for i, line in enumerate(lines):
        match = re.match(rf"^(\s+){re.escape(argument)}(?: \S+)?(\s{{2,}}\S|$)", line)
        if match and match.group(2).strip():
            return True
        if match and i + 1 < len(lines):
            following = lines[i + 1]
            if len(following) - len(following.lstrip()) > len(match.group(1)) and following.strip():
                return True
    return False


@pytest.mark.parametrize("command", ["list", "validate", "show", "score", "report", "blank"])
def test_every_cli_argument_is_described(command: str) -> None:
    result = run(CLI, command, "--help", "--lang", "en")
    assert result.returncode == 0
    usage = result.stdout.split("\n\n", 1)[0]
    options = set(re.findall(r"(--[a-z-]+)", usage)) - {"--help"}
    positionals = {"ID"} if "ID" in usage.split() else set()
    if "FILE ..." in usage:
        positionals.add("FILE")
    for argument in options | positionals:
        assert _described(result.stdout, argument), f"{command}: {argument} has no help"
    assert len(result.stdout.split("\n\n")) >= 3  # usage, description, arguments


def test_app_help_is_translated_and_hides_test_options() -> None:
    dutch = run(APP, "--help")
    english = run(APP, "--help", "--lang", "en")
    assert dutch.returncode == english.returncode == 0
    assert nl("start in training mode: demo persons, nothing is stored") in " ".join(
        dutch.stdout.split()
    )
    assert "start in training mode" in english.stdout
    for text in (dutch.stdout, english.stdout):
        assert "--self-test " in text or "--self-test\n" in text
        assert "--self-test-crash" not in text
        for option in ("--training", "--lang", "--home", "--version"):
            assert option in text
        assert "zelfscan --lang en" in text  # the examples


def test_usage_errors_are_translated_and_exit_2() -> None:
    dutch = run(CLI, "report", "veilige-woning")
    assert dutch.returncode == 2
    prefix = nl("%(prog)s: error: %(message)s\n") % {"prog": "zelfscan-cli report", "message": ""}
    assert prefix.strip() in dutch.stderr
    app = run(APP, "--no-such-option")
    assert app.returncode == 2
    assert nl("unrecognized arguments: %s") % "--no-such-option" in app.stderr


def test_show_prints_json_with_or_without_the_flag() -> None:
    plain = run(CLI, "show", "veilige-woning")
    flagged = run(CLI, "show", "veilige-woning", "--json")
    assert plain.returncode == flagged.returncode == 0
    assert json.loads(plain.stdout) == json.loads(flagged.stdout)
    assert json.loads(plain.stdout)["id"] == "veilige-woning"


@pytest.mark.parametrize(
    "args", [["show", "persoonlijke-veiligheid"], ["show", "veilige-woning", "--json"]]
)
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    """The reader reads one line and goes away, as ``| head -1`` does. ``show`` writes more
    than a pipe holds (64 KiB), so the write really meets the closed pipe."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    assert process.stdout is not None
    assert process.stdout.readline()
    process.stdout.close()
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 0
    assert err == b""


def test_cli_and_about_catalogues_are_complete_and_compiled() -> None:
    import ast

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from compile_catalogs import compiled
    finally:
        sys.path.remove(str(ROOT / "tools"))

    def msgids(*files: str) -> set[str]:
        found: set[str] = set()
        for name in files:
            for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in {"_", "N_"}
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add(node.args[0].value)
        return found

    domains = {
        "cli": msgids("zelfscan/arguments.py", "zelfscan/cli_parser.py", "zelfscan/gui/app.py"),
        "about": msgids("zelfscan/about.py"),
    }
    for domain, used in domains.items():
        po = LOCALE / f"{domain}.po"
        with po.open("rb") as handle:
            translated = {m.id: m.string for m in read_po(handle) if m.id}
        assert not sorted(m for m in used if not translated.get(m)), domain
        assert not sorted(set(translated) - used), domain
        assert po.with_suffix(".mo").read_bytes() == compiled(po), f"run make i18n ({domain})"
