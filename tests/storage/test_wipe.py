"""Alles wissen: everything the app made goes, the user's own questionnaires stay (by default)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.storage.conftest import CHEAP, PASSPHRASE
from zelfscan.storage.atomic import TEMP_PREFIX, backup_path
from zelfscan.storage.settings import Settings, save_settings
from zelfscan.storage.vault import Vault
from zelfscan.storage.wipe import WipeIncomplete, plan_wipe, wipe_everything
from zelfscan.userdirs import UserDirs, ensure, user_dirs


@pytest.fixture
def filled(tmp_path: Path, dirs: UserDirs) -> UserDirs:
    vault = Vault.create(dirs.vault_file, PASSPHRASE, params=CHEAP)
    vault.save()  # creates vault.zsv.bak
    save_settings(dirs.settings_file, Settings(language="en"))
    ensure(dirs.logs)
    (dirs.logs / "zelfscan.log").write_text("started\n", encoding="utf-8")
    (dirs.logs / "crash").mkdir()
    (dirs.logs / "crash" / "faulthandler.txt").write_text("trace", encoding="utf-8")
    (dirs.data / f"{TEMP_PREFIX}x.tmp").write_bytes(b"ciphertext")
    ensure(dirs.questionnaires)
    (dirs.questionnaires / "gemeente.yaml").write_text("id: gemeente\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("not ours", encoding="utf-8")
    (dirs.data / "link-out").symlink_to(outside)
    return dirs


def _all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if not p.is_dir() or p.is_symlink())


def test_plan_lists_what_goes_and_what_stays(filled: UserDirs) -> None:
    plan = plan_wipe(filled)
    assert plan.locations == [filled.config, filled.data, filled.questionnaires, filled.logs]
    assert filled.vault_file in plan.delete
    assert backup_path(filled.vault_file) in plan.delete
    assert filled.settings_file in plan.delete
    assert filled.logs in plan.delete
    assert plan.keep == [filled.questionnaires / "gemeente.yaml"]
    assert filled.data not in plan.delete  # it still holds the kept questionnaires
    assert all(filled.home is not None and p.is_relative_to(filled.home) for p in plan.delete)


def test_wipe_removes_everything_but_user_questionnaires(tmp_path: Path, filled: UserDirs) -> None:
    assert filled.home is not None
    removed = wipe_everything(filled)
    left = _all_files(filled.home)
    assert left == [filled.questionnaires / "gemeente.yaml"]
    assert not filled.config.exists()
    assert not filled.logs.exists()
    assert filled.vault_file in removed
    assert (tmp_path / "outside" / "precious.txt").exists()  # symlink removed, not followed


def test_wipe_can_include_questionnaires(filled: UserDirs) -> None:
    assert filled.home is not None
    wipe_everything(filled, include_questionnaires=True)
    assert _all_files(filled.home) == []
    assert not filled.data.exists()
    assert filled.home.exists()  # the folder the user pointed --home at stays


def test_wipe_of_nothing_is_fine(dirs: UserDirs) -> None:
    assert wipe_everything(dirs) == []


def test_wipe_keeps_going_and_reports_what_failed(
    filled: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlink = os.unlink

    def locked(path: str | Path, *args: object, **kwargs: object) -> None:
        if Path(path).name == "zelfscan.log":
            raise PermissionError(13, "in use")
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", locked)
    with pytest.raises(WipeIncomplete) as info:
        wipe_everything(filled)
    assert info.value.failed == [filled.logs / "zelfscan.log"]
    assert filled.vault_file in info.value.removed
    assert not filled.vault_file.exists()
    assert "gewist" in info.value.message("nl")


def test_windows_like_layout_with_logs_inside_data(tmp_path: Path) -> None:
    base = tmp_path / "Local" / "zelfscan"
    d = UserDirs(config=base, data=base, logs=base / "Logs", questionnaires=base / "questionnaires")
    ensure(d.logs)
    (d.logs / "a.log").write_text("x", encoding="utf-8")
    d.vault_file.write_bytes(b"v")
    wipe_everything(d)
    assert not base.exists()  # nothing kept, so even the app folder goes


def test_platformdirs_app_parent_removed_when_empty(tmp_path: Path) -> None:
    state = tmp_path / "state" / "zelfscan"
    d = UserDirs(
        config=tmp_path / "config" / "zelfscan",
        data=tmp_path / "share" / "zelfscan",
        logs=state / "log",
        questionnaires=tmp_path / "share" / "zelfscan" / "questionnaires",
    )
    ensure(d.logs)
    (d.logs / "a.log").write_text("x", encoding="utf-8")
    removed = wipe_everything(d)
    assert not state.exists()
    assert state in removed
    assert (tmp_path / "state").exists()  # not ours


def test_home_layout_from_user_dirs(tmp_path: Path) -> None:
    d = user_dirs(tmp_path / "h")
    ensure(d.config)
    assert wipe_everything(d) == [d.config]


def test_a_sharing_violation_is_retried_then_deleted(
    filled: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: a virus scanner holds the just-closed log for a moment; the delete waits."""
    real_unlink = os.unlink
    refusals = {"zelfscan.log": 3}
    pauses: list[float] = []

    def busy(path: str | Path, *args: object, **kwargs: object) -> None:
        name = Path(path).name
        if refusals.get(name, 0) > 0:
            refusals[name] -= 1
            raise PermissionError(32, "The process cannot access the file")
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", busy)
    removed = wipe_everything(filled, retries=(0.05, 0.1, 0.2, 0.4), sleep=pauses.append)
    assert filled.logs / "zelfscan.log" in removed
    assert pauses == [0.05, 0.1, 0.2]  # three refusals, three growing pauses, no real waiting
    assert not filled.logs.exists()


def test_a_file_that_stays_in_use_is_named_with_the_likely_causes(
    filled: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlink = os.unlink
    pauses: list[float] = []

    def held(path: str | Path, *args: object, **kwargs: object) -> None:
        if Path(path).name == "vault.zsv.bak":
            raise PermissionError(32, "The process cannot access the file")
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", held)
    with pytest.raises(WipeIncomplete) as info:
        wipe_everything(filled, retries=(0.05, 0.1), sleep=pauses.append)
    assert info.value.failed == [backup_path(filled.vault_file)]
    assert pauses == [0.05, 0.1]  # the file, not also its folder (not empty because of it)
    assert not filled.vault_file.exists()
    assert not filled.settings_file.exists()
    for lang, words in (("nl", "pdf-lezer"), ("en", "PDF viewer")):
        assert words in info.value.message(lang)
