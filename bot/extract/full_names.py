"""The full names a text writes before a surname ("Lloyd J. Austin III" before "Austin").

What ``re.finditer`` yields for ``\\b(?:(?:[A-Z]\\.|[A-Z][a-z’'-]+)\\s+){1,4}SURNAME`` and an
optional suffix (", Jr.", " III") over ``text[:end]``, found without compiling that pattern: a
pattern per surname cost 0.7 ms to compile, and a store of thousands of people missed any cache
of them in a third of the calls (ingest speed). Each name word of the pattern parses one way only
(a capital with a dot, or a capital and its lower-case run, then all the spaces), so the words
before each place the surname occurs are read backwards from it, and each possible start is tried
as the pattern would: leftmost first, the most words (of at most four) that reach the surname,
no two matches overlapping.
"""
from __future__ import annotations

import re
import string

MAX_WORDS = 4
_WORD = re.compile(r"(?:[A-Z]\.|[A-Z][a-z’'-]+)\s+")  # one name word of the pattern, with its spaces
_SUFFIX = re.compile(r",?\s+(?:Jr\.|Sr\.|I{2,3}\b|IV\b)")
_CAPITALS = frozenset(string.ascii_uppercase)
_RUN = frozenset(string.ascii_lowercase + "’'-")


def full_names(text: str, surname: str, end: int) -> list[str]:
    """Return, in order, each run of one to four name words and ``surname`` in ``text[:end]``."""
    starts = sorted({s for at in _occurrences(text, surname, end) for s in _starts_before(text, at)})
    found: list[str] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue  # inside the previous match: the pattern goes on after it
        stop = _match_at(text, start, surname, end)
        if stop is not None:
            found.append(text[start:stop])
            pos = stop
    return found


def _occurrences(text: str, surname: str, end: int) -> list[int]:
    out, at = [], text.find(surname, 0, end)
    while at >= 0:
        out.append(at)
        at = text.find(surname, at + 1, end)
    return out


def _starts_before(text: str, at: int) -> list[int]:
    """Return where one to four name words ending right at ``at`` begin (on a word boundary)."""
    starts: list[int] = []
    stop = at
    while len(starts) < MAX_WORDS:
        space = stop
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if space == stop or space == 0:
            break
        if text[space - 1] == ".":  # an initial: "J."
            first = space - 2
        else:
            first = space
            while first > 0 and text[first - 1] in _RUN:
                first -= 1
            if first == space:
                break
            first -= 1
        if first < 0 or text[first] not in _CAPITALS:
            break
        starts.append(first)
        stop = first
    # \b before the first word: no letter, digit or underscore right before it.
    return [s for s in starts if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_")]


def _match_at(text: str, start: int, surname: str, end: int) -> int | None:
    """Return where the pattern's match starting at ``start`` ends, or None."""
    ends: list[int] = []
    pos = start
    while len(ends) < MAX_WORDS and (word := _WORD.match(text, pos, end)):
        pos = word.end()
        ends.append(pos)
    for after in reversed(ends):  # the most words first, as the greedy repeat backtracks
        if text.startswith(surname, after, end):
            tail = after + len(surname)
            suffix = _SUFFIX.match(text, tail, end)
            return suffix.end() if suffix else tail
    return None
