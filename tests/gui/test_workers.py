"""run_in_background delivers results and errors on the GUI thread."""

from __future__ import annotations

import threading

from zelfscan.gui.workers import SyncPool, run_in_background


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    main = threading.get_ident()
    seen: dict[str, object] = {}

    def job() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    from PySide6.QtCore import QThreadPool

    run_in_background(job, done, lambda exc: None, pool=QThreadPool.globalInstance())
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["done_thread"] == main
    assert seen["worker"] != main


def test_errors_go_to_on_error(qtbot) -> None:
    from PySide6.QtCore import QThreadPool

    errors: list[BaseException] = []

    def job() -> None:
        raise OSError("disk full")

    run_in_background(job, lambda _r: None, errors.append, pool=QThreadPool.globalInstance())
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], OSError)


def test_sync_pool_runs_at_once() -> None:
    results: list[object] = []
    run_in_background(lambda: "ok", results.append, lambda exc: None, pool=SyncPool())
    assert results == ["ok"]
