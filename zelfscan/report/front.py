"""The front half of the report: cover (with urgent help), summary and chart, top 3, plan.

A reader who stops after these pages still has what matters: how they stand per theme, the
three things to do first, and a plan to tick off with columns for who and when.
"""

from __future__ import annotations

import re

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from zelfscan.core.model import Level
from zelfscan.report.charts import score_bar
from zelfscan.report.content import AdviceEntry, ReportDocument
from zelfscan.report.details import contact_line
from zelfscan.report.document import Translate
from zelfscan.report.paragraphs import Paragraph, esc, markup, para
from zelfscan.report.styles import (
    ACCENT,
    BOX_DONE,
    BOX_EMPTY,
    LEVEL_COLOURS,
    LEVEL_SYMBOLS,
    SHADE,
    URGENT_BG,
    URGENT_EDGE,
    grid_style,
    styles,
    widths,
)

Story = list[Flowable]
A4_HEIGHT_HALF = 421.0  # points: half an A4 page


def level_markup(level_symbol: str, colour: str, word: str) -> str:
    """The level as a coloured symbol plus the word: never colour alone."""
    return f'<font color="{colour}">{level_symbol}</font> {esc(word)}'


def _level(level: Level, word: str) -> str:
    return level_markup(
        LEVEL_SYMBOLS[level], LEVEL_COLOURS[level].hexval().replace("0x", "#"), word
    )


def _boxed(content: list[Flowable], background: object, edge: object) -> Table:
    """A shaded box that may split over pages (a long urgent message must not be cut off)."""
    table = Table([[content]], colWidths=widths(1), splitInRow=1)
    table.setStyle(
        grid_style(
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (-1, -1), 0, background),
            header=False,
        )
    )
    return table


def _urgent(doc: ReportDocument, _: Translate) -> Story:
    if doc.urgent is None:
        return []
    st = styles()
    inner: list[Flowable] = [para("⚠ " + _("Urgent: get help now"), st.h2)]
    inner += [para(m, st.box) for m in doc.urgent.messages]
    inner += [Paragraph(contact_line(c, _), st.bullet, bulletText="•") for c in doc.urgent.contacts]
    if doc.urgent.reasons:
        inner.append(para(_("Why do I see this?"), st.muted))
        inner += [
            Paragraph(
                markup(_("‘{}’ — you answered: {}"), r.question, r.answer), st.muted, bulletText="•"
            )
            for r in doc.urgent.reasons
        ]
    return [Spacer(1, 8), _boxed(inner, URGENT_BG, URGENT_EDGE)]


def cover(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    facts = [
        [para(_("Date"), st.cell_bold), para(doc.created_label, st.cell)],
        [
            para(_("Content version"), st.cell_bold),
            para(_("{} (facts checked on {})").format(doc.version, doc.stand_per), st.cell),
        ],
    ]
    table = Table(facts, colWidths=widths(0.3, 0.7))
    table.setStyle(grid_style(header=False))
    story: Story = [
        Spacer(1, 30),
        para(_("Personal and confidential"), st.confidential),
        para(doc.title, st.title),
        para(_("Your personal advice and action plan"), st.subtitle),
        Spacer(1, 10),
        table,
        Spacer(1, 14),
        para(
            _(
                "This scan gives an indication, based on your own answers. It does not tell you "
                "that you are safe, and it does not replace advice from a professional."
            ),
            st.body,
        ),
        para(
            _(
                "This report describes where your security can be better. Keep it in a safe "
                "place and share it only with people you trust."
            ),
            st.body,
        ),
    ]
    contents = [_("Summary"), _("Your top 3"), _("Your action plan"), _("Advice per theme")]
    if doc.tasks:
        contents.append(_("Find out"))
    contents += [_("Where to get help"), _("How this scan works")]
    story += [*_urgent(doc, _), para(_("In this report"), st.h2)]
    story += [Paragraph(esc(c), st.bullet, bulletText="•") for c in contents]
    return [*story, PageBreak()]


def first_sentence(text: str) -> str:
    """The first sentence of an effort or cost text: the plan table is a checklist, the full
    text (funding route, landlord's consent) stands in the advice details it points to."""
    match = re.search(r"[.!?;](\s|$)", text)
    if match is None or match.end() >= len(text.rstrip()):
        return text
    return text[: match.start() + 1].rstrip(";")


def summary(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    overall = (
        _("{} of 100").format(doc.overall_score) if doc.overall_score is not None else _("no score")
    )
    story: Story = [
        para(_("Summary"), st.h1),
        Paragraph(
            markup("<b>{}</b> ", _("Overall picture:"))
            + _level(doc.overall_level, doc.overall_word)
            + " · "
            + esc(overall),
            st.subtitle,
        ),
    ]
    bar_width = widths(0.34, 0.40, 0.08, 0.18)
    rows: list[list[object]] = []
    for theme in doc.themes:
        rows.append(
            [
                para(theme.title, st.cell),
                score_bar(theme.score, theme.level, theme.thresholds, bar_width[1] - 8),
                para("–" if theme.score is None else str(theme.score), st.cell_bold),
                Paragraph(_level(theme.level, theme.level_word), st.cell),
            ]
        )
    if rows:
        chart = Table(rows, colWidths=bar_width, splitInRow=1)
        chart.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), header=False))
        story += [
            chart,
            Spacer(1, 3),
            para(
                _(
                    "Each bar runs from 0 to 100. The dashed lines are the thresholds: from the "
                    "first line a theme “Needs attention”, from the second it is “Good”."
                ),
                st.muted,
            ),
        ]
    table_rows: list[list[object]] = [
        [para(h, st.cell_head) for h in (_("Theme"), _("Score"), _("Level"), _("Unknown"))]
    ]
    for theme in doc.themes:
        level = Paragraph(
            _level(theme.level, theme.level_word) + (" *" if theme.capped else ""), st.cell
        )
        table_rows.append(
            [
                para(theme.title, st.cell),
                para("–" if theme.score is None else f"{theme.score} / 100", st.cell),
                level,
                para(_("{} of {} questions").format(theme.unknown, theme.applicable), st.cell),
            ]
        )
    table = Table(table_rows, colWidths=widths(0.40, 0.15, 0.23, 0.22), repeatRows=1, splitInRow=1)
    table.setStyle(grid_style())
    story += [para(_("In figures"), st.h2), table]
    if any(t.capped for t in doc.themes):
        story.append(
            para(_("* Capped because of an answer that points to an acute risk."), st.muted)
        )
    return story + _progress(doc, _)


