"""The documents and meetings of a period asked about: a day, a month, "May 10" of any year.

Read from the store's covering indexes, or, once a store version has been asked about many
periods, sliced from one date-ordered index of them all (``DatedIndex``). Periods are kept until
the store changes: questions about the same month or day come back to them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

from sqlite_utils import Database

from bot.query.names import NameTerms, folded_words, text_joined
from storage.sql import marks

T = TypeVar("T")
_KEPT = 256  # periods (documents or meetings) kept, the least recently asked about dropped first
# Periods read from the store before the store-wide index is built: reading them costs about a
# third of building it, so a store version asked about this many is likely asked about more.
_READS_BEFORE_INDEX = 12


class Periods:
    """Documents and meetings by date, kept per period; ``clear()`` when the store changes.

    A period is first read from the store (about 2 ms for a month at 20k documents). Once a
    store version has been asked about enough periods to pay for it, every dated meeting and
    document is read into one date-ordered index (``DatedIndex``, about 70 ms at 20k), and a
    period is a slice of it. A one-shot ``pledgebot ask``, or a bot whose feeds write between a
    few questions, never builds it. "May 10" of any year is a slice of it ordered by month and day.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        # Each period's value with the documents it lists.
        self._kept: OrderedDict[tuple[Any, ...], tuple[Any, frozenset[str]]] = OrderedDict()
        self._dated: DatedIndex | None = None
        self._reads = 0  # periods read from the store since a save last changed one

    def clear(self) -> None:
        """Forget every period read."""
        self._kept.clear()
        self._dated = None
        self._reads = 0

    def forget(self, doc_ids: frozenset[str]) -> None:
        """Forget the periods a save or deletion of ``doc_ids`` can have changed.

        A feed that saves a document again with its meeting and date as they were changes no
        period: the store-wide index (about 0.3 s to build at 20k documents) and the periods
        read are kept. Otherwise the index is dropped with every period (their meetings share
        its index of names, which they would keep in memory, one more at each drop).
        Without the index, only the periods that listed one of the documents or hold one of
        them now are forgotten; the others are what the store would return (a feed re-saving
        reports between questions made each period be read again, 2-3 ms at 20k documents with
        its names' index), and a save that changed none keeps the count towards the index.
        """
        if self._dated is not None:
            if not self._dated.holds(self.db, doc_ids):
                self.clear()
            return
        now = _dates_now(self.db, doc_ids)
        changed = [key for key, (_, ids) in self._kept.items()
                   if now is None or ids & doc_ids or _holds_now(key, *now)]
        for key in changed:
            del self._kept[key]
        if changed:
            self._reads = 0  # periods asked about change: the store may change again before long

    def documents(self, start: str, end: str, *, has_year: bool = True, limit: int = 200) -> list[str]:
        """Return documents whose meeting (or publication) falls between two ISO dates."""
        def read() -> list[str]:
            index = self._index()
            if index is None:
                return self._documents(start, end, has_year=has_year, limit=limit)
            return index.documents(start, end, limit=limit) if has_year else \
                index.documents_any_year(start[5:], end[5:], limit=limit)
        return self._kept_or(("docs", start, end, has_year, limit), read)

    def meetings(self, start: str, end: str, *, has_year: bool = True, limit: int = 3000) -> MeetingNames:
        """Return the meetings between two ISO dates, with an index of the words of their names."""
        def read() -> MeetingNames:
            index = self._index()
            if index is None:
                return MeetingNames(self._meetings(start, end, has_year=has_year, limit=limit))
            return index.meetings(start, end, limit=limit) if has_year else \
                MeetingNames(index.meetings_any_year(start[5:], end[5:], limit=limit))
        return self._kept_or(("meetings", start, end, has_year, limit), read)

    def _index(self) -> DatedIndex | None:
        """Return the store-wide index once this store version has read enough periods."""
        if self._dated is None:
            self._reads += 1
            if self._reads <= _READS_BEFORE_INDEX:
                return None
            self._dated = DatedIndex(self.db)
        return self._dated

    def _documents(self, start: str, end: str, *, has_year: bool, limit: int) -> list[str]:
        # UNION returns each id once, in id order (a temporary b-tree): DatedIndex does the same.
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
        if has_year:  # the covering index's order, (date, doc_id): DatedIndex keeps the same
            where, params = "date between ? and ?", [start, end, limit]
        else:
            where, params = "substr(date, 6, 5) between ? and ?", [start[5:], end[5:], limit]
        sql = f"select doc_id, name, place, format from meetings where {where} limit ?"
        return [(r[0], _line(r[1:])) for r in self.db.execute(sql, params).fetchall()]

    def _kept_or(self, key: tuple[Any, ...], read: Callable[[], T]) -> T:
        kept = self._kept
        if key in kept:
            kept.move_to_end(key)
            found: T = kept[key][0]
            return found
        if len(kept) >= _KEPT:
            kept.popitem(last=False)  # the period asked about longest ago
        value = read()
        listed: Any = value.meetings if isinstance(value, MeetingNames) else value  # or doc ids
        kept[key] = (value, frozenset(d if isinstance(d, str) else d[0] for d in listed))  # forget()
        return value


