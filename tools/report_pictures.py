"""Pictures of the advice for docs/ and the README: PDF page 1 and the plan page, and the
HTML file as Qt lays it out (the print-out renders that same HTML).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/report_pictures.py --out /tmp/report
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/report_pictures.py --docs

Uses a persona from ``tests/personas`` (default: a Statenlid whose address was spread, so the
urgent help shows) and ``pdftoppm`` (poppler-utils) for the PDF pages. Look at every page of
a few personas' PDFs after each change to the report: ``--all-pages`` writes them all.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from zelfscan.core.answers import load_answers_file  # noqa: E402
from zelfscan.core.catalog import builtin_dirs, discover  # noqa: E402
from zelfscan.core.evaluate import evaluate  # noqa: E402
from zelfscan.report.build import build_report  # noqa: E402
from zelfscan.report.document import ReportDocument  # noqa: E402
from zelfscan.report.html import render_html  # noqa: E402
from zelfscan.report.pdf import render_pdf  # noqa: E402

PERSONA = ROOT / "tests/personas/persoonlijke-veiligheid/statenlid-adres-verspreid.yaml"


def document(persona: Path, lang: str) -> ReportDocument:
    qid, answers = load_answers_file(persona)
    questionnaire = discover(builtin_dirs()).questionnaires[qid]
    return build_report(questionnaire, evaluate(questionnaire, answers), lang)


def pdf_pages(pdf: bytes, out: Path, stem: str, dpi: int, pages: list[int] | None) -> list[Path]:
    """PNG files of ``pages`` (1-based; all when None), via pdftoppm."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm is not installed (Debian: apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603 - our own arguments, a file we just wrote
            [pdftoppm, "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")],
            check=True,
        )
        made = sorted(Path(tmp).glob("page-*.png"))
        chosen = made if pages is None else [made[n - 1] for n in pages if n <= len(made)]
        result = []
        for number, png in enumerate(chosen, start=1):
            target = out / (f"{stem}.png" if pages and len(pages) == 1 else f"{stem}-{number}.png")
            shutil.copy(png, target)
            result.append(target)
        return result


def plan_page(pdf: bytes, heading: str) -> int:
    """The 1-based page that shows most of the action plan: where it starts, or the next
    page when it starts near the foot of one (counted by its tick boxes)."""
    from pypdf import PdfReader

    texts = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    start = next((n for n, t in enumerate(texts) if heading in t.splitlines()), 0)
    candidates = texts[start : start + 2]
    best = max(range(len(candidates)), key=lambda i: candidates[i].count("☐"))
    return start + best + 1


def html_picture(doc: ReportDocument, target: Path, width: int = 900, height: int = 1300) -> None:
    """The HTML file in a QTextBrowser, as a reader without a web browser would see it."""
    from PySide6.QtWidgets import QApplication, QTextBrowser

    app = QApplication.instance() or QApplication(sys.argv[:1])
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.resize(width, height)
    view.setHtml(render_html(doc).decode("utf-8"))
    view.show()
    app.processEvents()
    view.grab().save(str(target))
    view.close()
    print(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("report-pictures"))
    parser.add_argument("--docs", action="store_true", help="write the README set to docs/")
    parser.add_argument("--persona", type=Path, default=PERSONA)
    parser.add_argument("--lang", default="nl", choices=("nl", "en"))
    parser.add_argument("--all-pages", action="store_true", help="every page of the PDF too")
    args = parser.parse_args()
    out: Path = ROOT / "docs" if args.docs else args.out
    out.mkdir(parents=True, exist_ok=True)
    doc = document(args.persona, args.lang)
    pdf = render_pdf(doc)
    for path in pdf_pages(pdf, out, "report-page1", 70, [1]):
        print(path)
    for path in pdf_pages(pdf, out, "report-plan", 70, [plan_page(pdf, doc.headings.plan)]):
        print(path)
    if args.all_pages:
        for path in pdf_pages(pdf, out, f"report-{args.lang}-page", 60, None):
            print(path)
    html_picture(doc, out / "report-html.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
