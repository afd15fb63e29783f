"""A separate process that answers the benchmark questions and reports timings and peak memory.

``python -m bench.answerer --db DB --engine project|bm25|scan --regime warm|write|cold FILE``
prints one JSON object: start-up time, the first answer's time (index loading lands there), one
sample per question, and the process's peak resident memory (VmHWM). The regimes:

- ``warm``: one process answers every question in turn, its caches kept between questions;
- ``write``: the same, but before each question another connection writes, as a bot whose
  feeds are polled between questions does: one write in ``--document-every`` saves one of the
  store's documents again with a sentence added, the others record a feed poll;
- ``cold``: a fresh process per question, which opens the store and answers that one question.
  It is forked from a process that has imported the modules and loaded the gazetteer (by
  answering on an empty in-memory store), like a bot just restarted; the process start itself
  is the cold start that ``bench.run`` measures with ``pledgebot ask``.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import os
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.questions import Question, is_hit

Ask = Callable[[str], tuple[bool, str]]
REGIMES = ("warm", "write", "cold")


def open_engine(engine: str, db: str) -> Ask:
    """Return a function answering one question with the project's engine or a peer."""
    if engine in ("bm25", "scan"):
        from bench.baseline import Bm25, Scan

        return (Bm25 if engine == "bm25" else Scan)(db).answer
    from bot.ask import answer_question
    from bot.wiring import open_store

    store = open_store(db)

    def ask(question: str) -> tuple[bool, str]:
        reply = answer_question(question, store=store)
        return reply.found, reply.text

    return ask


def timed(ask: Ask, q: Question) -> dict[str, Any]:
    """Answer one question and return its sample: wall-clock and CPU latency, found, hit.

    CPU time is kept because other work on the machine inflates wall-clock time.
    """
    start, cpu = time.perf_counter(), time.process_time()
    found, text = ask(q.text)
    ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    return {"label": q.label, "ms": ms, "cpu_ms": cpu_ms, "found": found,
            "hit": is_hit(q, found=found, text=text)}


def measure(ask: Ask, questions: list[Question], *, budget_s: float = math.inf,
            before: Callable[[], None] | None = None) -> list[dict[str, Any]]:
    """Answer each question once (until the time budget runs out) and return the samples.

    ``before`` runs ahead of each question, untimed (the write regime's write).
    """
    samples: list[dict[str, Any]] = []
    deadline = time.perf_counter() + budget_s
    for q in questions:
        if time.perf_counter() > deadline:
            break
        if before:
            before()
        samples.append(timed(ask, q))
    return samples


def store_writer(db: str, *, document_every: int = 5, seed: int = 7) -> Callable[[], None]:
    """Return a function that writes to the store through its own connection, as a bot's feeds do.

    Every ``document_every``-th write saves one of the store's documents again, one sentence
    longer, through the real pipeline (extraction, tracking, hooks): new sentence ids and
    full-text entries, and the store keeps its size. The other writes record a feed poll that
    found nothing new, the bot's most frequent write. Either is a commit the answering
    connection sees: a poll changes no document and the engine keeps its caches; a save makes
    it forget what that document can have changed.
    """
    from bench.generator import generate_document
    from bot.feeds.store import add_feed, list_feeds, record_success
    from bot.ingest.pipeline import ingest_document
    from bot.wiring import open_store

    store = open_store(db)
    docs = store.db.execute("select count(*) from documents").fetchone()[0]
    add_feed(store.db, url="https://bench.example/feed.xml")
    feed = next(f for f in list_feeds(store.db) if f.url == "https://bench.example/feed.xml")
    rng, count = random.Random(f"{seed}:writes"), iter(range(1, 1 << 30))

    def write() -> None:
        k = next(count)
        if k % document_every:
            record_success(store.db, feed, title=None, etag=f"v{k}", last_modified=None,
                           now=dt.datetime.now(dt.UTC))
            return
        doc = generate_document(rng.randrange(docs), seed=seed).doc
        line = f"\nThe delegations agreed to meet again within {k} weeks."
        saved = dataclasses.replace(doc, text=doc.text + line)
        days = 0
        while store.is_unchanged(saved):
            # An earlier run on this (reused) store saved this very line: the same seed draws the
            # same documents. Saved again unchanged, it would commit nothing and measure a poll.
            days += 1
            saved = dataclasses.replace(doc, text=f"{doc.text}{line[:-1]} and {days} days.")
        ingest_document(store, saved)

    return write


def measure_cold(engine: str, db: str, questions: list[Question], *,
                 budget_s: float = math.inf) -> list[dict[str, Any]]:
    """Answer each question in a fresh forked process that opens the engine first."""
    # Each child starts as a bot does after a restart: its modules imported and its gazetteer
    # loaded (what `pledgebot ask`'s cold start measures), nothing read from the store yet.
    # An answer on an empty in-memory store does that once here, before the children fork.
    open_engine(engine, ":memory:")("who attended from Finland?")
    samples: list[dict[str, Any]] = []
    deadline = time.perf_counter() + budget_s
    for q in questions:
        if time.perf_counter() > deadline:
            break
        samples.append(_in_child(lambda q=q: _first_answer(engine, db, q)))
    return samples


def _first_answer(engine: str, db: str, q: Question) -> dict[str, Any]:
    start = time.perf_counter()
    ask = open_engine(engine, db)
    return {**timed(ask, q), "open_ms": (time.perf_counter() - start) * 1000}


def _in_child(work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``work`` in a forked child and return the JSON it sends back through a pipe."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, send, leave without running the parent's clean-up
        os.close(read)
        try:
            os.write(write, json.dumps(work()).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    if not data:
        raise RuntimeError("a cold answering process failed")
    result: dict[str, Any] = json.loads(data)
    return result


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB (VmHWM, else ru_maxrss)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    """Answer the questions of a JSON file and print the measurements as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--engine", choices=("project", "bm25", "scan"), default="project")
    parser.add_argument("--regime", choices=REGIMES, default="warm")
    parser.add_argument("--budget-s", type=float, default=math.inf,
                        help="stop asking after this many seconds (questions come in balanced rounds)")
    parser.add_argument("--document-every", type=int, default=5,
                        help="in the write regime, every N-th write saves a document (others: a feed poll)")
    args = parser.parse_args(argv)
    questions = [Question(**{**q, "expect": tuple(q["expect"])})
                 for q in json.loads(args.questions.read_text(encoding="utf-8"))]
    if args.regime == "cold":
        samples = measure_cold(args.engine, args.db, questions, budget_s=args.budget_s)
        startup_ms = first = None
    else:
        start = time.perf_counter()
        ask: Ask = open_engine(args.engine, args.db)
        startup_ms = (time.perf_counter() - start) * 1000
        first = measure(ask, questions[:1])[0]["ms"]
        before = (store_writer(args.db, document_every=args.document_every)
                  if args.regime == "write" else None)
        samples = measure(ask, questions, budget_s=args.budget_s, before=before)
    json.dump({"engine": args.engine, "regime": args.regime, "startup_ms": startup_ms,
               "first_ms": first, "asked": len(samples), "of": len(questions),
               "samples": samples, "rss_mb": peak_rss_mb()}, sys.stdout)


if __name__ == "__main__":
    main()
