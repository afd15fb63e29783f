"""Run the benchmark: ``python -m bench.run [--sizes 1000,5000,20000] [--quick]``.

One store grows through every size (document ``i`` is the same at every size), so the 20k
store is the 5k store plus 15k documents. At each size: ingest throughput in this process,
latency per question kind in a separate answering process (with its peak RSS), the baseline
in another process on the same store, database size per document, and the cold start of
``pledgebot ask``. Prints a table and writes ``bench/results/<timestamp>.json``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import report
from bench.generator import generate, pool_size
from bench.questions import make_questions

RESULTS = Path(__file__).resolve().parent / "results"
REPO = Path(__file__).resolve().parent.parent


def ingest_stage(store: Any, *, start: int, stop: int, seed: int) -> dict[str, Any]:
    """Generate documents ``start..stop-1`` and ingest them one by one through the pipeline."""
    from bot.ingest.pipeline import ingest_document

    began = time.perf_counter()
    docs = generate(stop, seed=seed, start=start)
    generated = time.perf_counter()
    for item in docs:
        ingest_document(store, item.doc)
    seconds = time.perf_counter() - generated
    return {"docs": stop - start, "seconds": seconds, "docs_per_s": (stop - start) / max(seconds, 1e-9),
            "generation_s": generated - began}


def store_figures(store: Any, db_path: Path, docs: int) -> dict[str, Any]:
    """Return the database size per document and how many facts of each kind it holds."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))
    tables = ("sentences", "attendances", "statements", "commitments", "agreements")
    facts = {t: store.db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in tables}
    return {"db_bytes": size, "db_bytes_per_doc": size / docs, "facts": facts,
            "people_in_pool": pool_size(docs - 1)}


def answer_in_subprocess(engine: str, db_path: Path, questions_file: Path) -> dict[str, Any]:
    """Run the answering process for one engine and return its timings and peak RSS."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.answerer", str(questions_file), "--db", str(db_path),
         "--engine", engine], cwd=REPO, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise RuntimeError(f"{engine} answering process failed:\n{proc.stderr[-3000:]}")
    raw = json.loads(proc.stdout)
    return {"startup_ms": raw["startup_ms"], "first_ms": raw["first_ms"], "rss_mb": raw["rss_mb"],
            "latency": report.latency_table(raw["samples"])}


def cold_start(db_path: Path, question: str, *, repeats: int) -> dict[str, Any]:
    """Return the wall time of ``pledgebot ask QUESTION`` as a fresh process, median of runs."""
    exe = Path(sys.executable).parent / "pledgebot"
    runs = []
    for _ in range(repeats):
        began = time.perf_counter()
        subprocess.run([str(exe), "ask", question, "--db", str(db_path)], cwd=REPO,
                       capture_output=True, check=True)
        runs.append((time.perf_counter() - began) * 1000)
    return {"median_ms": statistics.median(runs), "runs_ms": runs, "question": question}


def measure_size(store: Any, db_path: Path, docs: int, opts: argparse.Namespace) -> dict[str, Any]:
    """Measure everything at one size, the store already holding ``docs`` documents."""
    questions = make_questions(docs, per_kind=opts.per_kind, seed=opts.seed)
    subset = [q for i, q in enumerate(questions) if i % opts.per_kind < opts.baseline_per_kind]
    work = db_path.parent
    for name, qs in (("project.json", questions), ("baseline.json", subset)):
        (work / name).write_text(json.dumps([q.as_json() for q in qs]), encoding="utf-8")
    project = answer_in_subprocess("project", db_path, work / "project.json")
    baseline = answer_in_subprocess("baseline", db_path, work / "baseline.json")
    return {"docs": docs, **store_figures(store, db_path, docs), "project": project,
            "baseline": baseline, "ratios": report.ratios(project["latency"], baseline["latency"]),
            "cold_start": cold_start(db_path, questions[0].text, repeats=opts.cold_repeats)}


def run(opts: argparse.Namespace) -> dict[str, Any]:
    """Build the store through every size, measuring at each; return the whole result."""
    from bot.cli import open_store

    sizes = sorted(opts.sizes)
    results = []
    with tempfile.TemporaryDirectory(prefix="pledgebot-bench-") as tmp:
        db_path = Path(tmp) / "bench.db"
        store = open_store(str(db_path))
        built = 0
        for docs in sizes:
            ingest = ingest_stage(store, start=built, stop=docs, seed=opts.seed)
            built = docs
            results.append({"ingest": ingest, **measure_size(store, db_path, docs, opts)})
            log(f"{docs} docs measured: ingest {ingest['docs_per_s']:.0f} docs/s")
        store.close()
    return summarise(results, opts)


def summarise(sizes: list[dict[str, Any]], opts: argparse.Namespace) -> dict[str, Any]:
    """Add growth between the smallest and largest size and the targets to the results."""
    grown = report.growth(sizes[0], sizes[-1]) if len(sizes) > 1 else {}
    return {
        "meta": {"timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 "seed": opts.seed, "per_kind": opts.per_kind,
                 "baseline_per_kind": opts.baseline_per_kind, "cpus": os.cpu_count(),
                 "python": platform.python_version(), "commit": _commit()},
        "sizes": sizes,
        "growth": {"from": sizes[0]["docs"], "to": sizes[-1]["docs"], "labels": grown} if grown else {},
        "targets": report.check_targets(sizes[-1], grown),
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
    parser.add_argument("--per-kind", type=int, default=40, help="questions per kind and variant")
    parser.add_argument("--baseline-per-kind", type=int, default=8, help="of those, asked of the baseline")
    parser.add_argument("--cold-repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS, help="directory for the result JSON")
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.sizes, opts.per_kind, opts.baseline_per_kind, opts.cold_repeats = "200,1000", 10, 4, 3
    opts.sizes = [int(s) for s in str(opts.sizes).split(",") if s.strip()]
    opts.baseline_per_kind = min(opts.baseline_per_kind, opts.per_kind)
    return opts


def main(argv: list[str] | None = None) -> Path:
    """Run the benchmark, print the table and write the result JSON; return its path."""
    opts = parse_args(argv)
    result = run(opts)
    opts.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = opts.out / f"{stamp}-{max(opts.sizes)}.json"
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(report.format_table(result))
    print(f"\nresults: {path}")
    return path


if __name__ == "__main__":
    main()
