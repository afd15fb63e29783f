"""The benchmark's tables: the console table of a run and a Markdown summary for the READMEs."""
from __future__ import annotations

import math
from typing import Any

_NAN: dict[str, float] = {}


def _get(table: dict[str, dict[str, float]], label: str, key: str) -> float:
    return table.get(label, _NAN).get(key, math.nan)


def format_table(result: dict[str, Any]) -> str:
    """Return the human-readable table of one benchmark run."""
    lines = [format_size(size) for size in result["sizes"]]
    if result.get("growth"):
        g = result["growth"]
        lines.append(f"\nlatency growth {g['from']} -> {g['to']} docs (p95, warm): " + ", ".join(
            f"{label} {v['p95']:.2f}x" for label, v in g["labels"].items()))
    lines.append("\ntargets at the largest size:")
    for name, t in result["targets"].items():
        lines.append(f"  {name:<22} target {t['target']:>7g}  measured {t['measured']:9.2f}  "
                     f"{'met' if t['met'] else 'MISSED'}")
    return "\n".join(lines)


def _ingest_line(ingest: dict[str, Any]) -> str:
    if ingest["docs"]:
        where = " on a copy of the reused store" if ingest.get("on_copy") else ""
        return (f"ingest {ingest['docs_per_s']:.0f} docs/s ({ingest['docs_per_cpu_s']:.0f} "
                f"per CPU-second, {ingest['docs']} timed{where})")
    if "reused" in ingest:
        return f"store reused from {ingest['reused']}"
    return "ingest not timed"  # --ingest-sample 0: every document went through the pool


def format_size(size: dict[str, Any]) -> str:
    """Return the table of one size: a summary line, then latencies per label and regime."""
    project, cold = size["project"], size["cold_start"]
    lines = [
        f"\n== {size['docs']} documents (load average {size['load_average'][0]:.1f}): "
        f"{_ingest_line(size['ingest'])}, db {size['db_bytes_per_doc'] / 1024:.1f} KB/doc, answering "
        f"RSS {project['warm']['rss_mb']:.0f} MB, cold start {cold['median_ms']:.0f} ms "
        f"({cold['cpu_median_ms']:.0f} ms CPU), first answer {project['warm']['first_ms']:.0f} ms",
        "ms; warm: one process, caches kept; write: another connection commits before each "
        "question (one in five a document save); cold: a fresh process per question",
        f"{'question':<18}{'n':>4} |{'warm p50':>9}{'p95':>6}{'p99':>6}{'max':>6}{'cpu95':>6}{'hit':>5} |"
        f"{'write p95':>10}{'p99':>6}{'max':>6}{'cpu95':>6} |{'cold p95':>9}{'max':>6} |"
        f"{'bm25 p95':>9}{'hit':>5}{'x':>6}" + (f" |{'scan p95':>9}{'x':>6}" if "scan" in size else ""),
    ]
    warm, write, cold_t = (project[r]["latency"] for r in ("warm", "write", "cold"))
    bm25, scan = size["bm25"]["latency"], size.get("scan", {}).get("latency", {})
    for label, row in warm.items():
        lines.append(
            f"{label:<18}{row['n']:4.0f} |{row['p50']:9.1f}{row['p95']:6.1f}{row['p99']:6.1f}"
            f"{row['max']:6.1f}{row['cpu_p95']:6.1f}{row['hit']:5.0%} |"
            f"{_get(write, label, 'p95'):10.1f}{_get(write, label, 'p99'):6.1f}"
            f"{_get(write, label, 'max'):6.1f}{_get(write, label, 'cpu_p95'):6.1f} |"
            f"{_get(cold_t, label, 'p95'):9.1f}"
            f"{_get(cold_t, label, 'max'):6.1f} |{_get(bm25, label, 'p95'):9.1f}"
            f"{_get(bm25, label, 'hit'):5.0%}{_get(size['ratios']['bm25'], label, 'p95'):6.1f}"
            + (f" |{_get(scan, label, 'p95'):9.0f}{_get(size['ratios']['scan'], label, 'p95'):6.0f}"
               if scan else ""))
    return "\n".join(lines)


def format_markdown(result: dict[str, Any]) -> str:
    """Return a Markdown summary of a run: each label at the largest size, then the targets."""
    first, last = result["sizes"][0], result["sizes"][-1]
    growth = result.get("growth", {}).get("labels", {})
    warm, write, cold = (last["project"][r]["latency"] for r in ("warm", "write", "cold"))
    bm25, x = last["bm25"]["latency"], last["ratios"]["bm25"]
    lines = [f"| question ({last['docs']:,} docs) | warm p50 | p95 | p99 | max | CPU p95 "
             f"| after a write p95 | p99 | max | cold p95 | max | BM25 p95 | x faster (p95) "
             f"| p95 growth {first['docs']:,} -> {last['docs']:,} | hit (warm) |",
             "|---|" + "---:|" * 14]
    for label, row in warm.items():
        cells = [row["p50"], row["p95"], row["p99"], row["max"], row["cpu_p95"],
                 _get(write, label, "p95"), _get(write, label, "p99"), _get(write, label, "max"),
                 _get(cold, label, "p95"), _get(cold, label, "max"), _get(bm25, label, "p95")]
        lines.append(f"| {label} | " + " | ".join(f"{c:.1f}" for c in cells)
                     + f" | {_get(x, label, 'p95'):.0f} | {_get(growth, label, 'p95'):.1f} "
                     f"| {row['hit']:.0%} |")
    lines += ["", "| target | limit | measured | met |", "|---|---:|---:|---|"]
    lines += [f"| {name} | {t['target']:g} | {t['measured']:.1f} | {'yes' if t['met'] else 'no'} |"
              for name, t in result["targets"].items()]
    return "\n".join(lines)


def format_sizes(result: dict[str, Any]) -> str:
    """Return one Markdown row per size: worst label per regime, the peer, ingest and memory."""
    lines = ["| documents | p95, worst kind: warm | after a write | cold | BM25 peer p95 (all) "
             "| x faster: all (worst kind) | ingest docs/s (per CPU-s) | answering RSS | cold start |",
             "|---|" + "---:|" * 8]
    for size in result["sizes"]:
        project, ingest = size["project"], size["ingest"]
        worst = [max((v["p95"], k) for k, v in project[r]["latency"].items() if k != "all")
                 for r in ("warm", "write", "cold")]
        x = min((v["p95"], k) for k, v in size["ratios"]["bm25"].items() if k != "all")
        ingested = (f"{ingest['docs_per_s']:.0f} ({ingest['docs_per_cpu_s']:.0f})" if ingest["docs"]
                    else "not timed")
        lines.append(f"| {size['docs']:,} | " + " | ".join(f"{ms:.1f} ms ({label})" for ms, label in worst)
                     + f" | {size['bm25']['latency']['all']['p95']:.0f} ms "
                     f"| {size['ratios']['bm25']['all']['p95']:.1f}x ({x[0]:.1f}x {x[1]}) "
                     f"| {ingested} | {project['warm']['rss_mb']:.0f} MB "
                     f"| {size['cold_start']['median_ms']:.0f} ms |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m bench.table bench/results/<run>.json
    import json
    import sys
    from pathlib import Path

    run = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(format_sizes(run), format_markdown(run), sep="\n\n")
