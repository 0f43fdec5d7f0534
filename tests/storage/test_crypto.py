"""The vault file format: round trips, and each kind of bad input gets its own error."""

from __future__ import annotations

import hashlib
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.storage.conftest import CHEAP, PASSPHRASE
from zelfscan.storage import crypto
from zelfscan.storage.errors import (
    DamagedFile,
    NotAVault,
    StorageError,
    UnsupportedVersion,
    WrongPassphrase,
)

PLAINTEXT = '{"canary": "sleutel onder de mat — achterdeur"}'.encode()


@pytest.fixture(scope="module")
def key() -> crypto.VaultKey:
    return crypto.derive_key(PASSPHRASE, params=CHEAP)


@pytest.fixture(scope="module")
def blob(key: crypto.VaultKey) -> bytes:
    return crypto.seal(key, PLAINTEXT)


def test_round_trip_with_passphrase_and_with_held_key(key: crypto.VaultKey, blob: bytes) -> None:
    assert crypto.open_sealed(PASSPHRASE, blob)[0] == PLAINTEXT
    assert crypto.open_sealed(key, blob)[0] == PLAINTEXT
    assert PLAINTEXT not in blob
    assert b"canary" not in blob


def test_open_returns_a_key_that_reopens_quickly(blob: bytes) -> None:
    _, derived = crypto.open_sealed(PASSPHRASE, blob)
    assert crypto.open_sealed(derived, crypto.seal(derived, b"next"))[0] == b"next"


def test_every_seal_uses_a_fresh_nonce(key: crypto.VaultKey) -> None:
    nonces = {crypto.read_header(crypto.seal(key, b"x")).nonce for _ in range(200)}
    assert len(nonces) == 200


def test_header_layout_and_stored_params(key: crypto.VaultKey, blob: bytes) -> None:
    header = crypto.read_header(blob)
    assert blob.startswith(b"ZSVAULT\0\x02\x01")
    assert crypto.HEADER_LEN == 80
    assert header.generation == 1
    assert header.params == CHEAP
    assert len(header.salt) == 16
    assert header.salt == key.salt
    assert len(header.nonce) == 12
    assert len(blob) == crypto.HEADER_LEN + len(PLAINTEXT) + crypto.TAG_LEN


def test_production_params_meet_rfc9106_second_option() -> None:
    p = crypto.DEFAULT_PARAMS
    assert (p.memory_kib, p.iterations, p.lanes) == (64 * 1024, 3, 4)


def test_nfc_normalisation_makes_composed_and_decomposed_equal() -> None:
    composed = crypto.derive_key("cafe\u0301 ëï", params=CHEAP, salt=b"s" * 16)
    decomposed = crypto.derive_key("caf\u00e9 e\u0308i\u0308", params=CHEAP, salt=b"s" * 16)
    assert composed.enc_key == decomposed.enc_key


def test_empty_passphrase_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        crypto.derive_key("", params=CHEAP)


def test_key_repr_hides_secrets(key: crypto.VaultKey) -> None:
    text = repr(key)
    assert key.enc_key.hex() not in text
    assert "enc_key" not in text
    assert "salt" not in text


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda s: s != PASSPHRASE))
def test_any_wrong_passphrase_says_wrong_passphrase(blob: bytes, wrong: str) -> None:
    import unicodedata

    if unicodedata.normalize("NFC", wrong) == unicodedata.normalize("NFC", PASSPHRASE):
        return
    with pytest.raises(WrongPassphrase):
        crypto.open_sealed(wrong, blob)


def test_key_of_another_vault_says_wrong_passphrase(blob: bytes) -> None:
    other = crypto.derive_key(PASSPHRASE, params=CHEAP)  # same passphrase, other salt
    with pytest.raises(WrongPassphrase):
        crypto.open_sealed(other, blob)


def test_tampered_body_says_damaged(blob: bytes) -> None:
    bad = bytearray(blob)
    bad[crypto.HEADER_LEN + 3] ^= 0x01
    with pytest.raises(DamagedFile):
        crypto.open_sealed(PASSPHRASE, bytes(bad))


