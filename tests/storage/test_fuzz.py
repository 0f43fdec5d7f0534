"""Fuzzing: whatever bytes sit in the vault file, the result is a StorageError, never a crash.

Only :class:`StorageError` subclasses are allowed out, because the GUI shows those as a
message; anything else would be a traceback in front of the user.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.storage.conftest import CHEAP, PASSPHRASE
from zelfscan.storage import crypto
from zelfscan.storage.errors import StorageError
from zelfscan.storage.vault import Vault

KEY = crypto.derive_key(PASSPHRASE, params=CHEAP)
GOOD_DOC = {
    "format": 1,
    "scans": [{
        "id": "8f14e45f-ceea-467f-a0e6-4b2b1f1f6c1e", "questionnaire": "veilige-woning",
        "version": "1", "started": "2026-01-01T10:00:00+00:00",
        "updated": "2026-01-02T10:00:00+00:00", "finished": True,
        "answers": {"a": "x", "b": ["y", "z"]}, "position": None, "plan": {"c": "gedaan"},
    }],
    "settings": {},
}  # fmt: skip
GOOD = crypto.seal(KEY, json.dumps(GOOD_DOC).encode())
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _must_fail_cleanly(blob: bytes) -> None:
    try:
        crypto.open_sealed(PASSPHRASE, blob)
    except StorageError:
        return
    assert blob == GOOD, "a changed file was accepted"


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes(blob: bytes) -> None:
    with pytest.raises(StorageError):
        crypto.open_sealed(PASSPHRASE, blob)


@FUZZ
@given(st.integers(min_value=0, max_value=len(GOOD) - 1))
def test_truncated(length: int) -> None:
    with pytest.raises(StorageError):
        crypto.open_sealed(PASSPHRASE, GOOD[:length])


@FUZZ
@given(st.lists(st.integers(min_value=0, max_value=len(GOOD) * 8 - 1), min_size=1, max_size=8))
def test_bit_flips(bits: list[int]) -> None:
    bad = bytearray(GOOD)
    for bit in bits:
        bad[bit // 8] ^= 1 << (bit % 8)
    _must_fail_cleanly(bytes(bad))


@FUZZ
@given(
    st.integers(min_value=0, max_value=len(GOOD)),
    st.integers(min_value=0, max_value=40),
    st.binary(max_size=40),
)
def test_splices(start: int, cut: int, insert: bytes) -> None:
    _must_fail_cleanly(GOOD[:start] + insert + GOOD[start + cut :])


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def _mutate_doc(doc: object, key: str, value: object) -> object:
    """Replace one field of the good document (top level or first scan) with ``value``."""
    clone = json.loads(json.dumps(GOOD_DOC))
    if key.startswith("scan."):
        clone["scans"][0][key[5:]] = value
    else:
        clone[key] = value
    return clone


@FUZZ
@given(
    st.sampled_from(
        ["format", "scans", "settings", "extra"]
        + [f"scan.{k}" for k in GOOD_DOC["scans"][0]]  # type: ignore[index]
        + ["scan.extra"]
    ),
    _json,
)
@example(key="scan.plan", value={"0": []})  # found by this test: unhashable plan state
def test_authentic_but_unexpected_content(tmp_path_factory: pytest.TempPathFactory,
                                          key: str, value: object) -> None:  # fmt: skip
    path = tmp_path_factory.mktemp("fuzz") / "vault.zsv"
    path.write_bytes(crypto.seal(KEY, json.dumps(_mutate_doc(GOOD_DOC, key, value)).encode()))
    try:
        vault = Vault.open(path, PASSPHRASE, params=CHEAP)
    except StorageError:
        return
    for scan in vault.scans():  # accepted content must be exactly the documented types
        assert all(isinstance(v, str | list) for v in scan.answers.values())
        assert isinstance(scan.finished, bool)


@FUZZ
@given(st.binary(max_size=300))
def test_vault_open_on_random_file(tmp_path_factory: pytest.TempPathFactory, blob: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "vault.zsv"
    path.write_bytes(blob)
    with pytest.raises(StorageError):
        Vault.open(path, PASSPHRASE, params=CHEAP)
