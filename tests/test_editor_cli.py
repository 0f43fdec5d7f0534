"""The CLI for content editors (issue 18), run as a real subprocess: ``new``, ``report
--persona``, ``score --lang en`` and warnings from ``validate``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from zelfscan.core.loader import load_text_checked
from zelfscan.core.model import QuestionType
from zelfscan.userdirs import user_dirs

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "questionnaires" / "README.md"


def run(*args: str | Path, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZELFSCAN_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=180,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


def guide_example() -> str:
    found = re.search(r"## The file\n\n```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert found is not None
    return found.group(1)


@pytest.fixture
def home(zelfscan_home: Path) -> Path:
    """A home whose own questionnaires hold the guide's example (``voorbeeld-scan``)."""
    folder = user_dirs(zelfscan_home).questionnaires
    folder.mkdir(parents=True)
    (folder / "voorbeeld-scan.yaml").write_text(guide_example(), encoding="utf-8")
    return zelfscan_home


def files_in(*folders: Path) -> set[Path]:
    return {p for folder in folders for p in folder.rglob("*") if p.is_file()}


def test_score_in_english_has_no_dutch_words(home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "questionnaire: voorbeeld-scan\n"
        "answers: {rol: raadslid, kinderen: ja, school-afspraak: nee, maatregelen: [geen]}\n",
        encoding="utf-8",
    )
    english = run(
        "score", "voorbeeld-scan", "--answers", answers, "--lang", "en", home=home, cwd=tmp_path
    )
    assert english.returncode == 0, english.stderr
    assert "Example scan 2026.1: 0 At risk" in english.stdout
    assert "red flags: dreiging-school" in english.stdout
    assert "1. [High] Agree a pick-up arrangement with school" in english.stdout
    for dutch in ("rode vlaggen", "risico", "Risico", "[hoog]", "[Hoog]", "Gezin"):
        assert dutch not in english.stdout
    dutch_run = run("score", "voorbeeld-scan", "--answers", answers, home=home, cwd=tmp_path)
    assert "rode vlaggen: dreiging-school" in dutch_run.stdout
    assert "1. [Hoog] Maak een ophaalafspraak met school" in dutch_run.stdout


def test_report_for_a_persona_writes_only_the_pdf(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "persona.pdf"
    before = files_in(home, tmp_path)
    result = run(
        "report", "voorbeeld-scan", "--persona", "nieuw-raadslid", "--out", out,
        home=home, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert files_in(home, tmp_path) - before == {out}
    text = " ".join("".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Maak een ophaalafspraak met school" in text
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, check=False)
        assert check.returncode == 0, check.stdout


def test_report_for_an_unknown_persona_names_the_known_ones(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = run(
        "report", "voorbeeld-scan", "--persona", "niemand", "--out", out, home=home, cwd=tmp_path
    )
    assert result.returncode == 1
    assert "niemand" in result.stderr
    assert "nieuw-raadslid" in result.stderr
    assert not out.exists()


def test_report_needs_answers_or_a_persona_not_both(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    neither = run("report", "voorbeeld-scan", "--out", out, home=home, cwd=tmp_path)
    assert neither.returncode == 2
    both = run(
        "report", "voorbeeld-scan", "--answers", "a.yaml", "--persona", "nieuw-raadslid",
        "--out", out, home=home, cwd=tmp_path,
    )  # fmt: skip
    assert both.returncode == 2


def test_new_writes_a_valid_commented_file_with_every_kind_of_element(
    zelfscan_home: Path, tmp_path: Path
) -> None:
    result = run("new", "mijn-scan", home=zelfscan_home, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "mijn-scan.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    assert text.count("#") > 30  # commented
    q, warnings = load_text_checked(text, "mijn-scan.yaml")
    assert warnings == []
    assert q.id == "mijn-scan"
    assert {t for s in q.sections for t in (x.type for x in s.questions)} == set(QuestionType)
    assert any(s.profile for s in q.sections)
    assert any(x.show_if for x in q.questions.values())
    assert any(a.variants for a in q.advice)
    assert any(a.done_if for a in q.advice)
    assert q.additions
    assert q.red_flags
    assert q.red_flags[0].raises
    assert q.red_flags[0].contacts
    assert q.contacts
    assert q.sources
    assert len(q.personas) >= 3
    assert q.about is not None
    validated = run("validate", written, home=zelfscan_home, cwd=tmp_path)
    assert validated.returncode == 0
    assert validated.stderr == ""


def test_new_keeps_an_existing_file_and_refuses_a_bad_id(
    zelfscan_home: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mijn-scan.yaml"
    mine.write_text("van mij\n", encoding="utf-8")
    again = run("new", "mijn-scan", home=zelfscan_home, cwd=tmp_path)
    assert again.returncode == 1
    assert mine.read_text(encoding="utf-8") == "van mij\n"
    elsewhere = run(
        "new", "mijn-scan", "--out", tmp_path / "b.yaml", home=zelfscan_home, cwd=tmp_path
    )
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (tmp_path / "b.yaml").exists()
    bad = run("new", "Mijn Scan", home=zelfscan_home, cwd=tmp_path)
    assert bad.returncode == 1
    assert "'Mijn Scan'" in bad.stderr


def test_validate_shows_warnings_and_still_exits_0(zelfscan_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "scan.yaml"
    draft = guide_example().replace("id: voorbeeld-scan", "draft: true\nid: voorbeeld-scan", 1)
    draft = draft.replace(
        "title: {nl: Voorbeeldscan, en: Example scan}", "title: {nl: Voorbeeldscan}"
    )
    path.write_text(draft, encoding="utf-8")
    result = run("validate", path, home=zelfscan_home, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    line = draft[: draft.index("title: {nl: Voorbeeldscan}")].count("\n") + 1
    assert f"{path}:{line}:8: warning: draft: 1 text(s) have no English yet" in result.stderr


def test_show_json_says_whether_a_scan_is_a_draft(zelfscan_home: Path, tmp_path: Path) -> None:
    """Tools that list scans (and the start screen's "concept" mark) need to know."""
    import json

    own = user_dirs(zelfscan_home).questionnaires
    own.mkdir(parents=True, exist_ok=True)
    draft = guide_example().replace("id: voorbeeld-scan", "draft: true\nid: voorbeeld-scan", 1)
    (own / "voorbeeld-scan.yaml").write_text(draft, encoding="utf-8")
    shown = run("show", "voorbeeld-scan", "--json", home=zelfscan_home, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["draft"] is True
    builtin = run("show", "veilige-woning", "--json", home=zelfscan_home, cwd=tmp_path)
    assert json.loads(builtin.stdout)["draft"] is False


def test_validate_without_files_shows_the_warnings_of_own_scans(home: Path, tmp_path: Path) -> None:
    own = user_dirs(home).questionnaires / "voorbeeld-scan.yaml"
    text = own.read_text(encoding="utf-8")
    start = text.index("  - id: burgemeester-voorbereid")
    own.write_text(text[:start], encoding="utf-8")  # one persona left
    result = run("validate", home=home, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{own}:" in result.stderr
    assert "warning: personas: 1 of the at least 3" in result.stderr
    assert "persoonlijke-veiligheid.yaml:" not in result.stderr  # built-ins: no warnings
