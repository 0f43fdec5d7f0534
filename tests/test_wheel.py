"""The sdist and the wheel hold the whole app, and the wheel works from any folder.

Built as pip builds from source: the sdist from a copy of the checkout, the wheel from the
unpacked sdist (so the sdist must hold everything). The wheel is installed offline into a
fresh venv whose dependencies come from this test venv (a ``.pth`` line: the packages are
visible, this checkout's editable ``zelfscan`` is not), and the installed commands run from
an unrelated folder: ``list``, ``report`` in Dutch and English, ``--version`` and the GUI
``--self-test``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from zelfscan.core.loader import load_questionnaire

ROOT = Path(__file__).resolve().parents[1]
PERSONA = ROOT / "tests" / "personas" / "veilige-woning" / "huurder-appartement.yaml"
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "requirements")
pytestmark = pytest.mark.slow


def _copy_checkout(dest: Path) -> Path:
    """The files a source release is made from (no caches, no compiled copies)."""
    dest.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".compiled", "*.egg-info")
    for name in (*SOURCES, "zelfscan", "questionnaires", "resources"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        else:
            shutil.copy2(source, dest / name)
    return dest


def _build(hook: str, source: Path, out: Path) -> Path:
    code = f"from setuptools import build_meta as b; print(b.{hook}({str(out)!r}))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return out / result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("build")
    out = work / "dist"
    out.mkdir()
    sdist = _build("build_sdist", _copy_checkout(work / "checkout"), out)
    with tarfile.open(sdist) as archive:
        archive.extractall(work / "unpacked", filter="data")
    wheel = _build("build_wheel", work / "unpacked" / sdist.name.removesuffix(".tar.gz"), out)
    return sdist, wheel


@pytest.fixture(scope="module")
def venv(dists: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", target], check=True)
    python = target / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "dependencies-from-test-venv.pth").write_text(
        "\n".join(sorted(ours)) + "\n", encoding="utf-8"
    )
    offline = ["--no-index", "--no-deps"]  # the wheel only, nothing from an index
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", *offline, dists[1]],
        check=True,
        timeout=300,
    )
    return target


def _run(venv: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"ZELFSCAN_DATA_ROOT", "PYTHONPATH"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [venv / "bin" / str(args[0]), *map(str, args[1:])],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
        encoding="utf-8",
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _package_files(names: list[str], prefix: str = "") -> set[str]:
    """Files of the installed package, as paths inside ``zelfscan/``."""
    mapped = {"zelfscan/": "zelfscan/", "questionnaires/": "zelfscan/questionnaires/"}
    mapped["resources/"] = "zelfscan/resources/"
    found = set()
    for name in names:
        name = name.removeprefix(prefix)
        for source, target in mapped.items():
            if name.startswith(source) and not name.endswith("/"):
                found.add(target + name.removeprefix(source))
    return found


def test_the_sdist_and_the_wheel_hold_the_same_package(dists: tuple[Path, Path]) -> None:
    sdist, wheel = dists
    with tarfile.open(sdist) as archive:
        root = sdist.name.removesuffix(".tar.gz") + "/"
        in_sdist = _package_files([m.name for m in archive.getmembers() if m.isfile()], root)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    in_wheel = _package_files(names)
    assert in_wheel == in_sdist
    checkout = {
        f"zelfscan/{p.relative_to(ROOT / 'zelfscan').as_posix()}"
        for p in (ROOT / "zelfscan").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert checkout <= in_wheel, f"modules left out of the wheel: {sorted(checkout - in_wheel)}"
    for yaml_file in (ROOT / "questionnaires").glob("*.yaml"):
        assert f"zelfscan/questionnaires/{yaml_file.name}" in in_wheel
    for name in ("fonts/DejaVuSans.ttf", "styles/app.qss", "locale/nl/LC_MESSAGES/gui.mo"):
        assert f"zelfscan/resources/{name}" in in_wheel
    assert not any(".compiled" in name for name in in_wheel)  # the app parses the YAML
    licences = {n.split("/licenses/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    assert {"LICENSE", "resources/licenses/THIRD-PARTY-NOTICES.txt"} <= licences


def test_the_installed_wheel_works_from_another_folder(venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(venv, "python", "-c", "import zelfscan; print(zelfscan.__file__)", cwd=elsewhere)
    assert Path(where.stdout.strip()).is_relative_to(venv)

    listed = _run(venv, "zelfscan-cli", "list", cwd=elsewhere)
    assert listed.returncode == 0, listed.stderr
    ids = {line.split("\t")[0] for line in listed.stdout.splitlines()}
    assert ids == {p.stem for p in (ROOT / "questionnaires").glob("*.yaml")}

    version = _run(venv, "zelfscan-cli", "--version", cwd=elsewhere)
    assert version.returncode == 0
    assert version.stdout.split()[-1] == _version()

    # the scan's own title, from the source tree (content may rename it; the id stays)
    home = load_questionnaire(ROOT / "questionnaires" / "veilige-woning.yaml")
    titles = {lang: home.title.get(lang) for lang in ("nl", "en")}
    for lang, title in titles.items():
        out = elsewhere / f"advies-{lang}.pdf"
        result = _run(
            venv, "zelfscan-cli", "report", "veilige-woning", "--answers", PERSONA,
            "--out", out, "--lang", lang, cwd=elsewhere,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        text = " ".join(page.extract_text() for page in PdfReader(out).pages[:2])
        assert title in " ".join(text.split())

    licence = _run(
        venv, "python", "-c", "from zelfscan import paths; print(paths.license_text())",
        cwd=elsewhere,
    )  # fmt: skip
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licence.stdout


def test_the_installed_app_passes_its_self_test(venv: Path, tmp_path: Path) -> None:
    result = _run(venv, "zelfscan", "--self-test", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "missing" not in result.stderr


def _version() -> str:
    from zelfscan import __version__

    return __version__
