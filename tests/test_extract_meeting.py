"""The meeting: format, event date (never after publication), place."""
from __future__ import annotations

import pytest

from bot.extract.meeting import url_date
from tests.extract_helpers import extract, fields


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param("Allies meet\n\nLeaders met in Oslo on Tuesday to discuss aid.", "2025-06-12",
                 ("2025-06-10", "Oslo", None), id="weekday-relative"),
    pytest.param("Ceasefire must begin on June 20\n\n12 June 2025 - 18:00\n\n"
                 "The Coalition of the Willing leaders' meeting ended in Oslo.", "2025-06-12",
                 ("2025-06-12", "Oslo", "Coalition of the Willing"), id="future-date-ignored"),
    pytest.param("Ministers gather\n\nThe 30th meeting of the Ukraine Defense Contact Group in "
                 "Brussels on May 5, 2025 began.", "2025-05-06",
                 ("2025-05-05", "Brussels", "Ukraine Defense Contact Group"), id="udcg-explicit"),
    pytest.param("Talks\n\nOSLO, March 4 (Wire) - Leaders met in Oslo on Monday.", "2025-03-04",
                 ("2025-03-03", "Oslo", None), id="dateline-dates-the-report"),
    pytest.param("Statement\n\nNothing dated here.", "2025-01-02", ("2025-01-02", None, None),
                 id="falls-back-to-published"),
    pytest.param("Signing\n\nThe deal was signed on May 3.\n— A Minister (@minister) May 3, 2025",
                 None, ("2025-05-03", None, None), id="no-published-year-from-text"),
    pytest.param("Talks\n\nOslo, 9 May 2024 (Wire): Ministers met in Oslo on 7-8 May to "
                 "talk trade.", "2024-05-09", ("2024-05-07", "Oslo", None),
                 id="colon-dateline-dates-the-report"),
    # 13 June fell on a Friday in 2025 and next does in 2031: the year holds until then.
    pytest.param("Talks\n\nThe ministers met in Lisbon on Friday, 13 June, to talk trade.", None,
                 ("2025-06-13", "Lisbon", None), id="weekday-gives-the-year"),
    pytest.param("Talks\n\nThe deal was signed on May 14 in Lima. Work on it began in March 2024.",
                 None, ("2024-05-14", None, None), id="year-from-a-written-month"),
    pytest.param("Forum\n\nThe forum opened in Lima on 6 November. It said 2023 was a hard year.",
                 None, ("2023-11-06", None, None), id="year-from-a-written-year"),
    pytest.param("Summit\n\nOslo, Norway - 25 May 2025 - Leaders met in Oslo on 24-25 May.",
                 "2025-05-26", ("2025-05-24", "Oslo", None), id="dateline-place-then-day"),
    pytest.param("State visit\n\nYesterday, 5 March, the king ended his visit to Lisbon. The visit "
                 "began on 3 March with a parade in Lisbon.", "2025-03-06",
                 ("2025-03-03", "Lisbon", None), id="a-visit-is-dated-by-its-start"),
    pytest.param("Візит\n\nУчора, 5 березня, король завершив візит до Лісабона. Візит розпочався "
                 "3 березня в Лісабоні.", "2025-03-06", ("2025-03-03", "Lisbon", None),
                 id="uk-a-visit-is-dated-by-its-start"),
])
def test_meeting(text: str, published: str, expected: tuple[str | None, ...]) -> None:
    assert fields(extract(text, published=published).meeting, "date", "place", "format") == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Talks\n\nThe Oslo summit opened on Monday.", "Oslo summit", id="named-summit"),
    pytest.param("Talks\n\nThe Coalition of the Willing meeting began.",
                 "Coalition of the Willing meeting", id="format-meeting"),
    pytest.param("Kyiv welcomes allies\n\nLeaders arrived in Kyiv.", "Kyiv welcomes allies",
                 id="title-when-unnamed"),
])
def test_meeting_name(text: str, expected: str) -> None:
    assert extract(text).meeting.name == expected


@pytest.mark.parametrize(("url", "expected"), [
    pytest.param("https://news.example/2024/feb/17/leaders-sign/", "2024-02-17", id="month-name"),
    pytest.param("https://news.example/eng/news/2025/06/18/7517613/", "2025-06-18", id="slashes"),
    pytest.param("https://news.example/world/2025-03-27-leaders-meet", "2025-03-27", id="dashes"),
    pytest.param("https://news.example/2025/13/45/x", None, id="no-such-day"),
    pytest.param("https://news.example/?p=41269", None, id="no-date"),
])
def test_url_date(url: str, expected: str | None) -> None:
    assert url_date(url) == expected


def test_a_year_less_date_takes_the_year_of_the_address() -> None:
    meeting = extract("Talks\n\nThe ministers met in Oslo on 3 March.", published=None,
                      url="https://news.example/2024/03/04/talks").meeting
    assert meeting.date == "2024-03-03"


def test_an_undated_report_is_dated_by_its_dateline_not_by_a_later_deadline() -> None:
    text = ("Talks\n\nOSLO, March 4, 2025 (Wire) - Leaders met in Oslo on Monday. They set a "
            "goal for June 1, 2030.")
    assert extract(text, published=None).meeting.date == "2025-03-03"
