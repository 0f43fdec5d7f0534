"""zelfscan-cli run as a real subprocess: formats, exit codes, and never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zelfscan.userdirs import user_dirs

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "questionnaires" / "mini.yaml"


def run(*args: str | Path, home: Path, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    """Run the CLI with its output in ``encoding`` (as Windows' code page would set it)."""
    env = {
        **os.environ,
        "ZELFSCAN_HOME": str(home),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": encoding,
    }
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="strict",
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def home(zelfscan_home: Path) -> Path:
    """A home folder whose user questionnaires include the mini fixture."""
    folder = user_dirs(zelfscan_home).questionnaires
    folder.mkdir(parents=True)
    shutil.copy(MINI, folder / "mini.yaml")
    return zelfscan_home


def answers_file(tmp_path: Path, answers: dict[str, object], qid: str = "mini") -> Path:
    path = tmp_path / "antwoorden.json"
    path.write_text(json.dumps({"questionnaire": qid, "answers": answers}), encoding="utf-8")
    return path


RAADSLID = {
    "rol": "raadslid",
    "woning": "huis",
    "kinderen": "ja",
    "slot": "ja",
    "verlichting": "soms",
    "maatregelen": ["geen"],
    "school-afspraak": "nee",
    "delen-online": "ja",
    "bedreigd": "nee",
}


def test_list_prints_id_version_title(home: Path) -> None:
    result = run("list", home=home)
    assert result.returncode == 0, result.stderr
    assert "mini\t2026.1\tMiniscan" in result.stdout.splitlines()


def test_validate_reports_file_line_col_and_exit_1(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text(
        MINI.read_text(encoding="utf-8").replace("type: yesno", "type: jaofnee", 1),
        encoding="utf-8",
    )
    result = run("validate", bad, home=home)
    assert result.returncode == 1
    line = next(x for x in MINI.read_text(encoding="utf-8").splitlines() if "type: yesno" in x)
    lineno = MINI.read_text(encoding="utf-8").splitlines().index(line) + 1
    assert f"{bad}:{lineno}:" in result.stderr
    assert "slot" in result.stderr  # names the offending question


def test_validate_without_arguments_checks_user_questionnaires_too(home: Path) -> None:
    result = run("validate", home=home)
    assert "mini.yaml: ok" in result.stdout


def test_show_json_follows_the_contract(home: Path) -> None:
    result = run("show", "mini", "--json", home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"id", "version", "title", "sections", "advice"} <= data.keys()
    question = data["sections"][1]["questions"][0]
    assert {"id", "type", "text", "required", "options", "show_if"} <= question.keys()
    assert {"id", "label", "points"} <= question["options"][0].keys()
    gezin = next(s for s in data["sections"] if s["id"] == "gezin")
    assert gezin["show_if"] == {"answer": "kinderen", "in": ["ja"]}


def test_score_json_follows_the_contract(home: Path, tmp_path: Path) -> None:
    result = run(
        "score", "mini", "--answers", answers_file(tmp_path, RAADSLID), "--json", home=home
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["questionnaire"] == "mini"
    assert data["overall"] == {"score": 31.2, "level": "risico"}
    assert [(s["id"], s["level"]) for s in data["sections"]] == [
        ("thuis", "risico"),
        ("gezin", "risico"),
        ("dreiging", "goed"),
    ]
    assert [(a["id"], a["priority"]) for a in data["advice"]] == [
        ("ophaalafspraak", "hoog"),
        ("camera", "midden"),
        ("licht", "laag"),
    ]


def test_score_text_output(home: Path, tmp_path: Path) -> None:
    result = run("score", "mini", "--answers", answers_file(tmp_path, RAADSLID), home=home)
    assert result.returncode == 0, result.stderr
    assert "Maak een ophaalafspraak met school" in result.stdout


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kinderen": None}, "kinderen"),  # a visible required question without an answer
        ({"bestaat-niet": "ja"}, "bestaat-niet"),  # an unknown id
        ({"slot": "misschien"}, "slot"),  # an unknown option
        ({"maatregelen": ["geen", "camera"]}, "maatregelen"),  # exclusive option combined
    ],
)
def test_bad_answers_name_the_question(
    home: Path, tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    answers = {k: v for k, v in {**RAADSLID, **change}.items() if v is not None}
    result = run("score", "mini", "--answers", answers_file(tmp_path, answers), home=home)
    assert result.returncode == 1
    assert expected in result.stderr


def test_hidden_answers_are_not_errors(home: Path, tmp_path: Path) -> None:
    answers = {**RAADSLID, "portiek": "open"}  # a flat question for someone in a house
    result = run("score", "mini", "--answers", answers_file(tmp_path, answers), home=home)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff\xfe garbage", b"questionnaire: [", b"- just\n- a list\n", b"a: &x 1\nb: *x\n"],
)
def test_broken_answers_files_are_refused_calmly(
    home: Path, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_bytes(content)
    result = run("score", "mini", "--answers", path, home=home)
    assert result.returncode == 1
    assert result.stderr.strip()


def test_answers_for_another_questionnaire_are_refused(home: Path, tmp_path: Path) -> None:
    result = run(
        "score", "mini", "--answers", answers_file(tmp_path, RAADSLID, "andere"), home=home
    )
    assert result.returncode == 1
    assert "andere" in result.stderr


def test_missing_files_and_unknown_ids_exit_1(home: Path, tmp_path: Path) -> None:
    assert run("score", "mini", "--answers", tmp_path / "weg.yaml", home=home).returncode == 1
    assert run("show", "bestaat-niet", "--json", home=home).returncode == 1


def test_usage_errors_exit_2(home: Path) -> None:
    assert run("score", "mini", home=home).returncode == 2
    assert run("vliegen", home=home).returncode == 2


def test_a_path_the_console_can_not_spell_does_not_crash_after_the_work(
    home: Path, tmp_path: Path
) -> None:
    """Windows: a redirected stdout is cp1252, which has no "Ł": the PDF is written, the path
    printed with "?", exit 0 (it used to end in UnicodeEncodeError after the PDF)."""
    out = tmp_path / "Łódź-advies.pdf"
    result = run(
        "report",
        "mini",
        "--answers",
        answers_file(tmp_path, RAADSLID),
        "--out",
        out,
        home=home,
        encoding="cp1252",
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert result.stdout.strip() == str(out).encode("cp1252", "replace").decode("cp1252")


def test_report_writes_a_pdf(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "advies.pdf"
    result = run(
        "report", "mini", "--answers", answers_file(tmp_path, RAADSLID), "--out", out, home=home
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_password_protected_report(home: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    secret = tmp_path / "wachtwoord.txt"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    out = tmp_path / "advies.pdf"
    result = run(
        "report",
        "mini",
        "--answers",
        answers_file(tmp_path, RAADSLID),
        "--out",
        out,
        "--password-file",
        secret,
        home=home,
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("correct horse battery staple") != 0
    text = " ".join("".join(p.extract_text() for p in reader.pages).split())
    assert "Maak een ophaalafspraak met school" in text


def test_blank_writes_a_pdf(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "leeg.pdf"
    result = run("blank", "mini", "--out", out, home=home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def _stored_things(home: Path) -> list[Path]:
    dirs = user_dirs(home)
    dirs.data.mkdir(parents=True, exist_ok=True)
    dirs.config.mkdir(parents=True, exist_ok=True)
    made = [dirs.vault_file, dirs.data / "vault.zsv.bak", dirs.settings_file]
    for path in made:
        path.write_bytes(b"x")
    return made


def test_wipe_lists_first_and_deletes_only_with_yes(home: Path) -> None:
    """What the uninstallers run when the user chooses to delete their data."""
    made = _stored_things(home)
    listed = run("wipe", home=home)
    assert listed.returncode == 0, listed.stderr
    assert {Path(line) for line in listed.stdout.splitlines()} >= set(made)
    assert all(path.exists() for path in made)
    done = run("wipe", "--yes", home=home)
    assert done.returncode == 0, done.stderr
    assert not any(path.exists() for path in made)
    assert (user_dirs(home).questionnaires / "mini.yaml").exists()  # the user's own: kept


def test_wipe_refuses_while_a_running_zelfscan_holds_the_vault(home: Path) -> None:
    import platform

    made = _stored_things(home)
    lock = user_dirs(home).vault_file.with_name("vault.zsv.lock")
    # this test process started before the lock was written: a live holder
    lock.write_text(f"{os.getpid()}\npython3\n{platform.node()}\n", encoding="utf-8")
    result = run("wipe", "--yes", home=home)
    assert result.returncode == 1
    assert "Sluit Zelfscan" in result.stderr
    assert all(path.exists() for path in made)
    lock.write_text(f"{2**22 + 7}\npython3\n{platform.node()}\n", encoding="utf-8")  # gone
    assert run("wipe", "--yes", home=home).returncode == 0
    assert not lock.exists()
