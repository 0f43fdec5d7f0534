"""The PySide6 desktop app: the only package that may import Qt (see zelfscan/core for logic)."""

from zelfscan.gui.compat import keep_none_alive

keep_none_alive()
