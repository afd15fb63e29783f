"""Run the benchmark: ``python -m bench.run [--sizes 1000,5000,20000] [--quick]``.

One store grows through every size (document ``i`` is the same at every size), so the 20k
store is the 5k store plus 15k documents. At each size: ingest throughput in this process;
latency per question label in separate answering processes, warm, after a write and cold
(with the warm one's peak RSS); the BM25 peer (and optionally the rapidfuzz scan) on the same
store; database size per document; and the cold start of ``pledgebot ask``. Prints a table
and writes ``bench/results/<timestamp>-<largest size>.json``.
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import report, table
from bench.generator import generate, pool_size
from bench.questions import LABELS, make_questions

RESULTS = Path(__file__).resolve().parent / "results"
REPO = Path(__file__).resolve().parent.parent


def ingest_stage(store: Any, *, start: int, stop: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Generate documents ``start..stop-1`` and ingest them, timing the last ones.

    The store is first built up to ``stop - opts.ingest_sample`` with extraction spread over
    worker processes (so that a 20k run stays within minutes); the last ``opts.ingest_sample``
    documents then go through ``ingest_document`` one by one in this process, into a store of
    nearly full size, and give the measured throughput.
    """
    from bot.ingest.pipeline import ingest_document

    began = time.perf_counter()
    docs = generate(stop, seed=opts.seed, start=start)
    generated = time.perf_counter()
    split = max(0, len(docs) - opts.ingest_sample)
    build_in_pool(store, docs[:split], workers=opts.workers)
    timed = docs[split:]
    wall, cpu = time.perf_counter(), time.process_time()
    for item in timed:
        ingest_document(store, item.doc)
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    return {"docs": len(timed), "seconds": seconds, "docs_per_s": len(timed) / max(seconds, 1e-9),
            "cpu_seconds": cpu_seconds, "docs_per_cpu_s": len(timed) / max(cpu_seconds, 1e-9),
            "built_in_pool": split, "generation_s": generated - began}


def _extract(doc: Any) -> Any:
    from bot.extract import extract_document

    return extract_document(doc)


def build_in_pool(store: Any, docs: list[Any], *, workers: int) -> None:
    """Ingest ``docs`` through the real pipeline, their extraction done by a process pool."""
    if not docs:
        return
    import bot.extract
    from bot.ingest.pipeline import ingest_document

    original = bot.extract.extract_document
    # Workers fork before the patch below, so they run the real extraction; the pipeline
    # looks extract_document up at call time, so here it receives the precomputed facts.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        try:
            for item, extraction in zip(docs, pool.imap(_extract, [d.doc for d in docs], chunksize=8),
                                        strict=True):
                bot.extract.extract_document = lambda _doc, ex=extraction: ex
                ingest_document(store, item.doc)
        finally:
            bot.extract.extract_document = original


def copy_store(path: Path, copy: Path) -> None:
    """Copy the store at ``path`` to ``copy`` through SQLite's backup API.

    Never by reading the file with ``open()``: this process keeps the store open meanwhile, and
    closing any descriptor of a database file drops every POSIX lock the process holds on it
    (SQLite's "How To Corrupt An SQLite Database File", 2.2). The answering processes then took
    the store for unused when they closed it, checkpointed and deleted its WAL under this
    process's open connection, and the run's next read found the file "malformed" (three
    reused-store runs failed so; the file itself stayed whole).
    """
    import sqlite3

    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def store_figures(db_path: Path, docs: int) -> dict[str, Any]:
    """Return the database size per document and how many facts of each kind it holds."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))
        tables = ("sentences", "attendances", "statements", "commitments", "agreements")
        facts = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in tables}
    finally:
        conn.close()
    return {"db_bytes": size, "db_bytes_per_doc": size / docs, "facts": facts,
            "people_in_pool": pool_size(docs - 1)}


def answer_in_subprocess(engine: str, db_path: Path, questions_file: Path, *, regime: str = "warm",
                         budget_s: float, document_every: int = 5) -> dict[str, Any]:
    """Run the answering process for one engine and regime; return its timings and peak RSS."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.answerer", str(questions_file), "--db", str(db_path),
         "--engine", engine, "--regime", regime, "--budget-s", str(budget_s),
         "--document-every", str(document_every)], cwd=REPO, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise RuntimeError(f"{engine} ({regime}) answering process failed:\n{proc.stderr[-3000:]}")
    raw = json.loads(proc.stdout)
    return {"startup_ms": raw["startup_ms"], "first_ms": raw["first_ms"], "rss_mb": raw["rss_mb"],
            "asked": raw["asked"], "of": raw["of"], "latency": report.latency_table(raw["samples"])}


