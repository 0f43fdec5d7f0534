"""Print the paper version (:mod:`zelfscan.report.paper`) as a PDF people score by hand.

One theme after the other: the questions with a box and the points after every answer, what
a skipped follow-up counts, a tally line (behaald / mogelijk / ?), the thresholds as boxes to
tick, the red flags, and the first actions per answer. The first page has the rules and the
urgent numbers; the last has the total, room for the first three actions and notes, and
every contact. Readable in black and white: levels are words and symbols, boxes are glyphs.
"""

from __future__ import annotations

import io
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from zelfscan.core.model import Contact, Level, Questionnaire, QuestionType
from zelfscan.report.blank import describe, only_if
from zelfscan.report.paper import PaperForm, PaperQuestion, PaperTheme, paper_form
from zelfscan.report.pdf.styles import (
    FooterCanvas,
    footer,
    grid_style,
    new_document,
    styles,
    widths,
)
from zelfscan.report.pdf.text import esc, markup, para
from zelfscan.report.words import BOX_OPEN, LEVELS, Translate, priority_text, translator

Story = list[Flowable]


@cache
def _styles() -> dict[str, ParagraphStyle]:
    """Smaller type than the advice PDF: the whole scan has to fit on about eight pages."""
    st = styles()
    return {
        "text": ParagraphStyle("paper_text", parent=st.cell, fontSize=8.5, leading=10.5),
        "options": ParagraphStyle("paper_options", parent=st.cell, fontSize=7.5, leading=9.5),
        "note": ParagraphStyle("paper_note", parent=st.cell, fontSize=7.5, leading=9.5),
        "head": ParagraphStyle("paper_head", parent=st.cell_head, fontSize=8, leading=10),
        "theme": ParagraphStyle("paper_theme", parent=st.h2, keepWithNext=0, spaceBefore=8),
    }


