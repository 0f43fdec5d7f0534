"""``zelfscan-cli new ID``: a small, valid, commented starting file with every kind of element.

An editor starts from a file that already validates (without warnings) and shows each part
of the format once, with a comment that says what it is for and where the guide
(``questionnaires/README.md``) explains it. A test loads the output, so the template can not
rot when the format changes.
"""

from __future__ import annotations

import datetime as _dt

from zelfscan.core.fields import ID_RE

TEMPLATE = """\
# yaml-language-server: $schema=schema.json
# A new Zelfscan questionnaire. The guide is questionnaires/README.md; check your work with
#   zelfscan-cli validate @ID@.yaml
# The first line lets your editor check as you type; it reads schema.json next to this
# file, made with: zelfscan-cli schema > schema.json
# Texts are {nl: ..., en: ...}. Put a text in quotes when it contains ": " or a comma inside
# { } or [ ], e.g. {nl: "Ja, elke week", en: "Yes, every week"}.
schema_version: 1                  # the format version
id: @ID@                           # lowercase letters, digits, - and _; never change it
version: "@YEAR@.1"                # the content version, printed on the report
stand_per: "@TODAY@"               # the date the facts in this file were checked
minutes: 10                        # how long the scan takes
# draft: true                      # while the English is not written yet (see the guide)
title: {nl: "Nieuwe scan", en: "New scan"}
intro:
  nl: Deze scan laat zien wat u zelf kunt doen.
  en: This scan shows what you can do yourself.
about:                             # start screen ("Hoe werkt deze scan?") and report
  nl: De scan geeft een indicatie. Een adviseur kijkt verder dan deze vragen.
  en: The scan gives an indication. An adviser looks further than these questions.
levels: {goed: 80, aandacht: 50}   # score >= 80: goed; >= 50: aandacht; lower: risico

sections:
  - id: profiel
    profile: true                  # about the person: shapes the rest, never scored
    title: {nl: Over u, en: About you}
    questions:
      - id: rol
        type: single
        text: {nl: Wat is uw functie?, en: What is your position?}
        options:                   # no points: not scored
          - {id: raadslid, label: {nl: Raadslid, en: Council member}}
          - {id: wethouder, label: {nl: Wethouder, en: Alderman}}

  - id: thuis
    title: {nl: Thuis, en: At home}
    discussion:                    # optional: a prompt for training mode
      nl: Wie weet waar u woont?
      en: Who knows where you live?
    questions:
      - id: deur
        type: yesno                # ja / deels / nee, plus "weet ik niet"
        text: {nl: Kunt u zien wie er voor de deur staat?, en: Can you see who is at the door?}
        help:                      # "waarom vragen we dit?"
          nl: Dan doet u niet open voor iemand die u niet kent.
          en: Then you do not open the door to a stranger.
        find_out:                  # the task after "weet ik niet"
          nl: Kijk bij de voordeur of er een spionnetje of raam is.
          en: Check the front door for a spy hole or a window.
      - id: maatregelen
        type: multiple             # a checklist: the ticked points out of all points
        text: {nl: Wat heeft u al?, en: What do you have already?}
        options:
          - {id: licht, label: {nl: Buitenlicht, en: Outdoor light}, points: 1}
          - {id: camera, label: {nl: Deurbelcamera, en: Doorbell camera}, points: 1}
          - {id: geen, label: {nl: Geen van deze, en: None of these}, exclusive: true, points: 0}
        find_out:
          nl: Loop een rondje om het huis.
          en: Walk around the house.
      - id: camera-bord
        type: yesno
        show_if: {answer: maatregelen, in: [camera]}   # a follow-up: only with a camera
        text: {nl: Hangt er een bordje bij de camera?, en: Is there a sign next to the camera?}
        find_out:
          nl: Kijk bij de camera.
          en: Look next to the camera.
      - id: toelichting
        type: text                 # an optional note, never scored
        text: {nl: Wilt u iets toelichten?, en: Anything to add?}

advice:
  - id: deur-zicht
    priority: hoog                 # hoog | midden | laag (see "Priority policy")
    when: {answer: deur, in: [nee, deels]}   # never weet-niet: that becomes a find-out task
    done_if: {answer: deur, in: [ja]}        # the measure is already there
    title: {nl: Zorg dat u ziet wie er aanbelt, en: Make sure you can see who rings}
    why: {nl: Dan hoeft u niet open te doen., en: Then you need not open the door.}
    how:                           # steps: as many in Dutch as in English
      nl: [Kijk welke deurspion past., Laat hem plaatsen.]
      en: [See which spy hole fits., Have it fitted.]
    effort: {nl: Een uur, en: An hour}
    cost: {nl: Ongeveer 20 euro, en: About 20 euros}
    who: {nl: U zelf of een klusbedrijf, en: You or a handyman}
    contacts: [politie]
    tags: [bouwkundig]             # additions attach to tags
    variants:                      # the first that matches wins
      - when: {answer: rol, in: [wethouder]}
        who: {nl: Uw gemeente, en: Your municipality}
  - id: buitenlicht
    priority: midden
    when: {not: {answer: maatregelen, in: [licht]}}
    done_if: {answer: maatregelen, in: [licht]}
    title: {nl: Hang buitenlicht op, en: Put up an outdoor light}
    why: {nl: Licht schrikt af., en: Light deters.}
    how: {nl: [Kies een lamp met een sensor.], en: [Choose a lamp with a sensor.]}
    effort: {nl: Een middag, en: An afternoon}
    cost: {nl: Ongeveer 40 euro, en: About 40 euros}
    who: {nl: U zelf, en: You}
    tags: [bouwkundig]

additions:                         # one text for every advice item with the tag
  - id: wethouder-kosten
    tags: [bouwkundig]
    when: {answer: rol, in: [wethouder]}
    who: {nl: Vraag uw gemeente wie de kosten betaalt., en: Ask your municipality who pays.}

red_flags:                         # acute risk now: the urgent help panel at once
  - id: geen-zicht
    when: {answer: deur, in: [nee]}
    cap: aandacht                  # the best level still possible: risico or aandacht
    message:
      nl: Doe niet open als u niet weet wie er staat. Bel 112 bij direct gevaar.
      en: Do not open if you do not know who is there. Call 112 in an emergency.
    reason: {nl: u ziet niet wie er aanbelt, en: you cannot see who rings}
    raises: [deur-zicht]           # this advice comes first while the flag is up
    contacts: [politie]            # its urgent contacts (default: every urgent one)

contacts:
  - id: politie
    name: {nl: Politie, en: Police}
    offers: {nl: Advies en aangifte., en: Advice and reports.}
    contact: "0900-8844"
    stand_per: "@TODAY@"
    urgent: true
    sources: [politie]             # every contact cites where its details come from

sources:                           # every source is cited somewhere
  - id: politie
    title: "Politie: contact"
    address: "https://www.politie.nl/contact"
    stand_per: "@TODAY@"

personas:                          # at least three, for training mode
  - id: raadslid-zonder-zicht
    name: {nl: Raadslid zonder zicht, en: Council member without a view}
    description: {nl: Ziet niet wie er aanbelt., en: Cannot see who rings.}
    answers: {rol: raadslid, deur: nee, maatregelen: [geen]}
  - id: wethouder-met-camera
    name: {nl: Wethouder met camera, en: Alderman with a camera}
    description: {nl: Heeft een deurbelcamera., en: Has a doorbell camera.}
    answers: {rol: wethouder, deur: ja, maatregelen: [camera], camera-bord: nee}
  - id: twijfelaar
    name: {nl: Twijfelaar, en: Doubter}
    description: {nl: Weet het vaak niet., en: Often does not know.}
    answers: {rol: raadslid, deur: weet-niet, maatregelen: [weet-niet]}
"""


class BadId(ValueError):
    """The id is not a valid questionnaire id; ``str()`` says why."""


def starter_text(questionnaire_id: str, today: _dt.date | None = None) -> str:
    """The starting file for ``questionnaire_id``, dated ``today``."""
    if not ID_RE.fullmatch(questionnaire_id):
        raise BadId(f"{questionnaire_id!r}: an id may only use a-z, 0-9, '-' and '_'")
    day = today or _dt.date.today()
    return (
        TEMPLATE.replace("@ID@", questionnaire_id)
        .replace("@TODAY@", day.isoformat())
        .replace("@YEAR@", str(day.year))
    )
