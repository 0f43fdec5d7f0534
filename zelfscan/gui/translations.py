"""Switch the language of our own texts (gettext) and of Qt's own dialogs and buttons at once.

Without Qt's catalogue QFileDialog and QMessageBox buttons stay English in a Dutch app. The
translator must stay referenced: a garbage-collected QTranslator silently stops translating.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zelfscan import i18n
from zelfscan.gui.qt_gaps import QtGapsTranslator

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def apply_language(lang: str) -> None:
    """Set gettext's language, Qt's default locale and Qt's own translations to ``lang``."""
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(lang))
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        return  # Qt's source texts are English
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
        gaps = QtGapsTranslator(lang)  # after Qt's: asked first, answers only its few texts
        if not gaps.isEmpty():
            app.installTranslator(gaps)
            _installed.append(gaps)
    else:  # the wizard sets its button texts through gettext anyway
        log.warning("Qt translations for %s not found", lang)
