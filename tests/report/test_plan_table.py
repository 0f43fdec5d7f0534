"""The action plan's and the contacts' rows are given their heights (from the one line
break of each cell the table needs anyway): the tables must come out exactly as when they
measure the rows themselves."""

from __future__ import annotations

import pytest

from zelfscan.report.pdf.front import contacts_table
from zelfscan.report.pdf.plan import plan_table
from zelfscan.report.pdf.styles import FRAME_WIDTH
from zelfscan.report.words import translator

TALL = 1_000_000.0
"""Room for every row: a table measuring its own rows stops where the room ends."""


@pytest.mark.parametrize("fixture", ["worst", "typical", "typical_en"])
def test_known_row_heights_give_the_tables_own_layout(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    doc = request.getfixturevalue(fixture).doc
    _ = translator(doc.lang)
    assert doc.plan_groups
    for group in doc.plan_groups:
        known = plan_table(group, _)
        measured = plan_table(group, _, known_heights=False)
        assert known.wrap(FRAME_WIDTH, TALL) == measured.wrap(FRAME_WIDTH, TALL)
        for room in (120.0, 300.0, 500.0):  # split at the same row into parts of the same size
            parts = [
                [part.wrap(FRAME_WIDTH, TALL) for part in table.split(FRAME_WIDTH, room)]
                for table in (plan_table(group, _), plan_table(group, _, known_heights=False))
            ]
            assert parts[0] == parts[1]


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("fixture", ["worst", "typical_en"])
def test_the_contacts_table_too(fixture: str, full: bool, request: pytest.FixtureRequest) -> None:
    doc = request.getfixturevalue(fixture).doc
    _ = translator(doc.lang)

    def sizes(known: bool, room: float) -> list[tuple[float, float]]:
        table = contacts_table(doc, full, _, known_heights=known)
        return [part.wrap(FRAME_WIDTH, TALL) for part in table.split(FRAME_WIDTH, room)]

    whole = contacts_table(doc, full, _).wrap(FRAME_WIDTH, TALL)
    assert whole == contacts_table(doc, full, _, known_heights=False).wrap(FRAME_WIDTH, TALL)
    for room in (120.0, 300.0):
        assert sizes(True, room) == sizes(False, room)
