"""Which documents the store's writes changed since a reader last looked.

``content_changes`` (storage.query_schema m007) logs the id of every document row inserted,
updated or deleted, and every write of a document's sentences or facts touches its row. A
commit that logs nothing (a feed poll, a chat's state, an alert) changed nothing the engine
reads; one that logs some documents changed only what those documents hold.
"""
from __future__ import annotations

import sqlite3
from bisect import bisect_left
from dataclasses import dataclass

from sqlite_utils import Database


class ChangeLog:
    """A reader's place in the store's log of changed documents."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._seq: int | None = None  # the last change seen

    def since_last(self) -> frozenset[str] | None:
        """Return the documents changed since the last call: none when nothing a reader keeps
        changed, None when that cannot be told (the first call, this connection in the middle
        of a write, a log pruned past this reader's place, a store without the log)."""
        if self.db.conn.in_transaction:
            return None  # its own uncommitted changes may still be rolled back, and their log with them
        try:
            if self._seq is None:
                self._seq = self.db.execute("select coalesce(max(seq), 0) from content_changes").fetchone()[0]
                return None
            rows = self.db.execute("select seq, doc_id from content_changes where seq > ? order by seq",
                                   [self._seq]).fetchall()
            if not rows:
                last = self.db.execute("select coalesce(max(seq), 0) from content_changes").fetchone()[0]
                restarted, self._seq = last < self._seq, last
                return None if restarted else frozenset()
        except sqlite3.OperationalError:
            return None
        # Entries this reader never saw were pruned: what they changed is unknown.
        pruned, self._seq = rows[0][0] != self._seq + 1, rows[-1][0]
        return None if pruned else frozenset(doc_id for _, doc_id in rows)


@dataclass(frozen=True)
class Batch:
    """The documents one write changed, with every word their sentences now hold (sorted)."""

    stamp: int
    doc_ids: frozenset[str]
    words: list[str]


class Batches:
    """The last document changes a reader saw, so that what it kept is checked when next used.

    Checking every kept look-up at each save cost a few milliseconds a save once a bot had asked
    a few hundred questions, and grew with them; a look-up checked when it is used again is
    checked against the changes since it was made, and most are never used again.
    """

    _KEPT = 32  # batches remembered; a look-up older than all of them is made again

    def __init__(self) -> None:
        self.stamp = 0  # batches seen so far: what each kept look-up is stamped with
        self._batches: list[Batch] = []

    def add(self, doc_ids: frozenset[str], words: list[str]) -> None:
        """Record one write's changed documents and the words they now hold."""
        self.stamp += 1
        self._batches = [*self._batches[-(self._KEPT - 1):], Batch(self.stamp, doc_ids, words)]

    def reset(self) -> None:
        """Forget every batch: whatever was kept has been emptied."""
        self.stamp += 1
        self._batches = []

    def since(self, stamp: int) -> list[Batch] | None:
        """Return the batches after ``stamp`` (None: some were forgotten or all was emptied)."""
        if stamp == self.stamp:
            return []
        later = [b for b in self._batches if b.stamp > stamp]
        return later if later and later[0].stamp == stamp + 1 else None


def adds_to(kept: list[str], prefix: str, limit: int, words: list[str]) -> bool:
    """Tell whether any of the sorted ``words`` would change ``kept``, the sorted stored words
    starting with ``prefix`` cut at ``limit``."""
    i = bisect_left(words, prefix)
    while i < len(words) and words[i].startswith(prefix):
        word = words[i]
        i += 1
        if len(kept) >= limit and word > kept[-1]:
            return False  # beyond the cut, as every word after it
        j = bisect_left(kept, word)
        if j == len(kept) or kept[j] != word:
            return True
    return False
