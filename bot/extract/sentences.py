"""Split text into sentences with character offsets, keeping quotes that span sentences whole."""
from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import Sentence

# A sentence ends at . ! ? (optionally followed by closing quotes) before whitespace and an
# upper-case letter, a digit or an opening quote; abbreviations like "U.S." and "Mr." do not end one.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"“«'‘(]?[A-ZА-ЯІЇЄҐ0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|St|No|Jr|Sr|vs|etc|Prof|Gov)\.)$"
)


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of ``text``: paragraphs first, then sentence boundaries inside them."""
    index = 0
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group()
        pos = 0
        for boundary in _BOUNDARY.finditer(chunk):
            if _ABBREVIATIONS.search(chunk[pos:boundary.start()]):
                continue
            piece = chunk[pos:boundary.start()]
            if piece.strip():
                yield _sentence(index, start + pos, piece)
                index += 1
            pos = boundary.end()
        piece = chunk[pos:]
        if piece.strip():
            yield _sentence(index, start + pos, piece)
            index += 1


def _sentence(index: int, start: int, piece: str) -> Sentence:
    stripped = piece.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    return Sentence(index=index, start=start + lead, end=start + len(stripped), text=stripped.strip())
