"""Opening the store file: WAL pages are copied into the database by a helper thread."""
from __future__ import annotations

from pathlib import Path

from storage.db import CHECKPOINT_EVERY, WAL_SAFETY_PAGES, ImmediateDatabase, open_database


def _write(db: ImmediateDatabase, commits: int) -> None:
    db.execute("create table if not exists notes (id integer primary key, body text)")
    for number in range(commits):
        with db.atomic():
            db.execute("insert into notes (body) values (?)", [f"note {number} " + "x" * 3000])


def test_commits_reach_the_database_file_without_closing(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    db = open_database(path)
    assert isinstance(db, ImmediateDatabase) and db.checkpointer is not None
    before = path.stat().st_size
    _write(db, CHECKPOINT_EVERY)
    db.checkpointer.join()
    assert path.stat().st_size > before + 3000 * CHECKPOINT_EVERY  # the pages left the WAL
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
