"""How a known entity is found in stored sentences: an FTS5 expression and word variants.

Built from every alias of the entity (Latin and Cyrillic), surnames for people, stems with a
prefix match for inflected forms ("Мерца", "Канади"); short aliases that are also common words
("US", "IT") are left to their dotted or long forms.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.entities import Entity
from bot.query.terms import any_of, folded_tokens, quote, spaced, starting_with, stem

_ARTICLES = frozenset({"the", "a", "an"})
# The columns of a stored fact that hold an entity's id or canonical name, and those that hold
# names as written.
_FACT_IDS = ("person_id", "country", "org", "actor_country", "actor_org", "speaker_country", "speaker_org")
_FACT_NAMES = ("speaker", "actor", "name", "role")
# Aliases that are ordinary words once case is folded away.
_AMBIGUOUS = frozenset("us it in at on an as is be to no or and a i me we he un eu".split())


@dataclass(frozen=True)
class NameTerms:
    """The FTS5 expression and the word variants that find one entity in sentences."""

    label: str
    expr: str | None
    variants: tuple[tuple[str, ...], ...] = ()  # folded words; the last one matches as a prefix
    ids: frozenset[str] = frozenset()  # entity ids (people) and canonical names it stands for
    weight: float = 1.0  # how much naming it matters to an answer (people more than countries)
    _match: _Variants = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_match", _Variants(self.variants))

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """Return a regex for the variants (for highlighting; matching uses ``in_joined``)."""
        return _pattern(self.variants)

    def in_text(self, text: str | None) -> bool:
        """Tell whether ``text`` names the entity."""
        return bool(text) and self.in_joined(text_joined(text or ""))

    def in_joined(self, joined: str) -> bool:
        """Tell whether a text's ``joined`` words (``join_words``) name the entity."""
        return self._match.found_in(joined)

    def beginnings(self) -> frozenset[str] | None:
        """Return what every mention of the entity begins with: the first word of a variant, or
        a prefix of it; None when that cannot be told."""
        return self._match.beginnings

    def first_words(self, vocabulary: Sequence[str]) -> frozenset[str] | None:
        """Return the words of a sorted ``vocabulary`` that can begin a mention of the entity.

        A sentence holding none of them cannot name it (one set test instead of ``in_joined``);
        None when that cannot be told from words alone.
        """
        out: set[str] = set()
        for variant in self.variants:
            word = variant[0]
            if not word.endswith("*"):
                out.add(word)
                continue
            out.update(starting_with(word[:-1], vocabulary))
        return frozenset(out)

    def in_fact(self, row: dict[str, object]) -> bool:
        """Tell whether a stored fact is about the entity (by id, canonical name or its words)."""
        ids = self.ids
        for key in _FACT_IDS:
            value = row.get(key)
            if value and value in ids:
                return True
        for key in _FACT_NAMES:
            text = row.get(key)
            if isinstance(text, str) and self.in_text(text):
                return True
        return any(isinstance(t, str) and self.in_text(t) for t in row.get("parties") or ())  # type: ignore[attr-defined]


def folded_words(text: str) -> tuple[str, ...]:
    """Return the words of ``text`` folded like the FTS5 index folds them (case, accents)."""
    return tuple(folded_tokens(text))


@lru_cache(maxsize=4096)
def text_words(text: str) -> tuple[str, ...]:
    """Return ``folded_words(text)``, cached: one candidate sentence is checked for every name
    and concept of a question."""
    return folded_words(text)


def join_words(words: Sequence[str]) -> str:
    """Return the words between single spaces, with one at each end: " a b c "."""
    return f" {' '.join(words)} "


@lru_cache(maxsize=4096)
def text_joined(text: str) -> str:
    """Return ``join_words(text_words(text))``, cached: a sentence is checked for every name,
    concept and cue of a question."""
    return join_words(text_words(text))


