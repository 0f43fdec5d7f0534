"""A complete scan in the real app, offscreen, for system-level proofs (no network, no leaks).

Usage::

    python tests/e2e/gui_full_scan.py HOME OUT.pdf [--persona FILE] [--note TEXT] [--vault PASS]
                                      [--announce SEED]

Builds the app the way ``zelfscan.gui.app.main`` does (hardening, user folders, language,
look, catalog, main window, ``privacy.install``), answers every page through the wizard API
with a persona answers file, saves the advice PDF through the Save button's own code path
(synchronously), closes and exits 0. With ``--vault`` the scan is kept in a new vault (cheap
KDF parameters: this is a test script), so autosave runs after every answer too.

``--announce SEED`` plays a user typing for the kill test (``tests/gui/test_autosave_kill.py``):
it prints and flushes ``saved <question id>`` when the autosave reports the save that holds
that answer as written (``Autosaver.saved``): a choice at once, a note at the latest when the
page changes (the typing pause is not waited for here), and pauses a random 0-20 ms after
each answer (RNG seeded with SEED).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DEFAULT_PERSONA = ROOT / "tests" / "personas" / "veilige-woning" / "huurder-appartement.yaml"


def run(
    home: Path,
    out: Path,
    persona: Path,
    note: str | None,
    passphrase: str | None,
    announce: int | None = None,
) -> int:
    from zelfscan.userdirs import harden_process, user_dirs

    harden_process()
    dirs = user_dirs(home)

    from PySide6.QtWidgets import QApplication

    from zelfscan.core.answers import load_answers_file
    from zelfscan.core.catalog import builtin_dirs, discover
    from zelfscan.gui import privacy, theme, workers
    from zelfscan.gui.app import _tear_down
    from zelfscan.gui.dialogs import error
    from zelfscan.gui.main_window import MainWindow
    from zelfscan.gui.session import StorageChoice
    from zelfscan.gui.translations import apply_language
    from zelfscan.gui.wizard import RESULTS_ID
    from zelfscan.storage.crypto import KdfParams

    app = QApplication([sys.argv[0]])
    error.install()
    apply_language("nl")
    theme.load_fonts()
    theme.apply_stylesheet(app)
    workers.set_default_pool(workers.SyncPool())  # deterministic: every job finishes in line
    catalog = discover([*builtin_dirs(), dirs.questionnaires])
    window = MainWindow(list(catalog.questionnaires.values()), catalog.errors)
    cheap = KdfParams(memory_kib=8, iterations=1, lanes=1)
    features = privacy.install(window, dirs, training=False, params=cheap)
    window.show()
    qid, answers = load_answers_file(persona)
    questionnaire = catalog.questionnaires[qid]
    if note is not None:  # the canary goes into every free-text question
        for question in questionnaire.questions.values():
            if question.type.value == "text":
                answers[question.id] = note
    if passphrase is not None:
        features.flow.exec_dialog = lambda dialog: _type_passphrase(dialog, passphrase)
        window.start.storage_buttons[StorageChoice.VAULT].setChecked(True)
        card = next(c for c in window.start.cards if c.questionnaire.id == qid)
        card.button.click()  # the start screen's own path: passphrase, then a new scan
        wizard = window.wizard
    else:
        wizard = window.start_scan(qid)
    if wizard is None:
        print("no wizard", file=sys.stderr)
        return 1
    typing = None if announce is None else random.Random(announce)
    announcer = _Announcer(features.controller.autosaver) if typing is not None else None
    steps = 0
    while wizard.currentId() != RESULTS_ID and steps < 100:
        page = wizard.currentPage()
        for question_id in getattr(page, "questions", {}):
            if question_id in answers:
                wizard.session.set_answer(question_id, answers[question_id])
                if typing is not None and announcer is not None:
                    announcer.typed(question_id)
                    time.sleep(typing.uniform(0.0, 0.02))
        wizard.urgent.close()
        wizard.next()
        steps += 1
    if wizard.currentId() != RESULTS_ID:
        print("did not reach the results page", file=sys.stderr)
        return 1
    wizard.report_actions.ask_path = lambda _parent, _name: out
    wizard.report_actions.ask_password = lambda _parent: (True, None)
    wizard.results.save_button.click()
    app.processEvents()
    wizard.confirm = lambda _title, _text: True
    _tear_down(window)
    if not out.is_file():
        print("no PDF", file=sys.stderr)
        return 1
    return 0


class _Announcer:
    """Prints ``saved <id>`` for every typed answer once a written save includes it."""

    def __init__(self, autosaver: object) -> None:
        self.autosaver = autosaver
        self.waiting: list[tuple[int, str]] = []
        self.written = 0
        autosaver.saved.connect(self.on_saved)  # type: ignore[attr-defined]

    def typed(self, question_id: str) -> None:
        self.waiting.append((self.autosaver.change, question_id))  # type: ignore[attr-defined]
        self.announce()

    def on_saved(self, change: int) -> None:
        self.written = max(self.written, change)
        self.announce()

    def announce(self) -> None:
        while self.waiting and self.waiting[0][0] <= self.written:
            print(f"saved {self.waiting.pop(0)[1]}", flush=True)


def _type_passphrase(dialog: object, passphrase: str) -> int:
    from zelfscan.gui.dialogs.passphrase import PassphraseDialog

    if not isinstance(dialog, PassphraseDialog):
        return 0
    dialog.first.setText(passphrase)
    dialog.second.setText(passphrase)
    dialog.ok.click()
    return dialog.result()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--persona", type=Path, default=DEFAULT_PERSONA)
    parser.add_argument("--note")
    parser.add_argument("--vault", metavar="PASSPHRASE")
    parser.add_argument("--announce", metavar="SEED", type=int)
    args = parser.parse_args()
    return run(args.home, args.out, args.persona, args.note, args.vault, args.announce)


if __name__ == "__main__":
    sys.exit(main())
