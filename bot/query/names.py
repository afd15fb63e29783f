"""How a known entity is found in stored sentences: an FTS5 expression and a matching regex.

Built from every alias of the entity (Latin and Cyrillic), surnames for people, stems with a
prefix match for inflected forms ("Мерца", "Канади"); short aliases that are also common words
("US", "IT") are left to their dotted or long forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.entities import Entity
from bot.query.terms import any_of, fts_tokens, quote, stem

# Aliases that are ordinary words once case is folded away.
_AMBIGUOUS = frozenset("us it in at on an as is be to no or and a i me we he un eu".split())


@dataclass(frozen=True)
class NameTerms:
    """The FTS5 expression and the regex that find one entity in sentences."""

    label: str
    expr: str | None
    pattern: re.Pattern[str] | None
    ids: frozenset[str] = frozenset()  # entity ids (people) and canonical names it stands for

    def in_text(self, text: str | None) -> bool:
        """Tell whether ``text`` names the entity."""
        return bool(text and self.pattern and self.pattern.search(text))

    def in_fact(self, row: dict[str, object]) -> bool:
        """Tell whether a stored fact is about the entity (by id, canonical name or its words)."""
        for key in ("person_id", "country", "org", "actor_country", "actor_org", "speaker_country",
                    "speaker_org"):
            if row.get(key) and row[key] in self.ids:
                return True
        return any(self.in_text(row.get(k)) for k in ("speaker", "actor", "name", "role")  # type: ignore[arg-type]
                   ) or any(self.in_text(p) for p in row.get("parties") or ())  # type: ignore[attr-defined]


def _variants(entity: Entity) -> list[list[str]]:
    out = []
    for alias in dict.fromkeys((entity.name, *entity.aliases)):
        toks = fts_tokens(alias)
        if not toks:
            continue
        if entity.kind == "person" and len(toks) > 1:
            toks = toks[-1:]  # surnames: texts name people by surname after the first mention
            if len(toks[0]) < 4:
                continue
        if len(toks) == 1 and (toks[0] in _AMBIGUOUS or len(toks[0]) < 2):
            if not (entity.kind == "org" and toks[0] in {"eu", "un"}):
                continue
        out.append(toks)
    return out


def name_terms(entity: Entity, *, label: str | None = None) -> NameTerms:
    """Return how to find ``entity`` in sentences."""
    exprs: list[str | None] = []
    regexes: list[str] = []
    for toks in _variants(entity):
        *head, last = toks
        last_stem = stem(last) if len(last) >= 5 else last
        exprs.append(" + ".join([*(quote(t) for t in head), quote(last_stem) + "*"]))
        body = r"[\W_]+".join([*(re.escape(t) for t in head), re.escape(last_stem) + r"\w*"])
        regexes.append(body)
    pattern = re.compile(r"(?<!\w)(?:%s)" % "|".join(sorted(set(regexes), key=len, reverse=True)),
                         re.IGNORECASE) if regexes else None
    return NameTerms(label=label or entity.name, expr=any_of(exprs), pattern=pattern,
                     ids=frozenset({entity.id, entity.name}))


def word_terms(words: list[str], *, label: str) -> NameTerms:
    """Return how to find plain words (a place as written, an unknown name) in sentences."""
    toks = [t for w in words for t in fts_tokens(w)]
    if not toks:
        return NameTerms(label=label, expr=None, pattern=None)
    *head, last = toks
    last_stem = stem(last)
    expr = " + ".join([*(quote(t) for t in head), quote(last_stem) + "*"])
    body = r"[\W_]+".join([*(re.escape(t) for t in head), re.escape(last_stem) + r"\w*"])
    return NameTerms(label=label, expr=expr, pattern=re.compile(r"(?<!\w)" + body, re.IGNORECASE))


def combine(parts: list[NameTerms], *, label: str) -> NameTerms:
    """Return terms that find any of ``parts`` (the holders of one office, say)."""
    patterns = [p.pattern.pattern for p in parts if p.pattern]
    return NameTerms(label=label, expr=any_of([p.expr for p in parts]),
                     pattern=re.compile("|".join(patterns), re.IGNORECASE) if patterns else None,
                     ids=parts[0].ids if parts and label in parts[0].ids else
                     frozenset().union(*(p.ids for p in parts)))
