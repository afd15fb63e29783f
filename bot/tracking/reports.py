"""Whether meeting reports describe the same meeting: two at a time, or one against many.

Two reports are the same meeting when their dates are at most a day apart and they share the
place (or its city), the format or (failing both) a similar name. A save compares every report
dated near its own against the reports it has gathered so far, so those are indexed by day
(``Reach``) and a comparison is a few set look-ups rather than a loop over every pair.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from bot.lines.normalize import fold

NAME_SIMILARITY = 85.0
_ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def day_of(value: str | None) -> dt.date | None:
    """Return the day an ISO date (or timestamp) names, or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@lru_cache(maxsize=16384)
def _city(place: str) -> str:
    return place.rsplit(",", 1)[-1].strip()


def _places_match(a: str | None, b: str | None) -> bool:
    # "lancaster house, london" and "london" are the same place: compare the city part too.
    if not a or not b:
        return False
    return a == b or _city(a) == _city(b)


def same_meeting(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Return whether two meeting reports describe the same meeting."""
    return same(report(a), report(b))


# A report as same_meeting compares it: (day, folded place, its city, folded format, whether a
# format is given, name). A write compares each nearby report with many others: built once each.
Report = tuple[dt.date | None, str, str, str, bool, str | None]


def report(row: dict[str, Any]) -> Report:
    """Return a meeting-source row (``date``, ``place``, ``format``, ``name``) as compared."""
    return facets(row["date"], row["place"], row["format"], row["name"])


@lru_cache(maxsize=65536)
def facets(date: str | None, place: str | None, format_: str | None, name: str | None) -> Report:
    """Return a report from its date, place, format and name."""
    folded = fold(place)
    return day_of(date), folded, _city(folded) if folded else "", fold(format_), bool(format_), name


def same(a: Report, b: Report) -> bool:
    """Return whether two reports describe the same meeting."""
    day_a, place_a, city_a, format_a, has_format, name_a = a
    day_b, place_b, city_b, format_b, _, name_b = b
    if day_a is None or day_b is None or abs((day_a - day_b).days) > 1:
        return False
    if place_a and place_b and (place_a == place_b or city_a == city_b):  # _places_match
        return True
    if has_format and format_a == format_b:  # _same_kind
        return True
    if name_a and name_b:
        return _similar_names(name_a, name_b)
    return False


class Reach:
    """Dated reports indexed by day: which other reports are the same meeting as one of them.

    ``reach.joins(r)`` is ``any(same(r, other) for other in reports)``: the same place (the
    city, which equal places share), format and names are looked up among the reports dated
    within a day of ``r``, instead of comparing ``r`` with each.
    """

    def __init__(self, reports: Iterable[Report] = ()) -> None:
        # day -> (cities of the reports with a place, folded formats, names) of the reports dated
        # that day or a day either side. A save asks joins() of many more reports than it adds:
        # each report is filed under three days so that a question is one look-up, not three.
        self._near: dict[dt.date, tuple[set[str], set[str], set[str]]] = {}
        for one in reports:
            self.add(one)

    def add(self, one: Report) -> None:
        """Index one more report (an undated one is never the same meeting as another)."""
        day, place, city, format_, _, name = one
        if day is None:
            return
        for near in _around(day):
            found = self._near.get(near)
            if found is None:
                found = self._near[near] = (set(), set(), set())
            cities, formats, names = found
            if place:
                cities.add(city)
            formats.add(format_)
            if name:
                names.add(name)

    def joins(self, one: Report) -> bool:
        """Return whether ``one`` is the same meeting as any indexed report."""
        day, place, city, format_, has_format, name = one
        found = self._near.get(day) if day is not None else None
        if found is None:
            return False
        cities, formats, names = found
        # The same place or format first: set look-ups, where names need a fuzzy comparison each.
        if (place and city in cities) or (has_format and format_ in formats):
            return True
        if name:
            # A loop, not any() over a generator: most questions get this far (43 nearby reports
            # a save, twice), and compare only two or three names each.
            for other in names:
                if _similar_names(name, other):
                    return True
        return False


@lru_cache(maxsize=4096)
def _around(day: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    return day - _ONE_DAY, day, day + _ONE_DAY


def _same_kind(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["format"] and fold(a["format"]) == fold(b["format"]):
        return True
    if a["name"] and b["name"]:
        return _similar_names(a["name"], b["name"])
    return False


def _similar_names(a: str, b: str) -> bool:
    # The comparison is symmetric: each pair is remembered once, in one order.
    return _similar(a, b) if a <= b else _similar(b, a)


@lru_cache(maxsize=65536)
def _similar(a: str, b: str) -> bool:
    # A write compares each nearby report with the new one's cluster: the same pairs of meeting
    # names come back save after save.
    return fuzz.token_set_ratio(fold(a), fold(b), score_cutoff=NAME_SIMILARITY) >= NAME_SIMILARITY


def undated_match(undated: dict[str, Any], rows: list[dict[str, Any]]) -> str | None:
    """Return the one dated cluster an undated report belongs to (same place and format or name)."""
    clusters = {r["cluster_id"] for r in rows if r["date"] and r["cluster_id"]
                and _places_match(fold(undated["place"]), fold(r["place"])) and _same_kind(undated, r)}
    return clusters.pop() if len(clusters) == 1 else None  # two candidates: too ambiguous to guess
