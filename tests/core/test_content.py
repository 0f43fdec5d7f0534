"""Checks on the built-in scans' content that the format can not express on its own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from zelfscan.core.conditions import referenced
from zelfscan.core.loader import load_questionnaire
from zelfscan.core.model import AllOf, AnyOf, Condition, Not, Questionnaire, QuestionType, Text

ROOT = Path(__file__).resolve().parents[2]
SCANS = {p.stem: load_questionnaire(p) for p in sorted((ROOT / "questionnaires").glob("*.yaml"))}


def _has_not(condition: Condition) -> bool:
    match condition:
        case Not():
            return True
        case AllOf(conditions=parts) | AnyOf(conditions=parts):
            return any(_has_not(p) for p in parts)
    return False


@pytest.mark.parametrize("scan", sorted(SCANS))
def test_composite_advice_says_when_its_measure_is_there(scan: str) -> None:
    """Contradictions hide in triggers with `not`, checklists or several questions: every such
    item states done_if, and the validator proves it never holds together with when."""
    q = SCANS[scan]
    profile = {qq.id for s in q.sections if s.profile for qq in s.questions}
    missing = []
    for item in q.advice:
        reads = [r for r in referenced(item.when) if r not in profile]
        checklist = any(q.questions[r].type is QuestionType.MULTIPLE for r in reads)
        if (_has_not(item.when) or checklist or len(reads) > 1) and item.done_if is None:
            missing.append(item.id)
    assert missing == []


SAME_TOPIC = [
    # (personal scan, home scan, priority); see questionnaires/README.md, "Priority policy"
    ("vraag-beveiligingsadvies", "beveiligingsadvies-aanvragen", "hoog"),
    ("politiekeurmerk-bestuurder", "pkvw-bestuurder", "midden"),
    ("vraag-ccv-scan", "ccv-woningscan-aanvragen", "midden"),
    ("zicht-op-de-deur", "deurspion", "hoog"),
    ("brievenbus-beveiligen", "brievenbus", "hoog"),
    ("rookmelders-ophangen", "rookmelders", "hoog"),
    ("sloten-verbeteren", "voordeur-slot", "hoog"),
    ("naambordje-weghalen", "naambord", "midden"),
    ("schuilplekken-weghalen", "verstopplekken", "midden"),
    ("licht-bij-de-deur", "buitenlicht", "midden"),
    ("afspraken-deur-en-telefoon", "deur-afspraak", "midden"),
    ("voorval-thuis", "incident-melden", "hoog"),
    ("alarm-met-meldkamer", "alarm-bestuurder", "midden"),
]


@pytest.mark.parametrize(("personal", "home", "priority"), SAME_TOPIC)
def test_the_same_topic_has_the_same_priority_in_both_scans(
    personal: str, home: str, priority: str
) -> None:
    items = {scan: {a.id: a.priority.value for a in q.advice} for scan, q in SCANS.items()}
    assert items["persoonlijke-veiligheid"][personal] == priority
    assert items["veilige-woning"][home] == priority


# Names of institutions, marks and websites may stay Dutch in English text; nothing else may.
ALLOWED = (
    "Ondersteuningsteam Weerbaar Bestuur",
    "Netwerk Weerbaar Bestuur",
    "Slachtofferhulp Nederland",
    "Autoriteit Persoonsgegevens",
    "Politiekeurmerk Veilig Wonen",
    "Meld Misdaad Anoniem",
    "Instituut voor Psychotrauma",
    "Zelfscan persoonlijke veiligheid",
    "Wethoudersvereniging",
    "Statenlid.nu",
    "'afschermen bezoekadres'",
    "'rechtsvorm'",
)
DUTCH = re.compile(
    r"\b(wethouders?|gedeputeerden?|statenled(en)?|statenlid|griffier|griffie|dijkgraaf|vve|"
    r"beveiligingsadvies|raadsleden|raadslid|burgemeesters?|gemeente|provincie|waterschap|"
    r"weet ik niet|n\.v\.t\.|aangifte|zoek uit|burgerzaken|briefadres|kerntrekken|bijzetslot|"
    r"politiekeurmerk|woningscan|ondermijning|huurder|verhuurder|rookmelders?|eenmanszaak|"
    r"bovenwoning|sleutels?|deurspion|hoofdofficier|rijksheer)\b",
    re.IGNORECASE,
)


def _english(q: Questionnaire) -> Iterator[tuple[str, str]]:
    def texts(where: str, *values: Text | None) -> Iterator[tuple[str, str]]:
        for value in values:
            if value is not None:
                yield where, value.get("en")

    yield from texts("questionnaire", q.title, q.intro, q.about)
    for s in q.sections:
        yield from texts(f"section {s.id}", s.title, s.intro, s.trainer_notes, s.discussion)
        for qu in s.questions:
            yield from texts(f"question {qu.id}", qu.text, qu.help, qu.find_out)
            for o in qu.options:
                yield from texts(f"question {qu.id} option {o.id}", o.label)
    for a in q.advice:
        yield from texts(f"advice {a.id}", a.title, a.why, a.effort, a.cost, a.who)
        yield from ((f"advice {a.id}", step) for step in a.how.get("en"))
        for v in a.variants:
            yield from texts(f"advice {a.id} variant", v.why, v.effort, v.cost, v.who)
            if v.how is not None:
                yield from ((f"advice {a.id} variant", step) for step in v.how.get("en"))
    for add in q.additions:
        yield from texts(f"addition {add.id}", add.why, add.effort, add.cost, add.who)
    for f in q.red_flags:
        yield from texts(f"red flag {f.id}", f.message, f.reason)
    for c in q.contacts:
        yield from texts(f"contact {c.id}", c.name, c.offers, c.contact)
    for p in q.personas:
        yield from texts(f"persona {p.id}", p.name, p.description)


@pytest.mark.parametrize("scan", sorted(SCANS))
def test_english_has_no_dutch_words_except_names(scan: str) -> None:
    found = []
    for where, text in _english(SCANS[scan]):
        plain = text
        for name in ALLOWED:
            plain = plain.replace(name, "")
        plain = re.sub(r"\S+\.(nl|com|org)\S*", "", plain)  # web addresses
        for match in DUTCH.finditer(plain):
            found.append(f"{where}: {match.group(0)!r} in {text[:90]!r}")
    assert found == []