def test_every_single_bit_flip_is_rejected_and_never_blamed_on_the_passphrase(
    blob: bytes,
) -> None:
    """Goal 8: a 1-bit flip at every bit of a sample file is rejected, with the right kind."""
    seen: dict[str, int] = {}
    for index in range(len(blob)):
        for bit in range(8):
            bad = bytearray(blob)
            bad[index] ^= 1 << bit
            with pytest.raises(StorageError) as info:
                crypto.open_sealed(PASSPHRASE, bytes(bad))
            kind = type(info.value)
            assert kind is DamagedFile, (index, bit)  # damage anywhere: never "foreign"/"newer"
            seen[kind.__name__] = seen.get(kind.__name__, 0) + 1
    assert sum(seen.values()) == len(blob) * 8


def test_truncation_at_every_length_says_damaged(blob: bytes) -> None:
    for length in range(len(blob)):
        with pytest.raises(DamagedFile):
            crypto.open_sealed(PASSPHRASE, blob[:length])


@pytest.mark.parametrize(
    "foreign",
    [b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04" + b"\0" * 100, b'{"format": 1}', bytes(range(256))],
)
def test_foreign_files_say_not_a_vault(foreign: bytes) -> None:
    with pytest.raises(NotAVault):
        crypto.open_sealed(PASSPHRASE, foreign)


def test_newer_format_version_says_unsupported() -> None:
    newer = b"ZSVAULT\0\x03" + bytes(range(200))  # intact magic, a small newer version
    with pytest.raises(UnsupportedVersion):
        crypto.open_sealed(PASSPHRASE, newer)


def test_our_file_with_a_damaged_version_byte_is_damage_not_newer(blob: bytes) -> None:
    with pytest.raises(DamagedFile):
        crypto.open_sealed(PASSPHRASE, blob[:8] + b"\x03" + blob[9:])


def _forge(m: int, t: int, p: int) -> bytes:
    """A header with chosen KDF parameters and a *correct* checksum (a deliberate forgery)."""
    fields = struct.pack(
        ">8sBBIIB16sB12s16s", b"ZSVAULT\0", 1, 1, m, t, p, b"s" * 16, 1, b"n" * 12, b"c" * 16
    )
    return fields + hashlib.sha256(fields).digest()[:8] + b"x" * 32


@pytest.mark.parametrize(
    ("m", "t", "p"),
    [
        (2**31, 3, 4),  # 2 TiB
        (crypto.MAX_MEMORY_KIB + 1, 3, 4),
        (2**32 - 1, 2**32 - 1, 255),
        (65536, 11, 4),
        (65536, 0, 4),
        (65536, 3, 0),
        (65536, 3, 17),
        (7, 1, 1),  # below Argon2's own 8 KiB per lane
    ],
)
def test_out_of_bounds_params_are_rejected_before_any_derivation(
    monkeypatch: pytest.MonkeyPatch, m: int, t: int, p: int
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise AssertionError("key derivation must not run")

    monkeypatch.setattr(crypto, "derive_key", explode)
    with pytest.raises(DamagedFile):
        crypto.open_sealed(PASSPHRASE, _forge(m, t, p))


def test_in_bounds_forged_header_costs_one_derivation_then_says_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(WrongPassphrase):
        crypto.open_sealed(PASSPHRASE, _forge(8, 1, 1))


def test_params_constructor_bounds() -> None:
    with pytest.raises(ValueError, match="memory"):
        crypto.KdfParams(memory_kib=2 * crypto.MAX_MEMORY_KIB, iterations=3, lanes=4)
    assert crypto.KdfParams(8, 1, 1).weaker_than(crypto.DEFAULT_PARAMS)
    assert not crypto.DEFAULT_PARAMS.weaker_than(CHEAP)


def test_errors_have_distinct_dutch_and_english_messages() -> None:
    kinds = [WrongPassphrase, DamagedFile, NotAVault, UnsupportedVersion]
    dutch = {k().message("nl") for k in kinds}
    english = {k().message("en") for k in kinds}
    assert len(dutch) == len(english) == len(kinds)
    assert WrongPassphrase().message() == WrongPassphrase().message("nl")
    assert "wachtwoord" in WrongPassphrase().message("nl")
    assert "passphrase" in WrongPassphrase().message("en")


def test_self_test_passes() -> None:
    crypto.self_test()
