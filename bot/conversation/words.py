"""The conversation vocabulary of data/chat/conversation.json, read once."""
from __future__ import annotations

import functools
import re
from typing import Any

from bot.resources import read_data_json

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@functools.cache
def vocabulary() -> dict[str, Any]:
    """Return the parsed conversation file."""
    found: dict[str, Any] = read_data_json("chat", "conversation.json")
    return found


def tokens(text: str) -> list[str]:
    """Return the case-folded words of ``text``, without punctuation and emoji."""
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def phrases(values: list[str]) -> list[tuple[str, ...]]:
    """Return phrases as word tuples, the longest first (so "good morning" wins over "good")."""
    return sorted({tuple(tokens(v)) for v in values if tokens(v)}, key=len, reverse=True)
