"""Find entity names in text: exact phrase lookup over word n-grams, then fuzzy single words.

Every alias is reduced to a key (``text.phrase_key``). Exact matching looks up the keys of
1-4 consecutive words and keeps the longest; only words left unmatched are compared with rapidfuzz
against aliases of the same first letter and a similar length, so a question costs
microseconds. Codes ("US", "UK", "U.S.") match only as written in capitals.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.entities.text import Words, key, phrase_key
from bot.entities.words import COMMON_WORDS

MAX_WORDS = 6  # "Democratic Republic of the Congo": five words
_HONORIFICS = frozenset({"sir", "dame", "lord", "admiral", "senator", "pope", "taoiseach", "speaker",
                         "air", "mr", "mrs", "ms", "dr", "gen", "prof"})
_MIN_FUZZY = 4
_FUZZY_SEEN = 100_000  # word keys whose fuzzy match is remembered (~10 MB at most)


@dataclass(frozen=True)
class Hit:
    """Entity ids that matched words ``first``..``last`` (inclusive) with a score."""

    first: int
    last: int
    ids: tuple[str, ...]
    score: float


@dataclass
class AliasTable:
    """Alias keys -> entity ids, plus the buckets fuzzy matching compares against."""

    exact: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cased: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    codes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    buckets: dict[tuple[str, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    # The first 1..n-1 word keys of every n-word alias or blocked phrase: an n-gram is extended
    # by a word only while it starts one, so most words skip the longer lookups altogether.
    prefixes: set[str] = field(default_factory=set)
    # Phrase keys that hide the names inside them ("latin america").
    blocked: set[str] = field(default_factory=set)
    # Multi-word alias keys, for whole names typed with a typo ("Untied Kingdom").
    phrases: list[str] = field(default_factory=list)
    # Person id -> keys of given names, to take in a misspelt one before a surname.
    given: dict[str, list[str]] = field(default_factory=dict)
    # Word key -> its fuzzy match: ingest compares every unmatched word of every sentence, and
    # the same words come back sentence after sentence. Emptied whenever an alias is added.
    _fuzzy_seen: dict[str, tuple[str, float] | None] = field(default_factory=dict, repr=False)

    def copy(self) -> AliasTable:
        """Return an independent copy, so extending it leaves this table as it is."""
        new = AliasTable(prefixes=set(self.prefixes), phrases=list(self.phrases), blocked=set(self.blocked),
                         given={k: list(v) for k, v in self.given.items()})
        for mine, theirs in ((self.exact, new.exact), (self.cased, new.cased),
                             (self.codes, new.codes)):
            theirs.update((k, list(v)) for k, v in mine.items())
        new.buckets.update((k, list(v)) for k, v in self.buckets.items())
        return new

    def add(self, alias: str, entity_id: str, *, fuzzy_from: int = _MIN_FUZZY) -> None:
        """Index one alias; single words of ``fuzzy_from`` letters or more also match with typos."""
        k = phrase_key(alias)
        if not k:
            return
        self._fuzzy_seen.clear()
        if " " not in k and k in COMMON_WORDS:
            _append(self.cased, k, entity_id)
            return
        _append(self.exact, k, entity_id)
        if " " in k:
            self._add_prefixes(k)
            if k not in self.exact or len(self.exact[k]) == 1:
                self.phrases.append(k)
        if len(k) >= max(fuzzy_from, _MIN_FUZZY) and " " not in k:
            bucket = self.buckets[(k[0], len(k))]
            if k not in bucket:
                bucket.append(k)

    def block(self, phrase: str) -> None:
        """Make ``phrase`` hide the names inside it ("Latin America" names no country)."""
        k = phrase_key(phrase)
        if " " in k:
            self.blocked.add(k)
            self._add_prefixes(k)

    def _add_prefixes(self, phrase_key: str) -> None:
        words = phrase_key.split(" ")
        self.prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))

    def add_given_name(self, alias: str, entity_id: str) -> None:
        """Remember the given name of a multi-word person alias ("Emmanuel" of "Emmanuel Macron")."""
        words = phrase_key(alias).split()
        if len(words) > 1 and len(words[0]) > 2 and words[0] not in _HONORIFICS:
            names = self.given.setdefault(entity_id, [])
            if words[0] not in names:
                names.append(words[0])

    def add_code(self, code: str, entity_id: str, *, loose: bool = False) -> None:
        """Index a code that matches only in capitals ("US", "UK", "CAN").

        A ``loose`` code of 3+ letters that is no English word ("IMF", "NATO") matches in any case.
        """
        plain = code.replace(".", "")
        _append(self.codes, plain, entity_id)
        if loose and len(plain) >= 3 and "." not in code and key(plain) not in COMMON_WORDS:
            self.add(plain, entity_id)

    def lookup(self, phrase: str) -> list[str]:
        """Return the ids whose alias key equals the key of ``phrase``."""
        k = phrase_key(phrase)
        found = self.exact.get(k) or (self.cased.get(k) if phrase.strip()[:1].isupper() else None)
        plain = phrase.strip().replace(".", "")
        if not found and (plain.isupper() or "." in phrase):
            found = self.codes.get(plain.upper() if "." in phrase else plain)
        return list(found or ())

    def fuzzy_phrase(self, phrase: str) -> list[str]:
        """Return the ids of the multi-word alias closest to the whole ``phrase``, if close."""
        k = phrase_key(phrase)
        if " " not in k or len(k) > 80:
            return []
        found = process.extractOne(k, self.phrases, scorer=fuzz.ratio, score_cutoff=88)
        return list(self.exact.get(found[0], ())) if found else []

    def fuzzy(self, word_key: str) -> tuple[str, float] | None:
        """Return the closest single-word alias key to ``word_key`` and its score, if close."""
        if word_key in self._fuzzy_seen:
            return self._fuzzy_seen[word_key]
        if len(self._fuzzy_seen) >= _FUZZY_SEEN:
            self._fuzzy_seen.clear()
        found = self._fuzzy_seen[word_key] = self._closest(word_key)
        return found

    def _closest(self, word_key: str) -> tuple[str, float] | None:
        n = len(word_key)
        if n < _MIN_FUZZY or word_key in COMMON_WORDS or not word_key.isalpha():
            return None
        spread = 1 if n < 8 else 2
        choices = [c for size in range(n - spread, n + spread + 1)
                   for c in self.buckets.get((word_key[0], size), ())]
        if not choices:
            return None
        found = process.extractOne(word_key, choices, scorer=fuzz.ratio,
                                   score_cutoff=_cutoff(n))
        return (found[0], float(found[1])) if found else None


def _append(table: dict[str, list[str]], k: str, entity_id: str) -> None:
    ids = table[k]
    if entity_id not in ids:
        ids.append(entity_id)


def _cutoff(length: int) -> float:
    # Short words allow one inserted letter ("mertz"), long ones a swap or two ("zelenksy").
    return 88.0 if length <= 6 else 85.0 if length <= 9 else 82.0


def scan(table: AliasTable, text: str, allowed: set[str] | None = None,
         fuzzy: bool = True) -> list[tuple[int, int, Hit]]:
    """Return ``(start, end, hit)`` for the longest non-overlapping matches in ``text``."""
    words = Words(text)
    surfaces = words.surfaces
    keys = [key(w) for w in surfaces]
    # Only a word that starts or is an alias, or could be a cased name or a code, can match: the
    # check here skips the lookups for most words of a sentence (ingest speed). The cased and
    # code check is called only for a word that could pass it: no call for most words.
    exact, prefixes, blocked, cased = table.exact, table.prefixes, table.blocked, table.cased
    candidates = [h for i, k in enumerate(keys)
                  if (k in exact or k in prefixes or k in blocked
                      or (k in cased or (s := surfaces[i]).isupper() or "." in s)
                      and _cased_or_code(table, surfaces[i], k))
                  and (h := _exact_at(table, surfaces, keys, i, allowed))]
    # Longest first, so "the Ukraine Defense Contact Group" beats "the Ukraine".
    candidates.sort(key=lambda h: (h.first - h.last, h.first))
    taken = [False] * len(keys)
    hits: list[Hit] = []
    for hit in candidates:
        if not any(taken[hit.first:hit.last + 1]):
            taken[hit.first:hit.last + 1] = [True] * (hit.last - hit.first + 1)
            if hit.ids:  # a blocked phrase only hides the words it covers
                hits.append(hit)
    if fuzzy:
        hits += [h for i in range(len(keys))
                 if not taken[i] and (h := _fuzzy_at(table, keys, i, allowed))]
        hits = [_with_given_name(table, keys, taken, h) for h in hits]
    if not hits:
        return []
    hits.sort(key=lambda h: h.first)
    spans = words.spans(upto=hits[-1].last)  # the words after the last hit need no offsets
    return [(spans[h.first][0], spans[h.last][1], h) for h in hits]


def _cased_or_code(table: AliasTable, surface: str, k: str) -> bool:
    # What _exact_at looks up for a word that starts no alias and is none: a capitalised word
    # among the cased aliases, a word in capitals or with dots among the codes. Most capitalised
    # words of a sentence are in neither, and are not looked up again.
    if surface[:1].isupper() and k in table.cased:
        return True
    return (surface.isupper() or "." in surface) and _code(surface) in table.codes


def _code(surface: str) -> str:
    return surface.replace(".", "").upper() if "." in surface else surface


def _with_given_name(table: AliasTable, keys: list[str], taken: list[bool], hit: Hit) -> Hit:
    """Extend a one-word surname back over a misspelt given name ("Emanuel Macron")."""
    i = hit.first - 1
    if hit.first != hit.last or i < 0 or taken[i] or len(hit.ids) != 1 or len(keys[i]) < 3:
        return hit
    if keys[i] in COMMON_WORDS:  # "will Blair" is no misspelt "Bill Blair"
        return hit
    given = table.given.get(hit.ids[0])
    if not given or process.extractOne(keys[i], given, scorer=fuzz.ratio, score_cutoff=75) is None:
        return hit
    taken[i] = True
    return Hit(i, hit.last, hit.ids, hit.score)


def _keep(ids: list[str] | None, allowed: set[str] | None) -> tuple[str, ...]:
    if not ids:
        return ()
    return tuple(ids) if allowed is None else tuple(i for i in ids if i in allowed)


def _exact_at(table: AliasTable, surfaces: list[str], keys: list[str], i: int,
              allowed: set[str] | None) -> Hit | None:
    """Return the longest alias or blocked phrase of at most MAX_WORDS words starting at word i."""
    best = _one_word(table, surfaces[i], keys[i], i, allowed)
    # Grow the phrase a word at a time while it starts some longer alias (a blocked phrase wins
    # over an alias of the same words): the same longest match as trying 4, 3, 2 and 1 words,
    # without joining and looking up n-grams that no alias starts with ("the talks on ...").
    phrase = keys[i]
    for j in range(i + 1, min(i + MAX_WORDS, len(keys))):
        if phrase not in table.prefixes:
            break
        phrase = f"{phrase} {keys[j]}"
        if phrase in table.blocked:
            best = Hit(i, j, (), 0.0)
        elif ids := _keep(table.exact.get(phrase), allowed):
            best = Hit(i, j, ids, 100.0)
    return best


def _one_word(table: AliasTable, surface: str, k: str, i: int,
              allowed: set[str] | None) -> Hit | None:
    """Return the alias that word i is on its own: a key, a capitalised cased alias or a code."""
    if k in table.blocked:
        return Hit(i, i, (), 0.0)
    ids = _keep(table.exact.get(k), allowed)
    if not ids and surface[:1].isupper():
        ids = _keep(table.cased.get(k), allowed)
    if not ids and (surface.isupper() or "." in surface):
        ids = _keep(table.codes.get(_code(surface)), allowed)
    return Hit(i, i, ids, 100.0) if ids else None


def _fuzzy_at(table: AliasTable, keys: list[str], i: int, allowed: set[str] | None) -> Hit | None:
    found = table.fuzzy(keys[i])
    if found is None:
        return None
    ids = _keep(table.exact.get(found[0]), allowed)
    return Hit(i, i, ids, found[1]) if ids else None
