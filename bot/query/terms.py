"""Question words -> safe FTS5 expressions: tokens, stop words, light stems, synonyms.

User text never reaches MATCH as syntax: every term is rebuilt from word characters only and
double-quoted, so ``"``, ``NEAR(``, ``*``, ``OR``, ``-`` in a question are plain words or nothing.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice, takewhile

from bot.resources import data_path

SYNONYMS_FILE = data_path("query", "synonyms.txt")

_MARKS = re.compile(r"[\u0300-\u036f]")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_CYRILLIC_SPLIT = re.compile(r"([\u0400-\u04ff]+)")
_WORD = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")
_TOKEN = re.compile(r"[^\W_]+")  # what the FTS5 tokenizer keeps: runs of letters and digits
# The same for ASCII text: letters lower-cased, everything else but digits a space, then split.
_ASCII_WORDS = str.maketrans({chr(i): chr(i).lower() if chr(i).isalnum() else " " for i in range(128)})
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                    "\u2060\u2066\u2067\u2068\u2069\ufeff"))

STOPWORDS = frozenset("""
a an the and or of to in on at by for from with about as is are was were be been being do does did
done has have had having will would shall should can could may might must it its this that these
those there here what which who whom whose when where why how hey hi please tell me us we you your
i my our they them their he she his her him any anyone anything some someone something all also
yet still just only than then so not no yes if into over after before during again very much many
new latest recent news update updates anything everything list show
more most own same other such up down out off via per vs one ones get got let lets make made
could know like want wanted thing things give given take took taken
що хто який яка яке які якої якого де коли чи як на в у з із до від про та і й а але це ця цей
ці був була було були є бути його її їх він вона вони ми ви щодо після під час для між за по
скільки чого чому яких якій яким якими котрий буде будуть має мають мали можна треба році року рік
отримає отримала отримали отримати отримує ж же би б чи ось там тут той те ті
""".split())

BREAK = "x0break0x"  # stands where a name was taken out of the question's words

# Words that only carry the question's intent; they never count as topic words.
INTENT_WORDS = frozenset("""
say said says saying tell told talk talked talks speak spoke spoken state stated statement remark
remarks comment comments mention mentioned stress stressed note noted emphasize emphasized
attend attended attending attendance present participate participated participants represent
represented representing came come join joined took part there send sent
commit committed commitment commitments pledge pledged pledges promise promised announce announced
offer offered ready willing provide provided
sign signed signing
meet met meeting meetings held hold happen happened
accompanied accompany accompanying chaired chair co-chaired co chairs
сказав сказала сказали заявив заявила заявили говорив казав був була були брав брала брали участь
представляв представляла пообіцяв пообіцяла пообіцяли підписав підписала підписали відбулася
супроводжував супроводжувала супроводжували чи головував головувала
""".split())


def fold_accents(text: str) -> str:
    """Drop accents from Latin letters the way the FTS5 tokenizer does ("é" -> "e").

    Cyrillic letters keep theirs: the tokenizer keeps "й" and "ї", and so must we.
    """
    if text.isascii():
        return text
    if not _CYRILLIC_RUN.search(text):  # most non-ASCII sentences: a Latin name with accents
        return _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return "".join(
        part if _CYRILLIC_RUN.fullmatch(part) else _MARKS.sub("", unicodedata.normalize("NFKD", part))
        for part in _CYRILLIC_SPLIT.split(text))


# Characters that make most non-ASCII sentences so: separators to the tokenizer, like a space.
_SEPARATORS = tuple("“”’‘—–…«»€£\u00a0")


def spaced(text: str) -> str:
    """Return ``text`` with the separators that make most non-ASCII sentences so made spaces.

    A quarter of stored sentences are not ASCII, most only for a curly quote or a dash: with
    those made spaces, the text can take an ASCII path (3 us a sentence instead of 7).
    """
    for char in _SEPARATORS:
        if char in text:
            text = text.replace(char, " ")
    return text


def folded_tokens(text: str) -> list[str]:
    """Return ``fts_tokens(fold_accents(text))``: the words of a text as the index folds them."""
    if not text.isascii():
        plain = spaced(text)
        return fts_tokens(plain if plain.isascii() else fold_accents(text))
    return fts_tokens(text)


def clean(text: str) -> str:
    """Drop invisible and bidi control characters and normalise compatibility forms."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def words(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, word)`` for each word of ``text`` (letters and digits only)."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def fts_tokens(text: str) -> list[str]:
    """Split ``text`` the way the FTS tokenizer does: lower-case runs of word characters."""
    if text.isascii():  # most text: a table and a split are three times as fast as [^\W_]
        return text.translate(_ASCII_WORDS).split()
    return _TOKEN.findall(text.casefold())


_EN_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s", "ly")
_UK_SUFFIXES = tuple(sorted(
    ("ами", "ями", "ого", "ому", "ими", "іми", "их", "іх", "ій", "ою", "єю", "ею", "ів", "їв", "ах",
     "ях", "ам", "ям", "ом", "ем", "им", "ий", "ії", "ія", "ої", "ую", "а", "я", "у", "ю", "і", "ї",
     "и", "е", "є", "о", "й", "ь"), key=len, reverse=True))