def cold_start(db_path: Path, question: str, *, repeats: int) -> dict[str, Any]:
    """Return the wall (and CPU) time of ``pledgebot ask QUESTION`` as a fresh process."""
    exe = Path(sys.executable).parent / "pledgebot"
    # An installed program has its bytecode cached; this machine sets PYTHONDONTWRITEBYTECODE,
    # which would make every start recompile the project's modules.
    for package in ("bot", "storage"):
        compileall.compile_dir(str(REPO / package), quiet=1)
    runs, cpu = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run([str(exe), "ask", question, "--db", str(db_path)], cwd=REPO,
                       capture_output=True, check=True)
        runs.append((time.perf_counter() - began) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return {"median_ms": statistics.median(runs), "runs_ms": runs,
            "cpu_median_ms": statistics.median(cpu), "question": question}


def measure_size(store: Any, db_path: Path, docs: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Measure everything at one size, the store already holding ``docs`` documents.

    The project answers in the three regimes (warm, after a write, cold) and the peers warm,
    each a whole number of balanced rounds of the same questions.
    """
    questions = make_questions(docs, per_kind=opts.per_kind, seed=opts.seed)
    rounds = {"warm": opts.per_kind, "write": opts.per_kind, "cold": opts.cold_per_kind,
              "bm25": opts.bm25_per_kind, "scan": opts.scan_per_kind}
    files = {}
    for name, count in rounds.items():
        files[name] = db_path.parent / f"{name}.json"
        chosen = questions[:count * len(LABELS)]
        files[name].write_text(json.dumps([q.as_json() for q in chosen]), encoding="utf-8")
    budget = opts.answer_budget
    project = {regime: answer_in_subprocess("project", db_path, files[regime], regime=regime, budget_s=budget,
                                            document_every=opts.document_every)
               for regime in report.REGIMES}
    peers = {peer: answer_in_subprocess(peer, db_path, files[peer], budget_s=budget)
             for peer in report.PEERS if rounds[peer]}
    return {"docs": docs, "load_average": os.getloadavg(), **store_figures(db_path, docs),
            "project": project, **peers,
            "ratios": {peer: report.ratios(project["warm"]["latency"], peers[peer]["latency"])
                       for peer in peers},
            "cold_start": cold_start(db_path, questions[0].text, repeats=opts.cold_repeats)}


def run(opts: argparse.Namespace) -> dict[str, Any]:
    """Build the store through every size, measuring at each; return the whole result."""
    from bot.wiring import open_store

    sizes = sorted(opts.sizes)
    results = []
    with tempfile.TemporaryDirectory(prefix="pledgebot-bench-") as tmp:
        work = opts.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db_path = work / "bench.db"
        if db_path.exists():
            raise SystemExit(f"{db_path} exists: give --work an empty directory")
        store = open_store(db_path)
        built = 0
        for docs in sizes:
            if opts.reuse and docs == sizes[-1]:
                results.append(measure_reused(opts.reuse, docs, opts))
            else:
                ingest = ingest_stage(store, start=built, stop=docs, opts=opts)
                built = docs
                results.append({"ingest": ingest, **measure_size(store, db_path, docs, opts)})
            log(table.format_size(results[-1]))
        store.close()
    return summarise(results, opts)


def measure_reused(path: Path, docs: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Measure answers on a store built earlier (by ``--work``) instead of ingesting again.

    Ingest is timed on a copy of that store (``ingest_on_copy``), which the answers never see.
    """
    from bot.wiring import open_store

    store = open_store(path)
    try:
        have = store.db.execute("select count(*) from documents").fetchone()[0]
        if have != docs:
            raise SystemExit(f"{path} holds {have} documents, not {docs}")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ingest = ingest_on_copy(path, docs, opts)
        return {"ingest": ingest, **measure_size(store, path, docs, opts)}
    finally:
        store.close()


def ingest_on_copy(path: Path, docs: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Time the ingest of the generator's next ``--ingest-sample`` documents into a copy of the
    reused store (so into a store of ``docs`` documents, as a fresh build times its last ones)."""
    from bot.ingest.pipeline import ingest_document
    from bot.wiring import open_store

    if not opts.ingest_sample:
        return {"reused": str(path), "docs": 0}
    with tempfile.TemporaryDirectory(prefix="pledgebot-bench-copy-", dir=path.parent) as tmp:
        copy = Path(tmp) / path.name
        copy_store(path, copy)
        store = open_store(copy)
        try:
            timed = generate(docs + opts.ingest_sample, seed=opts.seed, start=docs)
            wall, cpu = time.perf_counter(), time.process_time()
            for item in timed:
                ingest_document(store, item.doc)
            seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
        finally:
            store.close()
    return {"reused": str(path), "docs": len(timed), "seconds": seconds,
            "docs_per_s": len(timed) / max(seconds, 1e-9), "cpu_seconds": cpu_seconds,
            "docs_per_cpu_s": len(timed) / max(cpu_seconds, 1e-9), "on_copy": True}


def summarise(sizes: list[dict[str, Any]], opts: argparse.Namespace) -> dict[str, Any]:
    """Add growth between the smallest and largest size and the targets to the results."""
    grown = report.growth(sizes[0], sizes[-1]) if len(sizes) > 1 else {}
    return {
        "meta": {"timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 "seed": opts.seed, "per_kind": opts.per_kind, "cold_per_kind": opts.cold_per_kind,
                 "bm25_per_kind": opts.bm25_per_kind, "scan_per_kind": opts.scan_per_kind,
                 "ingest_sample": opts.ingest_sample,
                 "document_every": opts.document_every,
                 "answer_budget_s": opts.answer_budget, "cpus": os.cpu_count(),
                 "python": platform.python_version(), "commit": _commit()},
        "sizes": sizes,
        "growth": {"from": sizes[0]["docs"], "to": sizes[-1]["docs"], "labels": grown} if grown else {},
        "targets": report.check_targets(sizes, grown),
    }


def _commit() -> str | None:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                          text=True, check=False)
    return proc.stdout.strip() or None


def log(message: str) -> None:
    """Write a progress line to stderr."""
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Return the options; ``--quick`` shrinks sizes and question counts for a fast look."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="comma-separated document counts")
    parser.add_argument("--quick", action="store_true", help="sizes 200,1000 and fewer questions")
    parser.add_argument("--per-kind", type=int, default=200,
                        help="questions per label, asked warm and after a write")
    parser.add_argument("--cold-per-kind", type=int, default=50,
                        help="of those, asked each in a fresh process")
    parser.add_argument("--bm25-per-kind", type=int, default=40, help="of those, asked of the BM25 peer")
    parser.add_argument("--scan-per-kind", type=int, default=0,
                        help="of those, asked of the rapidfuzz scan (about a second each at 20k)")
    parser.add_argument("--document-every", type=int, default=5,
                        help="write regime: every N-th write saves a document, the others a feed poll")
    parser.add_argument("--cold-repeats", type=int, default=5)
    parser.add_argument("--ingest-sample", type=int, default=2000,
                        help="documents per size whose ingest is timed in one process")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="extraction processes that build the rest of the store")
    parser.add_argument("--answer-budget", type=float, default=300.0,
                        help="seconds each answering process may spend per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS, help="directory for the result JSON")
    parser.add_argument("--work", type=Path, help="keep the store here (default: a temporary directory)")
    parser.add_argument("--reuse", type=Path,
                        help="a store kept by --work that holds the largest size: measure answers on it "
                             "without building it again (ingest is timed on a copy of it)")
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.sizes, opts.per_kind, opts.cold_per_kind, opts.cold_repeats = "200,1000", 20, 10, 3
        opts.bm25_per_kind = opts.scan_per_kind = 4
    opts.sizes = [int(s) for s in str(opts.sizes).split(",") if s.strip()]
    for peer in ("cold_per_kind", "bm25_per_kind", "scan_per_kind"):
        setattr(opts, peer, min(getattr(opts, peer), opts.per_kind))
    opts.bm25_per_kind = max(opts.bm25_per_kind, 1)  # the targets compare with it
    return opts


def main(argv: list[str] | None = None) -> Path:
    """Run the benchmark, print the table and write the result JSON; return its path."""
    opts = parse_args(argv)
    result = run(opts)
    opts.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = opts.out / f"{stamp}-{max(opts.sizes)}.json"
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(table.format_table(result))
    print(f"\nresults: {path}")
    return path


if __name__ == "__main__":
    main()
