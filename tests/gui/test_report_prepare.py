"""The PDF made while the results are read is the one "Opslaan als PDF" writes, and only for
exactly the request it was made from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable
from PySide6.QtWidgets import QWidget

from zelfscan.core.evaluate import evaluate
from zelfscan.core.model import Questionnaire
from zelfscan.gui import report_actions
from zelfscan.gui.report_actions import ReportActions, ReportRequest
from zelfscan.report.output import ReportFormat


class HeldPool:
    """Runs nothing until the test says so: a render "in flight"."""

    def __init__(self) -> None:
        self.jobs: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.jobs.append(runnable)

    def run_next(self) -> None:
        self.jobs.pop(0).run()


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts renders of a whole report (the prepared one and any made at save time)."""
    made: list[str] = []
    real_render, real_write = report_actions.render_report, report_actions.write_report

    def render(*args: object, **kw: object) -> bytes:
        made.append("prepared")
        return real_render(*args, **kw)  # type: ignore[arg-type]

    def write(*args: object, **kw: object) -> Path:
        made.append("at save")
        return real_write(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(report_actions, "render_report", render)
    monkeypatch.setattr(report_actions, "write_report", write)
    return made


def _actions(qtbot: object, pool: HeldPool, target: Path) -> ReportActions:
    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    return ReportActions(
        parent, ask_path=lambda _p, _n: target, ask_password=lambda _p: (True, None), pool=pool
    )


def test_the_prepared_pdf_is_written_without_rendering_again(
    qtbot: object, mini: Questionnaire, tmp_path: Path, renders: list[str]
) -> None:
    pool = HeldPool()
    target = tmp_path / "advies.pdf"
    actions = _actions(qtbot, pool, target)
    request = ReportRequest(mini, evaluate(mini, {}), "nl")
    actions.prepare(request)
    pool.run_next()  # rendered while the user reads
    actions.prepare(request)  # the same request again: nothing new to do
    assert pool.jobs == []
    actions.save(request, ReportFormat.PDF)
    pool.run_next()  # only writes
    assert renders == ["prepared"]
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_save_during_the_render_waits_for_it(
    qtbot: object, mini: Questionnaire, tmp_path: Path, renders: list[str]
) -> None:
    pool = HeldPool()
    target = tmp_path / "advies.pdf"
    actions = _actions(qtbot, pool, target)
    request = ReportRequest(mini, evaluate(mini, {}), "nl")
    actions.prepare(request)
    actions.save(request, ReportFormat.PDF)  # clicked before the render finished
    assert len(pool.jobs) == 1
    assert not target.exists()
    pool.run_next()  # the render ends and hands its bytes to the write
    pool.run_next()
    assert renders == ["prepared"]
    assert target.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("change", ["language", "plan", "full"])
def test_another_request_renders_anew(
    qtbot: object, mini: Questionnaire, tmp_path: Path, renders: list[str], change: str
) -> None:
    pool = HeldPool()
    target = tmp_path / "advies.pdf"
    actions = _actions(qtbot, pool, target)
    evaluation = evaluate(mini, {})
    prepared = ReportRequest(mini, evaluation, "nl")
    actions.prepare(prepared)
    pool.run_next()
    saved = {
        "language": ReportRequest(mini, evaluation, "en"),
        "plan": ReportRequest(mini, evaluation, "nl", plan_state={"any-advice": "done"}),
        "full": prepared,
    }[change]
    actions.save(saved, ReportFormat.PDF, full=change == "full")
    pool.run_next()
    assert renders == ["prepared", "at save"]
    assert target.read_bytes().startswith(b"%PDF-")