def stem(token: str) -> str:
    """Return a prefix of ``token`` that matches its inflected forms (English or Ukrainian)."""
    if token.isdigit() or len(token) < 5:
        return token
    suffixes = _UK_SUFFIXES if not token.isascii() else _EN_SUFFIXES
    for suffix in suffixes:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            token = token[: -len(suffix)]
            break
    if token.isascii() and token.endswith("e") and len(token) >= 6:
        token = token[:-1]  # "pledge" -> "pledg" also finds "pledging"
    return token


def starting_with(prefix: str, vocabulary: Sequence[str]) -> frozenset[str]:
    """Return the words of a sorted ``vocabulary`` that start with ``prefix``."""
    start = bisect_left(vocabulary, prefix)
    # islice: a slice would copy the rest of a store-wide vocabulary on every call.
    return frozenset(takewhile(lambda w: w.startswith(prefix), islice(vocabulary, start, None)))


def quote(term: str) -> str:
    """Return one FTS5 string literal for ``term`` (already free of syntax characters)."""
    return '"' + term.replace('"', "") + '"'


def phrase_expr(text: str, *, prefix: bool = True) -> str | None:
    """Return an FTS5 phrase for ``text``: its tokens quoted, the last one as a stem prefix."""
    toks = fts_tokens(text)
    if not toks:
        return None
    parts = [quote(t) for t in toks[:-1]]
    last = stem(toks[-1]) if prefix else toks[-1]
    parts.append(quote(last) + ("*" if prefix and len(last) >= 3 else ""))
    return " + ".join(parts)


def any_of(exprs: list[str | None]) -> str | None:
    """Join FTS5 sub-expressions with OR, dropping empty and duplicate ones."""
    unique = list(dict.fromkeys(e for e in exprs if e))
    if not unique:
        return None
    return " OR ".join(f"({e})" if " OR " in e else e for e in unique)


def all_of(exprs: list[str | None]) -> str | None:
    """Join two or more FTS5 sub-expressions with AND (None for fewer: nothing to narrow)."""
    unique = list(dict.fromkeys(e for e in exprs if e))
    return " AND ".join(f"({e})" for e in unique) if len(unique) > 1 else None


@cache
def synonym_groups() -> dict[str, tuple[str, ...]]:
    """Return each variant's stems (joined by spaces) -> every variant of its group.

    Keys are stems so that any inflection finds its group ("допомоги" -> "військова допомога").
    """
    groups: dict[str, tuple[str, ...]] = {}
    if not SYNONYMS_FILE.is_file():
        return groups
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        variants = tuple(" ".join(fts_tokens(v)) for v in line.split("|") if fts_tokens(v))
        for v in variants:
            key = _stems(v.split())
            groups[key] = tuple(dict.fromkeys(groups.get(key, ()) + variants))
    return groups


def _stems(tokens: list[str]) -> str:
    return " ".join(stem(t) for t in tokens)


def topic_phrases(tokens: list[str]) -> list[tuple[str, ...]]:
    """Group topic tokens into concepts: a synonym phrase (longest first) or a single word.

    Each concept is the tuple of its variants; a question about "ППО" also finds "air defence".
    """
    table = synonym_groups()
    concepts: list[tuple[str, ...]] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == BREAK:
            i += 1
            continue
        for size in (3, 2, 1):
            window = tokens[i:i + size]
            key = _stems(window)
            if len(window) == size and BREAK not in window and key in table:
                concepts.append(tuple(dict.fromkeys((" ".join(window), *table[key]))))
                i += size
                break
        else:
            concepts.append((tokens[i],))
            i += 1
    return concepts


def concept_expr(variants: tuple[str, ...]) -> str | None:
    """Return the FTS5 expression that finds any variant of one concept."""
    return any_of([phrase_expr(v) for v in variants])


def concept_prefixes(variants: tuple[str, ...]) -> list[str]:
    """Return the indexed-word prefixes of a concept (for counting how common it is).

    A phrase counts by its rarest-looking word, its last one (stemmed); words are folded the way
    the FTS5 index folds them (accents dropped, "й" -> "и").
    """
    out = []
    for variant in variants:
        toks = fts_tokens(variant)
        if toks:
            out.append(fold_accents(stem(toks[-1])))
    return out


# Words in more than this share of sentences ("ukraine") only dilute a search; they still score.
COMMON_SHARE = 0.12


def searchable(concepts: tuple[tuple[str, ...], ...], frequencies: list[int], total: int) -> list[str | None]:
    """Return the FTS5 expressions of the concepts worth searching for, common ones left out."""
    stored = [(c, f) for c, f in zip(concepts, frequencies, strict=True) if f > 0]
    keep = [c for c, f in stored if f <= COMMON_SHARE * total]
    if not keep and stored:
        keep = [min(stored, key=lambda cf: cf[1])[0]]  # all common: search by the least common
    return [concept_expr(c) for c in keep]


@dataclass(frozen=True)
class WordSet:
    """The entries of a word list as the lists write them: whole words, and ("meet*") the
    beginnings of words. ``word in words`` tells whether a (folded) word is one of them."""

    whole: frozenset[str]
    stems: tuple[str, ...]

    @classmethod
    def of(cls, entries: Iterable[str]) -> WordSet:
        listed = list(entries)
        return cls(frozenset(w for w in listed if not w.endswith("*")),
                   tuple(w[:-1] for w in listed if w.endswith("*")))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.whole or word.startswith(self.stems))
