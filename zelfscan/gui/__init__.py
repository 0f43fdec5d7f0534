"""The PySide6 desktop app: the only package that may import Qt (see zelfscan/core for logic)."""
