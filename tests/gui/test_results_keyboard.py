"""The results page by keyboard: Tab reaches every control going forward, leaves the tables,
and after saving the focus is on the next step, not in a table (issue #17 item 3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget, QWizard

from zelfscan.gui.wizard import ScanWizard

from .test_results_page import to_results
from .test_wizard import FULL


def focusable(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QComboBox):
            continue
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            found.append(widget)
    return found


def tab_round(start: QWidget, limit: int = 400) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it (or ``limit`` presses)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is start:
            return seen
        seen.append(widget)
    raise AssertionError("Tab never came back round: a keyboard trap")


def test_tab_reaches_every_control_going_forward(wizard: ScanWizard, qtbot) -> None:
    wizard.window().activateWindow()
    to_results(wizard, FULL)
    results = wizard.results
    qtbot.waitUntil(results.save_button.hasFocus)
    seen = tab_round(results.save_button)
    wanted = focusable(results) + [
        wizard.button(b)
        for b in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    ]
    missing = [w for w in wanted if w is not results.save_button and w not in seen]
    assert not missing, [f"{type(w).__name__} {w.accessibleName()}" for w in missing]
    # the "Scores per thema" table takes one Tab stop, not one per cell
    assert results.table is not None
    assert seen.count(results.table) <= 1
    assert results.advice_widgets[0].toggle in seen


def test_after_saving_the_focus_is_on_open_not_in_a_table(
    wizard: ScanWizard, qtbot, tmp_path: Path
) -> None:
    wizard.window().activateWindow()
    to_results(wizard, FULL)
    results = wizard.results
    target = tmp_path / "advies.pdf"
    wizard.report_actions.ask_path = lambda _parent, _name: target
    wizard.report_actions.ask_password = lambda _parent: (True, None)
    qtbot.waitUntil(results.save_button.hasFocus)
    QTest.keyClick(results.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists)
    saved = results.action_bar.saved
    qtbot.waitUntil(saved.isVisible)
    assert QApplication.focusWidget() is saved.open_button
    assert str(target.parent) in saved.label.text()
    assert saved.folder_button.isVisible()
    assert results.save_button.isDefault()  # Enter still saves, not "Nieuwe scan"
