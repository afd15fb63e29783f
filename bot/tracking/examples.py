"""Examples for /scorecard and /status taken from the store the bot runs on, each one tried.

A fixed example ("/status US backstop") fails on a store that never heard of it, and the user
learns nothing. These are built from the tracked commitments themselves, and only an example that
answers (tried through ``try_answer``) is offered.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.lines.debris import is_number_word
from bot.lines.normalize import actor_label
from bot.tracking.timeline import actor_threads

if TYPE_CHECKING:
    from storage.store import Store

CANDIDATES = 8  # actors tried, the most tracked first
TERMS = 2  # words of a promise that name it in an example


def _busy_actors(store: Store) -> list[str]:
    rows = store.db.execute(
        "select actor_key, count(*) n from commitment_links where actor_key like 'country:%' "
        "or actor_key like 'org:%' group by actor_key order by n desc, actor_key limit ?", [CANDIDATES])
    return [r[0] for r in rows.fetchall()]


def scorecard_example(store: Store, *, today: dt.date | None = None) -> str | None:
    """Return "/scorecard <actor>" for an actor whose scorecard answers, or None."""
    from bot.tracking.router import try_answer

    for key in _busy_actors(store):
        name = actor_label(key)
        found = try_answer(f"scorecard of {name}", store, today=today)
        if found is not None and found.found:
            return f"/scorecard {name}"
    return None


def status_example(store: Store, *, today: dt.date | None = None) -> str | None:
    """Return "/status <actor> <words>" that reaches one promise's timeline, or None."""
    from bot.tracking.router import try_answer

    for key in _busy_actors(store):
        for thread in actor_threads(store.db, [key]):
            words = [w for w in (thread.events[0]["terms"] or "").split()
                     if len(w) > 3 and not is_number_word(w)][:TERMS]
            if not words:
                continue
            example = f"{actor_label(key)} {' '.join(words)}"
            found = try_answer(f"status of {example}", store, today=today)
            if found is not None and found.intent == "status" and found.results and (
                    found.results[0]["thread_id"] == thread.root_id):
                return f"/status {example}"
    return None
