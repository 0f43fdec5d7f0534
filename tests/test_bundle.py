"""Smoke tests of the built PyInstaller bundle in ``dist/zelfscan/`` (slow).

Skipped unless a bundle exists: building takes minutes, so ``make test`` does not build it.
Build it with ``make bundle`` (then ``make test`` runs these too), or build and check in
one step with ``make bundle-test``. The checks live in ``packaging/smoke_test.py`` so the
same code runs without pytest; each one runs the bundled executables, not the source tree.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_smoke_test():  # packaging/ is not a package: load the module by path
    spec = importlib.util.spec_from_file_location(
        "zelfscan_smoke_test", ROOT / "packaging" / "smoke_test.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


smoke = _load_smoke_test()


def _stale() -> bool:
    """The bundle is older than a source, content or spec file: testing it would test old
    code (and fail or pass for the wrong reason)."""
    built = smoke.executable(smoke.DIST, "zelfscan-cli").stat().st_mtime
    sources = [ROOT / "build.spec"]
    for folder in ("zelfscan", "questionnaires", "resources", "packaging"):
        sources.extend(p for p in (ROOT / folder).rglob("*") if p.is_file())
    sources = [p for p in sources if p.name != "smoke_test.py" and "__pycache__" not in p.parts]
    return any(p.stat().st_mtime > built for p in sources if p.exists())


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not smoke.bundle_exists(smoke.DIST),
        reason=(
            "no PyInstaller bundle at dist/zelfscan/: build it with `make bundle` "
            "(or build and smoke-test with `make bundle-test`)"
        ),
    ),
    pytest.mark.skipif(
        smoke.bundle_exists(smoke.DIST) and _stale(),
        reason="dist/zelfscan/ is older than the sources: rebuild it with `make bundle`",
    ),
]


@pytest.mark.parametrize("check", list(smoke.CHECKS))
def test_bundle(check: str, tmp_path: Path) -> None:
    if check == "report" and not smoke.persona_files():
        pytest.skip("no persona answers files in tests/personas/<questionnaire-id>/ yet")
    smoke.CHECKS[check](smoke.DIST, tmp_path)
