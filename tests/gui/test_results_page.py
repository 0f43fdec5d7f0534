"""The results page renders the report document: overall result first, the cap reason, the
plan, saving as PDF or HTML (Enter saves), where the file went, and the print-out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QWizard

from zelfscan.gui.wizard import RESULTS_ID, ScanWizard
from zelfscan.report.output import ReportFormat

from .test_wizard import FULL, run_to_review

CAPPED = {**FULL, "slot": "ja", "verlichting": "altijd", "maatregelen": ("camera", "alarm")}
CAPPED.update({"school-afspraak": "ja", "portiek": "dicht", "bedreigd": "ja"})
"""A safe home and a threatened mayor: the score says one thing, the red flag another."""


def to_results(wizard: ScanWizard, answers: dict[str, object]) -> None:
    run_to_review(wizard, answers)
    wizard.next()
    assert wizard.currentId() == RESULTS_ID
    wizard.results.finish_building()


def test_overall_result_comes_first_and_largest_with_the_cap_reason(wizard: ScanWizard) -> None:
    to_results(wizard, CAPPED)
    results = wizard.results
    evaluation = results.evaluation
    assert evaluation is not None
    assert evaluation.overall_capped_by == ("nu-bedreigd",)
    overall = results.overall
    assert overall is not None
    assert overall.text().startswith("✗ Risico · ")
    assert "Risico" in overall.accessibleName()
    assert "✗" not in overall.accessibleName()
    labels = [w for w in results.body.findChildren(QLabel) if w.isVisibleTo(results)]
    first = min(labels, key=lambda w: w.mapTo(results, w.rect().topLeft()).y())
    assert first is overall
    assert all(overall.font().pointSizeF() >= w.font().pointSizeF() for w in labels)
    reason = results.body.findChild(QLabel, "overallReason")
    assert reason is not None
    assert "wat de score ook is" in reason.text()
    assert "Wordt u op dit moment bedreigd" in reason.text() or "bedreigd" in reason.text()


def test_enter_saves_the_pdf_not_a_new_scan(wizard: ScanWizard, tmp_path: Path, qtbot) -> None:
    to_results(wizard, FULL)
    results = wizard.results
    qtbot.waitUntil(results.save_button.hasFocus)  # not "Nieuwe scan"
    assert results.save_button.isDefault()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isDefault()
    asked: list[str] = []

    def ask(_parent: object, name: str) -> Path | None:
        asked.append(name)
        return None  # the user cancels

    wizard.report_actions.ask_path = ask
    qtbot.keyClick(results.save_button, Qt.Key.Key_Return)
    assert asked
    assert asked[0].endswith(".pdf")
    results.full_box.setFocus()  # focus on a control that does not take Enter: it saves
    qtbot.keyClick(results.full_box, Qt.Key.Key_Return)
    assert len(asked) == 2
    wizard.back()
    assert not results.save_button.isDefault()


def test_suggested_names_follow_the_language(window, wizard: ScanWizard) -> None:
    to_results(wizard, FULL)
    names: list[str] = []
    wizard.report_actions.ask_path = lambda _parent, name: names.append(name)  # type: ignore[func-returns-value]
    wizard.results.save_button.click()
    window.set_language("en")
    wizard.results.html_button.click()
    assert names[0].startswith("miniscan-advies-")
    assert names[0].endswith(".pdf")
    assert names[1].startswith("mini-scan-advice-")
    assert names[1].endswith(".html")
    for value in ("burgemeester", "appartement", "portiek"):
        assert value not in "".join(names)


def test_html_and_full_report_and_where_the_file_went(
    wizard: ScanWizard, tmp_path: Path, qtbot
) -> None:
    to_results(wizard, FULL)
    results = wizard.results
    target = tmp_path / "advies.html"
    wizard.report_actions.ask_path = lambda _parent, _name: target
    wizard.report_actions.ask_password = lambda _parent: (False, None)  # never asked for HTML
    results.full_box.setChecked(True)
    with qtbot.waitSignal(wizard.report_actions.report_saved, timeout=30000):
        results.html_button.click()
    html = target.read_text(encoding="utf-8")
    assert "<h2" in html
    assert "Bijlage A: Uitleg per maatregel" in html
    saved = results.action_bar.saved
    assert saved.isVisibleTo(results)
    assert target.name in saved.label.text()
    assert str(tmp_path) in saved.label.text()
    opened: list[QUrl] = []
    saved.open_url = lambda url: opened.append(url) or True  # type: ignore[func-returns-value]
    saved.open_button.click()
    saved.folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(target), str(tmp_path)]
    assert all(u.isLocalFile() for u in opened)
    assert saved.open_button.accessibleName()
    assert saved.folder_button.accessibleName()


def test_the_print_out_is_the_html_document(wizard: ScanWizard) -> None:
    from zelfscan.gui.printing import report_text_document

    to_results(wizard, FULL)
    request = wizard.results.report_request()
    assert request is not None
    doc = request.document()
    text = report_text_document(doc).toPlainText()
    for phrase in (doc.headings.summary, doc.headings.top, doc.headings.plan, doc.headings.help):
        assert phrase in text
    for entry in doc.plan:
        assert entry.title in text
    assert "☐" in text
    full = report_text_document(doc, full=True).toPlainText()
    assert "Uitleg per maatregel" in full
    assert "Uitleg per maatregel" not in text


def test_the_print_out_explains_no_bars_it_cannot_draw(wizard: ScanWizard) -> None:
    """Qt's rich text draws no SVG: the paper keeps score and level, and leaves out the
    bars and the note about them, which the HTML file (drawn by a browser) keeps."""
    from zelfscan.gui.printing import report_text_document
    from zelfscan.report.html import render_html
    from zelfscan.report.phrases import BARS_NOTE
    from zelfscan.report.words import translator

    to_results(wizard, FULL)
    request = wizard.results.report_request()
    assert request is not None
    doc = request.document()
    note = translator(doc.lang)(BARS_NOTE)
    html = render_html(doc).decode("utf-8")
    assert note in html
    assert "<svg" in html
    printed = report_text_document(doc).toHtml()
    assert note not in printed
    assert "<svg" not in printed
    for theme in doc.themes:
        assert theme.rating.score_text in report_text_document(doc).toPlainText()


def test_the_page_shows_what_the_document_says(wizard: ScanWizard) -> None:
    to_results(wizard, FULL)
    results = wizard.results
    doc = results.document
    assert doc is not None
    assert [w.entry.id for w in results.advice_widgets] == [e.id for e in doc.plan]
    assert [label.text() for label in results.top_labels] == [
        f"{e.number}. {e.title}" for e in doc.top
    ]
    first = results.advice_widgets[0]
    assert first.details is None  # details are built when opened
    first.toggle.click()
    assert first.details is not None
    assert first.details.isVisibleTo(first)
    assert first.toggle.text() == "Verberg details"
    assert not first.toggle.isCheckable()  # a button, not a check box, for screen readers
    texts = [label.text() for label in first.details.findChildren(QLabel)]
    assert "Waarom" in texts
    assert "Hoe" in texts
    contacts = [w.text() for w in results.body.findChildren(QLabel, "contact")]
    assert len(contacts) == len(doc.contacts) + len(doc.other_contacts)


def test_tab_leaves_the_score_table(wizard: ScanWizard) -> None:
    to_results(wizard, FULL)
    assert wizard.results.table is not None
    assert not wizard.results.table.tabKeyNavigation()


def test_format_enum_is_what_the_buttons_save() -> None:
    assert {f.value for f in ReportFormat} == {"pdf", "html"}


def test_printing_lays_out_the_same_document_on_pages(wizard: ScanWizard, tmp_path: Path) -> None:
    """What the print dialog's printer gets, here as a PDF file: every part, every measure."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from zelfscan.gui.report_actions import print_to

    to_results(wizard, FULL)
    request = wizard.results.report_request()
    assert request is not None
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "afdruk.pdf"
    printer.setOutputFileName(str(target))
    print_to(printer, request)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    doc = request.document()
    for phrase in (doc.headings.summary, doc.headings.plan, doc.headings.help, doc.overall.word):
        assert phrase in text
    for entry in doc.plan:
        assert entry.title in text
