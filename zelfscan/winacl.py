"""Owner-only folders on Windows: an explicit, protected access-control list (DACL).

``chmod(0o700)`` does almost nothing on Windows: it only toggles the read-only flag. A folder
then carries whatever its parent hands down. Under ``%LOCALAPPDATA%`` that is the user's own
profile (fine), but ``--home D:\\Zelfscan`` or a folder on a USB stick usually inherits
"Authenticated Users: modify" or "Users: read", so every account on the laptop could copy the
encrypted vault and read the logs.

So every folder Zelfscan makes (and its own folders found already there) gets a *protected*
DACL, which stops inheritance from the parent and grants full control to three principals
only:

* the user running Zelfscan (by SID, not "OWNER RIGHTS": an elevated process makes
  Administrators the owner, which would lock the user out of their own folder; CPython's
  ``mkdir(mode=0o700)`` has exactly that problem, python/cpython#157876);
* ``SYSTEM`` (backup, the virus scanner and the search indexer run as SYSTEM; without it
  Windows Backup and Defender can not see the files);
* ``Administrators`` (on a managed laptop they can take ownership anyway; listing them keeps
  an IT department's tooling working). This matches CPython's own 0o700 DACL.

``OICI`` makes files and folders created inside inherit the same three entries, so the vault,
its backup, temp files and logs are owner-only too without touching each file.

Python 3.11.10+/3.12.4+ apply a similar DACL themselves for ``mkdir(mode=0o700)`` (the
CVE-2024-4030 fix), but only to folders they create, and python.org's Windows installers of
3.11 stop at 3.11.9. Doing it here gives the same result on every Python and also tightens a
folder that already existed. FAT32 and exFAT (most USB sticks) have no permissions at all:
there the vault's encryption is the only protection, and the README says so.

The Win32 calls live in :class:`_Advapi` (ctypes, loaded only on Windows). Tests replace it
with a recorder, so the rules above are checked on any OS; ``tests/storage/test_winacl.py``
also runs ``icacls`` on a real Windows runner.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Protocol

SYSTEM = "SY"
ADMINISTRATORS = "BA"


class SecurityApi(Protocol):
    def user_sid(self) -> str: ...

    def set_protected_dacl(self, path: Path, sddl: str) -> None: ...


def owner_only_sddl(user_sid: str) -> str:
    """The protected DACL (SDDL) for ``user_sid``: full control for the user, SYSTEM and
    Administrators, inherited by everything inside (``OICI``), nothing from the parent (``P``)."""
    aces = "".join(f"(A;OICI;FA;;;{sid})" for sid in (user_sid, SYSTEM, ADMINISTRATORS))
    return f"D:P{aces}"


_api: SecurityApi | None = None


def api() -> SecurityApi:
    global _api
    if _api is None:
        _api = _Advapi()
    return _api


def restrict_to_owner(path: Path) -> None:
    """Give ``path`` (a folder of ours) the owner-only DACL. Raises ``OSError`` on failure."""
    security = api()
    security.set_protected_dacl(path, owner_only_sddl(security.user_sid()))


class _Advapi:
    """The real Win32 calls, through ctypes (advapi32 and kernel32)."""

    _advapi: Any
    _kernel: Any
    _last_error: Any
    _sid: str | None = None

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise OSError("Windows access-control lists exist only on Windows")
        import ctypes
        from ctypes import wintypes

        self._ctypes = ctypes
        self._wintypes = wintypes
        self._advapi = ctypes.WinDLL("advapi32", use_last_error=True)
        self._kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        self._last_error = ctypes.get_last_error
        # Explicit signatures: 64-bit handles and the 0x80000000 flag must not pass as C int.
        ptr, dword, handle = ctypes.c_void_p, wintypes.DWORD, wintypes.HANDLE
        signatures = {
            (self._kernel, "GetCurrentProcess"): ([], handle),
            (self._kernel, "CloseHandle"): ([handle], wintypes.BOOL),
            (self._kernel, "LocalFree"): ([ptr], ptr),
            (self._advapi, "OpenProcessToken"): (
                [handle, dword, ctypes.POINTER(handle)],
                wintypes.BOOL,
            ),
            (self._advapi, "GetTokenInformation"): (
                [handle, ctypes.c_int, ptr, dword, ctypes.POINTER(dword)],
                wintypes.BOOL,
            ),
            (self._advapi, "ConvertSidToStringSidW"): (
                [ptr, ctypes.POINTER(wintypes.LPWSTR)],
                wintypes.BOOL,
            ),
            (self._advapi, "ConvertStringSecurityDescriptorToSecurityDescriptorW"): (
                [wintypes.LPCWSTR, dword, ctypes.POINTER(ptr), ctypes.POINTER(wintypes.ULONG)],
                wintypes.BOOL,
            ),
            (self._advapi, "GetSecurityDescriptorDacl"): (
                [
                    ptr,
                    ctypes.POINTER(wintypes.BOOL),
                    ctypes.POINTER(ptr),
                    ctypes.POINTER(wintypes.BOOL),
                ],
                wintypes.BOOL,
            ),
            (self._advapi, "SetNamedSecurityInfoW"): (
                [wintypes.LPWSTR, ctypes.c_int, dword, ptr, ptr, ptr, ptr],
                dword,
            ),
        }
        for (library, name), (argtypes, restype) in signatures.items():
            function = getattr(library, name)
            function.argtypes = argtypes
            function.restype = restype

    def _fail(self, what: str) -> OSError:
        code = int(self._last_error())
        return OSError(code, f"{what} failed (Windows error {code})")

    def user_sid(self) -> str:
        """The SID of the user this process runs as, e.g. ``S-1-5-21-…-1001``."""
        if self._sid is not None:
            return self._sid
        ctypes, wintypes = self._ctypes, self._wintypes
        token = wintypes.HANDLE()
        token_query = 0x0008
        process = self._kernel.GetCurrentProcess()
        if not self._advapi.OpenProcessToken(process, token_query, ctypes.byref(token)):
            raise self._fail("OpenProcessToken")
        try:
            size = wintypes.DWORD()
            token_user = 1
            self._advapi.GetTokenInformation(token, token_user, None, 0, ctypes.byref(size))
            buffer = ctypes.create_string_buffer(size.value)
            if not self._advapi.GetTokenInformation(
                token, token_user, buffer, size, ctypes.byref(size)
            ):
                raise self._fail("GetTokenInformation")
            sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = wintypes.LPWSTR()
            if not self._advapi.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
                raise self._fail("ConvertSidToStringSidW")
            try:
                self._sid = str(text.value)
            finally:
                self._kernel.LocalFree(ctypes.cast(text, ctypes.c_void_p))
        finally:
            self._kernel.CloseHandle(token)
        return self._sid

    def set_protected_dacl(self, path: Path, sddl: str) -> None:
        ctypes, wintypes = self._ctypes, self._wintypes
        descriptor = ctypes.c_void_p()
        sddl_revision_1 = 1
        if not self._advapi.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            sddl, sddl_revision_1, ctypes.byref(descriptor), None
        ):
            raise self._fail("ConvertStringSecurityDescriptorToSecurityDescriptorW")
        try:
            present, defaulted = wintypes.BOOL(), wintypes.BOOL()
            dacl = ctypes.c_void_p()
            if not self._advapi.GetSecurityDescriptorDacl(
                descriptor, ctypes.byref(present), ctypes.byref(dacl), ctypes.byref(defaulted)
            ):
                raise self._fail("GetSecurityDescriptorDacl")
            se_file_object = 1
            dacl_security_information = 0x00000004
            protected_dacl_security_information = 0x80000000
            # SetNamedSecurityInfoW also re-applies the inheritable entries to what is inside.
            error = self._advapi.SetNamedSecurityInfoW(
                str(path),
                se_file_object,
                dacl_security_information | protected_dacl_security_information,
                None,
                None,
                dacl,
                None,
            )
            if error:
                raise OSError(error, f"SetNamedSecurityInfoW failed (Windows error {error})")
        finally:
            self._kernel.LocalFree(descriptor)