class _Variants:
    """Word variants as needles in a text's joined words: " word " for a whole word, " stem" for
    a prefix, " two words" for a phrase. A substring test is exact for each (words hold no
    spaces) and costs far less than matching word by word (7 us a sentence, now about 2)."""

    __slots__ = ("beginnings", "latin", "needles")

    def __init__(self, variants: Sequence[tuple[str, ...]]) -> None:
        needles = []
        for *head, last in variants:
            if last.endswith("*"):
                needles.append(" " + " ".join([*head, last[:-1]]))
            else:
                needles.append(" " + " ".join([*head, last]) + " ")
        self.needles = tuple(dict.fromkeys(needles))
        # Most sentences are ASCII, and a country's Cyrillic names are half its needles.
        self.latin = tuple(n for n in self.needles if n.isascii())
        firsts = frozenset(n[1:].split(" ")[0] for n in self.needles)
        self.beginnings = None if "" in firsts else firsts

    def found_in(self, joined: str) -> bool:
        """Tell whether a text's joined words hold any variant."""
        for needle in self.latin if joined.isascii() else self.needles:
            if needle in joined:
                return True
        return False


# Words may_name looks for: each is looked for through all the texts (6 us in 10 KB), and
# splitting each text into words instead costs about as much as 40 of them.
_LOOKED_FOR = 40


def may_name(terms: Sequence[NameTerms], texts: Sequence[str]) -> list[bool]:
    """Return per text False when it cannot name any of ``terms``, True when it may.

    A text names an entity only if it holds the first word of one of its variants. Most texts
    are ASCII once curly quotes and dashes are spaces: their folded words are runs of their
    lower-cased text, so all of them are looked through at once as one string, instead of
    splitting each into words (5 us a sentence; a meeting's reports hold hundreds).
    """
    words: set[str] = set()
    for term in terms:
        begins = term.beginnings()
        if begins is None:
            return [True] * len(texts)
        words.update(w for w in begins if w.isascii())  # the others are in no ASCII text
    if len(words) > _LOOKED_FOR:
        return [True] * len(texts)
    out = [True] * len(texts)
    where: list[int] = []  # the position in ``texts`` of each plain text
    starts: list[int] = []  # where each plain text starts in their join
    plain: list[str] = []
    at = 0
    for i, text in enumerate(texts):
        text = text if text.isascii() else spaced(text)
        if text.isascii():  # else folded otherwise (accents, Cyrillic): tested word by word
            out[i] = False
            where.append(i)
            starts.append(at)
            plain.append(text)
            at += len(text) + 1
    whole = "\n".join(plain).lower()  # no word holds "\n"
    for word in words:
        found = whole.find(word)
        while found >= 0:
            n = bisect_right(starts, found) - 1
            out[where[n]] = True
            if n + 1 >= len(starts):
                break
            found = whole.find(word, starts[n + 1])
    return out


