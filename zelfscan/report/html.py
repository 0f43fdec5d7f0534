"""The report as one self-contained, accessible HTML file (``report ... --out FILE.html``).

The accessible alternative to the (untagged) PDF, from the same document and in the same
order: one ``h1``, each part an ``h2`` section, tables with header cells and ``scope``,
the plan's tick boxes as real text (☐), symbols hidden from screen readers next to the word
that says the same. No scripts, no external resources: the style sheet is inline
(:mod:`.html_css`) and the score bars are inline SVG. Every text from the content or the
answers is escaped, so it can never become markup. The print-out renders this same HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape

from zelfscan.report.demo import confidential_line, subtitle
from zelfscan.report.document import (
    AdviceEntry,
    ContactEntry,
    Rating,
    ReportDocument,
)
from zelfscan.report.html_css import CSS
from zelfscan.report.phrases import (
    BARS_NOTE,
    content_version,
    contents_line,
    plan_intro,
    small_print,
    source_entry,
    source_line,
    stand_per_label,
    usual_date,
    why_you_see_this,
)
from zelfscan.report.words import BOX_DONE, BOX_OPEN, LEVELS, Translate, translator


def e(text: str) -> str:
    """Escaped text (quotes too: it may end up in an attribute)."""
    return escape(text, quote=True)


def rating(r: Rating, *, score: bool = False) -> str:
    """The level as symbol (hidden from screen readers) and word; optionally the score."""
    text = (
        f'<span class="{r.level.value}"><span class="sym" aria-hidden="true">{e(r.symbol)}</span>'
        f" {e(r.word)}</span>"
    )
    return text + (f" · {e(r.score_text)}" if score and r.score is not None else "")


def bar(r: Rating, goed: float, aandacht: float) -> str:
    """A decorative 0–100 bar with the thresholds dashed; the text next to it says it all."""
    filled = (
        "" if r.score is None else f'<rect class="{r.level.value}" width="{r.score}" height="10"/>'
    )
    ticks = "".join(
        f'<line class="tick" x1="{t:g}" y1="0" x2="{t:g}" y2="10"/>' for t in (aandacht, goed)
    )
    return (
        '<svg class="bar" viewBox="0 0 100 10" width="110" height="11" aria-hidden="true" '
        f'focusable="false"><rect class="track" width="100" height="10"/>{filled}{ticks}</svg>'
    )


def section(ident: str, title: str, body: str, *, appendix: bool = False) -> str:
    kind = ' class="appendix"' if appendix else ""
    return (
        f'<section id="{ident}"{kind} aria-labelledby="h-{ident}">\n'
        f'<h2 id="h-{ident}">{e(title)}</h2>\n{body}</section>\n'
    )


def table(caption: str, head: list[str], rows: list[str], cls: str = "") -> str:
    """``rows`` are ready ``<tr>`` strings; ``head`` plain column titles."""
    cols = "".join(f'<th scope="col">{e(h)}</th>' for h in head)
    kind = f' class="{cls}"' if cls else ""
    return (
        f'<table{kind} cellspacing="0" cellpadding="4"><caption>{e(caption)}</caption>\n'
        f"<thead><tr>{cols}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody></table>\n"
    )


def contact_item(c: ContactEntry, *, offers: bool = True) -> str:
    text = f"<strong>{e(c.name)}</strong>"
    if c.contact:
        text += f" — {e(c.contact)}"
    if offers and c.offers:
        text += f" · {e(c.offers)}"
    return f"<li>{text}</li>"


def facts(entry: AdviceEntry, _: Translate) -> str:
    pairs = [(_("Effort"), entry.effort), (_("Cost"), entry.cost), (_("Who can help"), entry.who)]
    items = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in pairs if v)
    return f'<dl class="facts">{items}</dl>\n' if items else ""


def steps(entry: AdviceEntry) -> str:
    if not entry.steps:
        return ""
    return "<ol>" + "".join(f"<li>{e(s)}</li>" for s in entry.steps) + "</ol>\n"


def header(doc: ReportDocument, full: bool, _: Translate) -> str:
    h = doc.headings
    links = [("summary", h.summary), ("top", h.top), ("plan", h.plan), ("help", h.help)]
    if full:
        links.append(("details", h.details))
    if doc.tasks:
        links.append(("tasks", h.tasks))
    links.append(("method", h.method))
    if doc.urgent is not None:
        links.insert(0, ("urgent", h.urgent))
    nav = "".join(f'<li><a href="#{i}">{e(t)}</a></li>' for i, t in links)
    content = content_version(doc, _)
    return (
        f'<header>\n<p class="confidential">{e(confidential_line(doc, _))}</p>\n'
        f"<h1>{e(doc.title)}</h1>\n"
        f'<p class="subtitle">{e(subtitle(doc, _))}</p>\n'
        f'<dl class="facts"><dt>{e(_("Date"))}</dt><dd>{e(doc.created_label)}</dd>'
        f"<dt>{e(_('Content'))}</dt><dd>{e(content)}</dd>"
        f"<dt>{e(_('This report'))}</dt><dd>{e(contents_line(doc, full, _))}</dd></dl>\n"
        f'<p class="muted">{e(small_print(doc, _))}</p>\n'
        f'<nav aria-label="{e(_("In this report"))}"><ul>{nav}</ul></nav>\n</header>\n'
    )


def urgent(doc: ReportDocument, _: Translate) -> str:
    if doc.urgent is None:
        return ""
    u = doc.urgent
    body = "".join(f"<p>{e(m)}</p>\n" for m in u.messages)
    body += "<ul>" + "".join(contact_item(c) for c in u.contacts) + "</ul>\n"
    if u.reasons:
        body += f'<p class="muted">{e(why_you_see_this(u.reasons, _))}</p>\n'
    return (
        '<section id="urgent" class="urgent" aria-labelledby="h-urgent">\n'
        f'<h2 id="h-urgent">{e(doc.headings.urgent)}</h2>\n{body}</section>\n'
    )


def summary(doc: ReportDocument, _: Translate, *, bars: bool = True) -> str:
    body = f'<p class="overall">{e(_("Overall:"))} {rating(doc.overall, score=True)}</p>\n'
    if doc.overall.reason:
        body += f"<p>{e(doc.overall.reason)}</p>\n"
    rows = []
    for t in doc.themes:
        unknown = _("{} of {} questions").format(t.unknown, t.applicable) if t.unknown else "–"
        level = rating(t.rating)
        if t.rating.reason:
            level += f'<br><span class="small">{e(t.rating.reason)}</span>'
        rows.append(
            f'<tr><th scope="row">{e(t.title)}</th>'
            f"<td>{bar(t.rating, t.goed, t.aandacht) if bars else ''}"
            f"{e(t.rating.score_text)}</td>"
            f"<td>{level}</td><td>{e(unknown)}</td></tr>\n"
        )
    if rows:
        body += table(
            _("Score per theme"),
            [_("Theme"), _("Score"), _("Level"), _("I don’t know")],
            rows,
            "themes",
        )
        if bars:
            body += f'<p class="note">{e(_(BARS_NOTE))}</p>\n'
    return section("summary", doc.headings.summary, body + changes(doc, _))


def changes(doc: ReportDocument, _: Translate) -> str:
    p = doc.progress
    if p is None:
        return ""
    out = f"<h3>{e(doc.headings.changes)}</h3>\n"
    if p.themes:
        rows = [
            f'<tr><th scope="row">{e(t.title)}</th>'
            f"<td>{rating(t.before, score=True) if t.before else e(_('not scanned'))}</td>"
            f"<td>{rating(t.after, score=True)}</td>"
            f'<td><span aria-hidden="true">{e(t.change_symbol)}</span> {e(t.change_word)}</td>'
            "</tr>\n"
            for t in p.themes
        ]
        out += table(doc.headings.changes, [_("Theme"), _("Before"), _("Now"), _("Change")], rows)
    counts = _("Actions: {} done, {} planned, {} not applicable, {} still open.")
    out += f"<p>{e(counts.format(p.done, p.planned, p.not_applicable, p.open))}</p>\n"
    if p.done_before:
        out += f"<p>{e(_('Marked as done after your last scan:'))}</p><ul>"
        out += "".join(f"<li>{BOX_DONE} {e(t)}</li>" for t in p.done_before) + "</ul>\n"
    if p.new_by_content:
        out += f"<p>{e(_('New advice because the scan itself was updated:'))}</p><ul>"
        out += "".join(f"<li>{e(t)}</li>" for t in p.new_by_content) + "</ul>\n"
    return out


def advice_body(entry: AdviceEntry, _: Translate, *, heading: str) -> str:
    out = (
        f"<{heading}>{entry.number}. {e(entry.title)}</{heading}>\n"
        f'<p class="meta"><span aria-hidden="true">{e(entry.priority_symbol)}</span> '
        f"{e(_('Priority: {}').format(entry.priority_word))} · {e(entry.section_title)}</p>\n"
    )
    if entry.raised:
        out += f"<p>{e(entry.raised)}</p>\n"
    if entry.why:
        out += f"<p>{e(entry.why)}</p>\n"
    out += steps(entry) + facts(entry, _)
    if entry.contacts:
        out += "<ul>" + "".join(contact_item(c, offers=False) for c in entry.contacts) + "</ul>\n"
    if entry.reasons:
        out += f'<p class="muted">{e(why_you_see_this(entry.reasons, _))}</p>\n'
    if entry.sources and heading == "h4":  # the full explanation names its sources
        out += "".join(f'<p class="muted">{e(source_line(x, _))}</p>\n' for x in entry.sources)
    return out


def top_three(doc: ReportDocument, _: Translate) -> str:
    if not doc.top:
        return ""
    body = f"<p>{e(_('Start with these three. The whole plan follows.'))}</p>\n"
    body += "".join(
        f'<div class="box">\n{advice_body(entry, _, heading="h3")}</div>\n' for entry in doc.top
    )
    return section("top", doc.headings.top, body)


def action_plan(doc: ReportDocument, _: Translate) -> str:
    intro = plan_intro(_)
    body = f"<p>{e(intro)}</p>\n"
    if not doc.plan:
        body += f"<p>{e(_('Your answers did not lead to any advice.'))}</p>\n"
        return section("plan", doc.headings.plan, body)
    rows = []
    for group in doc.plan_groups:
        rows.append(
            f'<tr class="group"><th colspan="5" scope="rowgroup">'
            f'<span aria-hidden="true">{e(group.items[0].priority_symbol)}</span> '
            f"{e(group.title)}</th></tr>\n"
        )
        for entry in group.items:
            box = BOX_DONE if entry.state == "gedaan" else BOX_OPEN
            rows.append(
                f'<tr><td class="box">{box}</td><td>{entry.number}</td>'
                f'<th scope="row">{e(entry.title)}'
                f'<br><span class="small">{e(entry.plan_note)}</span></th>'
                '<td class="fill"></td><td class="fill"></td></tr>\n'
            )
    body += table(
        doc.headings.plan, [_("Done"), "#", _("Measure"), _("Who"), _("When")], rows, "plan"
    )
    return section("plan", doc.headings.plan, body)


def help_part(doc: ReportDocument, full: bool, _: Translate) -> str:
    if not doc.contacts and not doc.other_contacts:
        empty = f"<p>{e(_('No contacts are listed for this scan.'))}</p>\n"
        return section("help", doc.headings.help, empty)
    listed = doc.contacts + doc.other_contacts if full else doc.contacts
    rows = []
    for c in listed:
        urgent = f'<br><span class="small">{e(_("urgent help"))}</span>' if c.urgent else ""
        as_of = _("As of") + " " + stand_per_label(c.stand_per, doc.lang, short=True)
        rows.append(
            f'<tr><th scope="row"><strong>{e(c.name)}</strong>{urgent}</th>'
            f"<td>{e(c.offers)}</td><td>{e(c.contact)}"
            f'<br><span class="small">{e(as_of)}</span></td></tr>\n'
        )
    note = _(
        "Contact details were checked on the date under them. Check them again if that "
        "date is long ago."
    )
    body = f'<p class="muted">{e(note)}</p>\n' + table(
        doc.headings.help, [_("Organisation"), _("What they offer"), _("Contact")], rows
    )
    if doc.other_contacts and not full:
        body += f"<h3>{e(_('Also useful'))}</h3>\n<ul>"
        body += "".join(contact_item(c, offers=False) for c in doc.other_contacts) + "</ul>\n"
    return section("help", doc.headings.help, body)


def details(doc: ReportDocument, letter: str, _: Translate) -> str:
    body = ""
    for group in doc.theme_groups:
        body += f"<h3>{e(group.title)}</h3>\n"
        body += "".join(
            f"<article>\n{advice_body(a, _, heading='h4')}</article>\n" for a in group.items
        )
    title = _("Appendix {}: {}").format(letter, doc.headings.details)
    return section("details", title, body, appendix=True)


def tasks(doc: ReportDocument, letter: str, _: Translate) -> str:
    intro = _(
        "You answered “I don’t know” to these questions. That is not a failure: finding "
        "out is the first step. Once you know, run the scan again."
    )
    rows = []
    for group in doc.task_groups:
        rows.append(
            f'<tr class="group"><th colspan="2" scope="rowgroup">{e(group.title)}</th></tr>\n'
        )
        for t in group.items:
            extra = "".join(f'<br><span class="small">{e(line)}</span>' for line in t.then)
            rows.append(
                f'<tr><td class="box">{BOX_OPEN}</td><th scope="row">{e(t.task)}{extra}</th></tr>\n'
            )
    body = f"<p>{e(intro)}</p>\n" + table(doc.headings.tasks, [_("Done"), _("Find out")], rows)
    title = _("Appendix {}: {}").format(letter, doc.headings.tasks)
    return section("tasks", title, body, appendix=True)


def method(doc: ReportDocument, letter: str, _: Translate, *, full: bool = False) -> str:
    m = doc.method
    body = "<ul>" + "".join(f"<li>{e(r)}</li>" for r in m.rules) + "</ul>\n"
    words = [_(LEVELS[level].msgid) for level in LEVELS]
    rows = [
        f'<tr><th scope="row">{e(r.title)}</th><td>{r.goed:g}</td><td>{r.aandacht:g}</td>'
        f"<td>{e(_('below {}').format(f'{r.aandacht:g}'))}</td></tr>\n"
        for r in m.thresholds
    ]
    body += f"<h3>{e(_('Thresholds'))}</h3>\n" + table(
        _("Thresholds per theme"),
        [_("Theme"), _("{} from").format(words[0]), _("{} from").format(words[1]), words[2]],
        rows,
    )
    st = m.statement
    body += f"<h3>{e(st.title)}</h3>\n<p>{e(st.is_)}</p>\n<p>{e(st.is_not_heading)}</p>\n"
    body += "<ul>" + "".join(f"<li>{e(x)}</li>" for x in st.is_not) + "</ul>\n"
    body += f"<p>{e(st.official_heading)}</p>\n"
    body += "<ul>" + "".join(f"<li>{e(x)}</li>" for x in st.official) + "</ul>\n"
    body += f'<p class="muted">{e(st.stand_per)}</p>\n'
    if doc.sources:
        usual = usual_date(doc.sources)
        checked = _("Checked on {}, unless a line says otherwise.").format(usual)
        body += f'<h3>{e(_("Sources"))}</h3>\n<p class="muted">{e(checked)}</p>\n<ul>'
        body += "".join(f"<li>{e(source_entry(x, usual, _))}</li>" for x in doc.sources)
        body += "</ul>\n"
    if full:
        body += f"<h3>{e(_('Limits of this scan'))}</h3>\n"
        if m.about:
            body += f"<p>{e(m.about)}</p>\n"
        body += f"<p>{e(m.limits)}</p>\n"
    title = _("Appendix {}: {}").format(letter, doc.headings.method)
    return section("method", title, body, appendix=True)


def render_html(doc: ReportDocument, *, full: bool = False, bars: bool = True) -> bytes:
    """The report as UTF-8 HTML bytes; ``full`` adds the explanation of every measure.

    ``bars=False`` leaves out the inline SVG score bars and the note that explains them, for
    Qt's rich text (the print-out), which draws no SVG: the paper must not explain bars it
    does not show. The score and level words carry the same information."""
    _ = translator(doc.lang)
    parts: list[Callable[[ReportDocument, str, Translate], str]] = [details] if full else []
    parts += [tasks] if doc.tasks else []
    parts.append(partial(method, full=full))
    appendices = "".join(
        part(doc, letter, _) for letter, part in zip("ABCDEFGH", parts, strict=False)
    )
    footer_text = " · ".join(
        (
            _("EXAMPLE") if doc.demo else _("Personal and confidential"),
            doc.title,
            _("Scan: {} · content version {} · facts checked on {}").format(
                doc.title, doc.version, stand_per_label(doc.stand_per, doc.lang)
            ),
            _("Made on this computer. Nothing was sent anywhere."),
        )
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{e(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{e(doc.title)} — {e(subtitle(doc, _))}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        + header(doc, full, _)
        + "<main>\n"
        + urgent(doc, _)
        + summary(doc, _, bars=bars)
        + top_three(doc, _)
        + action_plan(doc, _)
        + help_part(doc, full, _)
        + appendices
        + f"</main>\n<footer><p>{e(footer_text)}</p></footer>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
