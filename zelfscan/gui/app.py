"""Start the desktop app: arguments, process hardening, language, look, catalog, window.

``--self-test`` builds the main window and every questionnaire's wizard and quits: the smoke
test for source checkouts and the frozen bundle (it works with QT_QPA_PLATFORM=offscreen, and
without a console: see :func:`_without_console`). ``--self-test=start`` starts exactly as a
user's start does and quits as soon as the start screen has painted: what a user waits for
before the app can be used, and the start-up benchmark. ``--self-test-crash`` also raises a
test error inside a Qt slot and checks that the exception hook handled it (the windowed build
has no console to look at, so the exit code says so).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan import APP_ID, APP_NAME, __version__, arguments
from zelfscan.i18n import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from _typeshed import SupportsWrite
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from zelfscan.core.catalog import Scans
    from zelfscan.gui.main_window import MainWindow
    from zelfscan.gui.privacy import Privacy

log = logging.getLogger(__name__)

START_MODE = "start"
"""``--self-test=start``: quit once the start screen has painted."""


class _Parser(argparse.ArgumentParser):
    """Usage errors and ``--help`` print nothing where there is no console, and still exit
    (2 and 0). Python guards ``sys.stderr is None`` itself only since 3.11.4 (gh-101640);
    before that a bad argument to the windowed build ended in an ``AttributeError``."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        stream: SupportsWrite[str] | None = file if file is not None else sys.stderr
        if message and stream is not None:
            with contextlib.suppress(OSError):
                stream.write(message)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The app's arguments; help and usage errors in the user's language (zelfscan.arguments).

    ``args.self_test`` is ``False``, ``True`` (plain ``--self-test``) or ``"start"``.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = arguments.help_language(argv)
    _ = arguments.translator(lang)
    with arguments.parsing_in(lang):
        parser = _Parser(
            prog="zelfscan",
            description=arguments.wrap(
                _(
                    "Zelfscan: check your personal safety and the security of your home. "
                    "Everything stays on this laptop."
                )
            ),
            epilog=_(
                "examples:\n"
                "  zelfscan --lang en\n"
                "  zelfscan --training\n"
                "  zelfscan --home /media/usb/zelfscan\n\n"
                "Without a window: zelfscan-cli --help"
            ),
            formatter_class=arguments.HelpFormatter,
        )
        arguments.add_version(parser, __version__, _)
        parser.add_argument(
            "--training",
            action="store_true",
            help=_("start in training mode: demo persons, nothing is stored"),
        )
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=None,  # not given: the saved choice; given: it wins over the saved one
            help=_(
                "language of the app: nl (Dutch) or en (English); without it the app uses "
                "the language last chosen in its menu, at first Dutch"
            ),
        )
        parser.add_argument(
            "--home",
            type=Path,
            metavar=_("FOLDER"),
            help=_(
                "keep every file the app makes (settings, vault, logs, your own "
                "questionnaires) in this folder; also possible with ZELFSCAN_HOME"
            ),
        )
        parser.add_argument(
            "--self-test",
            nargs="?",
            const=True,
            default=False,
            choices=(START_MODE,),
            help=_(
                "open the window and the first page of every scan, then quit: exit code 0 "
                "when all is well, 1 when a scan or a bundled file is missing; with "
                "--self-test=start only show the start screen, then quit"
            ),
        )
        # For the bundle smoke test only: --self-test, plus an error raised in a Qt slot
        # that must reach the crash handling (see the module docstring).
        parser.add_argument("--self-test-crash", action="store_true", help=argparse.SUPPRESS)
        args = parser.parse_args(argv)
    # --lang given wins over the language saved in the settings; not given, the saved one is
    # used (``lang_given``), and until the settings are read the app starts in Dutch.
    args.lang_given = args.lang is not None
    args.lang = args.lang or DEFAULT_LANGUAGE
    return args


def main(argv: Sequence[str] | None = None) -> int:
    _without_console()
    args = parse_args(argv)  # usage errors exit 2; --help and --version exit 0

    import gc

    gc.disable()  # until the window is built (see _freeze_long_lived)
    try:
        app, window, scans, features = _build(args)
    finally:
        _freeze_long_lived()
    try:
        if args.self_test == START_MODE:
            return _start_screen_test(app, window)
        if args.self_test or args.self_test_crash:
            return _self_test(app, window, scans.errors, crash=args.self_test_crash)
        from zelfscan.gui.window_size import place_first_window

        # the whole start screen, inside the screen; or where it was, if settings are kept
        place_first_window(window, remembered=features.settings.window)
        _after_first_paint(window, lambda: load_scan_modules(window))
        window.show()
        return app.exec()
    finally:
        _tear_down(window)


