"""Dates: absolute forms, ranges, weekdays and "today" against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.extract.dates import DateMention, find_dates


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param("on 6 January 2026 in Paris", None, ["2026-01-06"], id="day-month-year"),
    pytest.param("on April 11, 2025, ministers met", None, ["2025-04-11"], id="month-day-year"),
    pytest.param("on March 2 leaders met", "2025-03-03", ["2025-03-02"], id="no-year-uses-published"),
    pytest.param("on March 2 leaders met", None, [], id="no-year-no-published"),
    pytest.param("the summit on 15-17 June", "2025-06-18", ["2025-06-15"], id="range-first-day"),
    pytest.param("talks on 15 and 16 June", "2025-06-18", ["2025-06-15"], id="range-with-and"),
    pytest.param("from June 15 to 17, 2025", None, ["2025-06-15"], id="range-with-to"),
    pytest.param("22 Aug. 2025", None, ["2025-08-22"], id="abbreviated-month"),
    pytest.param("met on Thursday", "2025-03-27", ["2025-03-27"], id="weekday-same-day"),
    pytest.param("signed Friday", "2024-02-17", ["2024-02-16"], id="weekday-day-before"),
    pytest.param("opened today", "2025-07-10", ["2025-07-10"], id="today"),
    pytest.param("arrived yesterday", "2025-07-10", ["2025-07-09"], id="yesterday"),
    pytest.param("talks THIS MORNING and on Sunday", "2025-07-10", ["2025-07-10", "2025-07-06"],
                 id="relative-words-sharing-first-letters"),
    pytest.param("met on 5 September 2025, not Sept. 6", "2025-09-07", ["2025-09-05", "2025-09-06"],
                 id="month-and-its-abbreviation"),
    pytest.param("On Thursday, July 10, they met", "2025-07-11", ["2025-07-10"],
                 id="weekday-and-date-once"),
    pytest.param("у суботу, 10 травня 2025 року", None, ["2025-05-10"], id="ukrainian"),
    pytest.param("2025-04-30", None, ["2025-04-30"], id="iso"),
    pytest.param("Oslo, 16.06.2024 - Talks ended.", None, ["2024-06-16"], id="numeric-european"),
    pytest.param("talks on December 30", "2026-01-02", ["2025-12-30"], id="no-year-last-year"),
    pytest.param("will meet on January 3", "2025-12-28", ["2026-01-03"], id="no-year-next-year"),
    pytest.param("on Wednesday, 12 July, leaders met", None, ["2023-07-12"],
                 id="weekday-gives-the-year"),
    pytest.param("у середу, 12 липня, лідери зустрілися", None, ["2023-07-12"],
                 id="ukrainian-weekday-gives-the-year"),
    pytest.param("on Monday, 12 July, leaders met", None, ["2021-07-12"],
                 id="weekday-earlier-year"),
    pytest.param("on 12 July leaders met", None, [], id="no-weekday-no-year"),
    pytest.param("the fair ran 3rd–5th October", "2025-10-06", ["2025-10-03"],
                 id="range-of-ordinals-first-day"),
    pytest.param("talks from 3 through 5 October", "2025-10-06", ["2025-10-03"],
                 id="range-with-through"),
    pytest.param("форум тривав з 3 по 5 жовтня 2025 року", None, ["2025-10-03"],
                 id="ukrainian-range-po"),
    pytest.param("переговори з 3 до 5 жовтня", "2025-10-06", ["2025-10-03"],
                 id="ukrainian-range-do-no-year"),
])
def test_find_dates(text: str, published: str | None, expected: list[str]) -> None:
    # "today" is fixed so that a year inferred from a weekday does not move with the clock.
    assert [d.iso for d in find_dates(text, published, today=_TODAY)] == expected


_TODAY = dt.date(2026, 12, 1)


def test_mention_keeps_offsets_and_kind() -> None:
    assert find_dates("met on Friday", "2025-05-10") == [
        DateMention(iso="2025-05-09", start=7, end=13, relative=True)]


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_calendar_file_names_every_month_and_weekday(lang: str) -> None:
    """Each language's calendar.json: lower-case names, every month 1-12, every weekday 0-6."""
    from bot.extract import lexicon

    calendar = lexicon.table(lang, "calendar")
    assert set(calendar) == {"_note", "months", "weekdays"}
    assert set(calendar["months"].values()) == set(range(1, 13))
    assert set(calendar["weekdays"].values()) == set(range(7))
    names = [*calendar["months"], *calendar["weekdays"]]
    assert [n for n in names if n != n.lower() or not n[:1].isalpha()] == []
