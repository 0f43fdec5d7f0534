"""Release side files: a CycloneDX SBOM from the lock, and SHA-256 checksums of the artifacts.

Usage::

    python tools/release_artifacts.py sbom --lock requirements/runtime.txt --out zelfscan.cdx.json
    python tools/release_artifacts.py checksums dist/*.msi dist/*.exe dist/*.dmg > SHA256SUMS

The SBOM is made from the lock file, not from whatever happens to be installed: the lock is
what every bundle is built from (hash-checked), on every OS, so one SBOM describes them all.
Each component carries its exact version, its PyPI package URL and the SHA-256 of every file
the lock allows for it (one per wheel and sdist), so a reviewer can match an installed file
to the SBOM. Standard library only and deterministic: the serial number is derived from the
version and the lock's content, and the timestamp comes from ``SOURCE_DATE_EPOCH`` (the
commit time in the release workflow) when it is set.

``checksums`` prints ``<sha256>  <file name>`` lines, the format ``sha256sum -c`` and
``shasum -a 256 -c`` read; on Windows ``Get-FileHash`` shows the same hex digits.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
_HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")


@dataclass
class Pin:
    name: str
    version: str
    marker: str | None
    hashes: list[str] = field(default_factory=list)


def read_lock(path: Path) -> list[Pin]:
    """The pins of a uv/pip-compile lock with hashes, in file order."""
    pins: list[Pin] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line.strip())
        if match:
            pins.append(Pin(match.group(1), match.group(2), match.group(3)))
            continue
        if pins:
            pins[-1].hashes.extend(_HASH.findall(line))
    return pins


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def sbom(lock: Path, *, name: str, version: str) -> dict[str, object]:
    """A CycloneDX 1.5 document for ``name`` ``version`` and every pin of ``lock``."""
    pins = read_lock(lock)
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    metadata: dict[str, object] = {
        "component": {
            "type": "application",
            "bom-ref": f"pkg:pypi/{name}@{version}",
            "name": name,
            "version": version,
            "purl": f"pkg:pypi/{name}@{version}",
            "licenses": [{"license": {"id": "EUPL-1.2"}}],
        },
        "properties": [{"name": "zelfscan:lock", "value": f"{lock.name} sha256:{digest}"}],
    }
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch), tz=UTC)
        metadata["timestamp"] = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    components = []
    for pin in pins:
        purl = f"pkg:pypi/{_normalised(pin.name)}@{pin.version}"
        component: dict[str, object] = {
            "type": "library",
            "bom-ref": purl,
            "name": _normalised(pin.name),
            "version": pin.version,
            "purl": purl,
            "hashes": [{"alg": "SHA-256", "content": h} for h in pin.hashes],
        }
        if pin.marker:
            component["properties"] = [{"name": "zelfscan:environment-marker", "value": pin.marker}]
        components.append(component)
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": "urn:uuid:"
        + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{name}/{version}/{digest}")),
        "version": 1,
        "metadata": metadata,
        "components": components,
        "dependencies": [
            {"ref": f"pkg:pypi/{name}@{version}", "dependsOn": [c["bom-ref"] for c in components]}
        ],
    }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksums(paths: list[Path]) -> str:
    """``sha256sum`` lines for ``paths``, sorted by file name."""
    return "".join(f"{sha256_file(p)}  {p.name}\n" for p in sorted(paths, key=lambda p: p.name))


def main(argv: list[str] | None = None) -> int:
    from zelfscan import __version__

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make_sbom = sub.add_parser("sbom", help="CycloneDX JSON from a lock file")
    make_sbom.add_argument("--lock", type=Path, default=ROOT / "requirements" / "runtime.txt")
    make_sbom.add_argument("--out", type=Path, required=True)
    sums = sub.add_parser("checksums", help="SHA-256 lines of the given files")
    sums.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "sbom":
        document = sbom(args.lock, name="zelfscan", version=__version__)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        args.out.write_text(text, encoding="utf-8")
        print(f"{args.out}: {len(document['components'])} components")  # type: ignore[arg-type]
        return 0
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        print(f"not a file: {', '.join(missing)}", file=sys.stderr)
        return 1
    sys.stdout.write(checksums(args.files))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
