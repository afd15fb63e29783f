"""The countries and organisations a commitment's actor names: "Latvia and Norway", "leaders of
France, Germany and Poland" commit each of them, so each one's followers hear of it."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def named_actors(actor: str) -> tuple[str, ...]:
    """Return the countries and organisations named in ``actor``, in order, each once."""
    from bot.entities import EntityIndex

    mentions = EntityIndex.default().find_mentions(actor, kinds=("country", "org"))
    return tuple(dict.fromkeys(m.entity.name for m in mentions))
