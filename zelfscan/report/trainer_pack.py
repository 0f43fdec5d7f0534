"""The trainer pack: everything a trainer prints before a 90-minute session, from the YAML.

In order: the session script with clock times and key messages; per theme the time, the key
message, every prompt and the trainer notes; the room-poll questions; one card per demo
person with their result (marked VOORBEELD); the contacts with "stand per" dates; and the
slides of the audience view for the first demo person, as the room will see them
(:mod:`zelfscan.report.slides`). Qt-free; ``zelfscan-cli trainer-pack`` and the Training menu
both call :func:`render_trainer_pack`.
"""

from __future__ import annotations

import io

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Table

from zelfscan.core.evaluate import evaluate
from zelfscan.core.flow import effective_answers
from zelfscan.core.model import Persona, Questionnaire
from zelfscan.report.pdf.styles import (
    FooterCanvas,
    footer,
    grid_style,
    new_document,
    styles,
    widths,
)
from zelfscan.report.pdf.text import esc, para
from zelfscan.report.phrases import stand_per_label
from zelfscan.report.slides import Slide, session_slides
from zelfscan.report.words import Translate, level_text, score_text, shown_score, translator

Story = list[Flowable]


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _script(questionnaire: Questionnaire, lang: str, _: Translate) -> Story:
    st = styles()
    training = questionnaire.training
    if training is None:
        return [para(_("This scan has no session script yet."), st.body)]
    head = [
        para(_("Time"), st.cell_head),
        para(_("Block"), st.cell_head),
        para(_("What you do"), st.cell_head),
    ]
    rows: list[list[object]] = [head]
    start = 0
    for step in training.script:
        brief = training.theme(step.section) if step.section else None
        what: list[Flowable] = [para(step.what.get(lang), st.cell)]
        if brief is not None:
            what.append(
                para(_("Key message: {}").format(brief.key_message.get(lang)), st.cell_bold)
            )
        rows.append(
            [
                para(f"{_clock(start)}–{_clock(start + step.minutes)}", st.cell),
                para(f"{step.title.get(lang)} ({step.minutes} min)", st.cell_bold),
                what,
            ]
        )
        start += step.minutes
    table = Table(rows, colWidths=widths(0.14, 0.26, 0.60), repeatRows=1)
    table.setStyle(grid_style())
    return [
        para(_("Session script ({} minutes)").format(training.minutes), st.h1),
        para(_("Take home: {}").format(training.key_message.get(lang)), st.label),
        table,
    ]


def _themes(questionnaire: Questionnaire, lang: str, _: Translate) -> Story:
    st = styles()
    training = questionnaire.training
    story: Story = [PageBreak(), para(_("Notes and prompts per theme"), st.h1)]
    for section in questionnaire.sections:
        brief = training.theme(section.id) if training is not None else None
        part: Story = [para(section.title.get(lang), st.h2)]
        if brief is not None:
            part.append(
                para(
                    _("{} minutes · key message: {}").format(
                        brief.minutes, brief.key_message.get(lang)
                    ),
                    st.label,
                )
            )
        prompts = [section.discussion.get(lang)] if section.discussion is not None else []
        prompts += [p.get(lang) for p in brief.prompts] if brief is not None else []
        if prompts:
            part.append(para(_("Prompts for the room"), st.label))
            part += [
                Paragraph(esc(p), st.bullet, bulletText=f"{n}.")
                for n, p in enumerate(dict.fromkeys(prompts), 1)
            ]
        if section.trainer_notes is not None:
            part.append(para(_("Trainer notes"), st.label))
            part.append(para(section.trainer_notes.get(lang), st.body))
        story += [CondPageBreak(120), *part]
    if training is not None and training.polls:
        story += [para(_("Room poll"), st.h2)]
        for poll in training.polls:
            question = questionnaire.questions[poll.question]
            options = " · ".join(
                o.label.get(lang) for o in question.options if o.id not in ("weet-niet", "nvt")
            )
            story.append(
                Paragraph(esc(f"{question.text.get(lang)} ({options})"), st.bullet, bulletText="•")
            )
    return story


def _persona_card(
    questionnaire: Questionnaire, persona: Persona, lang: str, _: Translate
) -> Flowable:
    st = styles()
    evaluation = evaluate(questionnaire, effective_answers(questionnaire, persona.answers))
    level = level_text(evaluation.overall_level, lang)
    score = score_text(shown_score(evaluation.overall_score, evaluation.overall_level), lang)
    cell: list[Flowable] = [
        para(_("EXAMPLE") + " · " + persona.name.get(lang), st.cell_bold),
        para(persona.description.get(lang), st.cell),
        para(_("Example result: {level} · {score}").format(level=level, score=score), st.cell),
    ]
    if evaluation.red_flags:
        cell.append(para(_("Red flag: the urgent-help panel opens in the scan."), st.cell_small))
    top = [a.title.get(lang) for a in evaluation.top]
    if top:
        cell.append(para(_("Top 3: {}").format("; ".join(top)), st.cell_small))
    table = Table([[cell]], colWidths=widths(1.0))
    table.setStyle(grid_style(("BOX", (0, 0), (-1, -1), 0.8, "black"), header=False))
    return KeepTogether([table])


