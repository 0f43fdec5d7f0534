"""The action plan's rows are given their heights (computed with the one line break of each
measure the table needs anyway): the table must come out exactly as when it measures them."""

from __future__ import annotations

import pytest

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
