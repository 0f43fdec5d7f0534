"""Settings: typed, owner-only, and a broken file never stops the app (nor leaks into logs)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from tests.osaware import assert_mode
from zelfscan.storage.settings import Settings, load_settings, save_settings
from zelfscan.userdirs import UserDirs


def test_defaults_are_the_safe_choices() -> None:
    s = Settings()
    assert (s.language, s.text_scale, s.auto_lock_minutes, s.storage_mode) == (
        "nl",
        1.0,
        10,
        "memory",
    )


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "absent.json") == Settings()


def test_round_trip_owner_only(dirs: UserDirs) -> None:
    chosen = Settings(
        language="en",
        text_scale=2.0,
        auto_lock_minutes=0,
        storage_mode="vault",
        window=(10, 20, 1000, 640),
    )
    save_settings(dirs.settings_file, chosen)
    assert load_settings(dirs.settings_file) == chosen
    assert_mode(dirs.settings_file, 0o600)
    assert_mode(dirs.config, 0o700)
    doc = json.loads(dirs.settings_file.read_text(encoding="utf-8"))
    assert doc["schema_version"] == 1
    assert set(doc) == {"schema_version", "language", "text_scale", "auto_lock_minutes",
                        "storage_mode", "window"}  # fmt: skip


@pytest.mark.parametrize(
    "kwargs",
    [
        {"language": "de"},
        {"text_scale": 2.5},
        {"text_scale": 0.5},
        {"text_scale": True},
        {"auto_lock_minutes": -1},
        {"auto_lock_minutes": 10.0},
        {"storage_mode": "cloud"},
        {"window": (0, 0, 0, 600)},
        {"window": (0, 0, 800)},
        {"window": (0, 0, 800.5, 600)},
    ],
)
def test_invalid_values_are_refused_when_constructed(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="invalid settings"):
        Settings(**kwargs)  # type: ignore[arg-type]


CANARY = "geheim-adres-dorpsstraat-12"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b"null",
        b"[" * 50_000,
        b" " * (70 * 1024),
        ('{"language": "' + CANARY).encode(),
    ],
)
def test_corrupt_file_falls_back_to_defaults_without_logging_content(
    dirs: UserDirs, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    dirs.config.mkdir(parents=True)
    dirs.settings_file.write_bytes(content)
    with caplog.at_level(logging.DEBUG):
        assert load_settings(dirs.settings_file) == Settings()
    assert caplog.records  # the fallback is logged...
    assert CANARY not in caplog.text  # ...without the file's content


def test_bad_fields_fall_back_one_by_one(dirs: UserDirs, caplog: pytest.LogCaptureFixture) -> None:
    dirs.config.mkdir(parents=True)
    doc = {"schema_version": 1, "language": "en", "text_scale": CANARY,
           "auto_lock_minutes": 30, "storage_mode": "cloud", "unknown": CANARY}  # fmt: skip
    dirs.settings_file.write_text(json.dumps(doc), encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        loaded = load_settings(dirs.settings_file)
    assert loaded == Settings(language="en", auto_lock_minutes=30)
    assert "text_scale" in caplog.text
    assert CANARY not in caplog.text


def test_newer_schema_keeps_known_fields_and_int_scale(dirs: UserDirs) -> None:
    dirs.config.mkdir(parents=True)
    dirs.settings_file.write_text(
        json.dumps({"schema_version": 7, "text_scale": 2, "x": 1}), encoding="utf-8"
    )
    assert load_settings(dirs.settings_file) == Settings(text_scale=2.0)


def test_unreadable_file_gives_defaults(dirs: UserDirs) -> None:
    dirs.settings_file.mkdir(parents=True)  # a folder where the file should be
    assert load_settings(dirs.settings_file) == Settings()
