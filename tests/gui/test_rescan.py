"""Re-scan progress on the results page: the comparison per theme, marking actions in the
plan (and the PDF model ticking them), the calendar reminder, and the lazily built list."""

from __future__ import annotations

from pathlib import Path

from tests.osaware import assert_mode
from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers
from zelfscan.gui.wizard import RESULTS_ID, ScanWizard
from zelfscan.report.build import build_report

from .test_wizard import FULL

BASE = FULL  # the wizard tests' complete answer set for the mini fixture
PREVIOUS = {**BASE, "school-afspraak": "ja"}
"""Last time: a school arrangement (gezin goed), weak lock and lighting (thuis risico)."""
NOW = {**BASE, "slot": "ja", "verlichting": "altijd"}
"""Now: better lock and lighting (thuis beter), no school arrangement (gezin slechter)."""


def to_results(wizard: ScanWizard, answers: dict[str, object], qtbot) -> None:
    wizard.session.load_answers(answers)  # type: ignore[arg-type]
    wizard.restart()
    while wizard.currentId() != RESULTS_ID:
        wizard.urgent.close()
        wizard.next()
    qtbot.waitUntil(lambda: wizard.results.advice_complete)


def set_previous(wizard: ScanWizard, mini, *, plan: dict[str, str]) -> None:
    """What the vault developer does when a saved scan of the same kind exists."""
    session = wizard.session
    session.previous = evaluate(mini, effective_answers(mini, PREVIOUS))
    # "ophaalafspraak" did not exist in the previous content version
    session.previous_advice_ids = tuple(a.id for a in mini.advice if a.id != "ophaalafspraak")
    session.previous_plan = plan


def test_comparison_shows_better_and_worse_per_theme(wizard: ScanWizard, mini, qtbot) -> None:
    set_previous(wizard, mini, plan={"camera": "gedaan"})
    to_results(wizard, NOW, qtbot)
    view = wizard.results.comparison
    assert view is not None
    assert view.isVisibleTo(wizard.results)
    table = view.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert table.item(rows["In en om de woning"], 3).text() == "▲ Beter"
    assert table.item(rows["Gezin"], 3).text() == "▼ Slechter"
    assert table.item(rows["Dreiging"], 3).text() == "= Gelijk"
    thuis = rows["In en om de woning"]
    assert table.item(thuis, 1).text().startswith("11 van 100")
    assert table.item(thuis, 2).text().startswith("44 van 100")
    assert "✗ Risico" in table.item(thuis, 2).text()  # level as symbol and word
    assert "camera" in view.done_label.text().lower()  # marked done in the previous plan
    assert view.new_label.isVisibleTo(view)
    titles = {a.id: a.title.get("nl") for a in mini.advice}
    assert titles["ophaalafspraak"] in view.new_label.text()
    assert "Beter" in table.accessibleDescription()


def test_no_comparison_without_a_previous_scan(wizard: ScanWizard, qtbot) -> None:
    to_results(wizard, NOW, qtbot)
    assert wizard.results.comparison is None


def test_marking_an_action_updates_the_plan_and_the_report(
    wizard: ScanWizard, mini, qtbot, monkeypatch
) -> None:
    to_results(wizard, NOW, qtbot)
    results = wizard.results
    evaluation = results.evaluation
    assert len(results.advice_widgets) == len(evaluation.advice)
    first = evaluation.advice[0].id
    box = results.plan_boxes[first]
    assert box.accessibleName().startswith("Status van de actie")
    with qtbot.waitSignal(wizard.session.plan_changed):
        box.setCurrentIndex(1)
        box.activated.emit(1)
    assert dict(wizard.session.plan) == {first: "gedaan"}
    report = build_report(mini, evaluation, "nl", plan_state=wizard.session.plan)
    entry = next(e for e in report.plan if e.id == first)
    assert entry.state == "gedaan"
    assert report.progress is not None
    assert report.progress.done == 1
    # the PDF saved from the results page is made from the same plan
    seen: list[object] = []

    def fake_save(doc: object, path: Path, **kwargs: object) -> Path:
        seen.append(doc)
        return path

    monkeypatch.setattr("zelfscan.gui.report_actions.save_report", fake_save)
    wizard.report_actions.ask_path = lambda _parent, _name: Path("advies.pdf")
    wizard.report_actions.ask_password = lambda _parent: (True, None)
    last = evaluation.advice[-1].id
    wizard.session.set_plan_state(last, "nvt")
    assert results.plan_boxes[last].state() == "nvt"  # follows the session
    with qtbot.waitSignal(wizard.report_actions.report_saved, timeout=30000):
        results.save_button.click()
    (doc,) = seen
    states = {e.id: e.state for e in doc.plan}  # type: ignore[attr-defined]
    assert (states[first], states[last]) == ("gedaan", "nvt")
    assert doc.progress is not None
    assert doc.progress.themes == ()


def test_plan_boxes_show_the_saved_state(wizard: ScanWizard, qtbot) -> None:
    wizard.session.load_plan({"portiek-dicht": "gepland"})
    to_results(wizard, NOW, qtbot)
    assert wizard.results.plan_boxes["portiek-dicht"].currentText() == "Gepland"


def test_reminder_writes_a_calendar_file_without_answers(
    wizard: ScanWizard, tmp_path: Path, qtbot
) -> None:
    to_results(wizard, NOW, qtbot)
    results = wizard.results
    assert results.reminder_button.isVisibleTo(results)
    target = tmp_path / "herinnering.ics"
    results.ask_reminder_path = lambda _parent, _name: target
    results.reminder_button.click()
    text = target.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "\r\nDTSTART;VALUE=DATE:" in text
    assert "END:VCALENDAR" in text
    unfolded = text.replace("\r\n ", "")
    assert wizard.session.questionnaire.title.get("nl") in unfolded
    for value in ("burgemeester", "appartement", "portiek"):
        assert value not in unfolded.lower()
    assert_mode(target, 0o600)
    assert "herinnering" in results.busy_label.text().lower()


def test_the_advice_list_is_built_after_the_summary(wizard: ScanWizard, qtbot) -> None:
    wizard.session.load_answers(NOW)  # type: ignore[arg-type]
    wizard.restart()
    while wizard.currentId() != RESULTS_ID:
        wizard.urgent.close()
        wizard.next()
    results = wizard.results
    assert results.top_labels  # the overall result and top 3 are there at once
    with qtbot.waitSignal(results.advice_built, timeout=5000, raising=False):
        pass
    qtbot.waitUntil(lambda: results.advice_complete)
    assert len(results.advice_widgets) == len(results.evaluation.advice)


def test_results_with_comparison_and_plan_have_named_controls(
    wizard: ScanWizard, mini, qtbot
) -> None:
    from tests.gui.test_accessibility import unnamed

    set_previous(wizard, mini, plan={})
    to_results(wizard, NOW, qtbot)
    assert wizard.results.plan_boxes
    assert unnamed(wizard.results) == []
    assert wizard.results.comparison.table.accessibleName()
