"""Keep the sentence index in few segments, a save hook.

FTS5 adds a segment to its index at every save and merges them in the background only level by
level, so a store of 5k documents searches 14 segments: every word of every search is looked up
in each (`SELECT pgno FROM ..._idx`, about 200 a question), and a phrase walks each segment's
list of its words. Merged into one segment, the same searches at 5k documents cost about half
as much (whole bench answers 15-20% less CPU at p50 and p95, byte-identical).

The whole index is merged once the sentences saved since the last merge reach a tenth of those
it then held (and at least ``_MIN_NEW``), so the cost of a merge (about 0.3 s at 5k documents,
growing with the store) spreads to a fixed share of each save, like the merges FTS5 does itself.
"""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

_GROWTH = 0.1  # share of the index saved since the last merge that triggers the next one
_MIN_NEW = 5000  # sentences (about 200 documents): a small store is cheap to search anyway


def merge_sentence_index(db: Database, result: Any = None, previous: Any = None) -> None:
    """Merge the sentence index into one segment when enough was saved since the last merge;
    a ``Store.write_hooks`` hook (runs inside the save's transaction)."""
    row = db.execute("select merged_upto from sentence_index_state where id = 1").fetchone()
    if row is None:
        return  # a store from before migration m008
    merged_upto = int(row[0])
    last = int(db.execute("select coalesce(max(id), 0) from sentences").fetchone()[0])
    if last - merged_upto < max(_MIN_NEW, _GROWTH * merged_upto):
        return
    db.execute("insert into sentences_fts (sentences_fts) values ('optimize')")
    db.execute("update sentence_index_state set merged_upto = ? where id = 1", [last])
