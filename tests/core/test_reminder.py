from __future__ import annotations

from datetime import UTC, date, datetime

from zelfscan.core.reminder import reminder_ics


def _unfold(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_reminder_is_an_all_day_event_six_months_later() -> None:
    ics = reminder_ics(
        "Zelfscan opnieuw doen", "Doe de scan nog eens.", now=datetime(2026, 11, 23, tzinfo=UTC)
    )
    lines = _unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert "DTSTART;VALUE=DATE:20270524" in lines
    assert "DTEND;VALUE=DATE:20270525" in lines
    assert all(len(raw.encode()) <= 75 for raw in ics.decode().split("\r\n"))


def test_reminder_escapes_text_and_folds_long_lines_without_breaking_utf8() -> None:
    long = "Één, twee; drie\\vier " * 10
    ics = reminder_ics(long, "x", on=date(2027, 1, 1))
    ics.decode("utf-8")  # every folded piece is still valid UTF-8
    summary = next(line for line in _unfold(ics) if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:" + long.replace("\\", "\\\\").replace(";", "\\;").replace(
        ",", "\\,"
    )
