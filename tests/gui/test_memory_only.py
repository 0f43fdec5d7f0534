"""Proof of the default promise: a complete memory-only scan leaves nothing on disk but the PDF.

Tails-style: instead of trusting code paths we put a canary in the note answer, run the real
window (with ``privacy.install``, as ``app.main`` does) through a full scan and a PDF save,
then look at every file that could hold it: the user home, the temp folder, and Qt's own
cache/config/data locations. Only the PDF (which the user asked for) may contain answers;
the only other files allowed are the settings and the log, and they must not contain the
canary in UTF-8 or UTF-16.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from zelfscan.core.catalog import builtin_dirs, discover
from zelfscan.gui.vault.file_lock import lock_path
from zelfscan.gui.wizard import RESULTS_ID
from zelfscan.logsetup import LOG_NAME
from zelfscan.userdirs import SETTINGS_FILENAME, user_dirs

from .conftest import MINI
from .vault_helpers import make_app, restored_logging

CANARY = "KANARIE-5e0c-geheim-adres"
ANSWERS = {
    "rol": "wethouder", "woning": "appartement", "kinderen": "ja", "slot": "weet-niet",
    "verlichting": "soms", "maatregelen": ("camera", "hond"), "school-afspraak": "nee",
    "delen-online": "ja", "portiek": "open", "buren": "nee", "bedreigd": "nee",
    "toelichting": CANARY,
}  # fmt: skip
QT_LOCATIONS = (
    QStandardPaths.StandardLocation.GenericCacheLocation,
    QStandardPaths.StandardLocation.CacheLocation,
    QStandardPaths.StandardLocation.AppConfigLocation,
    QStandardPaths.StandardLocation.AppDataLocation,
    QStandardPaths.StandardLocation.AppLocalDataLocation,
    QStandardPaths.StandardLocation.GenericConfigLocation,
    QStandardPaths.StandardLocation.GenericDataLocation,
    QStandardPaths.StandardLocation.GenericStateLocation,
)


def files(folder: Path) -> set[Path]:
    if not folder.is_dir():
        return set()
    return {p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def holds_canary(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return any(CANARY.encode(codec) in data for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def qt_folders() -> set[Path]:
    return {Path(QStandardPaths.writableLocation(loc)) for loc in QT_LOCATIONS} - {Path()}


def test_a_complete_memory_only_scan_leaves_only_the_pdf(
    qtbot, zelfscan_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # private temp and XDG folders, so "before/after" is exact even with other programs running
    names = ("TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
    private = {name: tmp_path / name.lower() for name in names}
    for name, folder in private.items():
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    system_temp = Path(tempfile.gettempdir())
    monkeypatch.setattr(tempfile, "tempdir", str(private["TMPDIR"]))
    assert all(f.is_relative_to(tmp_path) for f in qt_folders())
    own = zelfscan_home / "data" / "questionnaires"
    own.mkdir(parents=True)
    shutil.copy(MINI, own / "mini.yaml")
    watched = [zelfscan_home, *private.values(), *qt_folders()]
    before = {folder: files(folder) for folder in watched}
    started = time.time()
    system_before = set(os.listdir(system_temp))

    dirs = user_dirs(zelfscan_home)
    catalog = discover([*builtin_dirs(), dirs.questionnaires])
    pdf = tmp_path / "chosen-by-user" / "advies.pdf"
    pdf.parent.mkdir()
    with restored_logging():
        app = make_app(qtbot, list(catalog.questionnaires.values()), dirs)
        wizard = app.window.start_scan("mini")
        while wizard.currentId() != RESULTS_ID:
            page = wizard.currentPage()
            for qid in getattr(page, "questions", {}):
                if qid in ANSWERS:
                    wizard.session.set_answer(qid, ANSWERS[qid])  # type: ignore[arg-type]
            wizard.urgent.close()
            wizard.next()
        assert wizard.session.answer("toelichting") == CANARY
        wizard.report_actions.ask_path = lambda _parent, _name: pdf
        wizard.report_actions.ask_password = lambda _parent: (True, None)
        wizard.results.save_button.click()
        assert pdf.read_bytes().startswith(b"%PDF")
        wizard.confirm = lambda _t, _s: True
        app.window.close_scan()
        app.window.close()

    allowed = {pdf, own / "mini.yaml"}
    new_files = set().union(*(files(f) - before[f] for f in watched))
    assert new_files <= allowed, sorted(map(str, new_files - allowed))
    assert not (dirs.logs / LOG_NAME).exists()  # memory-only: no log file either
    assert not (dirs.config / SETTINGS_FILENAME).exists()  # nothing changed: no settings file
    leaks = [p for p in new_files if p != pdf and holds_canary(p)]
    assert leaks == []
    assert not dirs.vault_file.exists()
    assert not lock_path(dirs.vault_file).exists()  # the vault lock comes with the vault only
    # the shared system temp folder: nothing new of ours, and no new file holds the canary
    for name in set(os.listdir(system_temp)) - system_before:
        entry = system_temp / name
        candidates = files(entry) if entry.is_dir() else {entry}
        for path in candidates:
            if path.exists() and path.stat().st_mtime >= started - 1:
                assert not holds_canary(path), path
    # the detector works (a check that cannot fail is no proof)
    probe = tmp_path / "probe.txt"
    probe.write_bytes(("x" + CANARY).encode("utf-16-le"))
    assert holds_canary(probe)
