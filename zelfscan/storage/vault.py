"""The encrypted vault: every saved scan, its answers and its action-plan progress.

One file (``vault.zsv`` in the data folder, see :class:`zelfscan.userdirs.UserDirs`) in the
format of :mod:`zelfscan.storage.crypto`. The plaintext, which only ever exists in memory,
is JSON::

    {"format": 1,
     "scans": [{"id": uuid, "questionnaire": id, "version": content version,
                "started": iso, "updated": iso, "finished": bool,
                "answers": {question_id: str | [str, ...]},
                "position": page/section id | null,
                "plan": {advice_id: "gedaan" | "gepland" | "nvt"}}],
     "settings": {name: str | int | float | bool | null}}

Only :meth:`Vault.create` and :meth:`Vault.open` pay for key derivation; :meth:`Vault.save`
re-encrypts with the held key and a fresh nonce and writes atomically, so autosave after
every answer stays cheap. Mutators change memory only; call :meth:`Vault.save` after them.
The decrypted JSON is validated strictly: anything unexpected is :class:`DamagedFile`, never a
traceback. Synchronous and Qt-free: the GUI calls it through its background helper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from zelfscan.safe_read import FileTooLarge, read_limited
from zelfscan.storage import crypto
from zelfscan.storage.atomic import atomic_write, backup_path
from zelfscan.storage.content import Scan, SettingValue, checked, decode, encode, now_iso
from zelfscan.storage.errors import DamagedFile, StorageIOError
from zelfscan.userdirs import ensure

MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real vault; stops reading a huge foreign file
__all__ = ["ImportResult", "Scan", "Vault", "now_iso"]


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int  # the imported copy was newer (later "updated")
    kept: int  # ours was as new or newer


def _read(path: Path) -> bytes:
    """Read a vault file, refusing absurd sizes and anything but a regular file before
    reading (:mod:`zelfscan.safe_read`). A missing file raises ``FileNotFoundError``."""
    try:
        return read_limited(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise
    except FileTooLarge:
        with path.open("rb") as handle:  # a regular file: only its header is read
            crypto.read_header(handle.read(crypto.HEADER_LEN))  # a foreign file: NotAVault
        raise DamagedFile("file too large") from None
    except OSError as exc:
        raise StorageIOError(type(exc).__name__) from exc


class Vault:
    """An unlocked vault in memory. Create with :meth:`create` or :meth:`open`.

    Not thread-safe: use it from one thread at a time (the GUI's background helper).
    """

    def __init__(
        self,
        path: Path,
        key: crypto.VaultKey,
        scans: dict[str, Scan],
        settings: dict[str, SettingValue],
    ) -> None:
        self._path = path
        self._key: crypto.VaultKey | None = key
        self._scans = scans
        self._settings = settings
        self.dirty = False

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, params: crypto.KdfParams = crypto.DEFAULT_PARAMS
    ) -> Vault:
        """Make a new, empty vault file (slow: derives the key). Never overwrites one."""
        if path.exists():
            raise FileExistsError(path)
        vault = cls(path, crypto.derive_key(passphrase, params=params), {}, {})
        try:
            ensure(path.parent)
        except OSError as exc:
            raise StorageIOError(type(exc).__name__) from exc
        vault.save()
        return vault

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: str,
        *,
        params: crypto.KdfParams = crypto.DEFAULT_PARAMS,
        from_backup: bool = False,
    ) -> Vault:
        """Unlock an existing vault (slow: derives the key).

        If the file was made with weaker KDF ``params`` than asked for, a new key is derived
        so the next save upgrades it. ``from_backup`` reads the previous good copy instead
        (offer it after :class:`DamagedFile`); the next save then repairs the main file.
        """
        blob = _read(backup_path(path) if from_backup else path)
        plaintext, key = crypto.open_sealed(passphrase, blob)
        scans, settings = decode(plaintext)
        vault = cls(path, key, scans, settings)
        if key.params.weaker_than(params):
            vault._key = crypto.derive_key(passphrase, params=params)
            vault.dirty = True
        return vault

    @property
    def path(self) -> Path:
        return self._path

    def _held_key(self) -> crypto.VaultKey:
        if self._key is None:
            raise RuntimeError("vault is closed")
        return self._key

    def _image(self, key: crypto.VaultKey) -> bytes:
        return crypto.seal(key, encode(list(self._scans.values()), self._settings))

    def save(self) -> None:
        """Encrypt with the held key (fresh nonce) and replace the file atomically.

        The previous file is kept as ``vault.zsv.bak``. Raises :class:`StorageIOError`
        (the old file is then untouched) when the disk refuses.
        """
        try:
            atomic_write(self._path, self._image(self._held_key()), keep_backup=True)
        except OSError as exc:
            raise StorageIOError(type(exc).__name__) from exc
        self.dirty = False

    def close(self) -> None:
        """Auto-lock: drop the key and the decrypted scans (best effort in Python)."""
        self._key = None
        self._scans = {}
        self._settings = {}

    def change_passphrase(
        self, passphrase: str, *, params: crypto.KdfParams = crypto.DEFAULT_PARAMS
    ) -> None:
        """Re-key with a new passphrase and salt (slow); takes effect at the next save."""
        self._held_key()
        self._key = crypto.derive_key(passphrase, params=params)
        self.dirty = True

    # -- scans -------------------------------------------------------------------------

    def scans(self, questionnaire: str | None = None) -> list[Scan]:
        """All scans (or those of one questionnaire), oldest first."""
        found = [s for s in self._scans.values() if questionnaire in (None, s.questionnaire)]
        return sorted(found, key=lambda s: datetime.fromisoformat(s.started))

    def get(self, scan_id: str) -> Scan:
        return self._scans[scan_id]

    def add(self, scan: Scan) -> None:
        if scan.id in self._scans:
            raise ValueError("scan id already in the vault")
        self._scans[scan.id] = checked(scan)
        self.dirty = True

    def update(self, scan: Scan) -> None:
        if scan.id not in self._scans:
            raise KeyError(scan.id)
        self._scans[scan.id] = checked(scan)
        self.dirty = True

    def delete(self, scan_id: str) -> None:
        del self._scans[scan_id]
        self.dirty = True

    def latest_finished(self, questionnaire_id: str, before: str | None = None) -> Scan | None:
        """The most recent finished scan of a questionnaire, for the re-scan comparison.

        With ``before`` (a scan id) only scans started before that scan count, and never
        that scan itself.
        """
        candidates = [s for s in self.scans(questionnaire_id) if s.finished and s.id != before]
        if before is not None and before in self._scans:
            limit = datetime.fromisoformat(self._scans[before].started)
            candidates = [s for s in candidates if datetime.fromisoformat(s.started) < limit]
        return candidates[-1] if candidates else None

    # -- settings ----------------------------------------------------------------------

    @property
    def settings(self) -> dict[str, SettingValue]:
        """A copy; change with :meth:`set_setting`."""
        return dict(self._settings)

    def set_setting(self, name: str, value: SettingValue) -> None:
        self._settings[name] = value
        self.dirty = True

    # -- moving between laptops --------------------------------------------------------

    def export_to(self, path: Path, key: crypto.VaultKey | None = None) -> None:
        """Write the whole vault to one encrypted file (same format), e.g. on a USB stick.

        Uses the vault's own passphrase unless another derived ``key`` is given (make one
        with :func:`crypto.derive_key` off the GUI thread).
        """
        try:
            atomic_write(path, self._image(key or self._held_key()))
        except OSError as exc:
            raise StorageIOError(type(exc).__name__) from exc

    def import_from(self, path: Path, passphrase: str) -> ImportResult:
        """Merge the scans of an exported file by id (slow: derives that file's key).

        A scan present in both is replaced only if the imported copy has a later
        ``updated``. This vault's settings stay as they are. Call :meth:`save` afterwards.
        """
        self._held_key()
        try:
            blob = _read(path)
        except FileNotFoundError as exc:
            raise StorageIOError(type(exc).__name__) from exc
        theirs, _ = decode(crypto.open_sealed(passphrase, blob)[0])
        added = replaced = kept = 0
        for scan in theirs.values():
            ours = self._scans.get(scan.id)
            if ours is None:
                added += 1
            elif datetime.fromisoformat(scan.updated) > datetime.fromisoformat(ours.updated):
                replaced += 1
            else:
                kept += 1
                continue
            self._scans[scan.id] = scan
        if added or replaced:
            self.dirty = True
        return ImportResult(added=added, replaced=replaced, kept=kept)
