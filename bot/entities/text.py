"""Normalisation shared by the gazetteer and the matcher: folding, tokens, Cyrillic stems.

Aliases and texts go through the same ``tokens`` and ``key`` functions, so a phrase matches
when its words fold to the same keys: "Zelenskyy’s" -> "zelenskyy", "Канади" -> "канад".
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Latin letters that Unicode does not decompose into a base letter plus a mark.
_LATIN_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                             "ı": "i", "ħ": "h", "þ": "th", "ð": "d"})
_APOSTROPHES = "'’ʼ`´‘"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP = re.compile(f"[{_APOSTROPHES}{_INVISIBLE}]")
_NON_WORD = re.compile(r"[\W_]+")
# A dotted acronym (U.S., U.K.) or a word that may carry apostrophes and invisible characters.
# Runs of letters are matched by one repeat of one class, the other characters between them: the
# same tokens as a repeated choice per character, found about a third faster.
_TOKEN = re.compile(
    rf"(?:[A-Za-z]\.){{2,}}|[^\W_]+(?:(?:[{_INVISIBLE}]|[{_APOSTROPHES}](?=[^\W_]))[^\W_]*)*"
)
_APOSTROPHE_S = re.compile(f"[{_APOSTROPHES}][sS]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def fold(word: str) -> str:
    """Fold one word: NFKC, casefold, drop accents, apostrophes and invisible characters."""
    if word.isascii():  # the common case, and NFKC/NFD leave ASCII as it is
        return _DROP.sub("", word.lower())
    text = unicodedata.normalize("NFKC", word).casefold().translate(_LATIN_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _DROP.sub("", unicodedata.normalize("NFC", text))


def normalize(text: str) -> str:
    """Return ``text`` casefolded, accent- and punctuation-free, words joined by single spaces."""
    return " ".join(w for w in _NON_WORD.split(fold(text)) if w)


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, surface)`` for each word, a trailing possessive 's left out."""
    words = Words(text)
    for (start, end), surface in zip(words.spans(), words.surfaces, strict=True):
        yield start, end, surface


class Words:
    """The words of a text as ``tokens`` gives them: surfaces at once, offsets when asked.

    The matcher looks at every word of every sentence ingested but needs the offsets only of
    the few that name something; one ``findall`` costs about half of ``finditer`` and its spans.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._matched: list[str] = _TOKEN.findall(text)
        # Most sentences hold no "’s" at all: their words need no look at their endings.
        self.surfaces = [_without_possessive(w) for w in self._matched] \
            if _APOSTROPHE_S.search(text) else self._matched

    def spans(self, upto: int | None = None) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` offsets of each word in the text, or of words 0..upto."""
        # Each word starts at the first letter or digit after the previous match: the regex skips
        # only other characters, so ``find`` from the previous match's end lands on it.
        out, pos = [], 0
        stop = len(self._matched) if upto is None else upto + 1
        for matched, surface in zip(self._matched[:stop], self.surfaces[:stop], strict=True):
            start = self.text.find(matched, pos)
            out.append((start, start + len(surface)))
            pos = start + len(matched)
        return out


def _without_possessive(word: str) -> str:
    if len(word) > 3 and word[-1] in "sS" and word[-2] in _APOSTROPHES:
        return word[:-2]
    return word


def is_cyrillic(word: str) -> bool:
    """Tell whether a word is written in Cyrillic."""
    return bool(_CYRILLIC.search(word))


# Ukrainian case and adjective endings, folded like the words they end, grouped by length.
# "ія"/"ії" are not endings here: "Нігерія" must stay apart from "Нігер" (stem "нігері").
_ENDINGS = {fold(e) for e in (
    "ами", "ями", "ого", "ому", "ими", "іми", "ові", "еві", "єві",  # dative "Макронові"
    "их", "іх", "ій", "ою", "єю", "ею", "ів", "їв",
    "ах", "ях", "ам", "ям", "ом", "ем", "єм", "им", "ий", "ої", "ую", "юю",
    "а", "я", "у", "ю", "і", "ї", "и", "е", "є", "о", "й",
)}
_MIN_STEM = 4


def stem(word: str) -> str:
    """Strip one Ukrainian ending from a folded Cyrillic word, keeping at least 4 letters."""
    word = word.replace("ь", "").replace("ъ", "")
    for size in (3, 2, 1):  # longest ending first
        if len(word) - size >= _MIN_STEM and word[-size:] in _ENDINGS:
            return word[:-size]
    return word


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """Return the matching key of one surface word: folded, and stemmed when Cyrillic."""
    folded = fold(word).replace(".", "")
    return stem(folded) if is_cyrillic(folded) else folded


@lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """Return the matching key of a phrase: the keys of its words joined by spaces."""
    return " ".join(k for _, _, w in tokens(text) if (k := key(w)))
