"""The HTML report: one self-contained, accessible file with the same advice as the PDF."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.report import fixtures as fx
from tests.report.conftest import Rendered
from zelfscan.core.evaluate import evaluate
from zelfscan.core.loader import load_questionnaire
from zelfscan.report.build import build_report
from zelfscan.report.html import render_html

MINI = Path(__file__).resolve().parents[1] / "data" / "questionnaires" / "mini.yaml"
SCRIPT = "<script>alert('zelfscan')</script>"


class Outline(HTMLParser):
    """Every start tag with its attributes, the text per heading, and well-nestedness."""

    VOID = frozenset({"meta", "br", "rect", "line", "link", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((tag, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:]} ")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.headings and any(re.fullmatch(r"h[1-6]", t) for t in self.open[-1:]):
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)

    def of(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("which", ["html", "full_html"])
def test_structure_for_screen_readers(typical: Rendered, worst: Rendered, which: str) -> None:
    for rendered in (typical, worst):
        html = getattr(rendered, which)
        page = outline(html)
        assert page.errors == []
        assert page.open == []
        assert page.of("html") == [{"lang": "nl"}]
        assert len(page.of("h1")) == 1
        h2 = [text for tag, text in page.headings if tag == "h2"]
        urgent = ["Dringend: zoek nu hulp"] if rendered is worst else []
        parts = [*urgent, "Wat de scan vond", "Uw top 3", "Uw actieplan", "Wie kan helpen"]
        assert h2[: len(parts)] == parts
        assert h2[-1].startswith("Bijlage")
        assert h2[-1].endswith("Zo werkt deze scan")
        for section in page.of("section"):
            assert section["aria-labelledby"] == f"h-{section['id']}"
        for th in page.of("th"):
            assert th.get("scope") in {"col", "row", "rowgroup"}
        assert len(page.of("caption")) == len(page.of("table"))
        for svg in page.of("svg"):
            assert svg.get("aria-hidden") == "true"


def test_self_contained_no_scripts_no_external_resources(worst: Rendered) -> None:
    for html in (worst.html, worst.full_html):
        page = outline(html)
        assert not page.of("script")
        assert not page.of("link")
        assert not page.of("img")
        assert not page.of("iframe")
        assert all(attrs.get("href", "#").startswith("#") for attrs in page.of("a"))
        style = html.split("<style>")[1].split("</style>")[0]
        assert not re.search(r"url\(|@import|://", style)
        assert not [v for _t, attrs in page.tags for v in attrs.values() if v and "://" in v]
        assert " on" not in "".join(f" {k}" for _t, attrs in page.tags for k in attrs)


def test_plan_ticks_are_text_and_every_measure_is_there(typical: Rendered) -> None:
    html = typical.html
    rows = re.findall(r'<td class="box">(.)</td>', html)
    assert rows
    assert set(rows) <= {"☐", "☑"}
    for entry in typical.doc.plan:
        assert f">{entry.number}</td>" in html
    assert "Uitleg per maatregel" not in html
    for entry in typical.doc.plan:
        assert f"{entry.number}. {entry.title}" in typical.full_html


def test_symbols_are_hidden_from_screen_readers_words_are_not(typical: Rendered) -> None:
    html = typical.html
    for theme in typical.doc.themes:
        symbol = re.escape(theme.rating.symbol)
        assert re.search(rf'aria-hidden="true">{symbol}</span> {theme.rating.word}', html)


def test_same_words_as_the_pdf(typical: Rendered) -> None:
    from tests.report.helpers import text_of

    pdf = text_of(typical.pdf).replace(" ", "")  # table cells wrap long names
    text = "".join("".join(outline(typical.html).text).split())
    for phrase in (
        typical.doc.overall.word,
        typical.doc.headings.plan,
        typical.doc.headings.help,
        *[e.title for e in typical.doc.top],
        *[c.name for c in typical.doc.contacts],
    ):
        assert phrase.replace(" ", "") in pdf
        assert phrase.replace(" ", "") in text


def test_markup_in_the_content_is_escaped(worst: Rendered) -> None:
    for html in (worst.html, worst.full_html):
        assert fx.MARKUP not in html
        assert "&lt;img src=&quot;http://example.invalid/x.png&quot;/&gt;" in html
        assert fx.CANARY not in html  # free-text notes never reach the report


def test_injection_canary_from_a_user_questionnaire(tmp_path: Path) -> None:
    """A questionnaire from the user folder with a script in its title, an option label, an
    advice item and a contact: every one prints as text, none becomes markup."""
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("title: {nl: Miniscan,", f'title: {{nl: "Miniscan {SCRIPT}",')
    text = text.replace("{nl: Nee, en: No}", f'{{nl: "Nee {SCRIPT}", en: No}}')
    text = text.replace(
        "title: {nl: Overweeg een camera bij de deur,",
        f'title: {{nl: "Overweeg een camera {SCRIPT}",',
    )
    text = text.replace("name: {nl: Politie,", f'name: {{nl: "Politie {SCRIPT}",')
    assert text.count(SCRIPT) >= 4
    path = tmp_path / "eigen.yaml"
    path.write_text(text, encoding="utf-8")
    q = load_questionnaire(path)
    answers = dict(next(p for p in q.personas if p.id == "nieuw-raadslid").answers)
    doc = build_report(q, evaluate(q, answers), "nl")
    for full in (False, True):
        html = render_html(doc, full=full).decode("utf-8")
        assert "<script" not in html
        assert html.count("&lt;script&gt;alert(&#x27;zelfscan&#x27;)&lt;/script&gt;") >= 3
        assert not outline(html).of("script")


def test_english_html_says_so(typical_en: Rendered) -> None:
    page = outline(typical_en.html)
    assert page.of("html") == [{"lang": "en"}]
    assert "Your action plan" in [text for _tag, text in page.headings]
