"""The advice itself, the part a busy bestuurder reads in ten minutes:
cover and urgent help, what the scan found, the top 3, who can help (the action plan between
them is :mod:`.plan`).

A reader who stops after these pages has what matters; the appendices (:mod:`.appendix`)
explain. Page breaks are few and conditional: a part starts on a new page only when too
little of the current one is left for its heading and first rows.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from zelfscan.core.model import Thresholds
from zelfscan.report.demo import confidential_line, subtitle
from zelfscan.report.document import (
    AdviceEntry,
    ContactEntry,
    Rating,
    ReportDocument,
)
from zelfscan.report.pdf.chart import score_bar
from zelfscan.report.pdf.styles import (
    ACCENT,
    LEVEL_TEXT_COLOURS,
    SHADE,
    URGENT_BG,
    URGENT_EDGE,
    grid_style,
    styles,
    text_style,
    widths,
)
from zelfscan.report.pdf.text import cell_row, cell_text, esc, markup, para
from zelfscan.report.phrases import (
    BARS_NOTE,
    content_version,
    contents_line,
    small_print,
    stand_per_label,
    why_you_see_this,
)
from zelfscan.report.words import BOX_DONE, Translate

Story = list[Flowable]
KEEP_BOX_CHARS = 600
"""A top-3 box with up to this much text (about a third of a page) is kept on one page; a longer
one may split. Counted, not measured: laying the box out to measure it cost a whole extra
pass over its paragraphs."""


def rating_markup(rating: Rating, *, score: bool = False) -> str:
    """The level as a coloured symbol plus the word (never colour alone), optionally the score."""
    colour = LEVEL_TEXT_COLOURS[rating.level]
    text = f'<font color="{colour}">{esc(rating.symbol)}</font> {esc(rating.word)}'
    return text + (" · " + esc(rating.score_text) if score and rating.score is not None else "")


def boxed(content: list[Flowable], background: object, edge: object) -> Table:
    """A shaded box that may split over pages (a long urgent message must not be cut off)."""
    table = Table([[content]], colWidths=widths(1), splitInRow=1)
    table.setStyle(
        grid_style(
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (0, 0), (-1, -1), 0, background),
            header=False,
        )
    )
    return table


def contact_line(contact: ContactEntry, *, offers: bool = True) -> str:
    """ "Name — contact · what they offer" as escaped markup with the name in bold."""
    text = markup("<b>{}</b>", contact.name)
    if contact.contact:
        text += " — " + esc(contact.contact)
    if offers and contact.offers:
        text += " · " + esc(contact.offers)
    return text


def _urgent(doc: ReportDocument, _: Translate) -> Story:
    if doc.urgent is None:
        return []
    st = styles()
    inner: list[Flowable] = [para(doc.headings.urgent, st.h2_urgent)]
    inner += [para(m, st.box) for m in doc.urgent.messages]
    inner += [Paragraph(contact_line(c), st.bullet, bulletText="•") for c in doc.urgent.contacts]
    if doc.urgent.reasons:
        inner.append(para(why_you_see_this(doc.urgent.reasons, _), st.muted))
    return [Spacer(1, 6), boxed(inner, URGENT_BG, URGENT_EDGE)]


def cover(doc: ReportDocument, full: bool, _: Translate) -> Story:
    st = styles()
    col = widths(0.2, 0.8)
    facts = [
        [cell_text(label, st.cell_bold, col[0]), cell_text(value, st.cell, col[1])]
        for label, value in (
            (_("Date"), doc.created_label),
            (_("Content"), content_version(doc, _)),
            (_("This report"), contents_line(doc, full, _)),
        )
    ]
    table = Table(facts, colWidths=col)
    labels, values = text_style(st.cell_bold, (0, 0), (0, -1)), text_style(st.cell, (1, 0), (1, -1))
    table.setStyle(grid_style(*labels, *values, header=False))
    return [
        para(confidential_line(doc, _), st.confidential),
        para(doc.title, st.title),
        para(subtitle(doc, _), st.subtitle),
        table,
        Spacer(1, 6),
        para(small_print(doc, _), st.muted),
        *_urgent(doc, _),
    ]


def summary(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    overall = Paragraph(
        markup("{} ", _("Overall:")) + rating_markup(doc.overall, score=True), st.overall
    )
    story: Story = [para(doc.headings.summary, st.h1), overall]
    if doc.overall.reason:
        story.append(para(doc.overall.reason, st.body))
    # the heading, the overall result and the themes stay on one page
    return [KeepTogether(story + themes_table(doc, _)), *changes(doc, _)]


def themes_table(doc: ReportDocument, _: Translate) -> Story:
    """The chart and its text equivalent in one table: each bar sits next to its words."""
    if not doc.themes:
        return []
    st = styles()
    col = widths(0.36, 0.26, 0.20, 0.18)
    rows: list[list[object]] = [
        cell_row((_("Theme"), _("Score"), _("Level"), _("I don’t know")), st.cell_head, col)
    ]
    notes: list[str] = []
    for theme in doc.themes:
        level = rating_markup(theme.rating)
        if theme.rating.reason:
            notes.append(theme.rating.reason)
            level += " " + "*" * len(notes)
        rows.append(
            [
                cell_text(theme.title, st.cell, col[0]),
                [
                    score_bar(
                        theme.rating.score,
                        theme.rating.level,
                        Thresholds(theme.goed, theme.aandacht),
                        col[1] - 8,
                    ),
                    para(theme.rating.score_text, st.cell_small),
                ],
                Paragraph(level, st.cell),
                cell_text(
                    _("{} of {} questions").format(theme.unknown, theme.applicable)
                    if theme.unknown
                    else "–",
                    st.cell_small,
                    col[3],
                ),
            ]
        )
    table = Table(rows, colWidths=col, repeatRows=1)
    table.setStyle(
        grid_style(
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            *text_style(st.cell_head, (0, 0), (-1, 0)),
            *text_style(st.cell, (0, 1), (0, -1)),
            *text_style(st.cell_small, (3, 1), (3, -1)),
        )
    )
    # the chart never splits: a theme row alone on the next page reads as a different table
    story: Story = [Spacer(1, 4), table, Spacer(1, 3)]
    story += [para("*" * n + " " + note, st.muted) for n, note in enumerate(notes, start=1)]
    story.append(para(_(BARS_NOTE), st.muted))
    return story


def changes(doc: ReportDocument, _: Translate) -> Story:
    progress = doc.progress
    if progress is None:
        return []
    st = styles()
    story: Story = [para(doc.headings.changes, st.h2)]
    if progress.themes:
        rows: list[list[object]] = [
            [para(h, st.cell_head) for h in (_("Theme"), _("Before"), _("Now"), _("Change"))]
        ]
        for t in progress.themes:
            before = rating_markup(t.before, score=True) if t.before else esc(_("not scanned"))
            rows.append(
                [
                    para(t.title, st.cell),
                    Paragraph(before, st.cell),
                    Paragraph(rating_markup(t.after, score=True), st.cell),
                    para(f"{t.change_symbol} {t.change_word}", st.cell_bold),
                ]
            )
        table = Table(rows, colWidths=widths(0.34, 0.25, 0.25, 0.16), repeatRows=1)
        table.setStyle(grid_style())
        story += [table, Spacer(1, 4)]
    story.append(
        para(
            _("Actions: {} done, {} planned, {} not applicable, {} still open.").format(
                progress.done, progress.planned, progress.not_applicable, progress.open
            ),
            st.body,
        )
    )
    if progress.done_before:
        story.append(para(_("Marked as done after your last scan:"), st.body))
        story += [para(title, st.bullet, BOX_DONE) for title in progress.done_before]
    if progress.new_by_content:
        story.append(para(_("New advice because the scan itself was updated:"), st.body))
        story += [para(t, st.bullet, "•") for t in progress.new_by_content]
    return story


def facts_line(entry: AdviceEntry, _: Translate) -> str:
    parts = [
        (_("Effort"), entry.effort),
        (_("Cost"), entry.cost),
        (_("Who can help"), entry.who),
    ]
    return "<br/>".join(markup("<b>{}:</b> {}", label, value) for label, value in parts if value)


def top_three(doc: ReportDocument, _: Translate) -> Story:
    if not doc.top:
        return []
    st = styles()
    story: Story = []
    head: Story = [  # a new page when too little is left for the heading and some lines
        CondPageBreak(200),
        para(doc.headings.top, st.h1),
        para(_("Start with these three. The whole plan follows."), st.body),
    ]
    for entry in doc.top:
        inner: list[Flowable] = [
            Paragraph(markup("<b>{}. {}</b>", str(entry.number), entry.title), st.box_title),
            para(f"{entry.priority_text} · {entry.section_title}", st.muted),
        ]
        if entry.raised:
            inner.append(para(entry.raised, st.box))
        if entry.why:
            inner.append(para(entry.why, st.box))
        inner += [para(step, st.step, f"{n}.") for n, step in enumerate(entry.steps, start=1)]
        facts = facts_line(entry, _)
        if facts:
            inner.append(Paragraph(facts, st.small))
        if entry.reasons:
            inner.append(para(why_you_see_this(entry.reasons, _), st.muted))
        box = boxed(inner, SHADE, ACCENT)
        size = sum(map(len, (entry.why, entry.effort, entry.cost, entry.who, *entry.steps)))
        if size <= KEEP_BOX_CHARS:  # moves whole (the heading with the first): no lone lines
            story += [*head[:1], KeepTogether([*head[1:], Spacer(1, 5), box])]
        else:  # a long box splits rather than leave half a page empty
            story += [*head, Spacer(1, 5), CondPageBreak(120), box]
        head = []
    return story


def help_section(doc: ReportDocument, full: bool, _: Translate) -> Story:
    st = styles()
    story: Story = [CondPageBreak(160), para(doc.headings.help, st.h1)]
    if not doc.contacts and not doc.other_contacts:
        return [*story, para(_("No contacts are listed for this scan."), st.body)]
    # the full report describes every organisation; the advice itself those for this person
    listed = doc.contacts + doc.other_contacts if full else doc.contacts
    col = widths(0.25, 0.52, 0.23)
    rows: list[list[object]] = [
        cell_row((_("Organisation"), _("What they offer"), _("Contact")), st.cell_head, col)
    ]
    urgent_colour = URGENT_EDGE.hexval().replace("0x", "#")
    for c in listed:
        # one paragraph per cell, with the small print as markup below: half the paragraphs
        name = markup("<b>{}</b>", c.name)
        if c.urgent:
            name += markup(
                f'<br/><font size="8" color="{urgent_colour}">{{}}</font>', _("urgent help")
            )
        as_of = _("As of") + " " + stand_per_label(c.stand_per, doc.lang, short=True)
        reach = markup('{}<br/><font size="8" color="#555555">{}</font>', c.contact, as_of)
        rows.append(
            [
                Paragraph(name, st.cell),
                para(c.offers, st.cell_small),
                Paragraph(reach, st.cell),
            ]
        )
    # the date goes under the contact: a column of its own made every row taller
    table = Table(rows, colWidths=col, repeatRows=1)
    table.setStyle(grid_style(*text_style(st.cell_head, (0, 0), (-1, 0))))
    story += [
        para(
            _(
                "Contact details were checked on the date under them. Check them again if that "
                "date is long ago."
            ),
            st.muted,
        ),
        table,
    ]
    if doc.other_contacts and not full:
        story.append(KeepTogether([para(_("Also useful"), st.h3), *_brief(doc, _)]))
    return story


def _brief(doc: ReportDocument, _: Translate) -> Story:
    """The other contacts in a line each: name and how to reach them."""
    st = styles()
    return [
        Paragraph(contact_line(c, offers=False), st.bullet, bulletText="•")
        for c in doc.other_contacts
    ]
