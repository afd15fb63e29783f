"""Summaries of the raw measurements: percentiles, ratios to the baseline, growth, targets, table."""
from __future__ import annotations

import math
from typing import Any

from bench.questions import KINDS

LABELS = tuple(kind + variant for kind in KINDS for variant in ("", "+typo"))

# The targets, checked at the largest size measured.
# The *_cpu figures apply the same limits to CPU time, which other work on a shared machine
# does not inflate.
TARGETS = {"p95_ms": 10.0, "p95_cpu_ms": 10.0, "x_faster": 20.0, "growth": 3.0,
           "ingest_docs_per_s": 100.0, "ingest_docs_per_cpu_s": 100.0, "rss_mb": 300.0,
           "cold_start_ms": 1000.0, "cold_start_cpu_ms": 1000.0}


def percentile(values: list[float], p: float) -> float:
    """Return the nearest-rank ``p``-th percentile of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def latency_table(samples: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Return n, wall p50/p95/p99 and CPU p50/p95 (ms), found and hit rates per label, plus "all"."""
    table = {}
    for label in (*LABELS, "all"):
        rows = [s for s in samples if label in ("all", s["label"])]
        if not rows:
            continue
        ms, cpu = [s["ms"] for s in rows], [s["cpu_ms"] for s in rows]
        table[label] = {"n": len(rows), "p50": percentile(ms, 50), "p95": percentile(ms, 95),
                        "p99": percentile(ms, 99), "cpu_p50": percentile(cpu, 50),
                        "cpu_p95": percentile(cpu, 95),
                        "found": sum(s["found"] for s in rows) / len(rows),
                        "hit": sum(s["hit"] for s in rows) / len(rows)}
    return table


Table = dict[str, dict[str, float]]


def ratios(project: Table, baseline: Table) -> Table:
    """Return how many times faster the project is than the baseline, per label (p50, p95, CPU p95)."""
    return {label: {p: baseline[label][p] / max(project[label][p], 1e-6) for p in ("p50", "p95", "cpu_p95")}
            for label in project if label in baseline}


