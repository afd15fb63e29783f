"""Open the SQLite file: WAL mode, foreign keys, every migration set applied."""
from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database, Migrations

from storage.alerts_schema import alerts
from storage.feeds_schema import feeds
from storage.query_schema import query
from storage.schema import core
from storage.tracking_schema import tracking

# Applied in this order when a store opens; feature modules append their own sets here.
MIGRATION_SETS: list[Migrations] = [core, tracking, alerts, feeds, query]


class ImmediateDatabase(Database):
    """A Database whose outermost ``atomic()`` block takes the write lock as it begins."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """Run a transaction that starts with BEGIN IMMEDIATE; nested blocks are savepoints."""
        # A plain BEGIN reads first and asks for the write lock later; if another connection
        # (the bot, `pledgebot ingest`, the feed poller) commits in between, SQLite refuses at
        # once with "database is locked" instead of waiting out the busy timeout.
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            with super().atomic():  # inside a transaction now: a savepoint
                yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise


def open_database(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating when missing) the database at ``path`` with migrations applied."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # check_same_thread=False: the bot reads from PTB's worker threads; writes are serialised
    # by SQLite's own locking and by our transactions.
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    db = ImmediateDatabase(conn)
    if str(path) != ":memory:":
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        for migrations in MIGRATION_SETS:
            migrations.apply(db)
    return db
