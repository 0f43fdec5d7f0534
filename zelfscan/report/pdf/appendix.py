"""The appendices: the explanation per measure (full report only), the find-out tasks, and
how the scan works.

Each appendix starts on a new page, so the advice itself ends before the first of them.
Explanations are plain flowables (not table cells), so any length of text flows over pages;
headings keep with the text after them so a title never ends a page alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Table,
)

from zelfscan.report.document import AdviceEntry, ReportDocument
from zelfscan.report.pdf.front import contact_line, facts_line
from zelfscan.report.pdf.styles import SHADE, grid_style, styles, text_style, widths
from zelfscan.report.pdf.text import cell_row, cell_text, markup, para
from zelfscan.report.phrases import (
    source_entry,
    source_line,
    stand_per_label,
    usual_date,
    why_you_see_this,
)
from zelfscan.report.words import BOX_DONE, BOX_OPEN, LEVELS, Translate

Story = list[Flowable]

APPENDIX_LETTERS = "ABCDEFGH"
A4_THIRD = 200.0
"""Points: an appendix that would start in the last quarter of a page starts on the next."""


def appendix_heading(letter: str, title: str, _: Translate) -> Flowable:
    return para(_("Appendix {}: {}").format(letter, title), styles().h1)


def advice_detail(entry: AdviceEntry, _: Translate) -> Story:
    st = styles()
    head: Story = [
        Paragraph(markup("{}. {}", str(entry.number), entry.title), st.h3),
        para(_("Priority: {}").format(entry.priority_text), st.meta),
    ]
    if entry.raised:
        head.append(para(entry.raised, st.body))
    story: Story = []
    if entry.why:
        story += [para(_("Why"), st.label), para(entry.why, st.body)]
    if entry.steps:
        story.append(para(_("How"), st.label))
        story += [para(step, st.step, f"{n}.") for n, step in enumerate(entry.steps, start=1)]
    facts = facts_line(entry, _)
    if facts:
        story.append(Paragraph(facts, st.facts))
    story += [
        Paragraph(contact_line(c, offers=False), st.bullet, bulletText="•") for c in entry.contacts
    ]
    if entry.reasons:
        story.append(para(why_you_see_this(entry.reasons, _), st.muted))
    story += [para(source_line(source, _), st.muted) for source in entry.sources]
    # the heading and the first lines stay together; the rest may flow on
    return [KeepTogether(head + story[:2]), *story[2:]]


def details_appendix(doc: ReportDocument, letter: str, _: Translate) -> Story:
    st = styles()
    story: Story = [appendix_heading(letter, doc.headings.details, _)]
    if not doc.theme_groups:
        story.append(para(_("Your answers did not lead to any advice."), st.body))
    for group in doc.theme_groups:
        story.append(para(group.title, st.h2))
        for entry in group.items:
            story += advice_detail(entry, _)
    return story


def tasks_appendix(doc: ReportDocument, letter: str, _: Translate) -> Story:
    st = styles()
    col = widths(0.06, 0.94)
    rows: list[list[object]] = [
        [
            cell_text(BOX_DONE, st.cell_head_box, col[0]),
            cell_text(_("Find out"), st.cell_head, col[1]),
        ]
    ]
    spans: list[tuple[object, ...]] = []
    for group in doc.task_groups:  # a row per theme instead of a theme column: more room
        spans += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SHADE),
        ]
        rows.append([para(group.title, st.cell_bold)])
        for task in group.items:
            cell: list[Flowable] = [para(task.task, st.cell)]
            cell += [para(line, st.cell_small) for line in task.then]
            rows.append([BOX_OPEN, cell])  # the box as plain cell text: no paragraph
    table = Table(rows, colWidths=col, repeatRows=1)
    table.setStyle(
        grid_style(
            *text_style(st.cell_head_box, (0, 0), (0, 0)),
            *text_style(st.cell_head, (1, 0), (1, 0)),
            *spans,
            ("FONTSIZE", (0, 1), (0, -1), 12),
            ("LEADING", (0, 1), (0, -1), 13),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
        )
    )
    return [
        appendix_heading(letter, doc.headings.tasks, _),
        para(
            _(
                "You answered “I don’t know” to these questions. That is not a failure: finding "
                "out is the first step. Once you know, run the scan again."
            ),
            st.body,
        ),
        table,
    ]


def method_appendix(doc: ReportDocument, letter: str, _: Translate, *, full: bool = False) -> Story:
    """The scoring rules, the thresholds and what Zelfscan is and is not; the full report
    adds the scan's own words on what it covers and its limits."""
    st = styles()
    method = doc.method
    story: Story = [appendix_heading(letter, doc.headings.method, _)]
    story += [para(rule, st.bullet, "•") for rule in method.rules]
    words = [_(LEVELS[level].msgid) for level in LEVELS]
    col = widths(0.43, 0.19, 0.19, 0.19)
    head = [_("Theme"), _("{} from").format(words[0]), _("{} from").format(words[1]), words[2]]
    rows: list[list[object]] = [cell_row(head, st.cell_head, col)]
    for row in method.thresholds:
        below = _("below {}").format(f"{row.aandacht:g}")
        rows.append(
            cell_row([row.title, f"{row.goed:g}", f"{row.aandacht:g}", below], st.cell, col)
        )
    table = Table(rows, colWidths=col, repeatRows=1)
    head_text, body_text = (
        text_style(st.cell_head, (0, 0), (-1, 0)),
        text_style(st.cell, (0, 1), (-1, -1)),
    )
    table.setStyle(grid_style(*head_text, *body_text))
    statement = method.statement
    story += [
        KeepTogether([para(_("Thresholds"), st.h2), table]),
        para(statement.title, st.h2),
        para(statement.is_, st.body),
        para(statement.is_not_heading, st.label),
        *[para(item, st.bullet, "•") for item in statement.is_not],
        para(statement.official_heading, st.label),
        *[para(item, st.bullet, "•") for item in statement.official],
        para(statement.stand_per, st.muted),
    ]
    if doc.sources:  # what the contacts and measures in this report rest on
        usual = usual_date(doc.sources)
        story += [
            para(_("Sources"), st.h2),
            para(_("Checked on {}, unless a line says otherwise.").format(usual), st.muted),
        ]
        story += [para(source_entry(x, usual, _), st.source, "•") for x in doc.sources]
    if full:
        story.append(para(_("Limits of this scan"), st.h2))
        if method.about:
            story.append(para(method.about, st.body))
        story.append(para(method.limits, st.body))
    made = _("Scan: {} · content version {} · facts checked on {}").format(
        doc.title, doc.version, stand_per_label(doc.stand_per, doc.lang)
    )
    made += " · " + _("Made on this computer. Nothing was sent anywhere.")
    # the closing line never stands alone on a page: it keeps the line before it
    return [*story[:-1], KeepTogether([story[-1], para(made, st.muted)])]


def appendices(doc: ReportDocument, full: bool, _: Translate) -> Story:
    """The appendices in order, lettered A, B, …: what a reader looks up, not reads.

    The first starts on a new page, so the advice ends before it; the others follow on the
    same page when enough of it is left.
    """
    parts: list[Callable[[ReportDocument, str, Translate], Story]] = []
    if full:
        parts.append(details_appendix)
    if doc.tasks:
        parts.append(tasks_appendix)
    parts.append(partial(method_appendix, full=full))
    story: Story = [PageBreak()]
    for letter, part in zip(APPENDIX_LETTERS, parts, strict=False):
        story += [CondPageBreak(A4_THIRD), *part(doc, letter, _)]
    return story
