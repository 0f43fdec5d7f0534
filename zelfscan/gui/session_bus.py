"""No D-Bus autolaunch: on an X display without a session bus, Qt must not start one.

What happens without this (measured under Xvfb, Qt 6 with libdbus 1.14): Qt's accessibility
bridge and platform theme ask libdbus for the *session bus*. With no
``DBUS_SESSION_BUS_ADDRESS`` and no per-user bus socket (``$XDG_RUNTIME_DIR/bus``), libdbus
falls back to ``autolaunch:``, which on X11 runs ``dbus-launch --autolaunch``: that starts a
``dbus-daemon`` that outlives the app and writes ``~/.dbus/session-bus/<machine-id>-<display>``.
That breaks "by default nothing is written to disk" (and training mode's "nothing at all").

What this does, before ``QApplication`` exists (libdbus reads the environment when it
connects), for this process only, through the documented environment variable:

* a session bus named in ``DBUS_SESSION_BUS_ADDRESS``: left alone (it is the desktop's);
* a per-user bus socket at ``$XDG_RUNTIME_DIR/bus`` (systemd and most desktops): named
  explicitly, so it is used whatever libdbus was built to look for;
* neither: ``DBUS_SESSION_BUS_ADDRESS=disabled:``, a transport that never connects (an older
  libdbus that does not know it fails the same way: unknown transport). Nothing is launched.

What it costs: nothing a user has. Screen readers (Orca) reach applications through AT-SPI,
whose registry lives *on* the session bus; where there is no session bus, no screen reader
can be running, and a bus that Qt would launch for itself has no assistive technology on it.
Where there is a bus, it is used as before. Only Linux and the BSDs: Qt on Windows and macOS
uses the platform's own accessibility APIs, not D-Bus.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import MutableMapping

ADDRESS = "DBUS_SESSION_BUS_ADDRESS"
DISABLED = "disabled:"


def prevent_autolaunch(environ: MutableMapping[str, str] | None = None) -> str | None:
    """Make sure libdbus connects to an existing session bus or to none; never launches one.

    Returns the address set (``None`` when the environment was left as it was)."""
    env = os.environ if environ is None else environ
    if os.name != "posix" or sys.platform == "darwin":
        return None
    if env.get(ADDRESS):
        return None
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime:
        socket = os.path.join(runtime, "bus")
        try:
            info = os.stat(socket)
        except OSError:
            info = None
        if info is not None and stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid():
            env[ADDRESS] = f"unix:path={socket}"
            return env[ADDRESS]
    env[ADDRESS] = DISABLED
    return DISABLED