def _personas(questionnaire: Questionnaire, lang: str, _: Translate) -> Story:
    st = styles()
    story: Story = [PageBreak(), para(_("Demo person cards"), st.h1)]
    story.append(
        para(_("Cut out and hand out; nobody has to share their own situation."), st.muted)
    )
    story += [_persona_card(questionnaire, p, lang, _) for p in questionnaire.personas]
    return story


def _contacts(questionnaire: Questionnaire, lang: str, _: Translate) -> Story:
    st = styles()
    rows: list[list[object]] = [
        [
            para(_("Organisation"), st.cell_head),
            para(_("What they offer"), st.cell_head),
            para(_("Contact"), st.cell_head),
        ]
    ]
    ordered = sorted(questionnaire.contacts, key=lambda c: not c.urgent)
    for contact in ordered:
        rows.append(
            [
                para(contact.name.get(lang), st.cell_bold),
                para(contact.offers.get(lang), st.cell),
                [
                    para(contact.contact.get(lang), st.cell),
                    para(
                        _("As of {}").format(stand_per_label(contact.stand_per, lang)),
                        st.cell_small,
                    ),
                ],
            ]
        )
    table = Table(rows, colWidths=widths(0.3, 0.42, 0.28), repeatRows=1)
    table.setStyle(grid_style())
    return [PageBreak(), para(_("Contacts"), st.h1), table]


def _slide(slide: Slide, number: int, _: Translate) -> Flowable:
    st = styles()
    cell: list[Flowable] = [para(slide.context, st.cell_small), para(slide.title, st.h2)]
    if slide.result:
        cell.append(para(slide.result, st.subtitle))
    if slide.body:
        cell += [para(line, st.body) for line in slide.body.splitlines() if line.strip()]
    if slide.discuss:
        cell += [para(_("To discuss"), st.label), para(slide.discuss, st.body)]
    if slide.key_message:
        cell += [para(_("Remember"), st.label), para(slide.key_message, st.body)]
    table = Table([[cell]], colWidths=widths(1.0))
    table.setStyle(grid_style(("BOX", (0, 0), (-1, -1), 1.2, "black"), header=False))
    return KeepTogether([para(_("Slide {}").format(number), st.muted), table])


def _slides(questionnaire: Questionnaire, lang: str, _: Translate) -> Story:
    st = styles()
    if not questionnaire.personas:
        return []
    persona = questionnaire.personas[0]
    evaluation = evaluate(questionnaire, effective_answers(questionnaire, persona.answers))
    story: Story = [
        PageBreak(),
        para(_("Slides of the audience view"), st.h1),
        para(
            _("With the demo person “{}”, as the projector shows them.").format(
                persona.name.get(lang)
            ),
            st.muted,
        ),
    ]
    for number, slide in enumerate(session_slides(questionnaire, evaluation, persona, lang), 1):
        story += [CondPageBreak(200), _slide(slide, number, _)]
    return story


def trainer_pack_story(questionnaire: Questionnaire, lang: str) -> Story:
    _ = translator(lang)
    st = styles()
    return [
        para(questionnaire.title.get(lang), st.title),
        para(_("Trainer pack for a 90-minute session"), st.subtitle),
        para(
            _(
                "For trainers only: the notes are not for the room. Made from the scan’s content "
                "version {} (facts checked on {})."
            ).format(questionnaire.version, stand_per_label(questionnaire.stand_per, lang)),
            st.muted,
        ),
        *_script(questionnaire, lang, _),
        *_themes(questionnaire, lang, _),
        *_personas(questionnaire, lang, _),
        *_contacts(questionnaire, lang, _),
        *_slides(questionnaire, lang, _),
    ]


def render_trainer_pack(
    questionnaire: Questionnaire, lang: str, *, deterministic: bool = False
) -> bytes:
    _ = translator(lang)
    title = questionnaire.title.get(lang)
    buffer = io.BytesIO()
    template = new_document(buffer, title, lang, deterministic)
    draw = footer(_("Trainer pack") + " · " + title, lambda n: _("page {} of").format(n))
    template.build(
        trainer_pack_story(questionnaire, lang),
        onFirstPage=draw,
        onLaterPages=draw,
        canvasmaker=FooterCanvas,
    )
    return buffer.getvalue()