def growth(small: dict[str, Any], large: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Return latency at the large size divided by latency at the small size, per label."""
    a, b = small["project"]["latency"], large["project"]["latency"]
    return {label: {p: b[label][p] / max(a[label][p], 1e-6) for p in ("p50", "p95", "cpu_p95")}
            for label in b if label in a}


def check_targets(sizes: list[dict[str, Any]], growth_by_label: Table) -> dict[str, Any]:
    """Return each target with the figure measured at the largest size and whether it is met.

    Ingest comes from the largest size that was ingested in this run (a reused store was not).
    """
    largest = sizes[-1]
    # A run that only re-measures a reused store ingested nothing: it reports no ingest figures.
    ingested = ([s["ingest"] for s in sizes if s["ingest"]["docs"]] or [None])[-1]
    latency = {k: v for k, v in largest["project"]["latency"].items() if k != "all"}
    worst_p95 = max(v["p95"] for v in latency.values())
    worst_ratio = min(v["p95"] for k, v in largest["ratios"].items() if k != "all")
    worst_growth = max((v["p95"] for k, v in growth_by_label.items() if k != "all"), default=1.0)
    measured = {"p95_ms": worst_p95, "p95_cpu_ms": max(v["cpu_p95"] for v in latency.values()),
                "x_faster": worst_ratio, "growth": worst_growth,
                "rss_mb": largest["project"]["rss_mb"], "cold_start_ms": largest["cold_start"]["median_ms"],
                "cold_start_cpu_ms": largest["cold_start"]["cpu_median_ms"]}
    if ingested is not None:
        measured["ingest_docs_per_s"] = ingested["docs_per_s"]
        measured["ingest_docs_per_cpu_s"] = ingested["docs_per_cpu_s"]
    higher_is_better = {"x_faster", "ingest_docs_per_s", "ingest_docs_per_cpu_s"}
    return {name: {"target": target, "measured": measured[name],
                   "met": measured[name] >= target if name in higher_is_better else measured[name] <= target}
            for name, target in TARGETS.items() if name in measured}


def format_table(result: dict[str, Any]) -> str:
    """Return the human-readable table of one benchmark run."""
    lines = [format_size(size) for size in result["sizes"]]
    if result.get("growth"):
        g = result["growth"]
        lines.append(f"\nlatency growth {g['from']} -> {g['to']} docs (p95): " + ", ".join(
            f"{label} {v['p95']:.2f}x" for label, v in g["labels"].items()))
    lines.append("\ntargets at the largest size:")
    for name, t in result["targets"].items():
        lines.append(f"  {name:<18} target {t['target']:>7g}  measured {t['measured']:9.2f}  "
                     f"{'met' if t['met'] else 'MISSED'}")
    return "\n".join(lines)


def format_size(size: dict[str, Any]) -> str:
    """Return the table of one size: a summary line, then latencies per kind of question."""
    lines = []
    ingest, cold = size["ingest"], size["cold_start"]
    if ingest["docs"]:
        ingested = (f"ingest {ingest['docs_per_s']:.0f} docs/s ({ingest['docs_per_cpu_s']:.0f} "
                    f"per CPU-second, {ingest['docs']} timed)")
    elif "reused" in ingest:
        ingested = f"store reused from {ingest['reused']}"
    else:  # --ingest-sample 0: every document went through the pool, none was timed
        ingested = "ingest not timed"
    lines.append(
        f"\n== {size['docs']} documents (load average {size['load_average'][0]:.1f}): {ingested}, "
        f"db {size['db_bytes_per_doc'] / 1024:.1f} KB/doc, answering RSS "
        f"{size['project']['rss_mb']:.0f} MB (baseline {size['baseline']['rss_mb']:.0f} MB), cold start "
        f"{cold['median_ms']:.0f} ms ({cold['cpu_median_ms']:.0f} ms CPU), first answer "
        f"{size['project']['first_ms']:.0f} ms")
    lines.append(f"{'question':<18}{'p50':>8}{'p95':>8}{'p99':>8}{'cpu95':>8}{'hit':>6} | "
                 f"{'base p50':>9}{'base p95':>9}{'hit':>6} | {'x p50':>7}{'x p95':>7}")
    project, base, x = size["project"]["latency"], size["baseline"]["latency"], size["ratios"]
    for label, row in project.items():
        b = base.get(label, {})
        lines.append(
            f"{label:<18}{row['p50']:8.1f}{row['p95']:8.1f}{row['p99']:8.1f}{row['cpu_p95']:8.1f}"
            f"{row['hit']:6.0%} | "
            f"{b.get('p50', math.nan):9.1f}{b.get('p95', math.nan):9.1f}{b.get('hit', math.nan):6.0%} | "
            f"{x.get(label, {}).get('p50', math.nan):7.1f}{x.get(label, {}).get('p95', math.nan):7.1f}")
    return "\n".join(lines)


def format_markdown(result: dict[str, Any]) -> str:
    """Return a short Markdown summary of a run: latency per kind at the largest size, then figures."""
    first, last = result["sizes"][0], result["sizes"][-1]
    growth = result.get("growth", {}).get("labels", {})
    head = (f"| question ({last['docs']:,} docs) | p50 ms | p95 ms | p95 CPU ms | baseline p95 ms "
            f"| x faster (p95) | p95 growth {first['docs']:,} -> {last['docs']:,} |")
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|"]
    for label, row in last["project"]["latency"].items():
        base, x = last["baseline"]["latency"].get(label, {}), last["ratios"].get(label, {})
        grown = growth.get(label, {}).get("p95", math.nan)
        lines.append(f"| {label} | {row['p50']:.0f} | {row['p95']:.0f} | {row['cpu_p95']:.0f} | "
                     f"{base.get('p95', math.nan):.0f} | {x.get('p95', math.nan):.1f} | {grown:.1f} |")
    lines.append("")
    lines.append("| target | limit | measured | met |")
    lines.append("|---|---:|---:|---|")
    lines += [f"| {name} | {t['target']:g} | {t['measured']:.1f} | {'yes' if t['met'] else 'no'} |"
              for name, t in result["targets"].items()]
    return "\n".join(lines)


if __name__ == "__main__":  # python -m bench.report bench/results/<run>.json
    import json
    import sys
    from pathlib import Path

    print(format_markdown(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
