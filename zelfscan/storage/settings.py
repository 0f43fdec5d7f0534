"""App preferences, stored as plain JSON in the config folder.

This file is *not* encrypted, so by design it holds no answers, notes, scores or anything
else about the user's situation: only how the app looks and behaves. Anything sensitive
belongs in the vault (:mod:`zelfscan.storage.vault`).

Loading is tolerant: a missing, corrupt or partly invalid file gives the defaults for what
could not be read, and a warning is logged that names the field or the error type but never
the file's content. A preference problem must never stop the app from starting.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from zelfscan.core.numbers import json_hooks
from zelfscan.safe_read import FileTooLarge, read_limited
from zelfscan.storage.atomic import atomic_write
from zelfscan.userdirs import ensure

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
MAX_SETTINGS_BYTES = 64 * 1024
LANGUAGES = ("nl", "en")
STORAGE_MODES = ("memory", "vault")
TEXT_SCALE_RANGE = (1.0, 2.0)
AUTO_LOCK_RANGE = (0, 240)  # minutes; 0 means "never lock"

Language = Literal["nl", "en"]
StorageMode = Literal["memory", "vault"]


@dataclass(frozen=True)
class Settings:
    """Preferences; the defaults are the safe choices (Dutch, answers only in memory)."""

    language: Language = "nl"
    text_scale: float = 1.0
    auto_lock_minutes: int = 10
    storage_mode: StorageMode = "memory"
    window: tuple[int, int, int, int] | None = None
    """Where the window was (x, y, width, height) when the app last closed; kept only once
    the user keeps settings at all (a settings file exists), never in training mode."""

    def __post_init__(self) -> None:
        problems = [name for name, value in _as_dict(self).items() if not _valid(name, value)]
        if problems:
            raise ValueError(f"invalid settings: {', '.join(problems)}")


def _as_dict(settings: Settings) -> dict[str, Any]:
    return {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}


def _valid(name: str, value: object) -> bool:
    if name == "language":
        return value in LANGUAGES
    if name == "storage_mode":
        return value in STORAGE_MODES
    if name == "text_scale":
        low, high = TEXT_SCALE_RANGE
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and (low <= value <= high)
        )
    if name == "window":
        return value is None or (
            isinstance(value, tuple)
            and len(value) == 4
            and all(type(v) is int and -100_000 < v < 100_000 for v in value)
            and value[2] > 0
            and value[3] > 0
        )
    if name == "auto_lock_minutes":
        low_i, high_i = AUTO_LOCK_RANGE
        return type(value) is int and low_i <= value <= high_i
    return False


def load_settings(path: Path) -> Settings:
    """Read settings, falling back to defaults field by field. Never raises for content."""
    try:
        raw = read_limited(path, MAX_SETTINGS_BYTES)  # regular files only, size checked first
    except FileNotFoundError:
        return Settings()
    except FileTooLarge:
        log.warning("settings file too large; using defaults")
        return Settings()
    except OSError as exc:
        log.warning("settings not readable (%s); using defaults", type(exc).__name__)
        return Settings()
    try:
        doc = json.loads(raw.decode("utf-8"), **json_hooks())  # type: ignore[arg-type]
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # ValueError: bad JSON or
        # a number out of bounds (zelfscan.core.numbers), which a preference never needs
        log.warning("settings file corrupt (%s); using defaults", type(exc).__name__)
        return Settings()
    if not isinstance(doc, dict):
        log.warning("settings file has an unexpected structure; using defaults")
        return Settings()
    if doc.get("schema_version") != SCHEMA_VERSION:
        # Newer files may carry more fields; the ones we know keep their meaning.
        log.info("settings schema_version is not %d; reading known fields", SCHEMA_VERSION)
    values: dict[str, Any] = {}
    for name in _as_dict(Settings()):
        if name not in doc:
            continue
        value = doc[name]
        if name == "text_scale" and type(value) is int:
            value = float(value)
        if name == "window" and isinstance(value, list):
            value = tuple(value)
        if _valid(name, value):
            values[name] = value
        else:
            log.warning("settings field %s invalid; using its default", name)
    return Settings(**values)


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically, owner-only (0o600), creating the config folder (0o700) if needed.

    Raises ``OSError`` when the disk refuses; the old file then stays as it was.
    """
    ensure(path.parent)
    doc = {"schema_version": SCHEMA_VERSION, **_as_dict(settings)}
    atomic_write(path, (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8"))