def _points(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _options(item: PaperQuestion, lang: str, _: Translate) -> str:
    parts = []
    for option in item.question.options:
        if option.id == "weet-niet":
            shown = "?"
        elif option.id == "nvt":
            shown = "–"
        else:
            shown = _points(item.points.get(option.id))
        label = esc(option.label.get(lang))  # long labels wrap between words
        parts.append(f"{BOX_OPEN}&nbsp;{label}&nbsp;<b>{shown}</b>")
    return "&nbsp;&nbsp; ".join(parts)


def _skip_line(item: PaperQuestion, form: PaperForm, lang: str, _: Translate) -> str:
    parent = form.questionnaire.questions.get(
        next(q for q, n in form.numbers.items() if n == item.follows)
    )
    if parent is None:
        return ""
    words = {
        "full": _("{most} of {most}"),
        "zero": _("0 of {most}"),
        "unknown": _("? of {most}"),
    }
    groups: dict[str, list[str]] = {}
    for option in parent.options:
        kind = item.skipped.get(option.id)
        if option.id == "weet-niet":
            kind = "unknown"
        if kind in words:
            groups.setdefault(kind, []).append(f"‘{option.label.get(lang)}’")
    parts = [
        f"{_(' or ').join(labels)}: {words[kind].format(most=_points(item.most))}"
        for kind, labels in groups.items()
    ]
    return _("Skipped because of your answer to {number}? Count: {rules}.").format(
        number=item.follows, rules="; ".join(parts)
    )


def _question_row(item: PaperQuestion, form: PaperForm, lang: str, _: Translate) -> list[object]:
    ps = _styles()
    question = item.question
    text: list[Flowable] = [Paragraph(esc(question.text.get(lang)), ps["text"])]
    if question.show_if is not None:
        text.append(
            para(only_if(question.show_if, form.questionnaire, lang, _, form.numbers), ps["note"])
        )
    answers: list[Flowable] = []
    if question.type is QuestionType.MULTIPLE:
        answers.append(para(_("Tick all that apply; add up their points."), ps["note"]))
    if question.type is QuestionType.TEXT:
        answers.append(para("_" * 40, ps["note"]))
    else:
        answers.append(Paragraph(_options(item, lang, _), ps["options"]))
    if item.follows:
        answers.append(para(_skip_line(item, form, lang, _), ps["note"]))
    most = _points(item.most) if question.scored else "–"
    return [para(item.number, ps["text"]), text, answers, para(most, ps["text"]), ""]


def _tally(theme: PaperTheme, _: Translate) -> Flowable:
    st = styles()
    levels = "&nbsp;&nbsp; ".join(
        f"{BOX_OPEN}&nbsp;{LEVELS[level].symbol}&nbsp;{esc(_(LEVELS[level].msgid))}"
        + (f" (≥&nbsp;{limit:g})" if limit is not None else "")
        for level, limit in (
            (Level.GOED, theme.thresholds.goed),
            (Level.AANDACHT, theme.thresholds.aandacht),
            (Level.RISICO, None),
            (Level.ONBEKEND, None),
        )
    )
    line = _(
        "Earned ______ of possible ______ · ? ______ · score = earned ÷ possible × 100 = ______"
    )
    return KeepTogether(
        [para(line, st.small), Paragraph(markup("<b>{}</b> ", _("Level:")) + levels, st.small)]
    )


def _theme(theme: PaperTheme, form: PaperForm, lang: str, _: Translate) -> Story:
    st = styles()
    section = theme.section
    ps = _styles()
    story: Story = [
        CondPageBreak(110),  # a theme starts with its heading and a few rows, not alone
        para(f"{theme.number}. {section.title.get(lang)}", ps["theme"]),
    ]
    if section.show_if is not None:
        story.append(para(only_if(section.show_if, form.questionnaire, lang, _), st.muted))
    head = [
        para(_("No."), ps["head"]),
        para(_("Question"), ps["head"]),
        para(_("Answers and points"), ps["head"]),
        para(_("Max"), ps["head"]),
        para(_("Earned"), ps["head"]),
    ]
    rows = [head] + [_question_row(item, form, lang, _) for item in theme.questions]
    table = Table(rows, colWidths=widths(0.05, 0.41, 0.385, 0.05, 0.105), repeatRows=1)
    table.setStyle(
        grid_style(
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("BOX", (-1, 1), (-1, -1), 0.6, colors.black),  # the column the reader writes in
        )
    )
    story += [table, Spacer(1, 4), _tally(theme, _)]
    questionnaire = form.questionnaire
    for flag in questionnaire.red_flags:
        if flag.id in theme.flags:
            story.append(
                para(
                    _(
                        "Red flag: if {condition}, this theme and the total are at most {level}."
                    ).format(
                        condition=describe(flag.when, questionnaire, lang, _, numbers=form.numbers),
                        level=f"{LEVELS[flag.cap].symbol} {_(LEVELS[flag.cap].msgid)}",
                    )
                    + " "
                    + _("Get help now: see the numbers on page 1."),
                    st.small,
                )
            )
    if theme.actions:
        titles = {a.id: a.title.get(lang) for a in questionnaire.advice}
        story.append(para(_("First actions for your answers"), st.label))
        for action in theme.actions:
            text = f"{priority_text(action.priority, lang)} · {titles[action.title_id]}"
            if action.trigger is not None:
                number, options, negated = action.trigger
                labels = _option_labels(questionnaire, number, options, form, lang)
                when = (
                    _("if at {number} you did not answer {answers}")
                    if negated
                    else _("if at {number} you answered {answers}")
                )
                text += " — " + when.format(number=number, answers=labels)
            story.append(Paragraph(esc(text), st.bullet, bulletText="•"))
    return story


def _option_labels(
    questionnaire: Questionnaire, number: str, options: tuple[str, ...], form: PaperForm, lang: str
) -> str:
    qid = next(q for q, n in form.numbers.items() if n == number)
    question = questionnaire.questions[qid]
    labels = [f"‘{o.label.get(lang)}’" for o in question.options if o.id in options]
    return ", ".join(labels)


def _contacts(contacts: tuple[Contact, ...], lang: str) -> Table:
    st = styles()
    rows = [
        [para(c.name.get(lang), st.cell_bold), para(c.contact.get(lang), st.cell)] for c in contacts
    ]
    table = Table(rows, colWidths=widths(0.45, 0.55))
    table.setStyle(grid_style(header=False))
    return table


def _profile(form: PaperForm, lang: str, _: Translate) -> Story:
    """The profile questions in two columns: no points, they decide what applies."""
    ps = _styles()
    cells: list[list[Flowable]] = []
    for number, question in form.profile:
        labels = "&nbsp;&nbsp; ".join(
            f"{BOX_OPEN}&nbsp;{esc(o.label.get(lang))}" for o in question.options
        )
        cell: list[Flowable] = [
            Paragraph(markup("<b>{}</b> {}", number, question.text.get(lang)), ps["text"])
        ]
        if question.show_if is not None:
            cell.append(
                para(
                    only_if(question.show_if, form.questionnaire, lang, _, form.numbers), ps["note"]
                )
            )
        cell.append(Paragraph(labels, ps["options"]))
        cells.append(cell)
    rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=widths(0.5, 0.5))
    table.setStyle(grid_style(header=False))
    title = _("About you (no points: these decide which questions apply)")
    return [CondPageBreak(110), para(title, ps["theme"]), table]


