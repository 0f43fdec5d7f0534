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

**The last good copy is never overwritten by something newer and emptier.** Every path that
writes ``vault.zsv.bak``, and what guards it:

* a normal save (:meth:`Vault.save`) makes the file it replaces the backup: that file is
  the previous save of this same open vault, so the backup is always one save behind;
* a restore (:meth:`Vault.open` with ``from_backup``) writes the main file from the backup
  *without* touching the backup; whatever was at the main path (damaged, rolled back,
  foreign) is kept aside as ``vault.zsv.damaged`` rather than deleted;
* :meth:`Vault.create` refuses when a backup exists without a main file
  (:class:`BackupOnly`): the app then offers "herstellen uit de reservekopie", never a new
  vault that would turn into the backup at its second save;
* "alles wissen" deletes both, on purpose.

**Rollback.** Each save writes a generation counter into the authenticated header
(:mod:`zelfscan.storage.crypto`, format 2). On open, the backup is read too: when it opens
with the same key and its generation is *higher* than the main file's, an older copy was put
back over the vault, and :class:`RolledBack` says so (the app then offers the backup, which
holds the newer scans). When both have the *same* generation but are different files, the
main file was replaced by a copy of its backup: nothing newer survives anywhere, so the
vault opens and :attr:`Vault.notice` tells the user that the last changes are gone. (The
same generation in *one* file, hard-linked as both names, is a save that was interrupted
between its two steps: harmless, nothing is said.) Limits, stated honestly: replacing
*both* files with older copies can not be noticed from inside the folder, and version 1
files (before the counter) are not compared until their first save in format 2.

**Read-only.** A vault file whose owner-write permission was removed is not replaced (an
atomic save would silently swap in a new writable file): :meth:`Vault.save` raises
:class:`ReadOnlyVault` and writes nothing, so the app can say that nothing is being saved.
Opening and reading it work as usual.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from zelfscan.safe_read import FileTooLarge, read_limited
from zelfscan.storage import crypto
from zelfscan.storage.atomic import atomic_write, backup_path
from zelfscan.storage.content import Scan, SettingValue, checked, decode, encode, now_iso
from zelfscan.storage.errors import (
    BackupOnly,
    DamagedFile,
    ReadOnlyVault,
    RolledBack,
    StorageError,
    StorageIOError,
)
from zelfscan.userdirs import ensure

MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real vault; stops reading a huge foreign file
DAMAGED_SUFFIX = ".damaged"
__all__ = ["ImportResult", "ReplacedByBackup", "Scan", "Vault", "now_iso"]


class ReplacedByBackup(StorageError):
    """A notice, not a failure: the vault opened, but it had been replaced by a copy of its
    backup, so the changes saved after that backup are gone."""

    nl = (
        "Let op: het kluisbestand is vervangen door een kopie van de reservekopie. De kluis "
        "is geopend, maar wat u na die reservekopie hebt opgeslagen, is niet meer te vinden."
    )
    en = (
        "Note: the vault file was replaced by a copy of its backup. The vault is open, but "
        "what you saved after that backup can no longer be found."
    )


@dataclass(frozen=True)
class PreparedSave:
    """One save's encrypted image, ready to be written (:meth:`Vault.prepare_save`)."""

    image: bytes
    generation: int
    restoring: bool
    changes: int


def write_image(path: Path, prepared: PreparedSave) -> tuple[str, ...]:
    """Write ``prepared`` (ciphertext only) to the vault file ``path``; safe on any thread,
    and possible after the key was dropped (the image is encrypted already)."""
    try:
        if prepared.restoring:
            _set_aside(path)
        return atomic_write(path, prepared.image, keep_backup=not prepared.restoring)
    except OSError as exc:
        raise StorageIOError(type(exc).__name__) from exc


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


def _read_only(path: Path) -> bool:
    """The owner may not write ``path`` (mode bits, not ``os.access``: root may write
    anything, and the user's intent is in the mode). A missing file is not read-only."""
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except FileNotFoundError:
        return False
    except OSError:
        return False  # the save itself will report what is wrong


def _set_aside(path: Path) -> None:
    """Keep whatever is at the main path as ``vault.zsv.damaged`` before a restore replaces
    it: it may be a file someone still wants (deleted with everything by "alles wissen")."""
    with contextlib.suppress(FileNotFoundError):
        os.replace(path, path.with_name(path.name + DAMAGED_SUFFIX))


