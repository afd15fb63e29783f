"""A separate process that answers the benchmark questions and reports timings and peak memory.

``python -m bench.answerer --db DB --engine project|baseline QUESTIONS_JSON`` prints one JSON
object: start-up time, the first answer's time (index loading lands there), one sample per
question, and the process's peak resident memory (VmHWM).
"""
from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.questions import Question, is_hit

Ask = Callable[[str], tuple[bool, str]]


def open_engine(engine: str, db: str) -> Ask:
    """Return a function answering one question with the project's engine or the baseline."""
    if engine == "baseline":
        from bench.baseline import Baseline

        return Baseline(db).answer
    from bot.ask import answer_question
    from bot.wiring import open_store

    store = open_store(db)

    def ask(question: str) -> tuple[bool, str]:
        reply = answer_question(question, store=store)
        return reply.found, reply.text

    return ask


def measure(ask: Ask, questions: list[Question], *, budget_s: float = math.inf) -> list[dict[str, Any]]:
    """Answer each question once (until the time budget runs out) and return the samples.

    Each sample has the wall-clock and CPU latency, whether something was found, and whether
    the answer is the expected one. CPU time is kept because other work on the machine
    inflates wall-clock time.
    """
    samples: list[dict[str, Any]] = []
    deadline = time.perf_counter() + budget_s
    for q in questions:
        if time.perf_counter() > deadline:
            break
        start, cpu = time.perf_counter(), time.process_time()
        found, text = ask(q.text)
        ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        samples.append({"label": q.label, "ms": ms, "cpu_ms": cpu_ms, "found": found,
                        "hit": is_hit(q, found=found, text=text)})
    return samples


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
    parser.add_argument("--engine", choices=("project", "baseline"), default="project")
    parser.add_argument("--budget-s", type=float, default=math.inf,
                        help="stop asking after this many seconds (questions come in balanced rounds)")
    args = parser.parse_args(argv)
    questions = [Question(**{**q, "expect": tuple(q["expect"])})
                 for q in json.loads(args.questions.read_text(encoding="utf-8"))]
    start = time.perf_counter()
    ask = open_engine(args.engine, args.db)
    startup_ms = (time.perf_counter() - start) * 1000
    first = measure(ask, questions[:1])[0]["ms"]
    samples = measure(ask, questions, budget_s=args.budget_s)
    json.dump({"engine": args.engine, "startup_ms": startup_ms, "first_ms": first,
               "asked": len(samples), "of": len(questions), "samples": samples,
               "rss_mb": peak_rss_mb()}, sys.stdout)


if __name__ == "__main__":
    main()
