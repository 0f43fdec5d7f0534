"""Hand-built questionnaires and answers for the report tests (no YAML loader needed).

``questionnaire(...)`` makes a scan with a profile section, scored themes of yes/partly/no
questions, one advice item per question, a red flag, urgent and role-dependent contacts and a
free-text note. ``worst_answers`` triggers every advice item and the red flag; ``long=True``
makes every text absurdly long and adds an unbroken word and markup that must print literally.
"""

from __future__ import annotations

from datetime import datetime

from zelfscan.core.evaluate import evaluate
from zelfscan.core.model import (
    NOT_APPLICABLE,
    UNKNOWN,
    AdviceItem,
    AnswerIn,
    Answers,
    Contact,
    Level,
    Option,
    Priority,
    Question,
    Questionnaire,
    QuestionType,
    RedFlag,
    Section,
    Text,
    TextList,
    Thresholds,
    Variant,
)
from zelfscan.core.results import Evaluation

CREATED = datetime(2026, 11, 3, 10, 30)
MARKUP = '<img src="http://example.invalid/x.png"/> <font size=40>groot</font> & co'
LONG_WORD = "Veiligheidsmaatregelenuitvoeringsbesluitvoorbereidingscommissievergadering" * 3
CANARY = "KANARIE-7f3a91"
THEMES = (
    ("thuis", "In en om de woning", "In and around the home"),
    ("gezin", "Gezin en kinderen", "Family and children"),
    ("digitaal", "Digitale communicatie en online vindbaarheid", "Digital communication"),
    ("onderweg", "Onderweg", "On the road"),
)
PRIORITIES = (Priority.HOOG, Priority.MIDDEN, Priority.LAAG)


def t(nl: str, en: str | None = None) -> Text:
    return Text({"nl": nl, "en": en if en is not None else nl})


def _yesno(qid: str, section: str, text: Text) -> Question:
    options = (
        Option("ja", t("Ja", "Yes"), 2.0),
        Option("deels", t("Gedeeltelijk", "Partly"), 1.0),
        Option("nee", t("Nee", "No"), 0.0),
        Option(UNKNOWN, t("Weet ik niet", "I don't know"), 0.0),
        Option(NOT_APPLICABLE, t("Niet van toepassing", "Not applicable"), None),
    )
    return Question(
        qid,
        QuestionType.YESNO,
        text,
        section,
        True,
        options,
        find_out=t(f"Zoek uit hoe het zit met {qid}.", f"Find out about {qid}."),
    )


