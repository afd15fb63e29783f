"""Which documents the store's writes changed since a reader last looked.

``content_changes`` (storage.query_schema m007) logs the id of every document row inserted,
updated or deleted, and every write of a document's sentences or facts touches its row. A
commit that logs nothing (a feed poll, a chat's state, an alert) changed nothing the engine
reads; one that logs some documents changed only what those documents hold.
"""
from __future__ import annotations

import sqlite3

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
