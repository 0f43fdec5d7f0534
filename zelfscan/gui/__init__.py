"""The PySide6 desktop app: the only package that may import Qt (see zelfscan/core for logic)."""

from zelfscan.gui.qtsetup import skip_feature_scan

skip_feature_scan()
