"""The vault: round trips, strict content validation, re-scan lookup, export and import."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.osaware import assert_mode
from tests.storage.conftest import CHEAP, PASSPHRASE
from zelfscan.storage import crypto
from zelfscan.storage.atomic import backup_path
from zelfscan.storage.errors import (
    DamagedFile,
    NotAVault,
    StorageIOError,
    UnsupportedVersion,
    WrongPassphrase,
)
from zelfscan.storage.vault import Scan, Vault
from zelfscan.userdirs import UserDirs

CANARY = "CANARY-reservesleutel-in-bloembak"


def _scan(q: str = "veilige-woning", started: str = "2026-01-01T10:00:00+00:00", **kw: Any) -> Scan:
    base = Scan.new(q, "2026.1")
    return dataclasses.replace(base, started=started, updated=started, **kw)


@pytest.fixture
def vault(dirs: UserDirs) -> Vault:
    return Vault.create(dirs.vault_file, PASSPHRASE, params=CHEAP)


def test_create_makes_owner_only_folder_and_file(dirs: UserDirs, vault: Vault) -> None:
    assert dirs.vault_file.exists()
    assert_mode(dirs.vault_file, 0o600)
    assert_mode(dirs.data, 0o700)
    assert Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP).scans() == []


def test_create_never_overwrites(dirs: UserDirs, vault: Vault) -> None:
    with pytest.raises(FileExistsError):
        Vault.create(dirs.vault_file, "other passphrase", params=CHEAP)


def test_round_trip_of_every_field(dirs: UserDirs, vault: Vault) -> None:
    scan = _scan(
        answers={"woningtype": "eengezinswoning", "maatregel": ["skg3"], "notitie": CANARY},
        position="sectie-deuren",
        plan={"advies-slot": "gedaan", "advies-licht": "gepland", "advies-hond": "nvt"},
        finished=True,
    )  # fmt: skip
    vault.add(scan)
    vault.set_setting("laatste-vragenlijst", "veilige-woning")
    vault.save()
    again = Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)
    assert again.get(scan.id) == scan
    assert again.settings == {"laatste-vragenlijst": "veilige-woning"}
    raw = dirs.vault_file.read_bytes() + backup_path(dirs.vault_file).read_bytes()
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        assert CANARY.encode(encoding) not in raw


def test_wrong_passphrase_and_missing_file(dirs: UserDirs, vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.open(dirs.vault_file, "not it", params=CHEAP)
    with pytest.raises(FileNotFoundError):
        Vault.open(dirs.data / "absent.zsv", PASSPHRASE, params=CHEAP)


def test_damaged_file_can_be_recovered_from_backup(dirs: UserDirs, vault: Vault) -> None:
    first = _scan()
    vault.add(first)
    vault.save()
    vault.add(_scan(started="2026-02-01T10:00:00+00:00"))
    vault.save()
    blob = bytearray(dirs.vault_file.read_bytes())
    blob[-5] ^= 0xFF
    dirs.vault_file.write_bytes(bytes(blob))
    with pytest.raises(DamagedFile):
        Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)
    restored = Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP, from_backup=True)
    assert [s.id for s in restored.scans()] == [first.id]
    restored.save()  # repairs the main file
    assert len(Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP).scans()) == 1


def test_save_failure_is_a_storage_error_and_keeps_old_file(
    dirs: UserDirs, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dirs.vault_file.read_bytes()
    vault.add(_scan())

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageIOError) as info:
        vault.save()
    monkeypatch.undo()
    assert vault.dirty
    assert "schijf vol" in info.value.message("nl")
    assert dirs.vault_file.read_bytes() == before


def test_mutators_validate_and_copy(vault: Vault) -> None:
    chosen = ["x"]
    scan = _scan(answers={"a": chosen})
    vault.add(scan)
    chosen.append("sneaky")  # the caller's object is not the vault's
    assert vault.get(scan.id).answers == {"a": ["x"]}
    with pytest.raises(ValueError, match="already"):
        vault.add(scan)
    with pytest.raises(KeyError):
        vault.update(_scan())
    bad = [
        dataclasses.replace(scan, answers={"a": 3}),  # type: ignore[dict-item]
        dataclasses.replace(scan, answers={"Hoofdletter": "x"}),
        dataclasses.replace(scan, plan={"advies": "misschien"}),
        dataclasses.replace(scan, started="gisteren"),
        dataclasses.replace(scan, updated="2026-01-01T10:00:00"),  # no timezone
        dataclasses.replace(scan, position="x" * 201),
    ]
    for item in bad:
        with pytest.raises(ValueError, match="invalid scan"):
            vault.update(item)
    vault.delete(scan.id)
    assert vault.scans() == []


def test_latest_finished_for_rescan_comparison(vault: Vault) -> None:
    old = _scan(started="2025-01-01T09:00:00+00:00", finished=True)
    mid = _scan(started="2025-06-01T09:00:00+02:00", finished=True)
    unfinished = _scan(started="2025-09-01T09:00:00+00:00")
    other_q = _scan(q="persoonlijke-veiligheid", started="2025-10-01T09:00:00+00:00", finished=True)
    new = _scan(started="2026-01-01T09:00:00+00:00", finished=True)
    for s in (new, unfinished, old, other_q, mid):
        vault.add(s)
    assert vault.latest_finished("veilige-woning") == new
    assert vault.latest_finished("veilige-woning", before=new.id) == mid
    assert vault.latest_finished("veilige-woning", before=mid.id) == old
    assert vault.latest_finished("veilige-woning", before=old.id) is None
    assert vault.latest_finished("onbekend") is None
    assert [s.id for s in vault.scans("veilige-woning")] == [old.id, mid.id, unfinished.id, new.id]


def _reseal(path: Path, doc: object) -> None:
    """Write content a buggy or newer app might have written, with a valid key and tag."""
    _, key = crypto.open_sealed(PASSPHRASE, path.read_bytes())
    path.write_bytes(crypto.seal(key, json.dumps(doc).encode()))


GOOD_SCAN = {
    "id": "8f14e45f-ceea-467f-a0e6-4b2b1f1f6c1e", "questionnaire": "veilige-woning",
    "version": "1", "started": "2026-01-01T10:00:00+00:00",
    "updated": "2026-01-01T10:00:00+00:00", "finished": False, "answers": {},
    "position": None, "plan": {},
}  # fmt: skip


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"format": 1, "scans": []},
        {"format": 1, "scans": [], "settings": {}, "extra": 1},
        {"format": True, "scans": [], "settings": {}},
        {"format": 0, "scans": [], "settings": {}},
        {"format": 1, "scans": {}, "settings": {}},
        {"format": 1, "scans": [], "settings": []},
        {"format": 1, "scans": [], "settings": {"a": [1]}},
        {"format": 1, "scans": [1], "settings": {}},
        {"format": 1, "scans": [GOOD_SCAN, GOOD_SCAN], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "id": "not-a-uuid"}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "id": GOOD_SCAN["id"].upper()}], "settings": {}},  # type: ignore[attr-defined]
        {"format": 1, "scans": [{**GOOD_SCAN, "id": 5}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "finished": 1}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "answers": {"a": None}}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "answers": {"a": ["x", 2]}}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "plan": {"a": "klaar"}}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "plan": {"a": []}}], "settings": {}},  # fuzz find
        {"format": 1, "scans": [{**GOOD_SCAN, "started": None}], "settings": {}},
        {"format": 1, "scans": [{**GOOD_SCAN, "version": 2}], "settings": {}},
        {"format": 1, "scans": [{k: v for k, v in GOOD_SCAN.items() if k != "plan"}],
         "settings": {}},
    ],
)  # fmt: skip
def test_unexpected_content_is_damaged_not_a_traceback(
    dirs: UserDirs, vault: Vault, doc: object
) -> None:
    _reseal(dirs.vault_file, doc)
    with pytest.raises(DamagedFile):
        Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)


def test_valid_hand_written_content_opens(dirs: UserDirs, vault: Vault) -> None:
    _reseal(dirs.vault_file, {"format": 1, "scans": [GOOD_SCAN], "settings": {"x": 1.5}})
    assert len(Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP).scans()) == 1


def test_non_json_and_nan_content_is_damaged(dirs: UserDirs, vault: Vault) -> None:
    _, key = crypto.open_sealed(PASSPHRASE, dirs.vault_file.read_bytes())
    for plaintext in (b"\xff\xfe", b"{", b'{"format": NaN}', b"[" * 100_000):
        dirs.vault_file.write_bytes(crypto.seal(key, plaintext))
        with pytest.raises(DamagedFile):
            Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)


def test_newer_content_format_is_unsupported(dirs: UserDirs, vault: Vault) -> None:
    _reseal(dirs.vault_file, {"format": 2, "scans": [], "settings": {}, "new": True})
    with pytest.raises(UnsupportedVersion):
        Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)


def test_foreign_file_is_not_a_vault(dirs: UserDirs, vault: Vault) -> None:
    dirs.vault_file.write_bytes(b"%PDF-1.7\n" + b"x" * 500)
    with pytest.raises(NotAVault):
        Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)


def test_export_import_round_trip_and_merge(tmp_path: Path, dirs: UserDirs, vault: Vault) -> None:
    shared = _scan(answers={"a": "oud"})
    only_here = _scan(q="persoonlijke-veiligheid")
    vault.add(shared)
    vault.add(only_here)
    stick = tmp_path / "usb" / "zelfscan-export.zsv"
    stick.parent.mkdir()
    vault.export_to(stick)
    assert_mode(stick, 0o600)

    laptop = Vault.create(tmp_path / "laptop2" / "vault.zsv", "other laptop", params=CHEAP)
    newer = dataclasses.replace(shared, answers={"a": "nieuw"}, updated="2026-03-01T00:00:00+00:00")
    laptop.add(newer)
    result = laptop.import_from(stick, PASSPHRASE)
    assert (result.added, result.replaced, result.kept) == (1, 0, 1)
    assert laptop.get(shared.id).answers == {"a": "nieuw"}  # ours was newer
    assert laptop.get(only_here.id) == only_here

    back = vault.import_from(_export(laptop, tmp_path / "back.zsv"), "other laptop")
    assert (back.added, back.replaced, back.kept) == (0, 1, 1)
    assert vault.get(shared.id).answers == {"a": "nieuw"}
    assert vault.dirty


def _export(vault: Vault, path: Path) -> Path:
    vault.export_to(path)
    return path


def test_export_with_its_own_passphrase(tmp_path: Path, vault: Vault) -> None:
    vault.add(_scan())
    key = crypto.derive_key("export-only", params=CHEAP)
    vault.export_to(tmp_path / "e.zsv", key)
    with pytest.raises(WrongPassphrase):
        vault.import_from(tmp_path / "e.zsv", PASSPHRASE)
    assert vault.import_from(tmp_path / "e.zsv", "export-only").kept == 1


def test_import_errors(tmp_path: Path, vault: Vault) -> None:
    with pytest.raises(StorageIOError):
        vault.import_from(tmp_path / "missing.zsv", PASSPHRASE)
    (tmp_path / "notes.txt").write_text("boodschappen", encoding="utf-8")
    with pytest.raises(NotAVault):
        vault.import_from(tmp_path / "notes.txt", PASSPHRASE)


def test_weak_file_params_are_upgraded_on_next_save(dirs: UserDirs, vault: Vault) -> None:
    stronger = crypto.KdfParams(memory_kib=16, iterations=2, lanes=1)
    opened = Vault.open(dirs.vault_file, PASSPHRASE, params=stronger)
    assert opened.dirty
    opened.save()
    assert crypto.read_header(dirs.vault_file.read_bytes()).params == stronger
    assert not Vault.open(dirs.vault_file, PASSPHRASE, params=stronger).dirty


def test_change_passphrase(dirs: UserDirs, vault: Vault) -> None:
    vault.change_passphrase("nieuw wachtwoord", params=CHEAP)
    vault.save()
    with pytest.raises(WrongPassphrase):
        Vault.open(dirs.vault_file, PASSPHRASE, params=CHEAP)
    Vault.open(dirs.vault_file, "nieuw wachtwoord", params=CHEAP)


def test_close_drops_key_and_data(vault: Vault) -> None:
    vault.add(_scan())
    vault.close()
    assert vault.scans() == []
    with pytest.raises(RuntimeError, match="closed"):
        vault.save()