def questionnaire(*, per_theme: int = 3, long: bool = False, inject: str = "") -> Questionnaire:
    """A scan with ``per_theme`` scored questions in each of four themes."""
    pad = (
        (
            " "
            + "Dit is een heel lange zin die steeds terugkomt, met ë, ï, é, € en “quotes”." * 12
            + " "
            + LONG_WORD
        )
        if long
        else ""
    )
    profile = Section(
        "profiel",
        t("Over u", "About you"),
        (
            Question(
                "rol",
                QuestionType.SINGLE,
                t("Wat is uw functie?", "What is your position?"),
                "profiel",
                True,
                (
                    Option("burgemeester", t("Burgemeester", "Mayor"), None),
                    Option("raadslid", t("Raadslid", "Council member"), None),
                ),
            ),
            Question(
                "kinderen",
                QuestionType.SINGLE,
                t("Wonen er kinderen bij u thuis?", "Do children live with you?"),
                "profiel",
                True,
                (Option("ja", t("Ja", "Yes"), None), Option("nee", t("Nee", "No"), None)),
            ),
        ),
        profile=True,
    )
    sections = [profile]
    advice = []
    for index, (sid, nl, en) in enumerate(THEMES):
        questions = []
        for n in range(per_theme):
            qid = f"{sid}-{n}"
            show_if = AnswerIn("kinderen", frozenset({"ja"})) if sid == "gezin" else None
            q = _yesno(
                qid,
                sid,
                t(
                    f"Vraag {n + 1} over {nl.lower()}?{inject}{pad}",
                    f"Question {n + 1} about {en.lower()}?{inject}{pad}",
                ),
            )
            questions.append(
                Question(
                    **{
                        **{f: getattr(q, f) for f in q.__slots__ if not f.startswith("_")},
                        "show_if": show_if,
                    }
                )
            )
            advice.append(
                AdviceItem(
                    id=f"advies-{qid}",
                    section=sid,
                    priority=PRIORITIES[(index + n) % 3],
                    when=AnswerIn(qid, frozenset({"nee", "deels", UNKNOWN})),
                    title=t(
                        f"Regel maatregel {n + 1} voor {nl.lower()}{inject}{pad[:200]}",
                        f"Arrange measure {n + 1} for {en.lower()}{inject}{pad[:200]}",
                    ),
                    why=t(f"Omdat het helpt.{inject}{pad}", f"Because it helps.{inject}{pad}"),
                    how=TextList(
                        {
                            "nl": ("Bel de gemeente.", f"Maak een afspraak.{pad}", "Doe het."),
                            "en": ("Call the council.", f"Make an appointment.{pad}", "Do it."),
                        }
                    ),
                    effort=t(f"Een uur{pad[:120]}", "An hour"),
                    cost=t("€ 50 – € 150", "€ 50 – € 150"),
                    who=t(f"U zelf{pad[:100]}", "You"),
                    contacts=("politie", "ccv") if n == 0 else ("ccv",),
                    variants=(
                        Variant(
                            when=AnswerIn("rol", frozenset({"burgemeester"})),
                            who=t("Uw beveiligingsadviseur", "Your security adviser"),
                            contacts=("politie", "beveiligingsadvies"),
                        ),
                    ),
                )
            )
        sections.append(
            Section(
                sid,
                t(nl + (pad[:60] if long else ""), en),
                tuple(questions),
                thresholds=Thresholds(75, 45) if index == 1 else None,
            )
        )
    sections[1] = Section(
        sections[1].id,
        sections[1].title,
        (
            *sections[1].questions,
            Question(
                "toelichting",
                QuestionType.TEXT,
                t("Wilt u iets toelichten?", "Anything?"),
                "thuis",
                False,
            ),
        ),
    )
    contacts = (
        Contact(
            "politie",
            t("Politie"),
            t(f"Aangifte en advies.{inject}", "Reports."),
            t("0900-8844"),
            "2026-11-01",
            urgent=True,
        ),
        Contact(
            "ccv",
            t("Centrum voor Criminaliteitspreventie en Veiligheid"),
            t(f"Woningscan en keurmerken.{pad}", "Home scan."),
            t("hetccv.nl"),
            "2026-10-01",
        ),
        Contact(
            "beveiligingsadvies",
            t("Beveiligingsadvies voor bestuurders"),
            t("Een adviseur komt langs.", "An adviser visits."),
            t("Via uw griffier"),
            "2026-09-15",
            show_if=AnswerIn("rol", frozenset({"burgemeester"})),
        ),
        Contact(
            "steunpunt",
            t("Ondersteuningsteam Weerbaar Bestuur"),
            t("Steun na bedreiging.", "Support after threats."),
            t("weerbaarbestuur.nl"),
            "2026-11-01",
            urgent=True,
        ),
    )
    flag = RedFlag(
        "dreiging",
        AnswerIn("onderweg-0", frozenset({"nee"})),
        t(
            f"Voelt u zich nu onveilig? Bel 112 bij direct gevaar.{inject}{pad}",
            "Do you feel unsafe right now? Call 112 in an emergency.",
        ),
        Level.RISICO,
        "onderweg",
    )
    return Questionnaire(
        id="test-scan",
        version="2026.1",
        schema_version=1,
        title=t(f"Zelfscan persoonlijke veiligheid{inject}", "Personal safety self-scan"),
        intro=t("Intro."),
        minutes=10,
        stand_per="2026-11-01",
        thresholds=Thresholds(80, 50),
        sections=tuple(sections),
        advice=tuple(advice),
        red_flags=(flag,),
        contacts=contacts,
        about=t(f"De scan geeft een indicatie.{inject}{pad}", "The scan gives an indication."),
    )


def worst_answers(q: Questionnaire, role: str = "burgemeester") -> dict[str, str | tuple[str, ...]]:
    """Every scored question answered "nee" (first of each theme "weet-niet"): all advice."""
    answers: dict[str, str | tuple[str, ...]] = {"rol": role, "kinderen": "ja"}
    for section in q.sections[1:]:
        for n, question in enumerate(section.questions):
            if question.type is QuestionType.TEXT:
                answers[question.id] = f"Mijn buurman {CANARY} heeft een sleutel"
            else:
                answers[question.id] = UNKNOWN if n == 1 else "nee"
    return answers


def typical_answers(q: Questionnaire) -> dict[str, str | tuple[str, ...]]:
    """A mixed scan: mostly safe answers, a few weak spots, one unknown, no red flag."""
    answers: dict[str, str | tuple[str, ...]] = {"rol": "raadslid", "kinderen": "nee"}
    cycle = ("ja", "ja", "deels", "ja", "nee", "ja", UNKNOWN, "ja", NOT_APPLICABLE)
    i = 0
    for section in q.sections[1:]:
        for question in section.questions:
            if question.type is not QuestionType.TEXT:
                answers[question.id] = cycle[i % len(cycle)]
                i += 1
    answers["onderweg-0"] = "ja"
    return answers


def evaluated(q: Questionnaire, answers: Answers) -> Evaluation:
    return evaluate(q, answers)
