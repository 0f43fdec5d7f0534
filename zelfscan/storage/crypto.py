"""Passphrase encryption for the vault: Argon2id key derivation + AES-256-GCM.

Why this shape (reliability.md §2):

* **Argon2id**, production parameters :data:`DEFAULT_PARAMS` = m 64 MiB, t 3, p 4 (RFC 9106's
  second recommended option, well above OWASP's minimum of 19 MiB/t 2/p 1). Measured on the
  2-core development VM (cryptography 50.0.2, OpenSSL 4.0.3): median 0.13 s per derivation
  (0.10–0.14 s over 10 runs); ``seal`` of a 9 KB vault plus the atomic save: about 1 ms.
  The parameters are stored in each file, so they can be raised later without breaking
  old files.
* **Derive once, seal often.** :func:`derive_key` is the only slow step; the GUI runs it off
  the GUI thread at unlock and keeps the :class:`VaultKey`. :func:`seal` then costs well
  under a millisecond for a small vault, with a fresh random 96-bit nonce every time (NIST
  SP 800-38D allows 2^32 random nonces per key; a session uses a few thousand at most).
* **Wrong passphrase vs damaged file.** HKDF splits the Argon2 output into the AES key and a
  16-byte check value stored in the header. A check mismatch means the passphrase is wrong;
  a GCM failure after a matching check means the file was changed. A plain SHA-256 digest of
  the header catches accidental damage to the salt or parameters, which would otherwise look
  like a wrong passphrase. (A deliberate attacker can fix up that digest, but then the best
  they get is "wrong passphrase"; the GCM tag still protects the content.)

File layout, format version 2 (big-endian; the whole 80-byte header is the AEAD associated
data, so every field is authenticated with the content)::

    0   8  magic b"ZSVAULT\\0"        36  12  nonce (random per write)
    8   1  format version (2)         48  16  passphrase check value
    9   1  KDF id (1 = Argon2id)      64   8  generation (save counter, u64)
    10  4  memory KiB                 72   8  SHA-256(bytes 0..71)[:8]
    14  4  iterations                 80   …  ciphertext || 16-byte GCM tag
    18  1  lanes
    19 16  salt (random per vault)
    35  1  AEAD id (1 = AES-256-GCM)

Version 1 (still read; written until this version) is the same without the generation: its
checksum covers bytes 0..63 and sits at 64, the ciphertext starts at 72. The *generation*
goes up by one with every save, so a vault file can be compared with its backup copy:
:mod:`zelfscan.storage.vault` uses it to notice an older copy put back over the newer one.

Damage or foreign? :func:`read_header` says :class:`NotAVault` only for a file that is not
ours at all, :class:`UnsupportedVersion` only for a plausible newer file, and
:class:`DamagedFile` for everything else (so the backup is offered):

* magic different: ours with a damaged magic when at most two of its eight bytes differ, or
  when a header checksum of one of our layouts matches with the right magic put back
  (the rest of the header is intact); otherwise a foreign file;
* version byte above ours: "newer" only when the magic is intact, the version is a small
  number (up to :data:`MAX_PLAUSIBLE_VERSION`), the file is long enough for a header, and it
  is *not* one of our own files with that one byte damaged (its checksum with our version
  put back does not match); otherwise damage;
* any other field: the checksum (and for the content, the GCM tag) catches it.

Parameters read from a file are bounds-checked *before* deriving (m ≤ 1 GiB, t ≤ 10,
p ≤ 16), so a foreign or forged header can not make us allocate terabytes. Python can not
reliably wipe memory: keys live in ordinary ``bytes``; the GUI drops the key on auto-lock.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from zelfscan.storage.errors import (
    DamagedFile,
    NotAVault,
    UnsupportedVersion,
    WrongPassphrase,
)

MAGIC = b"ZSVAULT\0"
FORMAT_VERSION = 2
MAX_PLAUSIBLE_VERSION = 15
KDF_ARGON2ID = 1
AEAD_AES256GCM = 1
SALT_LEN = 16
NONCE_LEN = 12
CHECK_LEN = 16
DIGEST_LEN = 8
TAG_LEN = 16
_FIELDS_V1 = struct.Struct(">8sBBIIB16sB12s16s")  # everything before the v1 checksum
_FIELDS = struct.Struct(">8sBBIIB16sB12s16sQ")  # v2: the same plus the generation
_LAYOUTS = {1: _FIELDS_V1, 2: _FIELDS}
HEADER_LEN_V1 = _FIELDS_V1.size + DIGEST_LEN  # 72
HEADER_LEN = _FIELDS.size + DIGEST_LEN  # 80
MIN_BLOB_LEN = HEADER_LEN + TAG_LEN

MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 10
MAX_LANES = 16
_HKDF_INFO = b"zelfscan vault v1 keys"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Construction enforces the same bounds used when reading a header."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        if not 1 <= self.lanes <= MAX_LANES:
            raise ValueError("Argon2 lanes out of range")
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise ValueError("Argon2 iterations out of range")
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError("Argon2 memory out of range")

    def weaker_than(self, other: KdfParams) -> bool:
        """True if any cost is below ``other`` (then the vault is re-keyed on open)."""
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations


DEFAULT_PARAMS = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)


@dataclass(frozen=True)
class VaultKey:
    """A derived key plus what is needed to write a header that it can open again.

    ``repr`` hides the secret parts so a key never ends up in a log or a traceback.
    """

    enc_key: bytes = field(repr=False)
    check: bytes = field(repr=False)
    salt: bytes = field(repr=False)
    params: KdfParams


@dataclass(frozen=True)
class Header:
    version: int
    params: KdfParams
    salt: bytes
    nonce: bytes
    check: bytes
    generation: int | None = None
    """The save counter (version 2 on); ``None`` in a version 1 file."""
    length: int = HEADER_LEN
    """Bytes of header (the associated data); the ciphertext follows."""


def derive_key(
    passphrase: str, *, params: KdfParams = DEFAULT_PARAMS, salt: bytes | None = None
) -> VaultKey:
    """The slow step (Argon2id): run it off the GUI thread, once per unlock.

    The passphrase is NFC-normalised so the same passphrase typed on macOS and Windows
    gives the same key. A new random salt is made unless one is given (opening a file).
    """
    if not passphrase:
        raise ValueError("empty passphrase")
    if salt is None:
        salt = os.urandom(SALT_LEN)
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    master = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)
    okm = HKDF(hashes.SHA256(), 32 + CHECK_LEN, None, _HKDF_INFO).derive(master)
    return VaultKey(enc_key=okm[:32], check=okm[32:], salt=salt, params=params)


def _header_bytes(key: VaultKey, nonce: bytes, generation: int) -> bytes:
    p = key.params
    fields = _FIELDS.pack(
        MAGIC, FORMAT_VERSION, KDF_ARGON2ID, p.memory_kib, p.iterations, p.lanes,
        key.salt, AEAD_AES256GCM, nonce, key.check, generation,
    )  # fmt: skip
    return fields + hashlib.sha256(fields).digest()[:DIGEST_LEN]


def seal(key: VaultKey, plaintext: bytes, generation: int = 1) -> bytes:
    """Encrypt ``plaintext`` into a complete vault file image (fast: no key derivation).

    ``generation`` is the save counter written (authenticated) into the header."""
    if not 0 <= generation < 2**64:
        raise ValueError("generation out of range")
    nonce = os.urandom(NONCE_LEN)
    header = _header_bytes(key, nonce, generation)
    return header + AESGCM(key.enc_key).encrypt(nonce, plaintext, header)


def _digest_ok(blob: bytes, layout: struct.Struct, prefix: bytes) -> bool:
    """Whether ``blob`` has a valid checksum for ``layout`` once its first bytes are ``prefix``."""
    end = layout.size
    if len(blob) < end + DIGEST_LEN:
        return False
    fields = prefix + blob[len(prefix) : end]
    return hmac.compare_digest(
        hashlib.sha256(fields).digest()[:DIGEST_LEN], blob[end : end + DIGEST_LEN]
    )


def _ours_with_damaged_magic(blob: bytes) -> bool:
    head = blob[: len(MAGIC)]  # a truncated file is compared as far as it goes
    if sum(a != b for a, b in zip(head, MAGIC, strict=False)) <= 2:
        return True
    return any(
        _digest_ok(blob, layout, MAGIC + bytes([version])) for version, layout in _LAYOUTS.items()
    )


def _ours_with_damaged_version(blob: bytes) -> bool:
    return any(
        _digest_ok(blob, layout, MAGIC + bytes([version])) for version, layout in _LAYOUTS.items()
    )


def read_header(blob: bytes) -> Header:
    """Parse and check a header without any key derivation.

    Raises :class:`NotAVault` for foreign files, :class:`UnsupportedVersion` for plausible
    newer formats and :class:`DamagedFile` for truncated or corrupted ones (including
    parameters out of bounds, which a genuine file never has); see the module docstring.
    """
    if len(blob) < len(MAGIC) + 1:
        if _ours_with_damaged_magic(blob):
            raise DamagedFile("file shorter than a header")
        raise NotAVault("too short and not our magic")
    if blob[: len(MAGIC)] != MAGIC:
        if _ours_with_damaged_magic(blob):
            raise DamagedFile("magic damaged")
        raise NotAVault("magic bytes do not match")
    version = blob[len(MAGIC)]
    layout = _LAYOUTS.get(version)
    if layout is None:
        if (
            FORMAT_VERSION < version <= MAX_PLAUSIBLE_VERSION
            and len(blob) >= MIN_BLOB_LEN
            and not _ours_with_damaged_version(blob)
        ):
            raise UnsupportedVersion(f"format version {version}")
        raise DamagedFile(f"format version byte damaged ({version})")
    length = layout.size + DIGEST_LEN
    if len(blob) < length + TAG_LEN:
        raise DamagedFile("file truncated")
    if not _digest_ok(blob, layout, b""):
        raise DamagedFile("header checksum mismatch")
    values = layout.unpack(blob[: layout.size])
    _, _, kdf_id, m, t, p, salt, aead_id, nonce, check = values[:10]
    generation = values[10] if version >= 2 else None
    if kdf_id != KDF_ARGON2ID or aead_id != AEAD_AES256GCM:
        raise DamagedFile("unknown algorithm id")
    try:
        params = KdfParams(memory_kib=m, iterations=t, lanes=p)
    except ValueError as exc:
        raise DamagedFile(str(exc)) from None
    return Header(version, params, salt, nonce, check, generation, length)


def open_sealed(secret: str | VaultKey, blob: bytes) -> tuple[bytes, VaultKey]:
    """Decrypt a vault file image with a passphrase (slow) or a held key (fast).

    Returns the plaintext and the key, so the caller can keep saving without deriving again.
    Raises :class:`WrongPassphrase` when the key does not fit, :class:`DamagedFile` when it
    fits but the content was changed, plus the errors of :func:`read_header`.
    """
    header = read_header(blob)
    if isinstance(secret, VaultKey):
        key = secret
        if key.salt != header.salt or key.params != header.params:
            raise WrongPassphrase("held key belongs to another vault")
    else:
        key = derive_key(secret, params=header.params, salt=header.salt)
    if not hmac.compare_digest(key.check, header.check):
        raise WrongPassphrase("check value mismatch")
    try:
        plaintext = AESGCM(key.enc_key).decrypt(
            header.nonce, blob[header.length :], blob[: header.length]
        )
    except InvalidTag:
        raise DamagedFile("authentication tag mismatch") from None
    return plaintext, key


def self_test() -> None:
    """Refuse to run on a ``cryptography`` build without Argon2 (old system OpenSSL).

    Cheap parameters on purpose: this checks availability, not strength.
    """
    key = derive_key("self-test", params=KdfParams(memory_kib=8, iterations=1, lanes=1))
    if open_sealed(key, seal(key, b"ok"))[0] != b"ok":
        raise RuntimeError("encryption self-test failed")
