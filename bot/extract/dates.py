"""Dates in readouts: "6 January 2026", "April 11, 2025", "15-17 June", "on Thursday", "today",
"10 травня 2025 року", each resolved against the publication date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.extract import lexicon
from bot.extract.alternation import by_first_letter
from bot.extract.titles import WORD_START

# Month and weekday names per language (data/language/<lang>/calendar.json).
_MONTHS: dict[str, int] = {k: v for lang in lexicon.LANGUAGES
                           for k, v in lexicon.table(lang, "calendar")["months"].items()}
_WEEKDAYS: dict[str, int] = {k: v for lang in lexicon.LANGUAGES
                             for k, v in lexicon.table(lang, "calendar")["weekdays"].items()}
# Grouped by first letter: the month-first pattern tries the names at every word of a text.
_MONTH = "(?P<month>" + by_first_letter(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "15-17 June", "15 and 16 June", "June 15 to 17": the event starts on the first day.
# "10th-12th August", "10 through 12 August", "з 10 по 12 серпня", "з 10 до 12 серпня".
_RANGE = r"(?:\s*(?:[-–—]|and|to|through|until|till|і|та|по|до)\s*[0-3]?\d(?:st|nd|rd|th)?(?!\d))?"
_ABSOLUTE = [
    re.compile(rf"(?i)\b{_DAY}{_RANGE}\s+(?:of\s+)?{_MONTH}{_YEAR}\b"),
    re.compile(rf"(?i){WORD_START}{_MONTH}\s+{_DAY}{_RANGE}{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # European numeric dates: 16.06.2024, 16/06/2024
    re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b"),
]
# Every absolute date holds a digit (its day at least); most sentences hold none, and the
# month-first pattern tries its list of month names at every word of a text.
_DIGIT = re.compile(r"\d")
# A weekday written right before a date: "Wednesday, 12 July", "у середу, 12 липня".
_WEEKDAY_BEFORE = re.compile(r"(?i)\b(?P<word>" + "|".join(_WEEKDAYS) + r")\W{0,3}$")
_RELATIVE = re.compile(r"(?i)" + WORD_START + r"(?P<word>today|yesterday|tonight|this morning|earlier today|"
                       r"сьогодні|вчора|" + "|".join(_WEEKDAYS) + r")\b")


@dataclass(frozen=True)
class DateMention:
    """A date written in a text, resolved to an ISO date."""

    iso: str
    start: int
    end: int
    relative: bool


def find_dates(text: str, published: str | None, *,
               today: dt.date | None = None) -> list[DateMention]:
    """Return every date in ``text`` in order; relative ones need ``published``.

    A date without its year takes the year that puts it nearest ``published``; with no
    publication date, a weekday written before it ("Wednesday, 12 July") gives the latest year
    up to ``today`` in which that day fell on that weekday.
    """
    base = _parse_iso(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _ABSOLUTE if _DIGIT.search(text) else ():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = _absolute(m, base) or _by_weekday(m, text, today or dt.date.today())
            if iso:
                found.append(DateMention(iso=iso, start=m.start(), end=m.end(), relative=False))
                taken.append((m.start(), m.end()))
    if base:
        for m in _RELATIVE.finditer(text):
            if any(s <= m.start() < e + 3 or m.end() <= s <= m.end() + 3 for s, e in taken):
                continue  # "Thursday, July 10" is already absolute
            found.append(DateMention(iso=_relative(m.group("word").lower(), base).isoformat(),
                                     start=m.start(), end=m.end(), relative=True))
    return sorted(found, key=lambda d: d.start)


def _absolute(m: re.Match[str], base: dt.date | None) -> str | None:
    month_text = m.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    year_text = m.group("year")
    if not month or not (year_text or base):
        return None
    if year_text:
        return _date(int(year_text), month, int(m.group("day")))
    assert base is not None
    # A report names the days around its own: "on December 30" in a report of 2 January is the
    # last year's, "on January 3" in a report of 28 December is the next year's.
    years = (base.year - 1, base.year, base.year + 1)
    dates = [d for d in (_date(y, month, int(m.group("day"))) for y in years) if d]
    return min(dates, key=lambda d: abs(dt.date.fromisoformat(d) - base)) if dates else None


def _by_weekday(m: re.Match[str], text: str, today: dt.date) -> str | None:
    """Return the date of a year-less match preceded by a weekday, in the latest fitting year."""
    weekday = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 16), m.start())
    month_text = m.group("month").lower().rstrip(".")
    month = _MONTHS.get(month_text)
    if not weekday or not month or m.group("year"):
        return None
    wanted = _WEEKDAYS[_apostrophe(weekday.group("word").lower())]
    for year in range(today.year, today.year - 12, -1):
        iso = _date(year, month, int(m.group("day")))
        if iso and iso <= today.isoformat() and dt.date.fromisoformat(iso).weekday() == wanted:
            return iso
    return None


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _apostrophe(word: str) -> str:
    return word.replace("ʼ", "'").replace("’", "'")


def _relative(word: str, base: dt.date) -> dt.date:
    if word in ("yesterday", "вчора"):
        return base - dt.timedelta(days=1)
    weekday = _WEEKDAYS.get(_apostrophe(word), _WEEKDAYS.get(word))
    if weekday is None:
        return base
    # A weekday in a news report is the most recent such day on or before publication.
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def _parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
