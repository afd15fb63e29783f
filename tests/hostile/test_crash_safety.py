"""SIGKILL an ingest at random points: the store is sound every time, and a rerun completes it."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.hostile.consistency import store_problems
from tests.hostile.readouts import write_readouts

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = 30
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


def start_ingest(db: Path, manifest: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; main()",
         "ingest", "--db", str(db), "--manifest", str(manifest)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},  # each "new: ..." line arrives as it is saved
    )


def kill_at_random_point(proc: subprocess.Popen[bytes], rng: random.Random) -> int:
    """Kill ``proc`` after a random number of saved documents plus a random delay; return that number."""
    assert proc.stdout is not None
    # One run in four dies early (imports, migrations), the rest in the middle of a document.
    saved = 0 if rng.random() < 0.25 else rng.randrange(1, DOCUMENTS)
    for _ in range(saved):  # one line on stdout per saved document
        if not proc.stdout.readline():
            break
    time.sleep(rng.uniform(0, 0.8) if saved == 0 else rng.uniform(0, 0.02))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    return saved


@pytest.mark.slow
def test_sigkill_during_ingest_never_leaves_a_broken_store(tmp_path: Path) -> None:
    manifest = write_readouts(tmp_path / "docs", DOCUMENTS)
    clean = tmp_path / "clean.db"
    ingest_in_process(clean, manifest)
    expected = export(clean)
    assert len(expected) == DOCUMENTS
    rng = random.Random(SEED)
    for run in range(RUNS):
        db = tmp_path / f"killed-{run}.db"
        saved = kill_at_random_point(start_ingest(db, manifest), rng)
        if db.exists():
            print(f"run {run}: killed after {saved} saved, {_count(db)} documents stored")
            assert store_problems(db) == [], f"run {run}, killed after {saved} documents"
        ingest_in_process(db, manifest)
        assert store_problems(db) == []
        assert export(db) == expected, f"run {run}: the rerun did not complete the ingest"


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
