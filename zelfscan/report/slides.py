"""What the room sees and what the trainer sees, per step of a training session.

One plain value per wizard step (a theme, the check of the answers, the results), built from
the questionnaire, the engine's evaluation and the demo person. The audience view on the
projector, the trainer console on the laptop and the trainer pack's slide pages all render
this same :class:`Slide`, so what a trainer prepares from the pack is what the room sees.

Qt-free: the words come from the report catalogue in the language asked for.
"""

from __future__ import annotations

from typing import NamedTuple

from zelfscan.core.model import Persona, Questionnaire, Section
from zelfscan.core.results import Evaluation
from zelfscan.report.words import level_text, score_text, shown_score, translator


class PollRow(NamedTuple):
    """One answer of a room poll, for the audience view's bar chart: its label, the room's
    count, and how many demo persons gave it, in words ("voorbeeldpersonen: 2", or empty)."""

    label: str
    answers: int
    examples: str = ""


class Slide(NamedTuple):
    """One step of the session. The audience sees ``context`` to ``body`` and ``discuss``;
    ``key_message``, ``prompts``, ``notes``, ``minutes`` and ``next_title`` are the trainer's."""

    context: str
    title: str
    result: str
    """The demo person's result for this step in words, symbol and score (or empty)."""
    body: str
    discuss: str
    """The one question for the room on the projector."""
    key_message: str = ""
    prompts: tuple[str, ...] = ()
    """Every prompt for this theme: the file's discussion question, then the session's."""
    notes: str = ""
    minutes: int | None = None
    """The time planned for this theme in the session script."""
    next_title: str = ""
    section_id: str | None = None
    scan: str = ""
    """The scan's title (the context line's first part)."""
    own: bool = False
    """Shows someone's own scan (no demo person): never put on the projector while the
    "demo persons only" lock is on."""
    poll: tuple[PollRow, ...] = ()
    """A room poll's answers: the audience view draws them as aligned bars (``body`` says
    the same in text, for the console and screen readers)."""


def context_line(questionnaire: Questionnaire, persona: Persona | None, lang: str) -> str:
    _ = translator(lang)
    parts = [questionnaire.title.get(lang), _("Training")]
    if persona is not None:
        parts.append(_("EXAMPLE: {name}").format(name=persona.name.get(lang)))
    return " · ".join(parts)


def section_slide(
    questionnaire: Questionnaire,
    section: Section,
    evaluation: Evaluation | None,
    persona: Persona | None,
    lang: str,
    next_title: str = "",
) -> Slide:
    """The slide for a theme's page: title, the demo person's result, the question to discuss."""
    _ = translator(lang)
    result = ""
    body = ""
    if section.profile:
        body = persona.description.get(lang) if persona is not None else ""
    elif evaluation is not None:
        found = evaluation.section(section.id)
        if found is None:
            result = _("This theme does not apply to this person.")
        else:
            shown = shown_score(found.score, found.level)
            words = (
                _("Example result: {level} · {score}")
                if persona
                else _("Result: {level} · {score}")
            )
            result = words.format(
                level=level_text(found.level, lang), score=score_text(shown, lang)
            )
            reasons = [
                flag.flag.reason.get(lang)
                for flag in evaluation.red_flags
                if flag.flag.id in found.capped_by and flag.flag.reason is not None
            ]
            if reasons:
                body = _("Level capped: {why}.").format(
                    why="; ".join(dict.fromkeys(r.rstrip(".") for r in reasons))
                )
    training = questionnaire.training
    brief = training.theme(section.id) if training is not None else None
    discuss = section.discussion.get(lang) if section.discussion is not None else ""
    prompts = [discuss] if discuss else []
    if brief is not None:
        prompts += [p.get(lang) for p in brief.prompts]
        discuss = discuss or prompts[0]
    return Slide(
        context=context_line(questionnaire, persona, lang),
        title=section.title.get(lang),
        result=result,
        body=body,
        discuss=discuss,
        key_message=brief.key_message.get(lang) if brief is not None else "",
        prompts=tuple(dict.fromkeys(prompts)),
        notes=section.trainer_notes.get(lang) if section.trainer_notes is not None else "",
        minutes=brief.minutes if brief is not None else None,
        next_title=next_title,
        section_id=section.id,
        scan=questionnaire.title.get(lang),
        own=persona is None,
    )


def review_slide(
    questionnaire: Questionnaire, evaluation: Evaluation, persona: Persona | None, lang: str
) -> Slide:
    """The check of the answers: what the scan found so far, so the slide is never empty."""
    _ = translator(lang)
    lines = [
        f"{level_text(r.level, lang)} — {r.title.get(lang)}"
        for r in evaluation.sections
        if r.applicable
    ]
    return Slide(
        context=context_line(questionnaire, persona, lang),
        title=_("Check the answers"),
        result=_("{count} themes answered").format(count=len(lines)),
        body="\n".join(lines),
        discuss=_("Which answer of this person would you change first, and why?"),
        notes=_("Go back to a theme with the Back key to change an answer; the results follow."),
        next_title=_("Results"),
        scan=questionnaire.title.get(lang),
        own=persona is None,
    )


