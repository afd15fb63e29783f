"""What every extraction rule needs about one document: its sentences, quotes and entity index."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from storage.records import Sentence, SourceDocument

if TYPE_CHECKING:
    from bot.entities import EntityIndex

# Opening and closing marks of a direct quote; straight double quotes pair up in order.
# "MUNICH, Feb 15 (Reuters) -": where and when the report was filed, not a subject or an event.
# A wire report's dateline: "JEDDAH, March 11 (Reuters) -", "KYIV (Reuters) -".
DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯІЇЄҐ][\w .'’-]{1,40}(?:,\s+[^-–—]{3,30}?\s*(?:\([^)]{1,40}\)\s*)?|"
                      r"\s+\([^)]{1,40}\)\s*)[-–—]")
_QUOTES = re.compile(r"“[^“”]*”|«[^«»]*»|\"[^\"\n]*\"|„[^„“”]*[“”]")


@dataclass(frozen=True)
class Found:
    """An entity named in a sentence, with document offsets."""

    kind: str  # person | country | org | place
    name: str  # canonical name
    start: int
    end: int
    text: str
    entity: Any = None


@dataclass
class Context:
    """One document prepared for the extraction rules."""

    doc: SourceDocument
    sentences: tuple[Sentence, ...]
    index: EntityIndex
    language: str
    date: str | None = None  # the meeting date once known, for "the French President" on that day
    meeting_format: str | None = None
    _mentions: dict[int, list[Found]] = field(default_factory=dict)
    cache: dict[tuple[str, int], Any] = field(default_factory=dict)  # per-sentence results

    @property
    def text(self) -> str:
        """Return the document text."""
        return self.doc.text

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Return the (start, end) offsets of direct quotes closed within their paragraph."""
        spans = []
        paras = list(re.finditer(r"[^\n]+", self.text))
        for i, para in enumerate(paras):
            for q in _QUOTES.finditer(para.group()):
                spans.append((para.start() + q.start(), para.start() + q.end()))
            opened = _unclosed(para.group())
            if opened is not None:
                spans.extend(_carried(paras[i + 1:i + 4], para.start() + opened))
        return tuple(spans)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """Tell whether the span lies inside a direct quote."""
        end = start + 1 if end is None else end
        # The quotes opening before ``start`` are a prefix of those sorted by start; the span is
        # in one of them if the furthest any of them reaches is ``end`` or beyond (no scan of
        # every quote per call, which grew with the document's length).
        starts, reach = self._quote_reach
        opened = bisect.bisect_left(starts, start)
        return opened > 0 and reach[opened - 1] >= end

    @cached_property
    def _quote_reach(self) -> tuple[list[int], list[int]]:
        spans = sorted(self.quotes)
        reach = list(itertools.accumulate((e for _, e in spans), max))
        return [s for s, _ in spans], reach

    def paragraph_of(self, offset: int) -> int:
        """Return the number of the paragraph holding ``offset`` (lines are paragraphs)."""
        # Bisect the line breaks found once: counting them in text[:offset] on every call made
        # extraction quadratic in the document's length (a 400 KB document took minutes).
        return bisect.bisect_left(self._breaks, offset)

    @cached_property
    def _breaks(self) -> list[int]:
        return [m.start() for m in re.finditer(r"\n+", self.text)]

    def mentions(self, sentence: Sentence) -> list[Found]:
        """Return the people, countries, organisations and places named in ``sentence``."""
        cached = self._mentions.get(sentence.index)
        if cached is None:
            cached = [
                Found(kind=m.entity.kind, name=m.entity.name, start=sentence.start + m.start,
                      end=sentence.start + m.end, text=m.text, entity=m.entity)
                for m in self.index.find_mentions(sentence.text, fuzzy=False)
            ]
            self._mentions[sentence.index] = cached
        return cached

    @cached_property
    def publisher_country(self) -> str | None:
        """The country whose government site published the document (gov.uk, gov.ua), or None."""
        # Once per document: every "the President" without a country asks (urlparse is slow).
        from urllib.parse import urlparse

        host = urlparse(self.doc.url or "").hostname or ""
        match = re.search(r"(?:^|\.)gov\.([a-z]{2})$|(?:^|\.)gouv\.([a-z]{2})$", host)
        if match:
            return self.index.country((match.group(1) or match.group(2)).upper())
        return "United States" if host.endswith(".gov") else None

    def body_start(self, sentence: Sentence) -> int:
        """Return the document offset where ``sentence`` starts after any dateline."""
        dateline = DATELINE.match(sentence.text)
        return sentence.start + dateline.end() if dateline else sentence.start


def _unclosed(para: str) -> int | None:
    """Return where a quote opens without closing in the paragraph, if one does."""
    if "“" not in para and "«" not in para and '"' not in para:
        return None  # no opening mark at all, as in most paragraphs
    rest = _QUOTES.sub(lambda m: " " * len(m.group()), para)
    found = re.search(r"[“«\"]", rest)
    return found.start() if found else None


def _carried(following: list[re.Match[str]], opened: int) -> list[tuple[int, int]]:
    # A quote over several paragraphs closes in a later one that has an unmatched closing mark.
    for para in following:
        text = para.group()
        first_close = re.search(r"[”»\"]", text)
        first_open = re.search(r"[“«]", text)
        if first_close and (not first_open or first_close.start() < first_open.start()) and \
                (text.count('"') % 2 == 1 or text.count("”") > text.count("“")):
            return [(opened, para.start() + first_close.end())]
    return []
