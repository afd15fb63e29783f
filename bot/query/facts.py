"""Attach the store's structured facts to ranked sentences, and let them lift the ranking."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from bot.query.names import NameTerms
from bot.query.parse import Query
from bot.query.rank import Scored
from bot.query.retrieve import Retriever

# The fact table that answers each intent.
INTENT_TABLE = {"attendance": "attendances", "statement": "statements", "commitment": "commitments",
                "agreement": "agreements"}
_TYPE = {"attendances": "attendance", "statements": "statement", "commitments": "commitment",
         "agreements": "agreement"}
_TOP_DOCS = 6


@dataclass
class Facts:
    """Facts by sentence, and the attendance lists of the best documents."""

    by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    attendees: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # doc_id -> rows


def top_docs(ranked: list[Scored], limit: int = _TOP_DOCS) -> list[str]:
    """Return the ids of the documents of the best sentences, best first."""
    found: dict[str, None] = {}
    for s in ranked:  # the first few: a ranking holds a hundred sentences
        if len(found) >= limit:
            break
        found[s.hit.doc_id] = None
    return list(found)


def collect(retriever: Retriever, query: Query, ranked: list[Scored], focus: list[NameTerms]) -> Facts:
    """Load the facts of the best documents, boost sentences that carry matching facts, re-sort."""
    docs = top_docs(ranked)
    found = Facts()
    by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    # The intent's own facts, and statements, whose speakers label any sentence they come from.
    tables = dict.fromkeys(t for t in (INTENT_TABLE.get(query.intent), "statements") if t)
    for table in tables:
        for row in retriever.facts(table, docs):
            row["type"] = _TYPE[table]
            by_sentence[(row["doc_id"], row["sentence"])].append(row)
            if table == "attendances":
                found.attendees.setdefault(row["doc_id"], []).append(row)
    found.by_sentence = dict(by_sentence)
    wanted = _TYPE.get(INTENT_TABLE.get(query.intent, ""), "")
    for item in ranked:
        rows = found.by_sentence.get((item.hit.doc_id, item.hit.idx), [])
        kinds = [r for r in rows if r["type"] == wanted]
        if not kinds:
            continue
        # A fact of the kind asked for lifts its sentence, the more so when it is on the topic.
        share = 0.5 + 0.5 * (item.concepts / len(query.concepts) if query.concepts else 1.0)
        item.score += 1.0 * share
        if focus and any(f.in_fact(r) for f in focus for r in kinds):
            item.score += 1.5 * share
            if not item.names:  # a fact attributed by pronoun or title ("the Head of State said")
                item.names = {f.label for f in focus if any(f.in_fact(r) for r in kinds)}
    ranked.sort(key=lambda s: (-s.score, s.hit.doc_id, s.hit.idx))
    return found