def results_slide(
    questionnaire: Questionnaire, evaluation: Evaluation, persona: Persona | None, lang: str
) -> Slide:
    """The results: overall level with the reason for a cap, the top 3, one line per theme."""
    from zelfscan.report.build import build_report  # the same words as the results page

    _ = translator(lang)
    document = build_report(questionnaire, evaluation, lang)
    overall = document.overall
    result = _("Overall: {level} — {score}").format(
        level=f"{overall.symbol} {overall.word}", score=overall.score_text
    )
    lines = []
    if overall.reason:
        lines.append(overall.reason)
    if document.top:
        lines.append(_("Top 3:"))
        lines += [f"{n}. {entry.title}" for n, entry in enumerate(document.top, 1)]
    lines.append("")
    lines += [
        f"{level_text(r.level, lang)} · {score_text(shown_score(r.score, r.level), lang)}"
        f" — {r.title.get(lang)}"
        for r in evaluation.sections
    ]
    training = questionnaire.training
    return Slide(
        context=context_line(questionnaire, persona, lang),
        title=_("Example result") if persona is not None else _("Results"),
        result=result,
        body="\n".join(lines).strip(),
        discuss=_("Which one action would you take this week?"),
        key_message=training.key_message.get(lang) if training is not None else "",
        notes=_("Everyone picks one action for this week; hand out the paper version."),
        scan=questionnaire.title.get(lang),
        own=persona is None,
    )


def waiting_slide(questionnaire: Questionnaire | None, lang: str) -> Slide:
    """Between participants: nothing of anyone on the screen."""
    _ = translator(lang)
    context = _("Training")
    if questionnaire is not None:
        context = f"{questionnaire.title.get(lang)} · {context}"
    return Slide(
        context=context,
        title=_("Next participant"),
        result="",
        body=_("Choose a demo person to begin."),
        discuss="",
    )


def own_scan_slide(scan: str, lang: str) -> Slide:
    """What the projector shows while someone fills in their own scan (``scan`` is its
    title): nothing of it."""
    _ = translator(lang)
    return Slide(
        context=f"{scan} · {_('Training')}",
        title=_("Own scan: not on the screen"),
        result="",
        body=_(
            "Someone is filling in their own scan. Their answers and results stay on the "
            "laptop. Only demo persons are shown here."
        ),
        discuss="",
    )


def session_slides(
    questionnaire: Questionnaire, evaluation: Evaluation, persona: Persona | None, lang: str
) -> list[Slide]:
    """Every step of a session with ``persona``, in order (for the trainer pack)."""
    from zelfscan.core.flow import visible_sections

    sections = visible_sections(questionnaire, persona.answers if persona else {})
    slides = [
        section_slide(
            questionnaire,
            section,
            evaluation,
            persona,
            lang,
            sections[i + 1].title.get(lang) if i + 1 < len(sections) else "",
        )
        for i, section in enumerate(sections)
    ]
    slides.append(review_slide(questionnaire, evaluation, persona, lang))
    slides.append(results_slide(questionnaire, evaluation, persona, lang))
    return slides


def poll_slide(
    questionnaire: Questionnaire,
    question_id: str,
    counts: dict[str, int],
    lang: str,
) -> Slide:
    """The room's answers to one question, counted by hand (``poll``: the audience view draws
    them as bars); next to them what each demo person answered, so the room compares itself
    with the examples, never with a colleague. ``body`` says the same in words, for screen
    readers. Nothing in it is kept: the counts live only in the poll window."""
    _ = translator(lang)
    question = questionnaire.questions[question_id]
    options = [o for o in question.options if o.id != "nvt"]
    total = sum(counts.get(o.id, 0) for o in options)
    examples: dict[str, int] = {}
    for persona in questionnaire.personas:
        value = persona.answers.get(question_id)
        for chosen in (value,) if isinstance(value, str) else tuple(value or ()):
            examples[chosen] = examples.get(chosen, 0) + 1
    lines = []
    rows = []
    for option in options:
        count = counts.get(option.id, 0)
        shown = (
            _("demo persons: {n}").format(n=examples[option.id]) if examples.get(option.id) else ""
        )
        rows.append(PollRow(option.label.get(lang), count, shown))
        line = f"{option.label.get(lang)}: {count}"
        if shown:
            line += " · " + shown
        lines.append(line)
    return Slide(
        context=f"{questionnaire.title.get(lang)} · {_('Room poll')}",
        title=question.text.get(lang),
        result=_("{count} answers from the room").format(count=total),
        body="\n".join(lines),
        discuss=_("How does the room compare with the demo persons?") if examples else "",
        scan=questionnaire.title.get(lang),
        poll=tuple(rows),
    )