@lru_cache(maxsize=512)
def _pattern(variants: tuple[tuple[str, ...], ...]) -> re.Pattern[str] | None:
    bodies = [r"[\W_]+".join([*(re.escape(t) for t in v[:-1]), re.escape(v[-1].rstrip("*")) + r"\w*"])
              for v in variants]
    alternatives = "|".join(sorted(set(bodies), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE) if bodies else None


def _variants(entity: Entity) -> list[list[str]]:
    out = []
    for alias in dict.fromkeys((entity.name, *entity.aliases)):
        toks = text_words(alias)
        while len(toks) > 1 and toks[0] in _ARTICLES:
            toks = toks[1:]  # "the White House": the article adds nothing but cost
        if not toks:
            continue
        if entity.kind == "person" and len(toks) > 1 and len(toks[-1]) >= 4:
            # Surnames: texts name people by surname after the first mention. A short one
            # ("Dar", "Li") is too common a word alone: the full name is searched then.
            toks = toks[-1:]
        if len(toks) == 1 and (toks[0] in _AMBIGUOUS or len(toks[0]) < 2):
            if not (entity.kind == "org" and toks[0] in {"eu", "un"}):
                continue
        out.append(list(toks))
    return out


def _terms(label: str, variants: list[list[str]], ids: frozenset[str], weight: float = 1.0, *,
           exact_latin: bool = False) -> NameTerms:
    """Build terms; a last word ending in "*" matches as a prefix (stems, Ukrainian case endings)."""
    stemmed = []
    for toks in variants:
        *head, last = toks
        if (exact_latin and last.isascii()) or len(last) < 3:
            stemmed.append((*head, last))  # exact words are far cheaper to search than prefixes
        else:
            stemmed.append((*head, (stem(last) if len(last) >= 5 else last) + "*"))
    unique = tuple(dict.fromkeys(stemmed))
    exprs = [" + ".join([*(quote(t) for t in v[:-1]), _last_term(v[-1])]) for v in _searched(unique)]
    return NameTerms(label=label, expr=any_of(list(exprs)), variants=unique, ids=ids, weight=weight)


def _searched(variants: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """Return the variants worth a search: a phrase holding a word that is itself a variant
    ("kingdom of the netherlands" beside "netherlands") finds no sentence the word does not.

    Such phrases are costly: FTS5 reads the positions of "of" and "the" in every sentence.
    """
    singles = {v[0] for v in variants if len(v) == 1}
    prefixes = {w[:-1] for w in singles if w.endswith("*")}

    def covered(word: str, *, other_than: str = "") -> bool:
        # A prefix covers the words and the longer prefixes it starts ("британ"* -> "британськ"*).
        return any(word.rstrip("*").startswith(p) for p in prefixes if p + "*" != other_than)

    def redundant(variant: tuple[str, ...]) -> bool:
        if len(variant) == 1:
            return covered(variant[0], other_than=variant[0])
        return any(w in singles or covered(w) for w in variant)

    return [v for v in variants if not redundant(v)]


def _last_term(word: str) -> str:
    """Return the FTS5 term of a variant's last word: a prefix query when it ends in "*"."""
    return quote(word.rstrip("*")) + ("*" if word.endswith("*") else "")


def name_terms(entity: Entity, *, label: str | None = None) -> NameTerms:
    """Return how to find ``entity`` in sentences."""
    return _terms(label or entity.name, _variants(entity), frozenset({entity.id, entity.name}),
                  1.5 if entity.kind == "person" else 1.0, exact_latin=True)


def word_terms(words: list[str], *, label: str) -> NameTerms:
    """Return how to find plain words (a place as written, an unknown name) in sentences."""
    toks = [t for w in words for t in text_words(w)]
    while len(toks) > 1 and toks[0] in _ARTICLES:
        toks = toks[1:]
    return _terms(label, [toks] if toks else [], frozenset())


def combine(parts: list[NameTerms], *, label: str) -> NameTerms:
    """Return terms that find any of ``parts`` (the holders of one office, say)."""
    variants = tuple(dict.fromkeys(v for p in parts for v in p.variants))
    # A country with its officials stays a country: its ids and weight, not theirs.
    own = bool(parts) and label in parts[0].ids
    ids = parts[0].ids if own else frozenset().union(*(p.ids for p in parts))
    weight = parts[0].weight if own else max((p.weight for p in parts), default=1.0)
    return NameTerms(label=label, expr=any_of([p.expr for p in parts]), variants=variants, ids=ids,
                     weight=weight)


@dataclass(frozen=True)
class OfficeTerms(NameTerms):
    """Who held an office: a holder by name, or the office named with its country ("UK PM")."""

    office: NameTerms | None = None
    scope: NameTerms | None = None

    def first_words(self, vocabulary: Sequence[str]) -> frozenset[str] | None:
        """Return None: the office with its scope names a holder too, in words of its own."""
        return None

    def beginnings(self) -> frozenset[str] | None:
        """Return what a holder's name or the office's title begins with."""
        own, office = super().beginnings(), self.office
        if not (office and self.scope):
            return own
        title = office.beginnings()
        return None if own is None or title is None else own | title

    def in_joined(self, joined: str) -> bool:
        """Tell whether the words name a holder, or the office together with its scope."""
        if super().in_joined(joined):
            return True
        office, scope = self.office, self.scope
        return bool(office and scope and office.in_joined(joined) and scope.in_joined(joined))


def office_terms(holders: list[NameTerms], office: NameTerms, scope: NameTerms | None, *,
                 label: str) -> NameTerms:
    """Return the terms of an office: its holders, or its title beside its country or organisation."""
    base = combine(holders, label=label) if holders else NameTerms(label=label, expr=None)
    if scope is None:
        return combine([base, office], label=label)
    both = f"({office.expr}) AND ({scope.expr})" if office.expr and scope.expr else None
    return OfficeTerms(label=label, expr=any_of([base.expr, both]), variants=base.variants, ids=base.ids,
                       weight=1.5, office=office, scope=scope)
