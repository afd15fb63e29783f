"""The conversation vocabulary of data/chat/conversation.json, read once."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

CONVERSATION_FILE = Path(__file__).resolve().parents[2] / "data" / "chat" / "conversation.json"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@functools.cache
def vocabulary() -> dict[str, Any]:
    """Return the parsed conversation file."""
    found: dict[str, Any] = json.loads(CONVERSATION_FILE.read_text(encoding="utf-8"))
    return found


def tokens(text: str) -> list[str]:
    """Return the case-folded words of ``text``, without punctuation and emoji."""
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def phrases(values: list[str]) -> list[tuple[str, ...]]:
    """Return phrases as word tuples, the longest first (so "good morning" wins over "good")."""
    return sorted({tuple(tokens(v)) for v in values if tokens(v)}, key=len, reverse=True)
