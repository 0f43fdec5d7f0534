"""The release side files: the SBOM names every locked package exactly, checksums verify."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import release_artifacts  # noqa: E402  (tools/ is not a package)

sys.path.remove(str(ROOT / "tools"))


def test_the_sbom_lists_every_runtime_pin_with_its_file_hashes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    lock = ROOT / "requirements" / "runtime.txt"
    document = release_artifacts.sbom(lock, name="zelfscan", version="9.8.7")
    assert document["bomFormat"] == "CycloneDX"
    assert document["specVersion"] == "1.5"
    components = {c["name"]: c for c in document["components"]}  # type: ignore[attr-defined]
    text = lock.read_text(encoding="utf-8")
    for pin in release_artifacts.read_lock(lock):
        component = components[pin.name.lower().replace("_", "-")]
        assert component["version"] == pin.version
        assert component["purl"] == f"pkg:pypi/{component['name']}@{pin.version}"
        assert component["hashes"]
        for digest in component["hashes"]:
            assert f"--hash=sha256:{digest['content']}" in text
    assert {"pyside6-essentials", "cryptography", "pyyaml", "reportlab"} <= set(components)
    assert document["metadata"]["timestamp"] == "2025-12-02T00:00:00Z"  # type: ignore[index]
    again = release_artifacts.sbom(lock, name="zelfscan", version="9.8.7")
    assert json.dumps(again) == json.dumps(document)  # deterministic


def test_checksums_are_what_sha256sum_checks(tmp_path: Path) -> None:
    files = [tmp_path / "Zelfscan-0.1.0-x64.msi", tmp_path / "Zelfscan-0.1.0-arm64.dmg"]
    for n, path in enumerate(files):
        path.write_bytes(bytes([n]) * 1000)
    text = release_artifacts.checksums(files)
    lines = text.splitlines()
    assert lines[0].endswith("  Zelfscan-0.1.0-arm64.dmg")  # sorted by name
    for path in files:
        assert f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}" in lines
    sha256sum = shutil.which("sha256sum")
    if sha256sum is None:
        pytest.skip("no sha256sum to cross-check with")
    (tmp_path / "SHA256SUMS").write_text(text, encoding="utf-8")
    subprocess.run([sha256sum, "-c", "SHA256SUMS"], cwd=tmp_path, check=True, capture_output=True)