def _dates_now(db: Database, doc_ids: frozenset[str]) -> tuple[list[str], list[str]] | None:
    """Return the dates of the documents' meetings and their publication dates in the store now
    (None when one is stored as another type than text, whose comparisons SQL makes its own way)."""
    ids = sorted(doc_ids)
    met = [r[0] for r in db.execute(f"select date from meetings where doc_id in ({marks(ids)})", ids)]
    published = [r[0] for r in db.execute(f"select published from documents where id in ({marks(ids)})", ids)]
    if not all(d is None or isinstance(d, str) for d in (*met, *published)):
        return None
    return [d for d in met if d is not None], [d for d in published if d is not None]


def _holds_now(key: tuple[Any, ...], met: list[str], published: list[str]) -> bool:
    """Tell whether the period of ``key`` (as ``_kept_or`` keys them) holds any of the dates."""
    kind, start, end, has_year, _ = key
    dates = met if kind == "meetings" else [*met, *published]
    if has_year:
        return any(start <= d <= end for d in dates)
    return any(start[5:] <= d[5:10] <= end[5:] for d in dates)  # as substr(date, 6, 5)


class DatedIndex:
    """Every dated meeting and document of the store in date order, read once per store version.

    A period read from the store costs two queries and an index of its meetings' names (about
    2 ms a month at 20k documents); here it is two binary searches over lists read once (about
    70 ms at 20k documents).
    """

    def __init__(self, db: Database) -> None:
        # The order of the covering indexes the per-period queries read: (date, doc_id), and
        # text only, as ``date between ? and ?`` compares.
        found = [r for r in db.execute("select date, doc_id, name, place, format from meetings "
                                       "where date is not null order by date, doc_id").fetchall()
                 if isinstance(r[0], str)]
        self._meeting_dates = [r[0] for r in found]
        # A few hundred distinct (name, place, format) at 20k meetings: each joined once.
        lines = {parts: _line(parts) for parts in {r[2:] for r in found}}
        self._meetings = [(r[1], lines[r[2:]]) for r in found]
        self._names = NameWords([text for _, text in self._meetings])
        published = [r for r in db.execute("select published, id from documents "
                                           "where published is not null order by published, id").fetchall()
                     if isinstance(r[0], str)]
        self._doc_dates = [r[0] for r in published]
        self._doc_ids = [r[1] for r in published]
        self._by_doc: tuple[dict[str, tuple[str, str]], dict[str, str]] | None = None  # holds()
        self._days: tuple[tuple[list[str], list[int]], tuple[list[str], list[int]]] | None = None

    def holds(self, db: Database, doc_ids: frozenset[str]) -> bool:
        """Tell whether the documents' dates and meetings in the store now are those indexed."""
        if self._by_doc is None:
            dated = zip(self._meeting_dates, self._meetings, strict=True)
            meetings = {doc_id: (date, line) for date, (doc_id, line) in dated}
            self._by_doc = (meetings, dict(zip(self._doc_ids, self._doc_dates, strict=True)))
        ids = sorted(doc_ids)
        # Undated rows are in neither; a date of another type is in the store's reads only.
        meetings = {r[1]: (r[0], _line(r[2:])) for r in db.execute(
            "select date, doc_id, name, place, format from meetings where date is not null "
            f"and doc_id in ({marks(ids)})", ids).fetchall()}
        published = dict(db.execute("select id, published from documents where published is not null "
                                    f"and id in ({marks(ids)})", ids).fetchall())
        kept_meetings, kept_published = self._by_doc
        return all(meetings.get(d) == kept_meetings.get(d) and published.get(d) == kept_published.get(d)
                   for d in ids)

    def meetings(self, start: str, end: str, *, limit: int) -> MeetingNames:
        """Return the first ``limit`` meetings dated between two ISO dates (inclusive)."""
        low, high = _span(self._meeting_dates, start, end)
        high = min(high, low + limit)
        return MeetingNames(self._meetings[low:high], names=self._names, offset=low)

    def documents(self, start: str, end: str, *, limit: int) -> list[str]:
        """Return the ids (in id order, at most ``limit``) of the documents whose meeting or
        publication falls between two ISO dates, as a UNION of the two would."""
        low, high = _span(self._meeting_dates, start, end)
        ids = {doc_id for doc_id, _ in self._meetings[low:high]}
        low, high = _span(self._doc_dates, start, end)
        ids.update(self._doc_ids[low:high])
        return sorted(ids)[:limit]

    def meetings_any_year(self, start: str, end: str, *, limit: int) -> list[tuple[str, str]]:
        """Return the first ``limit`` meetings (in date order) whose month and day ("05-10")
        fall between two of them in any year, as the store's covering index gives them."""
        meetings, _ = self._by_day()
        low, high = _span(meetings[0], start, end)
        return [self._meetings[i] for i in sorted(meetings[1][low:high])[:limit]]

    def documents_any_year(self, start: str, end: str, *, limit: int) -> list[str]:
        """Return the ids (in id order, at most ``limit``) of the documents whose meeting or
        publication falls between two months and days in any year."""
        meetings, published = self._by_day()
        low, high = _span(meetings[0], start, end)
        ids = {self._meetings[i][0] for i in meetings[1][low:high]}
        low, high = _span(published[0], start, end)
        ids.update(self._doc_ids[i] for i in published[1][low:high])
        return sorted(ids)[:limit]

    def _by_day(self) -> tuple[tuple[list[str], list[int]], tuple[list[str], list[int]]]:
        """Return the positions of the meetings and of the publications ordered by month and
        day ("05-10", as ``substr(date, 6, 5)``), with those days; made when first asked."""
        if self._days is None:
            def ordered(dates: list[str]) -> tuple[list[str], list[int]]:
                order = sorted(range(len(dates)), key=lambda i: dates[i][5:10])
                return [dates[i][5:10] for i in order], order
            self._days = (ordered(self._meeting_dates), ordered(self._doc_dates))
        return self._days


