"""The action plan: per priority a table of measures to tick off, with empty "who" and
"when" columns to fill in by hand.

One table per priority, headed by one row that names the group and the columns: it repeats
on a new page and is never left alone at the foot of one.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from zelfscan.report.document import PlanGroup, ReportDocument
from zelfscan.report.pdf.styles import (
    CELL_PAD_BOTTOM,
    CELL_PAD_TOP,
    CELL_PAD_X,
    FRAME_HEIGHT,
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
PLAN_BOX_LEADING = 13.0
"""The tick box's line (12-point symbol); the other plain cells of a row keep 12 points."""


def plan_table(group: PlanGroup, _: Translate, *, known_heights: bool = True) -> Table:
    """One priority group of the plan: a header row, then per measure a tick box, its number,
    the measure with its theme below, and empty "who" and "when" columns to fill in.

    ``known_heights``: each row's height is given to the table, computed with the one line
    break of its measure that the table would make anyway (the tallest of its cells, with
    the padding). Otherwise the table breaks every measure's lines again each time it is
    asked its height: when it is placed, when it is split over pages, and for the part on
    the next page. A test checks both give the same table.
    """
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
    heights: list[float | None] = [None]  # the header row: the table measures it
    text_room = col[2] - 2 * CELL_PAD_X
    for entry in group.items:
        # the tick box and the number are plain cell text, the measure one paragraph
        # with its theme below: a third of the paragraphs to lay out per row
        measure = Paragraph(
            markup('{}<br/><font size="8" color="#555555">{}</font>', entry.title, entry.plan_note),
            st.cell_plan,
        )
        tallest = max(measure.wrap(text_room, FRAME_HEIGHT)[1], PLAN_BOX_LEADING, 12.0)
        heights.append(tallest + CELL_PAD_TOP + CELL_PAD_BOTTOM)
        box = BOX_DONE if entry.state == "gedaan" else BOX_OPEN
        rows.append([box, str(entry.number), measure, "", ""])
    table = Table(rows, colWidths=col, rowHeights=heights if known_heights else None, repeatRows=1)
    table.setStyle(
        grid_style(
            ("SPAN", (0, 0), (2, 0)),
            *text_style(st.cell_head, (3, 0), (4, 0)),
            ("LINEBEFORE", (3, 1), (4, -1), 0.4, RULE),
            ("FONTSIZE", (0, 1), (0, -1), 12),
            ("LEADING", (0, 1), (0, -1), PLAN_BOX_LEADING),
            ("LEADING", (1, 1), (-1, -1), 12),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("FONTSIZE", (1, 1), (1, -1), 9),
            ("TEXTCOLOR", (0, 1), (1, -1), INK),
        )
    )
    return table
