"""The CI and release workflows (.github/workflows) say what docs/release.md promises.

They run only on a hosted CI with Windows and macOS runners, so here they are read as data:
valid YAML, every OS and architecture, installs only from the lock, the GUI tests on the
real platform plugin, and every signing step guarded by its secret, so the workflow runs
unsigned in any fork. The wording of the Inno Setup and WiX sources is checked the same way.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
SECRET = re.compile(r"\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}")


def _load(name: str) -> dict[str, Any]:
    document = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    if True in document:  # YAML 1.1 reads the key `on` as a boolean
        document["on"] = document.pop(True)
    return document


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps", []))


def _matrix_oses(job: dict[str, Any]) -> set[str]:
    return {entry["os"] for entry in job["strategy"]["matrix"]["include"]}


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_each_workflow_is_valid_yaml_with_jobs(name: str) -> None:
    document = _load(name)
    assert document["jobs"]
    assert document["permissions"] == {"contents": "read"}  # least privilege by default


def test_ci_tests_every_platform_from_the_lock_with_the_real_gui_plugin() -> None:
    job = _load("ci.yml")["jobs"]["test"]
    oses = _matrix_oses(job)
    assert any(os.startswith("windows") for os in oses)
    assert any(os.startswith("ubuntu") for os in oses)
    assert any(os.startswith("macos") and "intel" in os for os in oses)  # Intel
    assert any(os.startswith("macos") and "intel" not in os for os in oses)  # Apple Silicon
    script = "\n".join(str(step.get("run", "")) for step in _steps(job))
    assert "--require-hashes -r requirements/dev.txt" in script
    assert "ruff check" in script
    assert "ruff format --check" in script
    assert "mypy" in script
    onscreen = [s for s in _steps(job) if s.get("env", {}).get("ZELFSCAN_ONSCREEN") == "1"]
    assert len(onscreen) == 2  # X11 under Xvfb, and the native plugins of Windows and macOS
    assert any("xvfb-run" in s["run"] for s in onscreen)


def test_release_builds_signs_packages_and_publishes() -> None:
    document = _load("release.yml")
    jobs = document["jobs"]
    assert jobs["checks"]["uses"] == "./.github/workflows/ci.yml"
    bundle = jobs["bundle"]
    assert bundle["needs"] == "checks"
    assert _matrix_oses(bundle) == _matrix_oses(_load("ci.yml")["jobs"]["test"])
    archs = {entry.get("arch") for entry in bundle["strategy"]["matrix"]["include"]}
    assert archs == {"x86_64", "arm64"}
    script = "\n".join(str(step.get("run", "")) for step in _steps(bundle))
    for needed in (
        "--require-hashes -r requirements/build.txt",
        "build.spec",
        "packaging/smoke_test.py",
        "signtool",
        "/tr $env:TIMESTAMP_URL",  # Authenticode with a timestamp
        "zelfscan.iss",
        "wix build",
        "WIPEUSERDATA=1",
        "packaging/macos/sign_app.py",
        "hdiutil create",
        "notarytool submit",
        "stapler staple",
    ):
        assert needed in script, needed
    publish = jobs["publish"]
    assert publish["permissions"] == {"contents": "write"}  # only the job that publishes
    publish_script = "\n".join(str(step.get("run", "")) for step in _steps(publish))
    assert "release_artifacts.py sbom" in publish_script
    assert "checksums" in publish_script


def test_every_signing_step_is_skipped_cleanly_without_its_secret() -> None:
    """Secrets enter only as job-level env; each step that uses one is guarded by it."""
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    bundle = _load("release.yml")["jobs"]["bundle"]
    secret_env = {key for key, value in bundle["env"].items() if SECRET.search(str(value))}
    assert {"WINDOWS_CERT_PFX_BASE64", "MACOS_CERT_P12_BASE64", "APPLE_APP_PASSWORD"} <= secret_env
    assert len(SECRET.findall(text)) == len(secret_env)  # secrets appear nowhere else
    guards = {
        "WINDOWS_CERT_PFX_BASE64": "env.WINDOWS_CERT_PFX_BASE64 != ''",
        "MACOS_CERT_P12_BASE64": "env.MACOS_CERT_P12_BASE64 != ''",
    }
    for step in _steps(bundle):
        run = str(step.get("run", ""))
        for variable in ("WINDOWS_CERT_PFX_BASE64", "MACOS_CERT_P12_BASE64"):
            if variable in run:
                assert guards[variable] in step.get("if", ""), step["name"]
        if "notarytool" in run:
            assert "env.APPLE_APP_PASSWORD != ''" in step["if"]
            assert "env.SIGNING_KEYCHAIN != ''" in step["if"]
        if "sign_app.py" in run:
            assert "env.SIGNING_KEYCHAIN != ''" in step["if"]
    cleanups = [s for s in _steps(bundle) if str(s.get("if", "")).startswith("always()")]
    assert len(cleanups) == 2  # the Windows certificate file and the macOS keychain go


def test_no_key_material_is_in_the_tree() -> None:
    suffixes = {".pfx", ".p12", ".p8", ".cer", ".key", ".mobileprovision"}
    skip = {".venv", ".git", "build", "dist", "node_modules", ".mypy_cache", ".ruff_cache"}
    found = []
    for _folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in skip]
        found += [name for name in files if Path(name).suffix.lower() in suffixes]
    assert found == []


def test_the_msi_is_per_machine_and_wipes_only_when_asked() -> None:
    ns = {"w": "http://wixtoolset.org/schemas/v4/wxs"}
    wxs = ROOT / "packaging" / "windows" / "zelfscan.wxs"
    root = ET.parse(wxs).getroot()  # noqa: S314  (our own file)
    package = root.find("w:Package", ns)
    assert package is not None
    assert package.get("Scope") == "perMachine"
    assert package.get("Version") == "$(Version)"
    assert root.find(".//w:StandardDirectory[@Id='ProgramFiles64Folder']", ns) is not None
    action = root.find(".//w:CustomAction[@Id='WipeUserData']", ns)
    assert action is not None
    assert action.get("Impersonate") == "yes"  # the uninstalling user's own data
    assert action.get("ExeCommand", "").endswith('zelfscan-cli.exe" wipe --yes')
    custom = root.find(".//w:Custom[@Action='WipeUserData']", ns)
    assert custom is not None
    assert custom.get("Before") == "RemoveFiles"  # while zelfscan-cli.exe is still there
    assert 'WIPEUSERDATA="1"' in custom.get("Condition", "")
    assert 'REMOVE="ALL"' in custom.get("Condition", "")


def test_the_per_user_installer_asks_before_wiping_and_defaults_to_no() -> None:
    text = (ROOT / "packaging" / "windows" / "zelfscan.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text
    assert "wipe --yes" in text
    assert "MB_DEFBUTTON2, IDNO" in text  # "no" is the default, also when silent
    assert "usUninstall" in text  # before the files (zelfscan-cli.exe) are removed
    assert re.search(r"^nl\.WipeQuestion=.*kluis", text, re.MULTILINE)
    assert re.search(r"^en\.WipeQuestion=.*vault", text, re.MULTILINE)
