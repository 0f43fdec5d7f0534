"""Screenshots of the vault, lock and wipe screens, to look at them (and for docs/).

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots_vault.py OUTDIR
Uses a throw-away home and cheap KDF parameters; nothing of the user's is touched.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out: Path) -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    from zelfscan.core.catalog import builtin_dirs, discover
    from zelfscan.gui import privacy, theme, workers
    from zelfscan.gui.dialogs.passphrase import Mode, PassphraseDialog
    from zelfscan.gui.dialogs.saved_scans import SavedScansDialog
    from zelfscan.gui.dialogs.wipe import WipeDialog
    from zelfscan.gui.main_window import MainWindow
    from zelfscan.gui.translations import apply_language
    from zelfscan.storage.content import Scan
    from zelfscan.storage.crypto import KdfParams
    from zelfscan.storage.errors import WrongPassphrase
    from zelfscan.userdirs import user_dirs

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    apply_language("nl")
    theme.load_fonts()
    theme.apply_stylesheet(app)
    workers.set_default_pool(workers.SyncPool())
    dirs = user_dirs(Path(tempfile.mkdtemp()))
    catalog = discover(builtin_dirs())
    window = MainWindow(list(catalog.questionnaires.values()))
    features = privacy.install(window, dirs, training=False, params=KdfParams(8, 1, 1))
    window.resize(900, 760)
    window.show()

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        for _ in range(3):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))

    start = window.start
    start.storage_buttons[list(start.storage_buttons)[1]].setChecked(True)
    start.privacy.ensureVisible = None  # type: ignore[attr-defined]
    shot(window, "start")
    shot(start.privacy, "storage-choice")

    create = PassphraseDialog(Mode.CREATE, lambda *a: None, window)
    create.first.setText("zonnebloem")
    create.second.setText("zonnebloem")
    shot(create, "passphrase-create")
    wrong = PassphraseDialog(Mode.OPEN, lambda p, b, ok, err: err(WrongPassphrase()), window)
    wrong.first.setText("x")
    wrong.ok.click()
    shot(wrong, "passphrase-wrong")

    qids = list(catalog.questionnaires)
    scans = [
        replace(Scan.new(qids[0], "1"), finished=True, started="2026-03-02T09:15:00+00:00",
                updated="2026-03-02T09:40:00+00:00"),
        replace(Scan.new(qids[-1], "1"), started="2026-05-11T19:02:00+00:00",
                updated="2026-05-11T19:20:00+00:00"),
    ]  # fmt: skip
    titles = {qid: q.title for qid, q in catalog.questionnaires.items()}
    shot(SavedScansDialog(scans, titles, lambda _id: None, parent=window), "saved-scans")

    window.start_scan(qids[0])
    features.lock.lock()
    shot(window, "lock-memory")
    features.lock.unlock()
    window.close_scan()

    dirs.config.mkdir(parents=True, exist_ok=True)
    dirs.settings_file.write_text("{}", encoding="utf-8")
    features.controller.unlock("een lang wachtwoord", create=True, on_done=lambda: None,
                               on_error=print)  # fmt: skip
    shot(WipeDialog(dirs, lambda _q: [], window), "wipe")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