def _progress(doc: ReportDocument, _: Translate) -> Story:
    progress = doc.progress
    if progress is None:
        return []
    st = styles()
    arrows = {"beter": "▲", "slechter": "▼", "gelijk": "=", "nieuw": "•"}
    story: Story = [para(_("What has changed since your last scan"), st.h2)]
    if progress.themes:
        rows: list[list[object]] = [
            [para(h, st.cell_head) for h in (_("Theme"), _("Before"), _("Now"), _("Change"))]
        ]
        for t in progress.themes:
            rows.append(
                [
                    para(t.title, st.cell),
                    para(
                        f"{'–' if t.previous is None else t.previous} · {t.previous_level}", st.cell
                    ),
                    para(f"{'–' if t.current is None else t.current} · {t.current_level}", st.cell),
                    para(f"{arrows[t.change]} {t.change_word}", st.cell_bold),
                ]
            )
        table = Table(rows, colWidths=widths(0.37, 0.22, 0.22, 0.19), repeatRows=1, splitInRow=1)
        table.setStyle(grid_style())
        story.append(table)
    story.append(Spacer(1, 4))
    story.append(
        para(
            _("Actions: {} done, {} planned, {} not applicable, {} still open.").format(
                len(progress.done), progress.planned, progress.not_applicable, progress.open
            ),
            st.body,
        )
    )
    story += [Paragraph(esc(title), st.bullet, bulletText=BOX_DONE) for title in progress.done]
    if progress.new_by_content:
        story.append(para(_("New advice because the scan itself was updated:"), st.body))
        story += [Paragraph(esc(t), st.bullet, bulletText="•") for t in progress.new_by_content]
    return story


def top_three(doc: ReportDocument, _: Translate) -> Story:
    if not doc.top:
        return []
    st = styles()
    story: Story = [
        CondPageBreak(90),
        para(_("Your top 3"), st.h1),
        para(_("Start with these. The full plan and the details follow."), st.body),
    ]
    for entry in doc.top:
        inner: list[Flowable] = [
            Paragraph(markup("<b>{}. {}</b>", str(entry.number), entry.title), st.box),
            para(entry.why, st.box),
            para(
                " · ".join(
                    x
                    for x in (
                        _("Priority: {}").format(entry.priority_word),
                        entry.effort,
                        entry.cost,
                    )
                    if x
                ),
                st.muted,
            ),
        ]
        # KeepTogether: a box that only just does not fit moves whole to the next page,
        # instead of leaving a sliver of its shading on an otherwise empty page.
        story += [KeepTogether([Spacer(1, 6), _boxed(inner, SHADE, ACCENT)])]
    return story


def _state_cell(entry: AdviceEntry, _: Translate) -> str:
    return BOX_DONE if entry.state == "gedaan" else BOX_EMPTY


def action_plan(doc: ReportDocument, _: Translate) -> Story:
    st = styles()
    story: Story = [
        # A new page, unless the top 3 spilled over: then the plan follows on that page.
        CondPageBreak(A4_HEIGHT_HALF),
        para(_("Your action plan"), st.h1),
        para(
            _(
                "Tick off what you have done. Fill in who does it and when: the number refers to "
                "the details further on."
            ),
            st.body,
        ),
    ]
    if not doc.plan:
        return [*story, para(_("Your answers did not lead to any advice."), st.body)]
    who = markup(
        "{}<br/><font size=6.5>{}</font>", _("Who"), _("self / household / gemeente / supplier")
    )
    rows: list[list[object]] = [
        [
            para("", st.cell_head),
            para("#", st.cell_head),
            para(_("Action"), st.cell_head),
            para(_("Priority"), st.cell_head),
            para(_("Effort and cost"), st.cell_head),
            Paragraph(who, st.cell_head),
            para(_("When"), st.cell_head),
        ]
    ]
    for entry in doc.plan:
        action: list[Flowable] = [
            para(entry.title, st.cell),
            para(entry.section_title, st.cell_small),
        ]
        if entry.state in ("gepland", "nvt"):
            action.append(
                para(
                    _("planned") if entry.state == "gepland" else _("not applicable"), st.cell_small
                )
            )
        rows.append(
            [
                para(_state_cell(entry, _), st.cell_center),
                para(str(entry.number), st.cell),
                action,
                para(entry.priority_word, st.cell),
                [
                    para(first_sentence(entry.effort), st.cell_small),
                    para(first_sentence(entry.cost), st.cell_small),
                ],
                "",
                "",
            ]
        )
    table = Table(
        rows,
        colWidths=widths(0.045, 0.05, 0.305, 0.125, 0.22, 0.13, 0.125),
        repeatRows=1,
        splitInRow=1,
    )
    table.setStyle(
        grid_style(
            ("BOTTOMPADDING", (0, 1), (-1, -1), 10),
            ("LINEBEFORE", (5, 1), (6, -1), 0.4, "#B0B0B0"),
        )
    )
    story.append(table)
    return story
