"""What Zelfscan is and is not: one Qt-free, translated statement for every place that says it.

The About dialog shows all of it, the start screen the short version with a way to the
dialog, and the report may print it. Zelfscan must never be taken for an official
instrument (its scan titles resemble some: fact check E10), so the statement names the
official routes a user can take instead.

Facts, as of :data:`STAND_PER` (the project's fact check of December 2026, rows A1, A2, A5, A7,
A11-A14, C4): the CCV's home scans are free for all decentral political office holders (A12,
A14), with a separate scan for raadsleden since June 2025 (A13); the beveiligingsadvies for
decentral bestuurders exists since 1 January 2024 (A11, C4); the Ondersteuningsteam Weerbaar
Bestuur can be reached day and night and helps families too (A5, A7); 112 in danger and
0900-8844 for the police without urgency (A1, A2).
"""

from __future__ import annotations

from dataclasses import dataclass

from zelfscan.i18n import gettext_for

DOMAIN = "about"
STAND_PER = "2026-12"


@dataclass(frozen=True, slots=True)
class Statement:
    """The statement in one language, as plain text parts a view lays out itself."""

    title: str
    short: str
    """One or two calm sentences for the start screen."""
    is_: str
    is_not_heading: str
    is_not: tuple[str, ...]
    official_heading: str
    official: tuple[str, ...]
    stand_per: str
    """"Stand per ..." with the sources, for the foot of the text."""


def statement(lang: str) -> Statement:
    """What Zelfscan is and is not, in ``lang`` ("nl" or "en")."""
    _ = gettext_for(lang, DOMAIN).gettext
    return Statement(
        title=_("What Zelfscan is and is not"),
        short=_(
            "Zelfscan is an independent self-check that gives an indication and runs only on "
            "this laptop. It is not the official scan of the CCV and not a security advice."
        ),
        is_=_(
            "Zelfscan is an independent self-check. It gives an indication of your personal "
            "safety and of the security of your home, with advice you can act on yourself. "
            "Everything happens on this laptop only: nothing is sent anywhere."
        ),
        is_not_heading=_("Zelfscan is not:"),
        is_not=(
            _(
                "the official scan or woningscan of the CCV (Centrum voor "
                "Criminaliteitspreventie en Veiligheid);"
            ),
            _("the beveiligingsadvies (security advice) for bestuurders;"),
            _(
                "a judgement that you are safe. A good result only means that your answers "
                "showed no big gaps."
            ),
        ),
        official_heading=_("For an official check, or for help:"),
        official=(
            _(
                "The CCV's scans: an expert looks at your home. Free for decentral "
                "political office holders, such as council members (raadsleden), members "
                "of the provincial council (Statenleden), aldermen (wethouders), provincial "
                "executives (gedeputeerden), mayors and water authority board members. "
                "Since June 2025 there is a separate scan for council members."
            ),
            _(
                "The security advice for executives (beveiligingsadvies), since 1 January "
                "2024: for mayors, aldermen, provincial executives, King's commissioners and "
                "members of a water authority's executive board. Ask your municipality, "
                "province or water authority about it."
            ),
            _(
                "The Ondersteuningsteam Weerbaar Bestuur: support day and night when you face "
                "aggression, threats or intimidation, also for your family."
            ),
            _("The police: call 112 when you are in danger. No emergency: 0900-8844."),
        ),
        stand_per=_(
            "As of December 2026. Sources: hetccv.nl, weerbaarbestuur.nl, Staatscourant "
            "2023, 28233, Kamerbrief 14 March 2023, politie.nl."
        ),
    )


def as_text(lang: str) -> str:
    """The whole statement as plain text with bullets (for a text view or a log-free copy)."""
    s = statement(lang)
    lines = [s.title, "", s.is_, "", s.is_not_heading]
    lines += [f"• {item}" for item in s.is_not]
    lines += ["", s.official_heading]
    lines += [f"• {item}" for item in s.official]
    lines += ["", s.stand_per]
    return "\n".join(lines)
