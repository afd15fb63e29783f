"""Small talk: "thanks!", "hi", "ok" get a short friendly reply, never a search for "thank"."""
from __future__ import annotations

import functools
import unicodedata

from bot.conversation.words import phrases, tokens, vocabulary

# When a message mixes kinds ("ok thanks", "hi, thanks"), the reply answers the one listed first.
KINDS = ("thanks", "greeting", "bye", "ack")


@functools.cache
def _phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    talk = vocabulary()["small_talk"]
    found = [(p, kind) for kind in KINDS for p in phrases(talk[kind]["phrases"])]
    found += [(p, "") for p in phrases(talk["fillers"])]
    return tuple(sorted(found, key=lambda item: len(item[0]), reverse=True))


def small_talk(text: str) -> str | None:
    """Return the kind of small talk ``text`` is ("thanks", "greeting", "bye", "ack"), or None.

    A message is small talk only when every word of it is: "thanks, what did Merz say?" is a
    question. A message of emoji alone ("👍", "🙏🙏") is an acknowledgement.
    """
    words = tokens(text)
    if not words:
        return "ack" if any(unicodedata.category(c) == "So" for c in text) else None
    kinds: set[str] = set()
    at = 0
    while at < len(words):
        match = next(((p, k) for p, k in _phrases() if tuple(words[at:at + len(p)]) == p), None)
        if match is None:
            return None
        at += len(match[0])
        kinds.add(match[1])
    return next((kind for kind in KINDS if kind in kinds), None)


def small_talk_reply(kind: str, *, language: str = "en") -> str:
    """Return the bot's short reply to small talk of ``kind`` in ``language`` ("en" or "uk")."""
    replies = vocabulary()["small_talk"][kind]["reply"]
    return str(replies.get(language, replies["en"]))
