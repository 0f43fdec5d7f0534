"""Class 4 (files read whole) and class 1 at the entry points: every file is stat'ed first,
only regular files are read, never more than the limit; a broken user questionnaire never
stops the CLI or the app. CLI cases run the real command as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import MINI, RAADSLID, answers_file, run
from zelfscan.safe_read import FileTooLarge, UnreadableFile, read_limited
from zelfscan.userdirs import user_dirs

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 1024
KINDS = ["small", "exact", "over", "sparse-huge", "folder", "fifo", "device", "link-to-device"]


def _make(folder: Path, kind: str) -> Path:
    path = folder / f"{kind}.yaml"
    if kind == "small":
        path.write_bytes(b"x" * 10)
    elif kind == "exact":
        path.write_bytes(b"x" * LIMIT)
    elif kind == "over":
        path.write_bytes(b"x" * (LIMIT + 1))
    elif kind == "sparse-huge":
        with path.open("wb") as handle:
            handle.truncate(3 * 1024**3)  # 3 GB that costs no disk
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        return Path("/dev/zero")
    elif kind == "link-to-device":
        path.symlink_to("/dev/zero")
    return path


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kind=st.sampled_from(KINDS), limit_extra=st.integers(0, 3))
def test_read_limited_reads_only_small_regular_files(
    tmp_path: Path, kind: str, limit_extra: int
) -> None:
    folder = tmp_path / f"{kind}-{limit_extra}"
    folder.mkdir()
    path = _make(folder, kind)
    limit = LIMIT + (limit_extra if kind != "over" else 0)
    if kind in ("small", "exact"):
        assert len(read_limited(path, limit)) in (10, LIMIT)
        return
    with pytest.raises(UnreadableFile) as caught:
        read_limited(path, limit)
    if kind in ("over", "sparse-huge"):
        assert isinstance(caught.value, FileTooLarge)
    assert caught.value.reason


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")
@pytest.mark.parametrize("kind", ["sparse-huge", "folder", "fifo", "device", "link-to-device"])
def test_validate_refuses_with_a_message(home: Path, tmp_path: Path, kind: str) -> None:
    path = _make(tmp_path, kind)
    result = run("validate", path, home=home)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}:1:1: ")
    assert "regular file" in result.stderr or "larger than 1 MB" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")
def test_bad_user_files_never_stop_list_show_or_report(home: Path, tmp_path: Path) -> None:
    folder = user_dirs(home).questionnaires
    _make(folder, "sparse-huge")
    _make(folder, "fifo")
    text = MINI.read_text(encoding="utf-8").replace("id: mini", "id: mini-huge", 1)
    (folder / "z-huge.yaml").write_text(
        text.replace("minutes: 5", "minutes: " + "9" * 5000), encoding="utf-8"
    )
    listed = run("list", home=home)
    assert listed.returncode == 0
    assert "mini\t" in listed.stdout
    assert "veilige-woning\t" in listed.stdout
    assert "fifo.yaml:1:1: can not read: not a regular file (a named pipe)" in listed.stderr
    assert "sparse-huge.yaml:1:1: the file is larger than 1 MB" in listed.stderr
    assert "z-huge.yaml:8:10: minutes:" in listed.stderr
    validated = run("validate", home=home)
    assert validated.returncode == 1
    shown = run("show", "veilige-woning", "--json", home=home)
    assert shown.returncode == 0
    out = tmp_path / "advies.pdf"
    reported = run(
        "report", "mini", "--answers", answers_file(tmp_path, RAADSLID), "--out", out, home=home
    )
    assert reported.returncode == 0, reported.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(os.name != "posix", reason="/dev/zero")
def test_an_answers_file_that_is_a_device_is_refused(home: Path) -> None:
    result = run("score", "mini", "--answers", "/dev/zero", home=home)
    assert result.returncode == 1
    assert "not a regular file" in result.stderr


def test_score_json_is_always_valid_json(home: Path, tmp_path: Path) -> None:
    import json

    result = run(
        "score", "mini", "--answers", answers_file(tmp_path, RAADSLID), "--json", home=home
    )
    assert result.returncode == 0
    json.loads(result.stdout, parse_constant=lambda name: pytest.fail(name))


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_the_app_starts_with_broken_user_questionnaires(zelfscan_home: Path) -> None:
    folder = user_dirs(zelfscan_home).questionnaires
    folder.mkdir(parents=True)
    _make(folder, "fifo")
    text = MINI.read_text(encoding="utf-8").replace("minutes: 5", "minutes: " + "9" * 5000)
    (folder / "huge.yaml").write_text(text, encoding="utf-8")
    (folder / "inf.yaml").write_text(
        MINI.read_text(encoding="utf-8")
        .replace("id: mini", "id: inf", 1)
        .replace("points: 1}", "points: 1.0e999}", 1),
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZELFSCAN_HOME": str(zelfscan_home)}
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan", "--self-test"],
        env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=180,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "self-test ok: 2 questionnaire(s)" in result.stdout
    for name in ("fifo.yaml", "huge.yaml", "inf.yaml"):
        assert name in result.stderr
