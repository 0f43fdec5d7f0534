"""The plaintext content of a vault: scans, their JSON form and its strict validation.

Kept apart from :mod:`zelfscan.storage.vault` (file handling, keys) so the schema can be read
and tested on its own. :func:`decode` accepts exactly the documented structure and turns
anything else into :class:`DamagedFile`: the content is authenticated, so a mismatch means a
bug or a newer app, and the user must get a clear message, never a traceback.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from zelfscan.core.numbers import json_hooks
from zelfscan.storage.errors import DamagedFile, UnsupportedVersion

CONTENT_FORMAT = 1
PLAN_STATES = frozenset({"gedaan", "gepland", "nvt"})
_ID = re.compile(r"[a-z0-9_-]+")
_MAX_POSITION_LEN = 200

Answer = str | list[str]
SettingValue = str | int | float | bool | None


def now_iso() -> str:
    """A timezone-aware UTC timestamp, the only kind the vault accepts."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Scan:
    """One run of a questionnaire. Treat as a value: change it with ``dataclasses.replace``."""

    id: str
    questionnaire: str
    version: str
    started: str
    updated: str
    finished: bool = False
    answers: dict[str, Answer] = field(default_factory=dict)
    position: str | None = None
    plan: dict[str, str] = field(default_factory=dict)

    @classmethod
    def new(cls, questionnaire: str, version: str) -> Scan:
        stamp = now_iso()
        return cls(str(uuid.uuid4()), questionnaire, version, stamp, stamp)


_SCAN_KEYS = frozenset(f.name for f in fields(Scan))


class _Invalid(ValueError):
    pass


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise _Invalid(what)


def _is_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _timestamp(value: object, what: str) -> datetime:
    _require(isinstance(value, str), what)
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        raise _Invalid(what) from None
    _require(stamp.tzinfo is not None, what)
    return stamp


def _scan_from_json(obj: object) -> Scan:
    """Build a :class:`Scan` from decoded JSON, or raise :class:`_Invalid`."""
    if not isinstance(obj, dict):
        raise _Invalid("scan is not an object")
    _require(set(obj) == _SCAN_KEYS, "scan keys")
    try:
        _require(str(uuid.UUID(obj["id"])) == obj["id"], "scan id")
    except (TypeError, ValueError, AttributeError):
        raise _Invalid("scan id") from None
    _require(_is_id(obj["questionnaire"]), "questionnaire id")
    _require(isinstance(obj["version"], str), "version")
    _timestamp(obj["started"], "started")
    _timestamp(obj["updated"], "updated")
    _require(isinstance(obj["finished"], bool), "finished")
    answers, plan, position = obj["answers"], obj["plan"], obj["position"]
    _require(isinstance(answers, dict), "answers")
    for key, value in answers.items():
        _require(_is_id(key), "answer key")
        ok = isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        )
        _require(ok, "answer value")
    _require(isinstance(plan, dict), "plan")
    for key, value in plan.items():
        _require(_is_id(key) and isinstance(value, str) and value in PLAN_STATES, "plan entry")
    _require(
        position is None or (isinstance(position, str) and len(position) <= _MAX_POSITION_LEN),
        "position",
    )
    return Scan(
        id=obj["id"], questionnaire=obj["questionnaire"], version=obj["version"],
        started=obj["started"], updated=obj["updated"], finished=obj["finished"],
        answers={k: list(v) if isinstance(v, list) else v for k, v in answers.items()},
        position=position, plan=dict(plan),
    )  # fmt: skip


def scan_to_json(scan: Scan) -> dict[str, Any]:
    return {
        "id": scan.id, "questionnaire": scan.questionnaire, "version": scan.version,
        "started": scan.started, "updated": scan.updated, "finished": scan.finished,
        "answers": {k: list(v) if isinstance(v, list) else v for k, v in scan.answers.items()},
        "position": scan.position, "plan": dict(scan.plan),
    }  # fmt: skip


def checked(scan: Scan) -> Scan:
    """Validate a scan handed in by the app and return a private copy (no aliasing)."""
    try:
        return _scan_from_json(scan_to_json(scan))
    except _Invalid as exc:
        raise ValueError(f"invalid scan: {exc}") from None


def decode(plaintext: bytes) -> tuple[dict[str, Scan], dict[str, SettingValue]]:
    try:
        doc = json.loads(plaintext.decode("utf-8"), **json_hooks())  # type: ignore[arg-type]
        _require(isinstance(doc, dict), "top level is not an object")
        _require(type(doc.get("format")) is int, "format")
        if doc["format"] > CONTENT_FORMAT:
            raise UnsupportedVersion(f"content format {doc['format']}")
        _require(doc["format"] == CONTENT_FORMAT and set(doc) == {"format", "scans", "settings"},
                 "top-level keys")  # fmt: skip
        _require(isinstance(doc["scans"], list), "scans")
        scans: dict[str, Scan] = {}
        for item in doc["scans"]:
            scan = _scan_from_json(item)
            _require(scan.id not in scans, "duplicate scan id")
            scans[scan.id] = scan
        settings = doc["settings"]
        _require(isinstance(settings, dict), "settings")
        for value in settings.values():
            _require(value is None or isinstance(value, str | int | float | bool), "setting")
    except (UnicodeDecodeError, ValueError, TypeError, RecursionError) as exc:
        # ValueError covers JSONDecodeError, _Invalid and NumberProblem (every number is
        # bounded while it is parsed: zelfscan.core.numbers), so crafted content is "damaged".
        raise DamagedFile(f"vault content invalid: {type(exc).__name__}") from None
    return scans, dict(settings)


def encode(scans: list[Scan], settings: dict[str, SettingValue]) -> bytes:
    """The UTF-8 JSON plaintext for :func:`decode` (compact; never NaN/Infinity)."""
    doc = {"format": CONTENT_FORMAT, "scans": [scan_to_json(s) for s in scans],
           "settings": settings}  # fmt: skip
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")
