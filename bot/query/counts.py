"""In how many sentences the words starting with a prefix occur, kept across saves.

A count is read from the full-text index's vocabulary (``sentences_fts_vocab``, about 0.4 ms a
prefix at 20k documents) and used to be read again after every save, for every prefix the next
questions asked: most of the extra time of a question after a save. A save changes a count
only by the sentences it stored less those it deleted; ``sentence_changes`` (storage.query_schema
m009) logs both, and they are split into words here by an index of their own with the store's
tokenizer, so a kept count moves exactly as the store's does.
"""
from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from storage.schema import SENTENCE_TOKENIZER

_END = "\uffff"  # after every word that starts with a prefix
_PLACE = "(select coalesce(max(seq), 0) from sentence_changes)"
_COUNT = "select coalesce(sum(doc), 0) from sentences_fts_vocab where term >= ? and term < ?"


@dataclass(frozen=True)
class _Change:
    """How the sentences logged after ``after`` up to ``upto`` changed each word's count."""

    after: int
    upto: int
    words: list[str]  # sorted
    by: list[int]  # the change of each word's count


class WordCounts:
    """A reader's counts of sentences holding a prefix's words, each true at a place in the log."""

    _KEPT_COUNTS = 4096
    # Changes followed: a count older than all of them is read again. A feed saving a report
    # between questions changes a few words (the sentences saved again unchanged cancel out), so
    # counts last a few hundred saves in some hundred kilobytes; moving one through 256 changes
    # costs about 0.1 ms, through 1024 more than reading it again (0.3-0.5 ms at 20k).
    _KEPT_WORDS = 20_000
    _KEPT_CHANGES = 256

    def __init__(self, db: Database) -> None:
        self.db = db
        self._counts: dict[str, tuple[int, int]] = {}  # prefix -> (log place, count)
        self._place: int | None = None  # the last logged sentence this reader has followed
        self._changes: list[_Change] = []
        self._uptos: list[int] = []  # each change's ``upto``, to find where a count's place is
        self._words = 0  # words in the changes kept
        self._splitter: sqlite3.Connection | None = None

    def clear(self) -> None:
        """Forget every count (the store changed in a way the log does not tell)."""
        self._counts.clear()
        self._changes, self._uptos = [], []
        self._words = 0
        self._place = None

    def count(self, prefix: str) -> int:
        """Return in how many sentences words starting with ``prefix`` occur (summed by word)."""
        kept = self._counts.get(prefix)
        if kept is not None and kept[0] == self._place:
            return kept[1]  # nothing followed since it was read
        if kept is not None and self._place is not None and (moved := self._moved(prefix, *kept)) is not None:
            self._counts[prefix] = (self._place, moved)
            return moved
        if len(self._counts) > self._KEPT_COUNTS:
            self._counts.clear()
        try:  # one statement: the count and the log's place read from one state of the store
            count, place = self.db.execute(f"select ({_COUNT}), {_PLACE}", [prefix, prefix + _END]).fetchone()
        except sqlite3.OperationalError:  # a store without the log: counted each time it changes
            count, place = self.db.execute(_COUNT, [prefix, prefix + _END]).fetchone()[0], -1
        if self._place is None:
            self._place = place  # -1 without a log: kept until the next save empties them
        self._counts[prefix] = (place, int(count))
        return int(count)

    def _moved(self, prefix: str, place: int, count: int) -> int | None:
        """Return a count read at ``place`` moved by the changes followed since (None: unknown)."""
        if place < 0:
            return None
        for change in self._changes[bisect_right(self._uptos, place):]:
            if change.after != place:
                return None  # read in the middle of a change, or after changes forgotten
            i = bisect_left(change.words, prefix)
            while i < len(change.words) and change.words[i] < prefix + _END:
                count += change.by[i]
                i += 1
            place = change.upto
        return count if place == self._place else None

    def follow(self) -> None:
        """Read the sentences saved or deleted since last followed (a save changed documents)."""
        if self._place is None:
            return  # no count kept yet: the first one read sets the place
        try:
            rows = self.db.execute("select seq, sign, text from sentence_changes where seq > ? order by seq",
                                   [self._place]).fetchall()
        except sqlite3.OperationalError:
            self.clear()
            return
        if not rows:
            return
        if rows[0][0] != self._place + 1:
            self.clear()  # entries this reader never saw were pruned
            return
        words, by = self._split(rows)
        change = _Change(self._place, rows[-1][0], words, by)
        self._changes.append(change)
        self._uptos.append(change.upto)
        self._words += len(words)
        while self._words > self._KEPT_WORDS or len(self._changes) > self._KEPT_CHANGES:
            self._words -= len(self._changes.pop(0).words)
            self._uptos.pop(0)
        self._place = rows[-1][0]

    def _split(self, rows: list[tuple[int, int, str]]) -> tuple[list[str], list[int]]:
        """Return each word of the logged sentences with how its count of sentences changed,
        split by a full-text index with the store's tokenizer (one count per sentence).

        A document saved again deletes its sentences and stores them again, nearly all with the
        same text: those cancel out before anything is split."""
        net: dict[str, int] = defaultdict(int)
        for _, sign, text in rows:
            net[text] += sign
        texts = [(i, text, n) for i, (text, n) in enumerate(net.items()) if n]
        if not texts:
            return [], []
        if self._splitter is None:
            self._splitter = sqlite3.connect(":memory:", check_same_thread=False)
            self._splitter.execute(
                f"create virtual table split using fts5(text, content='', tokenize='{SENTENCE_TOKENIZER}')")
            self._splitter.execute("create virtual table split_words using fts5vocab(split, 'instance')")
        conn = self._splitter
        conn.executemany("insert into split (rowid, text) values (?, ?)", [(i, text) for i, text, _ in texts])
        times = {i: n for i, _, n in texts}
        change: dict[str, int] = defaultdict(int)
        for word, i in conn.execute("select distinct term, doc from split_words"):
            change[word] += times[i]
        conn.execute("insert into split (split) values ('delete-all')")
        conn.commit()
        words = sorted(w for w, n in change.items() if n)
        return words, [change[w] for w in words]
