"""PDF inspection helpers for the report tests (pypdf only, no rendering to pixels)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from typing import Any

import pytest
from pypdf import PdfReader


def text_of(pdf: bytes) -> str:
    """All page text, with line breaks and soft spacing collapsed so phrases can be found."""
    reader = PdfReader(io.BytesIO(pdf))
    raw = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", raw)


def fonts_of(pdf: bytes) -> dict[str, Any]:
    """Every font dictionary referenced from any page's /Resources, by base font name."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, Any] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def embedded(font: Any) -> bool:
    """A TrueType font carries its program (/FontFile2), directly or via its descendant."""
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def qpdf_check(pdf: bytes, tmp_path: Any, password: str | None = None) -> None:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed; install the qpdf package to check PDF structure")
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    args = ["qpdf", "--check"]
    if password is not None:
        args.append(f"--password={password}")
    result = subprocess.run(
        [*args, str(path)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        errors="replace",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def streams_contain(pdf: bytes, needle: str) -> bool:
    """Whether ``needle`` appears in the raw bytes or in any zlib stream (UTF-8 or UTF-16)."""
    forms = (needle.encode(), needle.encode("utf-16-be"))
    if any(f in pdf for f in forms):
        return True
    for match in re.finditer(rb"stream\r?\n", pdf):
        start = match.end()
        end = pdf.find(b"endstream", start)
        try:
            data = zlib.decompressobj().decompress(pdf[start:end])
        except zlib.error:
            continue
        if any(f in data for f in forms):
            return True
    return False
