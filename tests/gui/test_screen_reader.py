"""What a screen reader is told (issue #17 item 9): help and details are buttons that
expand, the urgent panel is an alert read out without taking the focus, status boxes name
their action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from zelfscan.gui import a11y
from zelfscan.gui.wizard import ScanWizard

from .test_results_page import to_results
from .test_wizard import FULL, answer_page


def interface(widget):  # type: ignore[no-untyped-def]
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


def test_why_do_we_ask_this_is_a_button_that_expands(wizard: ScanWizard) -> None:
    wizard.window().activateWindow()
    answer_page(wizard, FULL)
    wizard.next()
    question = wizard.currentPage().questions["slot"]
    button = question.help_button
    assert button is not None
    assert not button.isCheckable()
    access = interface(button)
    assert access.role() == QAccessible.Role.Button  # not CheckBox
    assert access.state().expandable
    assert not access.state().expanded
    assert "Waarom vragen we dit" in access.text(QAccessible.Text.Name)
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert question.help_label is not None
    assert question.help_label.isVisible()
    assert interface(button).state().expanded
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert not question.help_label.isVisible()
    assert not interface(button).state().expanded


def test_show_details_is_a_button_that_expands(wizard: ScanWizard) -> None:
    to_results(wizard, FULL)
    item = wizard.results.advice_widgets[0]
    access = interface(item.toggle)
    assert access.role() == QAccessible.Role.Button
    assert access.state().expandable
    assert not access.state().expanded
    item.toggle.click()
    assert interface(item.toggle).state().expanded


def test_the_status_boxes_name_their_action(wizard: ScanWizard) -> None:
    to_results(wizard, FULL)
    for advice_id, box in wizard.results.plan_boxes.items():
        assert box.title in box.accessibleName(), advice_id  # Windows, macOS
        # Linux (AT-SPI) names a combo box by its label: "Status van de actie: …"
        labels = [
            other.text(QAccessible.Text.Name)
            for other, relation in interface(box).relations(QAccessible.Relation.Label)
        ]
        assert any(box.title in name for name in labels), (advice_id, labels)


def test_the_urgent_panel_is_an_alert_inside_the_window(wizard: ScanWizard, qtbot) -> None:
    wizard.window().activateWindow()
    answers = {k: v for k, v in FULL.items() if k != "bedreigd"}
    while wizard.currentPage().objectName() != "section-dreiging":
        answer_page(wizard, answers)
        wizard.next()
    page = wizard.currentPage()
    yes = page.questions["bedreigd"].buttons["ja"]
    yes.setFocus()
    qtbot.waitUntil(yes.hasFocus)
    QTest.keyClick(yes, Qt.Key.Key_Space)
    qtbot.waitUntil(wizard.urgent.isVisible)
    assert wizard.urgent.window() is wizard.window()  # not a separate dialog
    assert wizard.urgent.parent() is page
    assert a11y.role(wizard.urgent) == QAccessible.Role.AlertMessage
    assert "112" in interface(wizard.urgent).text(QAccessible.Text.Description)
    assert QApplication.focusWidget() is yes  # the focus stays on the answer
    QTest.keyClick(wizard.urgent.hide_button, Qt.Key.Key_Space)
    assert not wizard.urgent.isVisible()
    QTest.keyClick(yes, Qt.Key.Key_F2)  # brings it back
    assert wizard.urgent.isVisible()
