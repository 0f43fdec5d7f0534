"""The action plan: per priority a table of measures to tick off, with empty "who" and
"when" columns to fill in by hand.

One table per priority, headed by one row that names the group and the columns: it repeats
on a new page and is never left alone at the foot of one.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from zelfscan.report.document import PlanGroup, ReportDocument
from zelfscan.report.pdf.styles import (
    INK,
    RULE,
    grid_style,
    styles,
    text_style,
    widths,
)
from zelfscan.report.pdf.text import cell_text, markup, para
from zelfscan.report.phrases import plan_intro
from zelfscan.report.words import BOX_DONE, BOX_OPEN, Translate

Story = list[Flowable]
PLAN_GROUP_START = 110.0
"""Points: a priority group that would start lower on a page than this starts on the next
(its heading with one row alone at the foot of a page reads as a loose end)."""


def action_plan(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    story: Story = [
        CondPageBreak(200),
        para(doc.headings.plan, st.h1),
        para(
            plan_intro(_),
            st.body,
        ),
    ]
    if not doc.plan:
        return [*story, para(_("Your answers did not lead to any advice."), st.body)]
    # One table per priority, headed by one row that names the group and the columns to
    # fill in: it repeats on a new page and is never left alone at the foot of one.
    for group in doc.plan_groups:
        story += [CondPageBreak(PLAN_GROUP_START), plan_table(group, _), Spacer(1, 6)]
    return story


PLAN_COLUMNS = (0.05, 0.05, 0.66, 0.12, 0.12)


def plan_table(group: PlanGroup, _: Translate) -> Table:
    """One priority group of the plan: a header row, then per measure a tick box, its number,
    the measure with its theme below, and empty "who" and "when" columns to fill in."""
    st = styles()
    col = widths(*PLAN_COLUMNS)
    rows: list[list[object]] = [
        [
            para(f"{group.items[0].priority_symbol} {group.title}", st.cell_head),
            "",
            "",
            cell_text(_("Who"), st.cell_head, col[3]),
            cell_text(_("When"), st.cell_head, col[4]),
        ]
    ]
    for entry in group.items:
        # the tick box and the number are plain cell text, the measure one paragraph
        # with its theme below: a third of the paragraphs to lay out per row
        measure = markup(
            '{}<br/><font size="8" color="#555555">{}</font>', entry.title, entry.plan_note
        )
        box = BOX_DONE if entry.state == "gedaan" else BOX_OPEN
        rows.append([box, str(entry.number), Paragraph(measure, st.cell_plan), "", ""])
    table = Table(rows, colWidths=col, repeatRows=1)
    table.setStyle(
        grid_style(
            ("SPAN", (0, 0), (2, 0)),
            *text_style(st.cell_head, (3, 0), (4, 0)),
            ("LINEBEFORE", (3, 1), (4, -1), 0.4, RULE),
            ("FONTSIZE", (0, 1), (0, -1), 12),
            ("LEADING", (0, 1), (0, -1), 13),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("FONTSIZE", (1, 1), (1, -1), 9),
            ("TEXTCOLOR", (0, 1), (1, -1), INK),
        )
    )
    return table
