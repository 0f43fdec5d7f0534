"""Look and size: the stylesheet, dark/high-contrast handling, bundled fonts and text scaling.

Colours, sizes and gaps are tokens (:mod:`zelfscan.gui.tokens`) filled into the one
stylesheet (``resources/styles/app.qss``). The text size is part of that stylesheet, so the
View menu reaches every widget, also the ones made before the change: an application font
alone did not reach widgets the stylesheet had already polished (body text and radio buttons
stayed at 100%, issue #17).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from zelfscan.gui import tokens
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


def scheme() -> tokens.Colours | None:
    """The colours for the system's setting: none in high contrast (the system palette then
    rules alone), the dark ones in dark mode, else the light ones."""
    if high_contrast():
        return None
    return tokens.DARK if dark_mode() else tokens.LIGHT


_style_installed = False
_scale = 1.0
_system_palette: QPalette | None = None
"""The palette the platform gave, before ours: high contrast hands it back."""


def install_style(app: QApplication) -> None:
    """Fusion, once: the same widgets on every OS, drawn in the palette from the tokens.

    Radio and check box indicators that grow with the text, and the 2 px focus mark, come
    from the stylesheet (no Python style override: a proxy style's ``pixelMetric`` ran in
    Python ~50 000 times for one rebuild of the results page)."""
    global _style_installed, _system_palette
    if not _style_installed:
        app.setStyle("Fusion")
        _system_palette = QPalette(app.palette())
        _style_installed = True


def apply_stylesheet(app: QApplication) -> None:
    """The one stylesheet for the current scheme and text size, and the matching palette."""
    install_style(app)
    colours = scheme()
    if colours is not None:
        palette = QPalette(app.palette())
        for role, colour in tokens.palette_roles(colours).items():
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        app.setPalette(palette)
    elif _system_palette is not None:  # high contrast: the system's colours, untouched
        app.setPalette(_system_palette)
    path = resources_dir() / "styles" / "app.qss"
    try:
        template = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s not found", path.name)
        template = ""
    app.setStyleSheet(tokens.stylesheet(template, colours, _body_point_size(app) * _scale, _scale))


def clear_stylesheet(app: QApplication) -> None:
    """No stylesheet and the system's palette again (tests; the app never needs it)."""
    app.setStyleSheet("")
    if _system_palette is not None:
        app.setPalette(_system_palette)


def follow_system_scheme(app: QApplication) -> None:
    """Reload the stylesheet whenever the OS switches between light and dark."""
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_stylesheet(app))


def _body_point_size(app: QApplication) -> float:
    """The body text size at 100%: the system's font size, read once."""
    global _base_point_size
    if _base_point_size is None:
        size = app.font().pointSizeF()
        _base_point_size = size if size > 0 else 10.0
    return _base_point_size


def set_text_scale(percent: int) -> None:
    """Scale all text: the stylesheet's sizes (every widget, also the ones built before)
    and the application font (dialogs, menus and tooltips the stylesheet does not reach)."""
    global _scale
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    base = _body_point_size(app)
    _scale = percent / 100
    font = QFont(app.font())
    font.setPointSizeF(base * _scale)
    app.setFont(font)
    for widget_class in ("QMenuBar", "QMenu", "QToolTip"):  # platform themes set these apart
        app.setFont(font, widget_class)  # type: ignore[arg-type]  # stubs say bytes, runtime str
    for widget in app.allWidgets():  # headings without a stylesheet keep their own size
        refresh = getattr(widget, "refresh_font", None)
        if callable(refresh):
            refresh()
    if app.styleSheet():
        apply_stylesheet(app)


def text_scale() -> float:
    """The current text scale (1.0 = 100%)."""
    return _scale


def scaled_font(factor: float, bold: bool = True) -> QFont:
    """A font relative to the current body text (for painting, e.g. the chart)."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font
