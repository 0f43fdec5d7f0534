"""The blank paper version of a scan: every question with tick boxes, no answers.

For people who prefer paper and for training sessions. Because paper can not hide questions,
every condition is written out in words ("Alleen als u bij ‘Wonen er kinderen bij u thuis?’
Ja antwoordde"), so the reader skips what does not apply to them.
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from zelfscan.core.model import (
    AllOf,
    AnswerIn,
    AnyOf,
    Condition,
    Not,
    Question,
    Questionnaire,
    QuestionType,
)
from zelfscan.report.pdf.styles import FooterCanvas, footer, new_document, styles
from zelfscan.report.pdf.text import esc, markup, para
from zelfscan.report.words import BOX_OPEN as BOX_EMPTY
from zelfscan.report.words import Translate, translator

INLINE_CHARS = 80
"""Options whose labels fit on about one line are printed side by side (saves paper)."""


def _labels(questionnaire: Questionnaire, leaf: AnswerIn, lang: str, _: Translate) -> str:
    question = questionnaire.questions.get(leaf.question)
    if question is None:
        return _(" or ").join(sorted(leaf.options))
    labels = [o.label.get(lang) for o in question.options if o.id in leaf.options]
    return _(" or ").join(labels or sorted(leaf.options))


def describe(
    condition: Condition,
    questionnaire: Questionnaire,
    lang: str,
    _: Translate,
    *,
    nested: bool = False,
) -> str:
    """A condition in words, e.g. "you answered Yes to ‘Do children live with you?’"."""
    match condition:
        case AnswerIn(question=qid):
            question = questionnaire.questions.get(qid)
            text = question.text.get(lang) if question else qid
            answers = _labels(questionnaire, condition, lang, _)
            if question is not None and question.type is QuestionType.MULTIPLE:
                return _("you ticked {answers} at ‘{question}’").format(
                    answers=answers, question=text
                )
            return _("you answered {answers} to ‘{question}’").format(
                answers=answers, question=text
            )
        case Not(condition=AnswerIn(question=qid) as inner):
            question = questionnaire.questions.get(qid)
            return _("you did not answer {answers} to ‘{question}’").format(
                answers=_labels(questionnaire, inner, lang, _),
                question=question.text.get(lang) if question else qid,
            )
        case Not(condition=inner):
            return _("it is not so that {}").format(
                describe(inner, questionnaire, lang, _, nested=True)
            )
        case AllOf(conditions=parts) | AnyOf(conditions=parts):
            joiner = _(" and ") if isinstance(condition, AllOf) else _(" or ")
            text = joiner.join(describe(p, questionnaire, lang, _, nested=True) for p in parts)
            return f"({text})" if nested and len(parts) > 1 else text
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover - closed union


def only_if(condition: Condition, questionnaire: Questionnaire, lang: str, _: Translate) -> str:
    return _("Only if {}.").format(describe(condition, questionnaire, lang, _))


def _question(
    number: str, question: Question, questionnaire: Questionnaire, lang: str, _: Translate
) -> Flowable:
    st = styles()
    parts: list[Flowable] = [
        Paragraph(markup("<b>{}</b> {}", number, question.text.get(lang)), st.body),
    ]
    if question.show_if is not None:
        parts.append(para(only_if(question.show_if, questionnaire, lang, _), st.muted))
    if question.help is not None:
        parts.append(para(question.help.get(lang), st.muted))
    if question.type is QuestionType.TEXT:
        parts.append(para(_("Your note (optional):"), st.small))
        parts += [para("_" * 80, st.muted) for _line in range(2)]
    else:
        if question.type is QuestionType.MULTIPLE:
            parts.append(para(_("Tick all that apply."), st.muted))
        labels = [o.label.get(lang) for o in question.options]
        if sum(len(label) + 6 for label in labels) <= INLINE_CHARS:
            gap = "&nbsp;" * 5
            parts.append(
                Paragraph(
                    gap.join(
                        f"{BOX_EMPTY}&nbsp;{esc(label).replace(' ', '&nbsp;')}" for label in labels
                    ),
                    st.step,
                )
            )
        else:
            parts += [Paragraph(esc(label), st.step, bulletText=BOX_EMPTY) for label in labels]
    parts.append(Spacer(1, 6))
    return KeepTogether(parts)


def blank_story(questionnaire: Questionnaire, lang: str) -> list[Flowable]:
    _ = translator(lang)
    st = styles()
    story: list[Flowable] = [
        para(questionnaire.title.get(lang), st.title),
        para(_("Paper version"), st.subtitle),
        para(questionnaire.intro.get(lang), st.body),
        para(
            _(
                "Tick one box per question, unless it says you may tick more. Skip a question "
                "when the condition under it does not apply to you. Not sure? Tick “I don’t "
                "know”: finding out is a good first step."
            ),
            st.body,
        ),
        para(
            _(
                "Once filled in, this form is personal and confidential. The scores and advice "
                "come from the app; enter your answers there, or discuss them in the session."
            ),
            st.body,
        ),
    ]
    for s_index, section in enumerate(questionnaire.sections, start=1):
        story.append(para(f"{s_index}. {section.title.get(lang)}", st.h2))
        if section.show_if is not None:
            story.append(para(only_if(section.show_if, questionnaire, lang, _), st.muted))
        if section.intro is not None:
            story.append(para(section.intro.get(lang), st.body))
        for q_index, question in enumerate(section.questions, start=1):
            story.append(_question(f"{s_index}.{q_index}", question, questionnaire, lang, _))
    return story


def render_blank(questionnaire: Questionnaire, lang: str, *, deterministic: bool = False) -> bytes:
    """The paper version of ``questionnaire`` as PDF bytes (see the module docstring)."""
    _ = translator(lang)
    title = questionnaire.title.get(lang)
    buffer = io.BytesIO()
    template = new_document(buffer, title, lang, deterministic)
    left = _("Personal and confidential once filled in") + " · " + title
    draw = footer(left, lambda n: _("page {} of").format(n))
    template.build(
        blank_story(questionnaire, lang),
        onFirstPage=draw,
        onLaterPages=draw,
        canvasmaker=FooterCanvas,
    )
    return buffer.getvalue()