def _compare_with_backup(
    path: Path, key: crypto.VaultKey, generation: int | None
) -> StorageError | None:
    """Raise :class:`RolledBack` when the backup is newer than the main file just opened;
    return a notice when the main file was replaced by a copy of the backup; else None.

    The backup counts only when it opens with the same key (its generation is then
    authenticated); a damaged or re-keyed backup is no evidence of anything."""
    bak = backup_path(path)
    if generation is None:
        return None
    try:
        blob = _read(bak)
        header = crypto.read_header(blob)
        if header.generation is None or header.generation < generation:
            return None
        crypto.open_sealed(key, blob)
    except (OSError, StorageError):
        return None
    if header.generation > generation:
        raise RolledBack(f"vault generation {generation}, backup {header.generation}")
    try:
        if os.path.samefile(path, bak):
            return None  # one file under both names: a save interrupted between its steps
    except OSError:
        return None
    return ReplacedByBackup(f"vault and backup both generation {generation}")


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
        generation: int = 0,
    ) -> None:
        self._path = path
        self._key: crypto.VaultKey | None = key
        self._scans = scans
        self._settings = settings
        self._generation = generation
        self._restoring = False
        self._changes = 0
        """Counts changes in memory, so a save finished later knows if it is still current."""
        self._dirty = False
        self.notice: StorageError | None = None
        """Something the user should hear after opening (the vault still opened)."""

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, params: crypto.KdfParams = crypto.DEFAULT_PARAMS
    ) -> Vault:
        """Make a new, empty vault file (slow: derives the key). Never overwrites one."""
        if path.exists():
            raise FileExistsError(path)
        if backup_path(path).exists():
            raise BackupOnly("a backup exists without its vault file")
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
        header = crypto.read_header(blob)
        plaintext, key = crypto.open_sealed(passphrase, blob)
        scans, settings = decode(plaintext)
        vault = cls(path, key, scans, settings, header.generation or 0)
        if from_backup:
            vault._restoring = True  # the next save repairs the main file, backup untouched
            vault.dirty = True
        else:
            vault.notice = _compare_with_backup(path, key, header.generation)
        if key.params.weaker_than(params):
            vault._key = crypto.derive_key(passphrase, params=params)
            vault.dirty = True
        return vault

    @property
    def path(self) -> Path:
        return self._path

    @property
    def dirty(self) -> bool:
        """Memory holds changes that are not in the file yet."""
        return self._dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        if value:
            self._changes += 1
        self._dirty = value

    def _held_key(self) -> crypto.VaultKey:
        if self._key is None:
            raise RuntimeError("vault is closed")
        return self._key

    def _content(self) -> bytes:
        return encode(list(self._scans.values()), self._settings)

    def _image(self, key: crypto.VaultKey) -> bytes:
        return crypto.seal(key, self._content(), self._generation + 1)

    def save(self) -> tuple[str, ...]:
        """Encrypt with the held key (fresh nonce, next generation) and replace the file
        atomically; return the warnings of a save that succeeded (:mod:`.atomic`).

        The previous file is kept as ``vault.zsv.bak`` (after a restore, the backup is left
        as it is and the unreadable main file is kept aside). Raises :class:`ReadOnlyVault`
        without writing when the file was made read-only, and :class:`StorageIOError` (the
        old file is then untouched) when the disk refuses.

        The same three steps are available separately, so the GUI can encrypt on its own
        thread and write on a worker: :meth:`prepare_save` (memory only, fast),
        :meth:`write_prepared` (files only: safe on another thread while the vault's memory
        changes) and :meth:`commit_saved` (memory only, after a successful write).
        """
        prepared = self.prepare_save()
        warnings = self.write_prepared(prepared)
        self.commit_saved(prepared)
        return warnings

    def prepare_save(self) -> PreparedSave:
        """The encrypted image of the vault as it is now (raises :class:`ReadOnlyVault`)."""
        if _read_only(self._path):
            raise ReadOnlyVault("the vault file is read-only")
        generation = self._generation + 1
        image = crypto.seal(self._held_key(), self._content(), generation)
        return PreparedSave(image, generation, self._restoring, self._changes)

    def write_prepared(self, prepared: PreparedSave) -> tuple[str, ...]:
        """Write a prepared image to the vault file; touches no state in memory."""
        return write_image(self._path, prepared)

    def commit_saved(self, prepared: PreparedSave) -> None:
        """Record that ``prepared`` is on disk (its generation is now the file's)."""
        self._generation = max(self._generation, prepared.generation)
        if prepared.restoring:
            self._restoring = False
        self._dirty = self._changes != prepared.changes

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
