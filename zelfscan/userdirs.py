"""Where Zelfscan keeps the user's own files, and how the process protects them.

Folders come from ``platformdirs`` (per-OS conventions) unless the user gives one home folder,
with ``--home DIR`` or the ``ZELFSCAN_HOME`` environment variable; then everything lives
under that folder (``config/``, ``data/``, ``logs/``). That makes tests, portable installs and
training laptops predictable, and it makes "alles wissen" easy to explain.

Nothing here creates a folder by accident: :func:`user_dirs` only computes paths, and
:func:`ensure` creates them owner-only, because the data folder holds the encrypted vault and
even its existence says something about the user. Owner-only means mode 0o700 on Linux and
macOS, and on Windows (where ``chmod`` only toggles the read-only flag) an explicit, protected
access-control list for the user, SYSTEM and Administrators (:mod:`zelfscan.winacl`).

Qt-free on purpose: the CLI, the storage layer and tests use it without a QApplication.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "zelfscan"
HOME_ENV = "ZELFSCAN_HOME"
VAULT_FILENAME = "vault.zsv"
SETTINGS_FILENAME = "settings.json"
DIR_MODE = 0o700
_PR_SET_DUMPABLE = 4  # from <linux/prctl.h>


@dataclass(frozen=True)
class UserDirs:
    """The app's own folders. ``questionnaires`` holds questionnaires the user added."""

    config: Path
    data: Path
    logs: Path
    questionnaires: Path
    home: Path | None = None  # set when --home / ZELFSCAN_HOME chose the folders

    @property
    def vault_file(self) -> Path:
        """The encrypted vault (answers, plans); see :mod:`zelfscan.storage.vault`."""
        return self.data / VAULT_FILENAME

    @property
    def settings_file(self) -> Path:
        """Non-sensitive preferences; see :mod:`zelfscan.storage.settings`."""
        return self.config / SETTINGS_FILENAME


def user_dirs(home: Path | None = None) -> UserDirs:
    """Compute (never create) the user folders.

    Order: the explicit ``home`` (from ``--home``), then ``ZELFSCAN_HOME``, then platformdirs.
    A relative home is made absolute once, here, so later code never depends on the
    current directory.
    """
    if home is None:
        env = os.environ.get(HOME_ENV, "").strip()
        home = Path(env) if env else None
    if home is not None:
        root = home.expanduser().absolute()
        data = root / "data"
        return UserDirs(
            config=root / "config",
            data=data,
            logs=root / "logs",
            questionnaires=data / "questionnaires",
            home=root,
        )
    import platformdirs  # here, not at the top: every start and CLI call imports this module

    pd = platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False)
    data = pd.user_data_path
    return UserDirs(
        config=pd.user_config_path,
        data=data,
        logs=pd.user_log_path,
        questionnaires=data / "questionnaires",
    )


def ensure(directory: Path) -> Path:
    """Create ``directory`` (and any missing parents) owner-only, and return it.

    Every folder this call creates is made owner-only (:func:`_owner_only`), whatever the
    umask or the parent's Windows permissions. The target folder itself is tightened too if
    it already existed (an older version or a copy may have left it group-readable);
    existing parents are left alone, they are not ours.
    """
    missing: list[Path] = []
    probe = directory
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # created concurrently: fine
            folder.mkdir(mode=DIR_MODE)
        _owner_only(folder)
    if directory not in missing and not directory.is_symlink():
        _owner_only(directory)
    return directory


def _owner_only(folder: Path) -> None:
    """Mode 0o700, and on Windows the owner-only access-control list (best effort there:
    a file system without permissions, such as FAT32 or exFAT on a USB stick, refuses it, and
    the folder is still used, with a warning in the log; the vault is encrypted either way)."""
    os.chmod(folder, DIR_MODE)
    if sys.platform == "win32":
        from zelfscan import winacl

        try:
            winacl.restrict_to_owner(folder)
        except OSError as exc:
            _warn("could not make a folder owner-only: %s", type(exc).__name__)


def all_locations(dirs: UserDirs) -> list[Path]:
    """Every folder the app may write to, without duplicates, for "alles wissen".

    The GUI shows these paths so the user knows where the app stores things; the wipe in
    :mod:`zelfscan.storage.wipe` deletes their contents (see there for what it keeps). On
    Windows and macOS platformdirs gives the same folder for config and data, hence the
    de-duplication; a folder inside another listed folder is still listed, so the user sees it.
    """
    seen: list[Path] = []
    for folder in (dirs.config, dirs.data, dirs.questionnaires, dirs.logs):
        if folder not in seen:
            seen.append(folder)
    return seen


@dataclass(frozen=True)
class Hardening:
    """What :func:`harden_process` managed to switch on (for the startup self-test)."""

    umask_set: bool
    core_dumps_off: bool
    not_dumpable: bool


def harden_process() -> Hardening:
    """Call once at app start, before any file is written.

    * ``umask(0o077)``: anything created later (by us, Qt or a library) is owner-only.
    * ``RLIMIT_CORE = 0``: a crash must not leave a core file with decrypted answers or the key.
    * Linux ``prctl(PR_SET_DUMPABLE, 0)``: no core dumps via the system handler and no
      ptrace attach by other same-user processes that lack CAP_SYS_PTRACE.

    Each step is best effort (Windows has no umask semantics, no ``resource`` module);
    the result says which took effect. Memory attacks by malware running as the user can
    not be stopped this way; the threat model says so.
    """
    umask_set = False
    if os.name == "posix":
        os.umask(0o077)
        umask_set = True
    core_off = False
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        core_off = resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    except (ImportError, ValueError, OSError) as exc:
        _warn("could not disable core dumps: %s", type(exc).__name__)
    not_dumpable = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            not_dumpable = libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
        except (OSError, AttributeError):
            _warn("could not mark the process non-dumpable")
    return Hardening(umask_set=umask_set, core_dumps_off=core_off, not_dumpable=not_dumpable)


def _warn(message: str, *args: object) -> None:
    """Log a hardening step that failed (rare: ``logging`` is imported only then)."""
    import logging

    logging.getLogger(__name__).warning(message, *args)
