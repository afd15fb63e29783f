"""Opening the store file: WAL pages are copied into the database by a helper thread."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.ingest.pipeline import ingest_document
from storage.db import (
    CHECKPOINT_EVERY,
    MIGRATION_SETS,
    WAL_SAFETY_PAGES,
    Checkpointer,
    ImmediateDatabase,
    open_database,
)
from storage.records import SourceDocument
from storage.schema import core
from storage.store import Store


def _write(db: ImmediateDatabase, commits: int) -> None:
    db.execute("create table if not exists notes (id integer primary key, body text)")
    for number in range(commits):
        with db.atomic():
            db.execute("insert into notes (body) values (?)", [f"note {number} " + "x" * 3000])


def test_commits_reach_the_database_file_without_closing(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    db = open_database(path)
    assert isinstance(db, ImmediateDatabase) and db.checkpointer is not None
    # Creating the store commits its migrations, which may have started a checkpoint and left
    # the count anywhere: let that one finish and count afresh, so that exactly the last of the
    # writes below starts one, whatever the threads' timing.
    db.checkpointer.join()
    db.checkpointer = Checkpointer(str(path))
    _write(db, CHECKPOINT_EVERY)
    db.checkpointer.join()
    # An immutable reader sees the database file alone, never the WAL: the notes are there.
    alone = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)
    assert alone.execute("select count(*) from notes").fetchone()[0] == CHECKPOINT_EVERY
    alone.close()
    db.close()


def test_the_writer_still_checkpoints_a_wal_that_grew_too_long(tmp_path: Path) -> None:
    db = open_database(tmp_path / "store.db")
    assert db.execute("pragma wal_autocheckpoint").fetchone()[0] == WAL_SAFETY_PAGES
    db.close()


def test_closing_waits_for_a_running_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    db = open_database(path)
    _write(db, CHECKPOINT_EVERY * 3)
    db.close()
    again = open_database(path)
    assert again.execute("select count(*) from notes").fetchone()[0] == CHECKPOINT_EVERY * 3
    again.close()


def test_a_memory_database_has_no_checkpointer() -> None:
    db = open_database(":memory:")
    assert isinstance(db, ImmediateDatabase) and db.checkpointer is None
    db.close()


def test_an_outermost_block_is_one_transaction_without_a_savepoint(tmp_path: Path) -> None:
    # A savepoint would make SQLite journal the old image of every page the block changes.
    db = open_database(tmp_path / "store.db")
    db.execute("create table notes (id integer primary key, body text)")
    issued: list[str] = []
    db.conn.set_trace_callback(issued.append)
    with db.atomic():
        db.execute("insert into notes (body) values ('kept')")
    db.conn.set_trace_callback(None)
    assert [s.split()[0].upper() for s in issued] == ["BEGIN", "INSERT", "COMMIT"]
    db.close()


def test_a_failed_block_rolls_back_and_a_failed_inner_block_only_itself(tmp_path: Path) -> None:
    db = open_database(tmp_path / "store.db")
    db.execute("create table notes (id integer primary key, body text)")
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("insert into notes (body) values ('lost')")
        raise RuntimeError("hook failed")
    with db.atomic():
        db.execute("insert into notes (body) values ('outer')")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("insert into notes (body) values ('inner')")
            raise RuntimeError("inner failed")
    assert [r[0] for r in db.execute("select body from notes")] == ["outer"]
    db.close()


def test_a_store_from_before_m004_loses_the_statement_index_and_still_saves(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    for migrations in MIGRATION_SETS:  # as a store made before m004 was
        if migrations is core:
            core.apply(db, stop_before="m004_no_statement_text_index")
        else:
            migrations.apply(db)
    assert db.table("statements_fts").exists()
    db.close()
    store = Store.open(path)
    assert not store.db.table("statements_fts").exists()
    triggers = {r[0] for r in store.db.execute("select name from sqlite_master where type = 'trigger'")}
    assert not {t for t in triggers if t.startswith("statements_")}
    assert {"sentences_ai", "commitments_ai"} <= triggers  # the indexes questions read stay
    text = 'Leaders met in Paris on 6 January 2026. "We will not abandon Ukraine," Emmanuel Macron said.'
    ingest_document(store, SourceDocument(text=text, url="https://example.org/paris", title="Paris",
                                          publisher="Elysee", published="2026-01-06", language="en"))
    assert store.db.execute("select count(*) from statements").fetchone()[0] == 1
    found = store.db.execute("select count(*) from sentences_fts where sentences_fts match 'abandon'")
    assert found.fetchone()[0] == 1
    store.close()


def test_no_index_only_repeats_the_start_of_another(tmp_path: Path) -> None:
    # A longer index serves every search a prefix of its columns serves; both cost each save.
    store = Store.open(tmp_path / "new.db")
    for table in store.db.table_names():
        indexes = [i for i in store.db.table(table).indexes if not i.name.startswith("sqlite_")]
        for short in (i for i in indexes if not i.unique):
            n = len(short.columns)
            longer = [i.name for i in indexes if len(i.columns) > n and i.columns[:n] == short.columns]
            assert not longer, f"{short.name} repeats the start of {longer}"
    store.close()


_OPEN_WHEN_TOLD = """
import sys, time
from pathlib import Path
from storage.db import open_database
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
open_database(sys.argv[1]).close()
"""


@pytest.mark.parametrize("round_", range(3))
def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path, round_: int) -> None:
    """Six processes open the same new store at the same moment: each migration runs once."""
    path, go = tmp_path / "new.db", tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN_WHEN_TOLD, str(path), str(go)],
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    time.sleep(0.5)  # let every process import and start waiting (not an assertion on time)
    go.touch()
    errors = [proc.communicate(timeout=120)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 6, "\n".join(errors)
    db = open_database(path)
    names = [row["name"] for row in db["_sqlite_migrations"].rows]
    assert len(names) == len(set(names)) == sum(len(m.pending(Database(memory=True)))
                                                for m in MIGRATION_SETS)
    db.close()