def paper_story(questionnaire: Questionnaire, lang: str) -> Story:
    _ = translator(lang)
    st = styles()
    form = paper_form(questionnaire)
    urgent = tuple(c for c in questionnaire.contacts if c.urgent and c.show_if is None)
    rules = [
        _(
            "Tick one answer per question, unless it says you may tick more. Skip a question "
            "when the line under it says it does not apply to you."
        ),
        _(
            "Per question you answered: write the points after your answer under “Earned”, and "
            "add up the “Max” column. “n.v.t.” and answers marked “–” count for neither."
        ),
        _(
            "“I don’t know” earns 0: count its maximum as possible and also under “?”. Finding "
            "out is a good first step."
        ),
        _(
            "Per theme: score = earned ÷ possible × 100. The thresholds give the level; when “?” "
            "is half of “possible” or more, the level is “Unknown”. A red flag caps the level."
        ),
    ]
    story: Story = [
        para(questionnaire.title.get(lang), st.title),
        para(_("Paper version to score yourself"), st.subtitle),
        para(
            _(
                "Once filled in, this form is personal and confidential. The app gives the same "
                "levels and the full advice; nothing you write here is needed there."
            ),
            st.small,
        ),
        para(_("How to score"), st.label),
        *[Paragraph(esc(rule), st.bullet, bulletText=f"{n}.") for n, rule in enumerate(rules, 1)],
        para(_("Help now"), st.label),
        _contacts(urgent, lang),
        *_profile(form, lang, _),
    ]
    for theme in form.themes:
        story += _theme(theme, form, lang, _)
    story += [
        para(_("Total"), st.h2),
        para(
            _(
                "Add up “earned”, “possible” and “?” of every theme you scored; the same rules "
                "give the level of the whole scan."
            ),
            st.small,
        ),
        _tally(form.themes[0]._replace(thresholds=questionnaire.thresholds), _),
        para(_("My first three actions"), st.h2),
        *[para(f"{n}. " + "_" * 78, st.body) for n in (1, 2, 3)],
        para(_("Notes"), st.h2),
        *[para("_" * 86, st.body) for _line in range(5)],
        para(_("Who can help"), st.h2),
        _contacts(tuple(c for c in questionnaire.contacts if c.show_if is None)[:10], lang),
    ]
    return story


def render_paper(questionnaire: Questionnaire, lang: str, *, deterministic: bool = False) -> bytes:
    _ = translator(lang)
    title = questionnaire.title.get(lang)
    buffer = io.BytesIO()
    template = new_document(buffer, title, lang, deterministic)
    left = _("Personal and confidential once filled in") + " · " + title
    draw = footer(left, lambda n: _("page {} of").format(n))
    template.build(
        paper_story(questionnaire, lang),
        onFirstPage=draw,
        onLaterPages=draw,
        canvasmaker=FooterCanvas,
    )
    return buffer.getvalue()