def _build(args: argparse.Namespace) -> tuple[QApplication, MainWindow, Scans, Privacy]:
    """Everything up to the window, ready to show: process, logging, catalog, Qt, window."""
    from zelfscan.userdirs import harden_process, user_dirs

    harden_process()
    dirs = user_dirs(args.home)

    from zelfscan.logsetup import setup_logging

    setup_logging(None)  # redacted console logging until privacy.install decides on a file

    from zelfscan.core.catalog import builtin_dirs, start_up

    # Qt-free, so before PySide6, which reads the source of every module imported after it
    scans = start_up([*builtin_dirs(), dirs.questionnaires])  # built-in ones: summaries only

    from zelfscan.gui.session_bus import prevent_autolaunch

    prevent_autolaunch()  # before Qt: no dbus-launch writing ~/.dbus on a bare X display

    from PySide6.QtWidgets import QApplication

    from zelfscan.gui import qt_messages

    qt_messages.install()  # Qt's own warnings: redacted, never to the system log

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
    app.setWindowIcon(_app_icon())
    _keyboard_reaches_every_control(app)
    error.install()
    apply_language(args.lang)
    theme.load_fonts()
    theme.apply_stylesheet(app)
    theme.follow_system_scheme(app)

    window = MainWindow(scans, scans.errors, training=args.training)
    from zelfscan.gui import privacy

    features = privacy.install(
        window, dirs, training=args.training, lang=args.lang if args.lang_given else None
    )
    return app, window, scans, features


def _keyboard_reaches_every_control(app: QApplication) -> None:
    """Tab reaches buttons, checkboxes and lists too, on every OS (WCAG 2.1.1).

    macOS lets Tab visit only text fields and lists unless the user switched on "Keyboard
    navigation" in System Settings, and Qt follows that setting: someone working by keyboard
    alone could not reach "Volgende" or "Opslaan als PDF". Zelfscan must work by keyboard
    alone for everybody, so the app asks for every control explicitly. Elsewhere this is
    already the default, so it changes nothing there.
    """
    from PySide6.QtCore import Qt

    app.styleHints().setTabFocusBehavior(Qt.TabFocusBehavior.TabFocusAllControls)


def _app_icon() -> QIcon:
    """The window and taskbar icon; Qt reads the PNG of the size it needs when it needs it."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from zelfscan.paths import ICON_SIZES, icon_file

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)), QSize(size, size))
    return icon


def _without_console() -> None:
    """Make a start without a console safe; call first.

    The windowed build (PyInstaller ``console=False``) starts with ``sys.stdout`` and
    ``sys.stderr`` set to ``None`` on Windows and macOS, and so does any Python that finds
    descriptors 1 and 2 closed. The Python side is handled where it is written to, not by
    pointing ``sys.stderr`` at ``os.devnull`` here: every writer on the app's paths either
    checks for ``None`` (:class:`_Parser`, :func:`_say`, ``logsetup.setup_logging``) or is
    the interpreter's own and already skips a missing stream (``print``, the default
    ``sys.excepthook`` and ``threading.excepthook``, ``warnings``, unraisable exceptions).
    That keeps ``sys.stderr is None`` a true answer to "is there a console?", and the
    exception hook (``dialogs/error.py``) never writes to either stream. ``faulthandler``
    is not used: it needs a real file, which a memory-only session must not write.

    What only the process can fix is underneath Python: on POSIX a closed descriptor 0, 1
    or 2 is handed to the next file opened. The log file would then become descriptor 2,
    where Qt's own warnings go (unredacted, past the redacting formatter), and a vault or
    PDF being saved could become descriptor 1 or 2 and take C-level output into its bytes.
    So each closed one is opened on ``os.devnull`` before anything else is. Windows is left
    alone: a GUI process without a console gets Qt's messages on the debugger output
    (``OutputDebugString``), not on descriptor 2.
    """
    if os.name != "posix":
        return
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)  # lowest free descriptor: this one
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            os.set_inheritable(fd, True)


def _say(text: str, *, problem: bool = False) -> None:
    """A line for whoever runs ``--self-test``: problems on stderr, the verdict on stdout,
    nothing where there is no console (the exit code still tells)."""
    stream = sys.stderr if problem else sys.stdout
    if stream is not None:
        print(text, file=stream)


def _freeze_long_lived() -> None:
    """Keep the collector from walking what lives as long as the app, and switch it on.

    The modules, Qt wrappers for classes and the questionnaires (tens of thousands of
    immutable objects) never become garbage; ``gc.freeze`` moves them out of the collector's
    reach, so every later full collection (and the one at exit) only walks the objects the
    session makes: ~15 ms less at exit on a 2-core laptop (docs/performance.md). Until the
    window is built the collector is off: its ~50 passes over the start-up's objects
    (~10 ms) found a few dozen objects to free."""
    import gc

    gc.freeze()
    gc.enable()


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


def _self_test(
    app: QApplication, window: MainWindow, errors: Sequence[object], *, crash: bool = False
) -> int:
    """Show the window, open every wizard on its first page, with ``crash`` check the
    exception hook, report. Fails (1) when no questionnaire loaded or a bundled file is
    missing: a build that left out the content must not pass as a working app."""
    problems = _missing_parts(window)
    for problem in errors:
        _say(f"self-test: questionnaire not loaded: {problem}", problem=True)
    for problem in problems:
        _say(f"self-test: {problem}", problem=True)
    if problems:
        return 1
    from PySide6.QtCore import QCoreApplication, QEvent

    window.show()
    app.processEvents()
    load_scan_modules(window)  # a user's start does this after the first paint
    for questionnaire_id in list(window.questionnaires):
        wizard = window.start_scan(questionnaire_id)
        app.processEvents()
        if wizard.currentPage() is None:
            _say(f"self-test: {questionnaire_id}: no first page", problem=True)
            return 1
        window.close_scan()
        # What a user's return to the event loop does: the closed scan's wizard is deleted
        # (processEvents() outside app.exec() leaves deleteLater() waiting), so the self-test
        # holds one wizard at a time, as the app does.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if crash and not _exception_hook_works():
        _say("self-test: an error in a slot did not reach the exception hook", problem=True)
        return 1
    _say(f"self-test ok: {len(window.questionnaires)} questionnaire(s)")
    return 0


def _after_first_paint(window: MainWindow, then: Callable[[], object]) -> None:
    """Run ``then`` once the page the window shows (the start screen) has first painted,
    after that paint has finished."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    page = window.current_page()
    if page is not None:
        page.installEventFilter(FirstPaint(window))