def _span(dates: list[str], start: str, end: str) -> tuple[int, int]:
    """Return the slice of sorted ``dates`` that lie between ``start`` and ``end`` (inclusive)."""
    return bisect_left(dates, start), bisect_right(dates, end)


def _line(parts: Iterable[str | None]) -> str:
    """Return a meeting's name, place and format as one line of words."""
    return " ".join(filter(None, parts))


class NameWords:
    """The words of meeting names, each with the positions of the names holding it, ascending."""

    def __init__(self, texts: list[str]) -> None:
        # Meetings share names ("Crimea Platform meets in Oslo"): each name is split once.
        by_text: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            by_text.setdefault(text, []).append(i)
        lines: dict[str, list[int]] = {}
        for text, found in by_text.items():
            for word in _name_words(text):
                lines.setdefault(word, []).extend(found)
        for found in lines.values():
            found.sort()
        self.lines = lines
        self.vocabulary = sorted(lines)

    def add(self, position: int, text: str) -> None:
        """Index one more name at ``position``, after every position indexed so far."""
        for word in _name_words(text):
            found = self.lines.get(word)
            if found is None:
                found = self.lines[word] = []
                insort(self.vocabulary, word)
            found.append(position)

    def holding(self, words: Iterable[str], low: int, high: int) -> set[int]:
        """Return the positions in ``low`` .. ``high - 1`` of the names holding any of ``words``."""
        out: set[int] = set()
        for word in words:
            found = self.lines.get(word)
            if found:
                out.update(found[bisect_left(found, low):bisect_left(found, high)])
        return out


