"""Find the date range a question is about ("in january 2026", "on 10 July 2025", "в травні").

Small regexes on purpose: ``dateparser`` takes a second to import and the question path must
stay fast. English and Ukrainian month names, any case, day before or after the month.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# Ukrainian month stems cover every case: "січня", "січні", "січень".
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
_UK_MONTHS = ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт",
              "листопад", "груд")
_MONTH_WORD = r"[a-zа-яіїєґ']{3,12}"
_YEAR = r"(?:19|20)\d{2}"

_ISO = re.compile(rf"\b({_YEAR})-(\d{{1,2}})(?:-(\d{{1,2}}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_WORD})\.?(?:,?\s+({_YEAR}))?",
                        re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+({_YEAR}))?",
                        re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_WORD})\.?(?:\s+(?:of\s+)?({_YEAR}))?", re.IGNORECASE)
_MONTH_PREPOSITIONS = {"in", "since", "until", "during", "of", "early", "late", "mid", "у", "в", "до",
                       "з", "із", "від", "після", "наприкінці", "початку", "середині", "кінці"}
_YEAR_ONLY = re.compile(rf"(?<![\d-])({_YEAR})(?![\d-])")


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of ISO dates; ``year_only`` when only a year narrows it."""

    start: str
    end: str
    exact: bool = False  # a single day was named
    has_year: bool = True

    @property
    def narrow(self) -> bool:
        """Tell whether the range is a day or a month of a known year (not a year, not "May 10")."""
        return self.has_year and self.start[:7] == self.end[:7]

    def contains(self, iso: str | None) -> bool:
        """Return whether ``iso`` (YYYY-MM-DD) falls in the range (month-day only without a year)."""
        if not iso or len(iso) < 10:
            return False
        if self.has_year:
            return self.start <= iso[:10] <= self.end
        return self.start[5:] <= iso[5:10] <= self.end[5:]


def month_number(word: str) -> int | None:
    """Return 1-12 for an English or Ukrainian month name or abbreviation, else None."""
    w = word.casefold().rstrip(".")
    if len(w) >= 3 and w.isascii():
        for number, name in enumerate(_EN_MONTHS, 1):
            if name.startswith(w) or (w == "sept" and number == 9):
                return number
        return None
    for number, stem in enumerate(_UK_MONTHS, 1):
        if w.startswith(stem):
            return number
    return None


def parse_date_range(text: str) -> DateRange | None:
    """Return the most specific date range named in ``text``, or None."""
    if m := _ISO.search(text):
        year, month, day = int(m[1]), int(m[2]), m[3]
        if 1 <= month <= 12:
            return _range(year, month, int(day) if day else None)
    for pattern, day_group, month_group, year_group in ((_DAY_MONTH, 1, 2, 3), (_MONTH_DAY, 2, 1, 3)):
        for m in pattern.finditer(text):
            named = month_number(m[month_group])
            if named and 1 <= int(m[day_group]) <= 31:
                return _range(int(m[year_group]) if m[year_group] else None, named, int(m[day_group]))
    for m in _MONTH_YEAR.finditer(text):
        named = month_number(m[1])
        # "may" alone is usually the verb: count it as a month only after "in" or with a year.
        if named and (m[2] or _month_context(text, m.start(), m[1])):
            return _range(int(m[2]) if m[2] else None, named, None)
    if m := _YEAR_ONLY.search(text):
        year = int(m[1])
        return DateRange(f"{year}-01-01", f"{year}-12-31")
    return None


def _month_context(text: str, start: int, word: str) -> bool:
    # "may", "march", "червоний" are also ordinary words: a month alone needs a preposition.
    if word.isascii() and word.casefold() not in {"may", "march"}:
        return True
    before = text[:start].casefold().split()[-1:] or [""]
    return before[0] in _MONTH_PREPOSITIONS


def _range(year: int | None, month: int, day: int | None) -> DateRange | None:
    has_year = year is not None
    y = year or 2000  # a leap year, so that 29 February is a valid month-day
    last = calendar.monthrange(y, month)[1]
    if day is not None:
        if day > last:
            return None
        iso = f"{y:04d}-{month:02d}-{day:02d}"
        return DateRange(iso, iso, exact=True, has_year=has_year)
    return DateRange(f"{y:04d}-{month:02d}-01", f"{y:04d}-{month:02d}-{last:02d}", has_year=has_year)
