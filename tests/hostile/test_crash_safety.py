"""SIGKILL an ingest at random points: the store is sound every time, and a rerun completes it."""
from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import random
import signal
import time
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.hostile.consistency import store_problems
from tests.hostile.readouts import write_readouts

DOCUMENTS = 12
RUNS = 15
SEED = 20260806


def ingest_in_process(db: Path, manifest: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", str(db), "--manifest", str(manifest)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def export(db: Path) -> list[dict[str, Any]]:
    """Return the exported documents without fact row ids, which only number insertions."""
    out = CliRunner().invoke(main, ["export", "--db", str(db)], catch_exceptions=False).stdout
    docs = json.loads(out)["documents"]
    for doc in docs:
        for kind in ("attendees", "statements", "commitments", "agreements"):
            for fact in doc[kind]:
                fact.pop("id", None)
    return docs


def difference(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> str:
    """Describe the first document field where ``got`` differs from ``expected``."""
    if len(expected) != len(got):
        return f"{len(got)} documents instead of {len(expected)}"
    for want, have in zip(expected, got, strict=True):
        for key in want:
            if want[key] != have.get(key):
                return f"{want['title']!r} {key}: {want[key]!r} != {have.get(key)!r}"[:2000]
    return "no difference"


def ingest_reporting(db: str, manifest: str, progress: Connection) -> None:
    """Do what ``pledgebot ingest --manifest`` does, reporting each saved document on ``progress``."""
    from bot.cli import open_store
    from bot.ingest.pipeline import ingest_document, load_input, read_manifest

    store = open_store(db)
    for item in read_manifest(Path(manifest)):
        assert not isinstance(item, Exception)
        ingest_document(store, load_input(item))
        progress.send(1)


def start_ingest(context: BaseContext, db: Path, manifest: Path) -> tuple[BaseProcess, Connection]:
    """Start an ingest in a child forked from a server that has already imported the bot."""
    receiver, sender = context.Pipe(duplex=False)
    proc = context.Process(target=ingest_reporting, args=(str(db), str(manifest), sender), daemon=True)
    proc.start()
    sender.close()
    return proc, receiver


def kill_at_random_point(proc: BaseProcess, progress: Connection, rng: random.Random) -> int:
    """Kill ``proc`` after a random number of saved documents plus a random delay; return that number."""
    # One run in four dies early (opening the store, migrations), the rest inside a document.
    saved = 0 if rng.random() < 0.25 else rng.randrange(1, DOCUMENTS)
    for _ in range(saved):
        if not progress.poll(30):
            break
        progress.recv()
    time.sleep(rng.uniform(0, 0.3) if saved == 0 else rng.uniform(0, 0.05))
    assert proc.pid is not None
    with contextlib.suppress(ProcessLookupError):  # a fast ingest may have finished already
        os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    progress.close()
    return saved


@pytest.mark.slow
def test_sigkill_during_ingest_never_leaves_a_broken_store(tmp_path: Path) -> None:
    manifest = write_readouts(tmp_path / "docs", DOCUMENTS, repeats=3)
    clean = tmp_path / "clean.db"
    ingest_in_process(clean, manifest)
    expected = export(clean)
    assert len(expected) == DOCUMENTS
    rng = random.Random(SEED)
    # A fork server that has imported the bot once: each run starts at once, not after imports.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bot.cli", "bot.ingest.pipeline", "tests.hostile.warm_ingest"])
    for run in range(RUNS):
        db = tmp_path / f"killed-{run}.db"
        saved = kill_at_random_point(*start_ingest(context, db, manifest), rng)
        if db.exists():
            print(f"run {run}: killed after {saved} saved, {_count(db)} documents stored")
            assert store_problems(db) == [], f"run {run}, killed after {saved} documents"
        ingest_in_process(db, manifest)
        assert store_problems(db) == []
        got = export(db)
        assert got == expected, f"run {run}: the rerun differs from a clean run: {difference(expected, got)}"


def test_the_checker_notices_a_fact_without_its_document(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    ingest_in_process(db, write_readouts(tmp_path / "docs", 2))
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("update sentences set doc_id = 'gone' where id = 1")
    conn.execute("delete from meetings where id = 1")
    conn.execute("drop trigger sentences_ad")  # a delete the full-text index never hears of
    conn.execute("delete from sentences where id = 2")
    conn.commit()
    conn.close()
    problems = store_problems(db)
    assert any("foreign key" in p for p in problems)
    assert "sentences: 1 rows whose document is missing" in problems
    assert "1 documents without their meeting row" in problems
    assert any(p.startswith("sentences_fts: full-text index out of sync") for p in problems)


def _count(db: Path) -> int | str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return "no documents table yet"
    finally:
        conn.close()
