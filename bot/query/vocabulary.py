"""Every word of the stored sentences, for turning prefixes into words and typos into words.

The ``vocabulary`` table (storage.query_schema) is filled when a store is first migrated and
kept up by a save hook: each save adds the words of every sentence stored since the last one it
saw (``vocabulary_state.upto``), so a store written without the hook catches up on its next
save. Words of deleted sentences stay: a word no sentence holds any more finds nothing, which
costs a search nothing. Between saves, sentences that a writer without the hook stored are
read here in memory, so questions never miss a word.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlite_utils import Database

from bot.query.names import folded_words

if TYPE_CHECKING:
    from storage.store import SaveResult

_CHUNK = 2000  # sentences read at a time when catching up


# The words a writer knows the table holds, with the ``upto`` they belong to: a document's ~150
# words are nearly all known, and asking the table about each cost 0.4 ms a save at 20k.
_KNOWN: WeakKeyDictionary[Database, tuple[int, set[str]]] = WeakKeyDictionary()


def remember_words(db: Database, result: SaveResult | None = None, previous: Any = None) -> None:
    """Add the words of every sentence saved since the last call; a ``Store.write_hooks`` hook."""
    upto = _upto(db)
    known = _known_words(db, upto)
    added: set[str] = set()
    while True:
        rows = db.execute("select id, text from sentences where id > ? order by id limit ?",
                          [upto, _CHUNK]).fetchall()
        if not rows:
            break
        # Split uncached: each saved sentence once, without pushing questions' sentences out.
        words = {w for _, text in rows for w in folded_words(text)} - known - added
        db.conn.executemany("insert or ignore into vocabulary (term) values (?)", [(w,) for w in words])
        added |= words
        upto = rows[-1][0]
        db.execute("update vocabulary_state set upto = ? where id = 1", [upto])
    known |= added
    _KNOWN[db] = (upto, known)


def _known_words(db: Database, upto: int) -> set[str]:
    """Return the words the table holds, read once per writer. Read again when ``upto`` is not
    the one this writer left: another writer saved, or a save of this one was rolled back (its
    words never reached the table)."""
    kept = _KNOWN.get(db)
    if kept is not None and kept[0] == upto:
        return kept[1]
    return {term for (term,) in db.execute("select term from vocabulary")}


def _upto(db: Database) -> int:
    row = db.execute("select upto from vocabulary_state where id = 1").fetchone()
    return int(row[0]) if row else 0


class Vocabulary:
    """Read access for the engine: the stored words plus those of sentences not yet listed."""

    def __init__(self, db: Database, *, kept: bool = False) -> None:
        self.db = db
        self._late: tuple[int, frozenset[str]] = (-1, frozenset())
        # With ``kept``, the late words are looked up once until ``clear()`` (its owner calls it
        # when the store's sentences change): two queries a look-up, several a question.
        self._kept = kept
        self._current: frozenset[str] | None = None

    def clear(self) -> None:
        """Look up the late words again at the next read (the stored sentences changed)."""
        self._current = None

    def starting(self, prefix: str, *, limit: int) -> list[str]:
        """Return up to ``limit`` words that start with ``prefix`` (more than ``limit``: cut)."""
        rows = self.db.execute(
            "select term from vocabulary where term >= ? and term < ? order by term limit ?",
            [prefix, prefix + "\uffff", limit]).fetchall()
        found = [r[0] for r in rows]
        late = [w for w in self._late_words() if w.startswith(prefix) and w not in found]
        return sorted(set(found + late))[:limit]

    def _late_words(self) -> frozenset[str]:
        """Return the words of sentences stored after the vocabulary's last update."""
        if self._current is None or not self._kept:
            self._current = self._read_late_words()
        return self._current

    def _read_late_words(self) -> frozenset[str]:
        upto = _upto(self.db)
        last = self.db.execute("select coalesce(max(id), 0) from sentences").fetchone()[0]
        if last <= upto:
            return frozenset()
        if self._late[0] != last:
            rows = self.db.execute("select text from sentences where id > ?", [upto]).fetchall()
            self._late = (last, frozenset(w for (text,) in rows for w in folded_words(text)))
        return self._late[1]
