"""Open the SQLite file: WAL mode, foreign keys, every migration set applied."""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database, Migrations

from storage.alerts_schema import alerts
from storage.chat_schema import chat
from storage.feeds_schema import feeds
from storage.query_schema import query
from storage.schema import core
from storage.tracking_schema import tracking

# Applied in this order when a store opens; feature modules append their own sets here.
MIGRATION_SETS: list[Migrations] = [core, tracking, alerts, feeds, query, chat]
MMAP_BYTES = 128 * 1024 * 1024  # mapped pages count in the resident size once touched
BUSY_SECONDS = 30  # how long a connection waits for another to release the write lock


log = logging.getLogger(__name__)

# Transactions between two checkpoints on the helper thread (a saved document writes ~95 pages
# at 20k documents), and the WAL size (pages) at which the writer checkpoints by itself after
# all: the helper only ever catches up with a moving writer, and the WAL starts over from its
# beginning only after a checkpoint that left nothing behind.
# Each checkpoint costs its own connection and syncs, and copies a page once however many saves
# since the last one wrote it (57 distinct pages a save over 8 saves, 45 over 32): every 32
# saves rather than 8, the helper's CPU fell from 1.4 to 0.5 ms a saved document at 20k
# documents, and questions asked with 32 saves in the WAL cost no more than with 8 (p50/p95 over
# 252 bench questions, each asked after another connection's commit).
CHECKPOINT_EVERY = 32
WAL_SAFETY_PAGES = 10000


class Checkpointer:
    """Copy committed WAL pages into the database file on a helper thread, off the writer's path.

    SQLite's automatic checkpoint runs inside the commit that crosses its threshold and waits for
    the disk twice (about 2 ms a saved document at 20k documents); a PASSIVE checkpoint on another
    connection copies the same pages while the writer goes on. Durability is unchanged: a commit
    is in the WAL either way, and a checkpoint cut short (crash, exit) is simply done again.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._commits = 0
        self._thread: threading.Thread | None = None

    def committed(self) -> None:
        """Count a commit; start a checkpoint every CHECKPOINT_EVERY commits unless one is running."""
        self._commits += 1
        if self._commits < CHECKPOINT_EVERY or (self._thread is not None and self._thread.is_alive()):
            return
        self._commits = 0
        self._thread = threading.Thread(target=self._run, name="pledgebot-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
        except sqlite3.Error as err:  # the writer's own checkpoint (WAL_SAFETY_PAGES) still runs
            log.warning("background checkpoint failed: %s", err)

    def join(self) -> None:
        """Wait for a running checkpoint to finish."""
        if self._thread is not None:
            self._thread.join()


class ImmediateDatabase(Database):
    """A Database whose outermost ``atomic()`` block takes the write lock as it begins."""

    checkpointer: Checkpointer | None = None

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
            # No savepoint inside: ROLLBACK undoes the whole block anyway, and while a savepoint
            # is open SQLite copies the old image of every page the block changes into a
            # statement journal (a temporary file past 64 KB): a saved document changes ~110
            # pages, so each save wrote ~450 KB to /var/tmp that nothing ever read.
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if self.checkpointer is not None:
            self.checkpointer.committed()

    def close(self) -> None:
        """Close the connection once a running background checkpoint has finished."""
        if self.checkpointer is not None:
            self.checkpointer.join()
        super().close()


class StoreError(Exception):
    """The store file cannot be used: missing (where it must exist), not SQLite, unreadable."""


def open_database(path: str | Path, *, migrate: bool = True, create: bool = True) -> Database:
    """Open the database at ``path`` with migrations applied; ``create`` makes a missing one.

    Raise StoreError with a one-line message when the file is no SQLite database, cannot be
    opened, or is missing and ``create`` is false (reading commands never create a store).
    """
    try:
        return _open(path, migrate=migrate, create=create)
    except sqlite3.DatabaseError as err:  # "file is not a database", "unable to open ..."
        raise StoreError(f"{path}: cannot be used as the store ({err})") from None


def _open(path: str | Path, *, migrate: bool, create: bool) -> Database:
    in_memory = str(path) == ":memory:"
    if not in_memory and not create and not Path(path).is_file():
        raise StoreError(f"{path}: no store there (ingest documents to create one)")
    if not in_memory and create:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # check_same_thread=False: the bot reads from PTB's worker threads; writes are serialised
    # by SQLite's own locking and by our transactions. mode=rw: a store must not be created by
    # a reader, even when the file vanishes between the check above and this line.
    target = str(path) if in_memory or create else f"{Path(path).resolve().as_uri()}?mode=rw"
    conn = sqlite3.connect(target, check_same_thread=False, timeout=BUSY_SECONDS,
                           uri=not (in_memory or create))
    db = ImmediateDatabase(conn)
    if str(path) != ":memory:":
        _enable_wal(db)
        db.execute(f"PRAGMA wal_autocheckpoint = {WAL_SAFETY_PAGES}")
        db.checkpointer = Checkpointer(str(path))
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    # Reads through a memory map skip a system call and a copy per page: questions on a large
    # store spend about a tenth less CPU. Writes still go through SQLite's journal as before.
    # 128 MB gets most of it (256 MB: a little more, but the answering process's resident
    # size at 20k documents grew from 67 to 306 MB, mapped pages included).
    db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    if migrate:
        apply_migrations(db)
    return db


def _enable_wal(db: Database) -> None:
    """Switch the store to WAL, waiting out another process that is creating it too.

    The switch reads the file, then needs it alone; when another connection took the write lock
    meanwhile, SQLite refuses at once ("database is locked") rather than wait the busy timeout,
    since waiting there could deadlock. Trying again once that writer is done always succeeds.
    """
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def apply_migrations(db: Database) -> None:
    """Apply every pending migration, safely when several processes open a new store at once."""
    if not any(migrations.pending(db) for migrations in MIGRATION_SETS):
        return  # the usual case: a migrated store, and no write lock taken to find out
    # One transaction that takes the write lock as it begins: a second process opening the same
    # new store waits for it (busy timeout), then finds every migration applied instead of
    # creating the same tables again ("table documents already exists").
    with db.atomic():
        for migrations in MIGRATION_SETS:
            migrations.apply(db)
