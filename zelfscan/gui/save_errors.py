"""One true sentence for each reason a save can fail, in the user's language.

:mod:`zelfscan.storage.atomic` says *why* a save failed (:attr:`SaveFailed.reason`); this
module turns that into what the user can do about it. A PDF open in a viewer, a folder that
Windows' Controlled folder access guards, a full disk and a read-only USB stick each need a
different action, and "choose another folder" is only the right advice for some of them.
"""

from __future__ import annotations

import sys

from zelfscan.i18n import _
from zelfscan.storage import atomic


def reason_of(exc: BaseException | None) -> str | None:
    """The :mod:`~zelfscan.storage.atomic` reason of ``exc`` or of the error behind it."""
    while exc is not None:
        reason = getattr(exc, "reason", None)
        if isinstance(reason, str):
            return reason
        exc = exc.__cause__
    return None


def file_save_problem(exc: BaseException) -> str:
    """Why a file in a folder the user chose (a PDF, a reminder, an export) was not saved."""
    reason = reason_of(exc)
    if reason == atomic.IN_USE:
        return _(
            "The file is open in another program, for example a PDF viewer. Close it there "
            "and save again, or choose another name."
        )
    if reason == atomic.FOLDER_BLOCKED:
        if sys.platform == "win32":
            return _(
                "Windows does not let Zelfscan save in this folder. This may be “Controlled "
                "folder access” in Windows Security, or you have no permission here. Choose "
                "another folder, or ask your IT department to allow Zelfscan."
            )
        if sys.platform == "darwin":
            return _(
                "macOS does not let Zelfscan save in this folder. Choose another folder, or "
                "allow Zelfscan in System Settings > Privacy & Security > Files and Folders."
            )
        return _("You have no permission to save in this folder. Choose another folder.")
    if reason == atomic.DISK_FULL:
        return _("The disk is full. Make room on it, or choose another disk.")
    if reason == atomic.READ_ONLY_DISK:
        return _("This disk or USB stick can not be written to. Choose another folder.")
    return _("The file could not be saved. Choose another folder and try again.")


def vault_save_problem(exc: BaseException, fallback: str) -> str:
    """Why the vault was not saved, when the reason adds something to ``fallback``."""
    reason = reason_of(exc)
    if reason == atomic.IN_USE or (reason == atomic.FOLDER_BLOCKED and sys.platform == "win32"):
        return _(
            "Another program is using the vault file right now, often a virus scanner or a "
            "backup program. Zelfscan tries again by itself; your answers stay in memory."
        )
    if reason == atomic.DISK_FULL:
        return _("The disk is full. Make room on it; Zelfscan tries again by itself.")
    return fallback
