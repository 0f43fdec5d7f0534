"""The back half of the report: advice per theme, find-out tasks, help, and how the scan works.

Advice bodies are plain flowables (not table cells), so any length of text flows over pages;
headings keep with the text after them so a title never ends a page alone.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table

from zelfscan.core.model import Thresholds
from zelfscan.report.content import AdviceEntry, ContactEntry, ReportDocument
from zelfscan.report.document import LEVEL_WORDS, Translate
from zelfscan.report.paragraphs import Paragraph, esc, markup, para
from zelfscan.report.styles import BOX_EMPTY, grid_style, styles, widths

Story = list[Flowable]


def contact_line(contact: ContactEntry, _: Translate, *, offers: bool = True) -> str:
    """ "Name — contact (what they offer)" as escaped markup with the name in bold.

    Under an advice item ``offers=False``: what each organisation offers is in "Waar u hulp
    krijgt", and repeating it under every item made the details twice as long.
    """
    text = markup("<b>{}</b>", contact.name)
    if contact.contact:
        text += " — " + esc(contact.contact)
    if offers and contact.offers:
        text += " · " + esc(contact.offers)
    return text


def advice_detail(entry: AdviceEntry, _: Translate) -> Story:
    st = styles()
    story: Story = [
        Paragraph(markup("{}. {}", str(entry.number), entry.title), st.h3),
        Paragraph(
            markup(_("Priority: {}") + " · {}", entry.priority_word, entry.section_title), st.meta
        ),
    ]
    if entry.why:
        story += [para(_("Why"), st.label), para(entry.why, st.body)]
    if entry.steps:
        story.append(para(_("How"), st.label))
        story += [
            Paragraph(esc(step), st.step, bulletText=f"{n}.")
            for n, step in enumerate(entry.steps, start=1)
        ]
    facts = [
        (label, value)
        for label, value in (
            (_("Effort"), entry.effort),
            (_("Cost"), entry.cost),
            (_("Who can help"), entry.who),
        )
        if value
    ]
    if facts:
        lines = "<br/>".join(markup("<b>{}:</b> {}", label, value) for label, value in facts)
        story.append(Paragraph(lines, st.facts))
    story += [
        Paragraph(contact_line(c, _, offers=False), st.bullet, bulletText="•")
        for c in entry.contacts
    ]
    if entry.reasons:
        story.append(Paragraph(markup("<b>{}</b>", _("Why do I see this?")), st.muted))
        story += [
            Paragraph(
                markup(_("‘{}’ — you answered: {}"), r.question, r.answer), st.muted, bulletText="•"
            )
            for r in entry.reasons
        ]
    return story


def advice_section(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    story: Story = [PageBreak(), para(_("Advice per theme"), st.h1)]
    if not doc.groups:
        story.append(para(_("Your answers did not lead to any advice."), st.body))
    for group in doc.groups:
        story.append(para(group.title, st.h2))
        for entry in group.items:
            story += advice_detail(entry, _)
    return story


def tasks_section(doc: ReportDocument, _: Translate) -> Story:
    if not doc.tasks:
        return []
    st = styles()
    rows: list[list[object]] = [
        [
            para("", st.cell_head),
            para(_("Find out"), st.cell_head),
            para(_("Theme"), st.cell_head),
        ]
    ]
    for task in doc.tasks:
        rows.append(
            [
                para(BOX_EMPTY, st.cell_center),
                [para(task.task, st.cell), para(task.question, st.cell_small)],
                para(task.section_title, st.cell_small),
            ]
        )
    table = Table(rows, colWidths=widths(0.06, 0.66, 0.28), repeatRows=1, splitInRow=1)
    table.setStyle(grid_style())
    return [
        para(_("Find out"), st.h1),
        para(
            _(
                "You answered “I don’t know” to these questions. That is not a failure: finding "
                "out is the first step. Once you know, run the scan again."
            ),
            st.body,
        ),
        table,
    ]


def help_section(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    story: Story = [para(_("Where to get help"), st.h1)]
    if not doc.contacts:
        return [*story, para(_("No contacts are listed for this scan."), st.body)]
    rows: list[list[object]] = [
        [
            para(h, st.cell_head)
            for h in (_("Organisation"), _("What they offer"), _("Contact"), _("As of"))
        ]
    ]
    for c in doc.contacts:
        name = [para(c.name, st.cell_bold)]
        if c.urgent:
            name.append(para("⚠ " + _("urgent help"), st.cell_small))
        rows.append(
            [
                name,
                para(c.offers, st.cell),
                para(c.contact, st.cell),
                para(c.stand_per, st.cell_small),
            ]
        )
    table = Table(rows, colWidths=widths(0.30, 0.38, 0.20, 0.12), repeatRows=1, splitInRow=1)
    table.setStyle(grid_style())
    story += [
        para(
            _(
                "Contact details were checked on the date in the last column. Check them again "
                "if that date is long ago."
            ),
            st.body,
        ),
        table,
    ]
    return story


def _threshold_row(title: str, t: Thresholds, _: Translate) -> list[object]:
    st = styles()
    return [
        para(title, st.cell),
        para(f"{t.goed:g}", st.cell),
        para(f"{t.aandacht:g}", st.cell),
        para(_("below {}").format(f"{t.aandacht:g}"), st.cell),
    ]


def method_section(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    rules = [
        _(
            "For each theme the scan adds up the points of your answers and divides them by the "
            "points that were possible for the questions that apply to you. The result is a score "
            "from 0 to 100; higher means safer."
        ),
        _(
            "“Not applicable” takes a question out of the calculation: it counts neither for nor "
            "against you."
        ),
        _(
            "“I don’t know” earns no points but is not counted as a failure: it becomes a "
            "find-out task. When half or more of the points in a theme are unknown, the theme is "
            "shown as “Unknown” instead of a level."
        ),
        _(
            "Some answers point to an acute risk, such as a current threat. They cap the level of "
            "the theme and of the whole scan, however high the score, and the report then starts "
            "with urgent help."
        ),
        _("Advice is chosen by your answers and sorted by priority; the top 3 come first."),
        _(
            "Notes you typed are not printed in this report, because they may hold sensitive "
            "details."
        ),
    ]
    story: Story = [PageBreak(), para(_("How this scan works"), st.h1)]
    story += [Paragraph(esc(r), st.bullet, bulletText="•") for r in rules]
    words = [_(LEVEL_WORDS[level]) for level in LEVEL_WORDS]
    head = (
        [para(_("Theme"), st.cell_head)]
        + [para(_("{} from").format(w), st.cell_head) for w in words[:2]]
        + [para(words[2], st.cell_head)]
    )
    rows: list[list[object]] = [head, _threshold_row(_("Whole scan"), doc.thresholds, _)]
    rows += [_threshold_row(t.title, t.thresholds, _) for t in doc.themes]
    table = Table(rows, colWidths=widths(0.43, 0.19, 0.19, 0.19), repeatRows=1, splitInRow=1)
    table.setStyle(grid_style())
    story += [para(_("Thresholds"), st.h2), table, para(_("Limits of this scan"), st.h2)]
    if doc.about:
        story.append(para(doc.about, st.body))
    story.append(
        para(
            _(
                "This scan gives an indication, never a guarantee: it cannot tell you that you "
                "are safe. A professional adviser looks further than these questions. Use this "
                "report as a starting point for a conversation, for example with your gemeente or "
                "the police."
            ),
            st.body,
        )
    )
    story.append(
        KeepTogether(
            [
                para(_("About this report"), st.h2),
                Paragraph(
                    markup(
                        _("Scan: {} · content version {} · facts checked on {}"),
                        doc.title,
                        doc.version,
                        doc.stand_per,
                    ),
                    st.muted,
                ),
                para(_("Made on this computer. Nothing was sent anywhere."), st.muted),
            ]
        )
    )
    return story
