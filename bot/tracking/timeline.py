"""Read commitments back as threads: one promise, its dated and sourced mentions, its status."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from bot.entities.listed import named_actors
from bot.lines.normalize import NOT_ASSESSED, OFF_LADDER, actor_label, fold, stage_rank
from storage.sql import marks, rows

# Commitments and the status sentences linked to them, as one stream of timeline events; a
# status mention gets a negative id so that it never collides with a commitment's.
_EVENT_SQL = """
select * from (
  select l.commitment_id, l.parent_id, l.actor_key, l.date, l.stage, l.terms, l.doc_id, c.actor,
         c.action, c.kind, c.amount, c.sentence, s.text as evidence, d.title, d.publisher,
         d.published, d.url, ms.cluster_id
  from commitment_links l
  join commitments c on c.id = l.commitment_id
  join documents d on d.id = l.doc_id
  left join sentences s on s.doc_id = l.doc_id and s.idx = c.sentence
  left join meeting_sources ms on ms.doc_id = l.doc_id
  where {where}
  union all
  select -l.id, l.parent_id, l.actor_key, l.date, l.stage, l.terms, l.doc_id, null, s.text, 'status',
         null, l.sentence, s.text, d.title, d.publisher, d.published, d.url, ms.cluster_id
  from status_mentions l
  join documents d on d.id = l.doc_id
  left join sentences s on s.doc_id = l.doc_id and s.idx = l.sentence
  left join meeting_sources ms on ms.doc_id = l.doc_id
  where l.parent_id is not null and {where}
)
order by date, commitment_id < 0, abs(commitment_id)
"""


@dataclass(frozen=True)
class Thread:
    """One promise of one actor with every mention of it, oldest first."""

    root_id: int
    actor_key: str
    events: tuple[dict[str, Any], ...]

    @property
    def actor(self) -> str:
        """Return the actor's readable name (as written when it is no known entity)."""
        if self.actor_key.startswith("actor:") and self.events[0]["actor"]:
            return str(self.events[0]["actor"])
        return actor_label(self.actor_key)

    @property
    def action(self) -> str:
        """Return what was promised, in the words of its first mention."""
        return str(self.events[0]["action"])

    @property
    def first_date(self) -> str | None:
        """Return the date of the first mention."""
        return _date(self.events[0])

    @property
    def last_date(self) -> str | None:
        """Return the date of the latest mention."""
        return _date(self.events[-1])

    @property
    def assessed(self) -> bool:
        """Return whether any source reported on the promise after it was made."""
        return any(e["date"] and e["date"] > (self.first_date or "") for e in self.events[1:]) or (
            self.events[-1]["stage"] in (*OFF_LADDER, "delivered"))

    @property
    def stage(self) -> str:
        """Return the furthest stage reached, or the latest off-ladder stage ("stalled")."""
        latest = self.events[-1]["stage"]
        if latest in OFF_LADDER:
            return str(latest)
        since = [e for e in self.events if e["stage"] not in OFF_LADDER]
        return str(max(since, key=lambda e: stage_rank(e["stage"]))["stage"])

    @property
    def status(self) -> str:
        """Return the stage, or "not yet assessed" while no later source said more."""
        return self.stage if self.assessed else NOT_ASSESSED

    @property
    def sources(self) -> int:
        """Return how many documents mention the promise."""
        return len({e["doc_id"] for e in self.events})

    def days_since_update(self, today: dt.date) -> int | None:
        """Return how many days passed between the latest mention and ``today``."""
        try:
            return (today - dt.date.fromisoformat(str(self.last_date)[:10])).days
        except ValueError:
            return None


def _date(event: dict[str, Any]) -> str | None:
    return str(event["date"]) if event["date"] else None


def events(db: Database, where: str, params: Iterable[Any]) -> list[dict[str, Any]]:
    """Return timeline events (one per commitment mention) matching a SQL condition on ``l``."""
    values = list(params)
    return rows(db, _EVENT_SQL.format(where=where), [*values, *values])


def threads_of(rows: list[dict[str, Any]]) -> list[Thread]:
    """Group events into threads by following parent links to their root."""
    parent = {r["commitment_id"]: r["parent_id"] for r in rows}

    def root(cid: int) -> int:
        seen = set()
        while parent.get(cid) is not None and parent[cid] in parent and cid not in seen:
            seen.add(cid)
            cid = parent[cid]
        return cid

    groups: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(root(row["commitment_id"]), []).append(row)
    return [Thread(root_id=rid, actor_key=evs[0]["actor_key"], events=tuple(evs))
            for rid, evs in groups.items()]


def actor_threads(db: Database, keys: Iterable[str]) -> list[Thread]:
    """Return every thread of the actors ``keys``, latest update first."""
    keys = list(keys)
    if not keys:
        return []
    rows = events(db, f"l.actor_key in ({marks(keys)})", keys)
    return sorted(threads_of(rows), key=lambda t: (t.last_date or "", t.root_id), reverse=True)


def actor_keys_for(db: Database, name: str) -> list[str]:
    """Return the actor keys stored for a country, organisation or person called ``name``.

    A party named inside a joint actor ("Ukraine and France", "France, the United Kingdom and
    Ukraine") is one of its actors: those keys are returned too, after the party's own.
    """
    wanted = [f"{kind}:{name}" for kind in ("country", "org", "person")]
    found = db.execute(
        f"select distinct actor_key from commitment_links where actor_key in ({', '.join('?' * 3)})",
        wanted).fetchall()
    return [r[0] for r in found] + _joint_keys(db, name)


def _joint_keys(db: Database, name: str) -> list[str]:
    # The key holds the folded actor text: a LIKE narrows the candidates, the entity index decides.
    rows = db.execute("select distinct actor_key from commitment_links where actor_key like ? "
                      "and actor_key like 'actor:%'", [f"%{fold(name)}%"]).fetchall()
    return [r[0] for r in rows if name in named_actors(actor_label(r[0]))]
