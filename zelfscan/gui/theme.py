"""Look and size: the stylesheet, dark/high-contrast handling, bundled fonts and text scaling.

Colours come in pairs (text on background) from ``resources/styles`` and are checked for
WCAG contrast by a test. Sizes come from the application font only, so the View menu can
scale all text to 200% and layouts grow with it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from zelfscan.paths import fonts_dir, resources_dir

log = logging.getLogger(__name__)

TEXT_SCALES = (100, 125, 150, 175, 200)
_base_point_size: float | None = None


def load_fonts() -> None:
    """Register the bundled DejaVu fonts, so ✓ ✗ ë € render the same on every laptop."""
    folder = fonts_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))


def high_contrast() -> bool:
    """Whether the OS asks for high contrast (Qt 6.10+); then the system palette rules alone."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = getattr(accessibility(), "contrastPreference", None)
    high = getattr(getattr(Qt, "ContrastPreference", None), "HighContrast", None)
    return preference is not None and high is not None and preference() == high


def dark_mode() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def stylesheet_name() -> str | None:
    """Which QSS file fits the system: none in high contrast, the dark one in dark mode."""
    if high_contrast():
        return None
    return "app-dark.qss" if dark_mode() else "app.qss"


def apply_stylesheet(app: QApplication) -> None:
    name = stylesheet_name()
    if name is None:
        app.setStyleSheet("")
        return
    path = resources_dir() / "styles" / name
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet %s not found", name)


def follow_system_scheme(app: QApplication) -> None:
    """Reload the stylesheet whenever the OS switches between light and dark."""
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_stylesheet(app))


def set_text_scale(percent: int) -> None:
    """Scale the application font; every widget without its own size follows."""
    global _base_point_size
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(_base_point_size * percent / 100)
    app.setFont(font)
    for widget_class in ("QMenuBar", "QMenu", "QToolTip"):  # platform themes set these apart
        app.setFont(font, widget_class)  # type: ignore[arg-type]  # stubs say bytes, runtime str
    for widget in app.allWidgets():  # headings keep their own, relative size
        refresh = getattr(widget, "refresh_font", None)
        if callable(refresh):
            refresh()


def scaled_font(factor: float, bold: bool = True) -> QFont:
    """A heading font relative to the current application font (see widgets.common.Heading)."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font