def load_scan_modules(window: MainWindow) -> None:
    """Load the questionnaires (the start screen shows their summaries) and import what
    opening a scan needs while the user reads the start screen: the start screen paints
    without them, and the first click then waits for less.

    Then drop the source lines ``linecache`` holds: PySide6 reads the source of every module
    imported after it (to look for ``from __feature__ import``), and ``linecache`` keeps
    them for the life of the process, ~1.2 MiB of text in ~30,000 strings. Nothing of the
    app needs them; a traceback reads its files again.
    """
    import linecache

    window.questionnaires.load()
    import zelfscan.gui.wizard  # noqa: F401

    _freeze_long_lived()  # the questionnaires and the modules live as long as the app
    linecache.clearcache()


def _start_screen_test(app: QApplication, window: MainWindow) -> int:
    """Show the window as a user's start does; quit at the start screen's first paint.

    Exit 0 when it painted; 1 when nothing painted within a minute (a hung start must not
    pass, nor keep a benchmark waiting forever)."""
    from PySide6.QtCore import QTimer

    painted: list[bool] = []

    def done() -> None:
        painted.append(True)
        app.quit()

    _after_first_paint(window, done)
    QTimer.singleShot(60_000, app.quit)
    window.resize(window.sizeHint().expandedTo(window.minimumSizeHint()))
    window.show()
    app.exec()
    if not painted:
        _say("self-test: the start screen did not paint", problem=True)
        return 1
    return 0


def _missing_parts(window: MainWindow) -> list[str]:
    """What the app needs and can not find: questionnaires, our bundled files, and Qt's own
    Dutch catalogue (without it Qt's buttons and dialogs stay English in a Dutch app)."""
    from PySide6.QtCore import QLibraryInfo

    from zelfscan.paths import missing_resources, questionnaires_dir

    problems = [f"missing bundled file: {name}" for name in missing_resources()]
    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (qt_translations / "qtbase_nl.qm").is_file():
        problems.append(f"missing Qt translation: {qt_translations / 'qtbase_nl.qm'}")
    if not window.questionnaires:
        problems.append(f"no questionnaire could be loaded (looked in {questionnaires_dir()})")
    return problems


class SelfTestError(RuntimeError):
    """Raised on purpose by ``--self-test-crash`` in a Qt slot, to check the exception hook."""


def _exception_hook_works() -> bool:
    """Raise inside a timer's slot in a running event loop, as a bug would, and tell whether
    the installed hook took it all the way to the crash dialog (shown and closed at once).

    The hook does what it does for any bug: the redacted log entry (only where a file log is
    kept, i.e. for someone with a vault, and marked by the warning before it) and the
    emergency saves (nothing is open during the self-test, so nothing is written). This is
    the only way to check it in the windowed build, where there is no console to look at;
    it takes no input and runs only inside the self-test, which quits right after.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from zelfscan.gui.dialogs import error

    shown: list[str] = []

    def close_at_once(box: QMessageBox) -> int:
        box.show()
        shown.append(box.text())
        box.close()
        return 0

    def fail() -> None:
        raise SelfTestError

    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(fail)
    timer.timeout.connect(loop.quit)  # runs after fail(), whatever became of its error
    runner, error.dialog_runner = error.dialog_runner, close_at_once
    try:
        log.warning("self-test: raising a test error in a slot on purpose")
        timer.start(0)
        loop.exec()
    except SelfTestError:  # PySide handed it back instead of to sys.excepthook
        return False
    finally:
        error.dialog_runner = runner
    return bool(shown)