class MeetingNames:
    """The meetings of a period, (doc_id, "name place format"), with an index of their words.

    A month holds hundreds of meetings at 20k documents. A regex of a name's variants over all
    their names took 1.4 ms a question; the words that can begin the name, looked up in the
    index, find the few meetings worth checking word by word. The index may be shared with
    other periods (``names``, the meetings being those from ``offset`` on).
    """

    def __init__(self, meetings: list[tuple[str, str]], *, names: NameWords | None = None,
                 offset: int = 0) -> None:
        self.meetings = meetings
        self._names = names if names is not None else NameWords([text for _, text in meetings])
        self._offset = offset

    def extend(self, meetings: list[tuple[str, str]]) -> None:
        """Add meetings after the others (only to meetings with an index of their own, never to a
        slice of the dated index, whose index other periods share)."""
        for doc_id, text in meetings:
            self._names.add(len(self.meetings), text)
            self.meetings.append((doc_id, text))

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
        first = term.first_words(self._names.vocabulary)
        if first is None:
            return None
        low = self._offset
        return {i - low for i in self._names.holding(first, low, low + len(self.meetings))}

    def _holding(self, lines: set[int], terms: list[NameTerms],
                 test: Callable[[Iterable[bool]], bool]) -> list[str]:
        """Return the doc_ids of ``lines`` whose names pass ``test`` (any, all) over ``terms``."""
        # A format that meets every month names thousands of meetings in a few hundred lines:
        # each line is tested once.
        passed: dict[str, bool] = {}
        out = []
        for i in sorted(lines):
            doc_id, line = self.meetings[i]
            ok = passed.get(line)
            if ok is None:
                ok = passed[line] = test(t.in_joined(text_joined(line)) for t in terms)
            if ok:
                out.append(doc_id)
        return out


@lru_cache(maxsize=8192)
def _name_words(text: str) -> frozenset[str]:
    """Return the distinct words of a meeting's name, folded like the index ("ß" -> "ss")."""
    return frozenset(folded_words(text))


class AllMeetings:
    """Every meeting's name, place and format with an index of their words, kept while the store
    changes no meeting: matching a named meeting against all of them in Python cost 0.25 s a
    question at 20k documents, and building the index costs about a second there, so a feed that
    saves a document between questions must not rebuild it when that meeting reads the same."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._kept: MeetingNames | None = None
        # Each document's last meeting line in the index: a save compares its documents' lines
        # here, where scanning every meeting cost about 6 ms a save at 20k documents.
        self._lines: dict[str, str] = {}

    def get(self) -> MeetingNames:
        if self._kept is None:
            self._kept = MeetingNames([(r[0], _line(r[1:])) for r in self.db.execute(
                "select doc_id, name, place, format from meetings").fetchall()])
            self._lines = dict(self._kept.meetings)
        return self._kept

    def clear(self) -> None:
        self._kept = None
        self._lines = {}

    def forget(self, doc_ids: frozenset[str]) -> None:
        """Drop the index when the saved or deleted documents changed a meeting's line; add the
        meetings of documents new to it (a feed's new reports) without building it again."""
        if self._kept is None:
            return
        ids = sorted(doc_ids)
        now = {r[0]: _line(r[1:]) for r in self.db.execute(
            f"select doc_id, name, place, format from meetings where doc_id in ({marks(ids)}) order by rowid",
            ids).fetchall()}
        kept = {d: self._lines[d] for d in ids if d in self._lines}
        if any(now.get(d) != line for d, line in kept.items()):
            self.clear()  # a meeting renamed or gone: its old line would stay in the index
            return
        added = [(d, line) for d, line in now.items() if d not in kept]
        self._kept.extend(added)
        self._lines.update(added)
