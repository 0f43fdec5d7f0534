"""Classes 6-8 (vault header damage, silent data loss, rollback, read-only, crafted content).

Generated: damage of any value at every header offset; every combination of what can be at
the vault path and the backup path; decrypted payloads with hostile numbers and types. The
invariant throughout: a clear StorageError (never anything else), and the newest good copy
of the user's scans is never lost.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.osaware import assert_mode
from tests.storage.conftest import CHEAP, PASSPHRASE
from zelfscan.storage import crypto
from zelfscan.storage.atomic import backup_path
from zelfscan.storage.content import decode
from zelfscan.storage.errors import (
    BackupOnly,
    DamagedFile,
    NotAVault,
    ReadOnlyVault,
    RolledBack,
    StorageError,
    UnsupportedVersion,
)
from zelfscan.storage.vault import ReplacedByBackup, Scan, Vault

FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _with_scans(path: Path, count: int) -> Vault:
    vault = Vault.create(path, PASSPHRASE, params=CHEAP)
    for _ in range(count):
        vault.add(Scan.new("veilige-woning", "1"))
        vault.save()
    return vault


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """(main, backup) images of a vault saved three times."""
    path = tmp_path_factory.mktemp("sample") / "vault.zsv"
    _with_scans(path, 3)
    return path.read_bytes(), backup_path(path).read_bytes()


@FAST
@given(offset=st.integers(0, crypto.HEADER_LEN - 1), xor=st.integers(1, 255))
def test_header_damage_anywhere_is_damage_and_the_backup_opens(
    tmp_path: Path, sample: tuple[bytes, bytes], offset: int, xor: int
) -> None:
    main, backup = sample
    folder = tmp_path / f"d{offset}-{xor}"
    folder.mkdir()
    path = folder / "vault.zsv"
    damaged = bytearray(main)
    damaged[offset] ^= xor
    path.write_bytes(bytes(damaged))
    backup_path(path).write_bytes(backup)
    with pytest.raises(DamagedFile):
        Vault.open(path, PASSPHRASE, params=CHEAP)
    restored = Vault.open(path, PASSPHRASE, params=CHEAP, from_backup=True)
    assert len(restored.scans()) == 2
    restored.save()  # repairs the main file; the backup stays the last good copy
    assert backup_path(path).read_bytes() == backup
    assert (folder / "vault.zsv.damaged").read_bytes() == bytes(damaged)
    assert len(Vault.open(path, PASSPHRASE, params=CHEAP).scans()) == 2


@FAST
@given(junk=st.binary(min_size=0, max_size=300))
def test_any_bytes_give_one_of_our_errors(junk: bytes) -> None:
    with pytest.raises(StorageError):
        crypto.open_sealed(PASSPHRASE, junk)


MAIN_STATES = ["missing", "good", "damaged", "older", "same-as-backup", "foreign", "read-only"]
BACKUP_STATES = ["missing", "good", "damaged"]


def _setup(folder: Path, main_state: str, backup_state: str) -> tuple[Path, int]:
    """Build the files; return the vault path and how many scans the newest good copy has."""
    path = folder / "vault.zsv"
    vault = _with_scans(path, 3)  # main: 3 scans (gen 4), backup: 2 scans (gen 3)
    newest = 3
    old_main = path.read_bytes()
    if main_state == "older":  # save twice more, then put the older copy back
        vault.save()
        vault.add(Scan.new("veilige-woning", "1"))
        vault.save()  # main 4 scans (gen 6), backup 3 scans (gen 5)
        path.write_bytes(old_main)  # 3 scans, gen 4 (the 4-scan save is gone from the disk)
    old_backup = backup_path(path).read_bytes()
    if backup_state == "missing":
        backup_path(path).unlink()
    elif backup_state == "damaged":
        backup_path(path).write_bytes(old_backup[:40] + b"\xff" + old_backup[41:])
    if main_state == "missing":
        path.unlink()
        newest = 2 if backup_state == "good" else 0
    elif main_state == "damaged":
        path.write_bytes(old_main[:20] + b"\x00" + old_main[21:])
        newest = 2 if backup_state == "good" else 0
    elif main_state == "same-as-backup":
        if backup_state == "good":
            shutil.copyfile(backup_path(path), path)
            newest = 2
    elif main_state == "foreign":
        path.write_bytes(b"%PDF-1.7\n" + bytes(300))
        newest = 2 if backup_state == "good" else 0
    elif main_state == "read-only":
        path.chmod(0o400)
    return path, newest


def _session(path: Path) -> tuple[Vault | None, list[str]]:
    """What the app does: restore when only the backup is there, open, offer the backup on
    damage / rollback / a foreign file; never create over a backup. Returns what was said."""
    said: list[str] = []
    try:
        if not path.exists() and backup_path(path).exists():
            said.append("restore")
            return Vault.open(path, PASSPHRASE, params=CHEAP, from_backup=True), said
        if not path.exists():
            return Vault.create(path, PASSPHRASE, params=CHEAP), said
        vault = Vault.open(path, PASSPHRASE, params=CHEAP)
        if isinstance(vault.notice, ReplacedByBackup):
            said.append("ReplacedByBackup")
        return vault, said
    except (DamagedFile, RolledBack, NotAVault) as exc:
        said.append(type(exc).__name__)
        if not backup_path(path).exists():
            return None, said
        try:
            return Vault.open(path, PASSPHRASE, params=CHEAP, from_backup=True), said
        except StorageError as again:
            said.append(type(again).__name__)
            return None, said


@pytest.mark.parametrize("backup_state", BACKUP_STATES)
@pytest.mark.parametrize("main_state", MAIN_STATES)
def test_every_combination_keeps_the_newest_good_copy(
    tmp_path: Path, main_state: str, backup_state: str
) -> None:
    path, newest = _setup(tmp_path, main_state, backup_state)
    vault, said = _session(path)
    if main_state == "older" and backup_state == "good":
        assert "RolledBack" in said
    if main_state == "same-as-backup" and backup_state == "good":
        assert said == ["ReplacedByBackup"]
    if main_state == "missing" and backup_state == "good":
        assert said == ["restore"]
    if vault is None:
        assert newest == 0 or backup_state != "good"
        return
    assert len(vault.scans()) >= newest
    before = path.read_bytes() if path.exists() else None
    vault.add(Scan.new("veilige-woning", "1"))
    if main_state == "read-only":
        with pytest.raises(ReadOnlyVault):
            vault.save()
        assert path.read_bytes() == before
        assert_mode(path, 0o400)
        return
    vault.save()
    vault.save()
    again = Vault.open(path, PASSPHRASE, params=CHEAP)
    assert len(again.scans()) >= newest + 1
    assert again.notice is None


def test_a_new_vault_is_never_made_over_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "vault.zsv"
    _with_scans(path, 2)
    path.unlink()
    with pytest.raises(BackupOnly):
        Vault.create(path, PASSPHRASE, params=CHEAP)
    assert len(Vault.open(path, PASSPHRASE, params=CHEAP, from_backup=True).scans()) == 1


def test_an_interrupted_save_is_not_mistaken_for_a_rollback(tmp_path: Path) -> None:
    path = tmp_path / "vault.zsv"
    _with_scans(path, 2)
    backup_path(path).unlink()
    os.link(path, backup_path(path))  # what a kill between the link and the rename leaves
    assert Vault.open(path, PASSPHRASE, params=CHEAP).notice is None


def test_a_version_1_file_still_opens_and_is_upgraded(tmp_path: Path) -> None:
    import hashlib
    import struct

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = crypto.derive_key(PASSPHRASE, params=CHEAP)
    fields = struct.pack(
        ">8sBBIIB16sB12s16s", crypto.MAGIC, 1, 1, CHEAP.memory_kib, CHEAP.iterations,
        CHEAP.lanes, key.salt, 1, b"n" * 12, key.check,
    )  # fmt: skip
    header = fields + hashlib.sha256(fields).digest()[:8]
    content = b'{"format":1,"scans":[],"settings":{}}'
    path = tmp_path / "vault.zsv"
    path.write_bytes(header + AESGCM(key.enc_key).encrypt(b"n" * 12, content, header))
    vault = Vault.open(path, PASSPHRASE, params=CHEAP)
    vault.save()
    assert crypto.read_header(path.read_bytes()).generation == 1


hostile_numbers = st.one_of(
    st.integers(41, 5000).map(lambda n: "9" * n),
    st.sampled_from(["1e999", "-1e999", "NaN", "Infinity", "9007199254740993", "1.5e308"]),
)
hostile_values = st.one_of(
    hostile_numbers,
    st.sampled_from(['"x"', "[]", "{}", "null", "true", "[1, [2, [3]]]", '"' + "a" * 50 + '"']),
)
SLOTS = [
    '{"format": %s, "scans": [], "settings": {}}',
    '{"format": 1, "scans": [], "settings": {"x": %s}}',
    '{"format": 1, "scans": %s, "settings": {}}',
    '{"format": 1, "scans": [%s], "settings": {}}',
    '{"format": 1, "scans": [], "settings": %s}',
    '{"format": 1, "scans": [{"id": "5f0c6f0e-9c1e-4d43-9a51-0d9c9f3b8f11", "questionnaire": "q",'
    ' "version": "1", "started": %s, "updated": "2026-01-01T00:00:00+00:00", "finished": false,'
    ' "answers": {}, "position": null, "plan": {}}], "settings": {}}',
    '{"format": 1, "scans": [{"id": "5f0c6f0e-9c1e-4d43-9a51-0d9c9f3b8f11", "questionnaire": "q",'
    ' "version": "1", "started": "2026-01-01T00:00:00+00:00", "updated":'
    ' "2026-01-01T00:00:00+00:00", "finished": %s, "answers": {"a": %s}, "position": null,'
    ' "plan": {}}], "settings": {}}',
]


@settings(max_examples=80, deadline=None)
@given(slot=st.sampled_from(SLOTS), value=hostile_values, other=hostile_values)
def test_crafted_content_is_damaged_or_newer_never_a_traceback(
    slot: str, value: str, other: str
) -> None:
    text = slot % ((value, other) if slot.count("%s") == 2 else (value,))
    try:
        scans, settings_ = decode(text.encode())
    except (DamagedFile, UnsupportedVersion):
        return
    json.dumps({"settings": settings_}, allow_nan=False)  # whatever opened can be saved again
    assert all(isinstance(s, Scan) for s in scans.values())


def test_a_crafted_export_is_refused_as_damaged(tmp_path: Path) -> None:
    key = crypto.derive_key(PASSPHRASE, params=CHEAP)
    crafted = tmp_path / "export.zsv"
    payload = b'{"format": 1, "scans": [], "settings": {"x": ' + b"9" * 5000 + b"}}"
    crafted.write_bytes(crypto.seal(key, payload))
    vault = Vault.create(tmp_path / "vault.zsv", PASSPHRASE, params=CHEAP)
    with pytest.raises(DamagedFile):
        vault.import_from(crafted, PASSPHRASE)


def test_read_only_refusal_keeps_file_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "vault.zsv"
    vault = _with_scans(path, 1)
    path.chmod(0o444)
    before = path.read_bytes()
    vault.add(dataclasses.replace(Scan.new("veilige-woning", "1")))
    with pytest.raises(ReadOnlyVault) as caught:
        vault.save()
    assert "alleen-lezen" in caught.value.message("nl")
    assert path.read_bytes() == before
    assert_mode(path, 0o444)
