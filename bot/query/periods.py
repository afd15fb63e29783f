"""The documents and meetings of a period asked about: a day, a month, "May 10" of any year.

Read from covering indexes and kept until the store changes: a month holds hundreds of meetings
at 20k documents, and questions about the same month or day come back to it.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

from sqlite_utils import Database

from bot.query.names import NameTerms, folded_words, text_joined

T = TypeVar("T")
_KEPT = 256  # periods (documents or meetings) kept, the least recently asked about dropped first


class Periods:
    """Documents and meetings by date, kept per period; ``clear()`` when the store changes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._kept: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def clear(self) -> None:
        """Forget every period read."""
        self._kept.clear()

    def documents(self, start: str, end: str, *, has_year: bool = True, limit: int = 200) -> list[str]:
        """Return documents whose meeting (or publication) falls between two ISO dates."""
        return self._kept_or(("docs", start, end, has_year, limit),
                             lambda: self._documents(start, end, has_year=has_year, limit=limit))

    def meetings(self, start: str, end: str, *, has_year: bool = True, limit: int = 3000) -> MeetingNames:
        """Return the meetings between two ISO dates, with an index of the words of their names."""
        return self._kept_or(("meetings", start, end, has_year, limit),
                             lambda: MeetingNames(self._meetings(start, end, has_year=has_year, limit=limit)))

    def _documents(self, start: str, end: str, *, has_year: bool, limit: int) -> list[str]:
        if has_year:
            sql = ("select doc_id from meetings where date between ? and ? union "
                   "select id from documents where published between ? and ? limit ?")
            params: list[object] = [start, end, start, end, limit]
        else:  # "on May 10": any year
            sql = ("select doc_id from meetings where substr(date, 6, 5) between ? and ? union "
                   "select id from documents where substr(published, 6, 5) between ? and ? limit ?")
            params = [start[5:], end[5:], start[5:], end[5:], limit]
        return [r[0] for r in self.db.execute(sql, params).fetchall()]

    def _meetings(self, start: str, end: str, *, has_year: bool, limit: int) -> list[tuple[str, str]]:
        if has_year:
            where, params = "date between ? and ?", [start, end, limit]
        else:  # "on May 10": any year
            where, params = "substr(date, 6, 5) between ? and ?", [start[5:], end[5:], limit]
        sql = f"select doc_id, name, place, format from meetings where {where} limit ?"
        return [(r[0], " ".join(filter(None, r[1:]))) for r in self.db.execute(sql, params).fetchall()]

    def _kept_or(self, key: tuple[Any, ...], read: Callable[[], T]) -> T:
        kept = self._kept
        if key in kept:
            kept.move_to_end(key)
            found: T = kept[key]
            return found
        if len(kept) >= _KEPT:
            kept.popitem(last=False)  # the period asked about longest ago
        value = read()
        kept[key] = value
        return value


class MeetingNames:
    """The meetings of a period, (doc_id, "name place format"), with an index of their words.

    A month holds hundreds of meetings at 20k documents. A regex of a name's variants over all
    their names took 1.4 ms a question; the words that can begin the name, looked up here, find
    the few meetings worth checking word by word.
    """

    def __init__(self, meetings: list[tuple[str, str]]) -> None:
        self.meetings = meetings
        # Meetings share names ("Crimea Platform meets in Oslo"): each name is split once.
        by_text: dict[str, list[int]] = {}
        for i, (_, text) in enumerate(meetings):
            by_text.setdefault(text, []).append(i)
        lines: dict[str, list[int]] = {}
        for text, found in by_text.items():
            for word in _name_words(text):
                lines.setdefault(word, []).extend(found)
        self._lines = lines
        self._vocabulary = sorted(lines)

    def naming(self, names: list[NameTerms]) -> list[str]:
        """Return the doc_ids of the meetings whose names hold any of ``names``, in order."""
        lines: set[int] = set()
        for name in names:
            found = self._may_name(name)
            if found is None:  # an office with its country: no word that must begin it
                return self._holding(set(range(len(self.meetings))), names, any)
            lines |= found
        return self._holding(lines, names, any)

    def naming_all(self, terms: list[NameTerms]) -> list[str]:
        """Return the doc_ids of the meetings whose names hold every one of ``terms``, in order
        ("Joint Expeditionary Force" asked in words the index knows no name for)."""
        found = [lines for term in terms if (lines := self._may_name(term)) is not None]
        return self._holding(set.intersection(*found) if found else set(range(len(self.meetings))),
                             terms, all)

    def _may_name(self, term: NameTerms) -> set[int] | None:
        """Return the meetings holding a word that can begin ``term`` (None: any may name it)."""
        first = term.first_words(self._vocabulary)
        if first is None:
            return None
        return {i for word in first for i in self._lines.get(word, ())}

    def _holding(self, lines: set[int], terms: list[NameTerms],
                 test: Callable[[Iterable[bool]], bool]) -> list[str]:
        """Return the doc_ids of ``lines`` whose names pass ``test`` (any, all) over ``terms``."""
        return [self.meetings[i][0] for i in sorted(lines)
                if test(t.in_joined(text_joined(self.meetings[i][1])) for t in terms)]


@lru_cache(maxsize=8192)
def _name_words(text: str) -> frozenset[str]:
    """Return the distinct words of a meeting's name, folded like the index ("ß" -> "ss")."""
    return frozenset(folded_words(text))
