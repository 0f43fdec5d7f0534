"""Start the desktop app: arguments, process hardening, language, look, catalog, window.

``--self-test`` builds the main window and every questionnaire's wizard and quits: the smoke
test for source checkouts and the frozen bundle (it works with QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan import APP_ID, APP_NAME, __version__
from zelfscan.i18n import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from zelfscan.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zelfscan", description="Zelfscan desktop app")
    parser.add_argument("--training", action="store_true", help="start in training mode")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--home", type=Path, help="keep all user files under this folder")
    parser.add_argument(
        "--self-test", action="store_true", help="build every window offscreen-capable and exit"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)  # usage errors exit 2

    from zelfscan.userdirs import harden_process, user_dirs

    harden_process()
    dirs = user_dirs(args.home)

    from PySide6.QtWidgets import QApplication

    from zelfscan.core.catalog import builtin_dirs, discover
    from zelfscan.gui import theme
    from zelfscan.gui.dialogs import error
    from zelfscan.gui.main_window import MainWindow
    from zelfscan.gui.translations import apply_language

    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else APP_NAME])
    )
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    error.install()
    apply_language(args.lang)
    theme.load_fonts()
    theme.apply_stylesheet(app)
    theme.follow_system_scheme(app)

    catalog = discover([*builtin_dirs(), dirs.questionnaires])
    _freeze_long_lived()
    questionnaires = list(catalog.questionnaires.values())
    window = MainWindow(questionnaires, catalog.errors, training=args.training)
    from zelfscan.gui import privacy

    privacy.install(window, dirs, training=args.training, lang=args.lang)
    try:
        if args.self_test:
            return _self_test(app, window, catalog.errors)
        window.resize(window.sizeHint().expandedTo(window.minimumSizeHint()))
        window.show()
        return app.exec()
    finally:
        _tear_down(window)


def _freeze_long_lived() -> None:
    """Keep the collector from walking what lives as long as the app.

    The modules, Qt wrappers for classes and the questionnaires (tens of thousands of
    immutable objects) never become garbage; ``gc.freeze`` moves them out of the collector's
    reach, so every later full collection (and the one at exit) only walks the objects the
    session makes: ~15 ms less at exit on a 2-core laptop (docs/performance.md)."""
    import gc

    gc.freeze()


def _tear_down(window: MainWindow) -> None:
    """Delete the widgets while Qt is still alive, so nothing Qt-owned is left for the
    garbage collector at interpreter exit (where crashes are hard to diagnose)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    window.close_scan()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _self_test(app: QApplication, window: MainWindow, errors: Sequence[object]) -> int:
    """Show the window, open every wizard on its first page, process events, report."""
    window.show()
    app.processEvents()
    for questionnaire_id in list(window.questionnaires):
        wizard = window.start_scan(questionnaire_id)
        app.processEvents()
        if wizard.currentPage() is None:
            print(f"self-test: {questionnaire_id}: no first page", file=sys.stderr)
            return 1
        window.close_scan()
    for problem in errors:
        print(f"self-test: questionnaire not loaded: {problem}", file=sys.stderr)
    print(f"self-test ok: {len(window.questionnaires)} questionnaire(s)")
    return 0
