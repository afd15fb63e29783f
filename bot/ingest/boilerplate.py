"""Mark the sentences of a page that are no facts: title, bylines, "Source:" lines, headings.

Pages come with furniture around their report (the headline repeated as line one, "By ..."
bylines, "Source: ..." and "Read more" lines, markdown headers, a lone date, photo credits) and
sometimes a note about the text itself ("Summary written for ... in its own words"). Extraction
still reads them (a headline may name the meeting); answers never show them. The cue words are
data (``data/ingest/boilerplate.json``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.resources import read_data_json
from storage.records import Extraction

_MARKS = re.compile(r"^[\s#>*•\-–—|]+")  # markdown headers, quotes and bullets before the words
_LONE_DATE = re.compile(r"[\w\s,./:-]{0,12}\d{1,4}[\s./-]+\w+[\s./-]+\d{2,4}[\s,\w:]{0,12}")


@lru_cache(maxsize=1)
def _cues() -> tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    data = read_data_json("ingest", "boilerplate.json")
    return int(data["short"]), tuple(data["starts"]), tuple(data["bylines"]), tuple(data["contains"])


def is_boilerplate(text: str, *, title: str | None = None) -> bool:
    """Tell whether one sentence is page furniture or a note about the text, not a fact."""
    short, starts, bylines, contains = _cues()
    stripped = text.strip()
    if stripped.startswith("#"):
        return True  # a markdown header
    words = _MARKS.sub("", stripped).casefold()
    if title and _folded(words) == _folded_title(title):
        return True  # the headline, repeated as the first line
    if words.startswith(starts):
        return True
    if len(words) > short:
        return False
    if words.startswith(bylines) and not words.rstrip().endswith((".", "!", "?")):
        return True  # "By Mari Tamm, Baltic Desk"; "By March, Norway had ..." is a sentence
    return bool(_LONE_DATE.fullmatch(words)) or any(c in words for c in contains)


def mark(extraction: Extraction, *, title: str | None) -> Extraction:
    """Return the extraction with its boilerplate sentences marked."""
    sentences = tuple(replace(s, boilerplate=True) if is_boilerplate(s.text, title=title) else s
                      for s in extraction.sentences)
    return replace(extraction, sentences=sentences)


_PUNCTUATION = re.compile(r"[^\w\s]")


def _folded(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


# Every sentence of a document is compared with the same title: it is folded once.
_folded_title = lru_cache(maxsize=64)(_folded)

