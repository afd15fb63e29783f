"""The engine's own FTS5 expressions evaluated in Python, for searches within a few documents.

FTS5 cannot narrow a MATCH to some documents: "match ... and doc_id in (...)" walks every
sentence of the store that matches, newest first, until enough fall in those documents (30 ms
for a common word at 20k documents, growing with the store). Reading the few documents'
sentences by their index and testing each one here costs the same at any size.

Only the syntax ``bot.query.terms`` and ``bot.query.names`` write is understood: double-quoted
terms, a trailing ``*`` for a prefix, ``+`` between the terms of a phrase, ``AND``, ``OR`` and
parentheses (AND binding tighter than OR, as in FTS5).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from bot.query.names import text_words
from bot.query.terms import fts_tokens

Words = tuple[str, ...]
Test = Callable[[Words, frozenset[str]], bool]

_TOKEN = re.compile(r'\s*(?:(\()|(\))|\b(AND|OR)\b|"([^"]*)"(\*?)|(\+))')


class ExpressionError(ValueError):
    """The expression uses syntax the engine never writes."""


@lru_cache(maxsize=1024)
def compile_expression(expr: str) -> Test:
    """Return a test of a sentence's folded words (and their set) for one FTS5 expression."""
    tokens = _tokens(expr)
    test, rest = _or(tokens)
    if rest:
        raise ExpressionError(f"unexpected {rest[0]!r} in {expr!r}")
    return test


def matches(expr: str, text: str) -> bool:
    """Tell whether the sentence ``text`` matches ``expr`` as the sentence index would."""
    words = text_words(text)
    return compile_expression(expr)(words, frozenset(words))


def _tokens(expr: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(expr.rstrip()):
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ExpressionError(f"cannot read {expr[pos:pos + 20]!r}")
        pos = m.end()
        if m.group(1) or m.group(2):
            out.append(("paren", m.group(1) or m.group(2)))
        elif m.group(3):
            out.append(("op", m.group(3)))
        elif m.group(6):
            out.append(("plus", "+"))
        else:
            out.append(("term", m.group(4) + m.group(5)))
    return out


def _or(tokens: list[tuple[str, str]]) -> tuple[Test, list[tuple[str, str]]]:
    return _chain(tokens, "OR", _and, any)


def _and(tokens: list[tuple[str, str]]) -> tuple[Test, list[tuple[str, str]]]:
    return _chain(tokens, "AND", _primary, all)


def _chain(tokens: list[tuple[str, str]], op: str,
           inner: Callable[[list[tuple[str, str]]], tuple[Test, list[tuple[str, str]]]],
           join: Callable[[Iterable[bool]], bool]) -> tuple[Test, list[tuple[str, str]]]:
    """Read ``inner (op inner)*`` and join the parts' results with ``any`` or ``all``."""
    test, tokens = inner(tokens)
    parts = [test]
    while tokens and tokens[0] == ("op", op):
        test, tokens = inner(tokens[1:])
        parts.append(test)
    if len(parts) == 1:
        return parts[0], tokens
    return (lambda words, seen: join(p(words, seen) for p in parts)), tokens


def _primary(tokens: list[tuple[str, str]]) -> tuple[Test, list[tuple[str, str]]]:
    if not tokens:
        raise ExpressionError("expression ends too early")
    if tokens[0] == ("paren", "("):
        test, rest = _or(tokens[1:])
        if not rest or rest[0] != ("paren", ")"):
            raise ExpressionError("unbalanced parentheses")
        return test, rest[1:]
    terms: list[str] = []
    while tokens and tokens[0][0] == "term":
        terms.append(tokens[0][1])
        tokens = tokens[1:]
        if not (tokens and tokens[0][0] == "plus"):
            break
        tokens = tokens[1:]
    if not terms:
        raise ExpressionError(f"unexpected {tokens[0][1]!r}")
    return _phrase(terms), tokens


def _phrase(terms: list[str]) -> Test:
    # A quoted string is itself a phrase of its tokens; "*" applies to its last token.
    seq: list[tuple[str, bool]] = []
    for term in terms:
        prefix = term.endswith("*")
        toks = fts_tokens(term.rstrip("*"))
        seq += [(t, prefix and i == len(toks) - 1) for i, t in enumerate(toks)]
    if not seq:
        return lambda words, seen: False
    if len(seq) == 1:
        word, prefix = seq[0]
        if prefix:
            return lambda words, seen: any(w.startswith(word) for w in seen)
        return lambda words, seen: word in seen
    first = seq[0][0]

    def test(words: Words, seen: frozenset[str]) -> bool:
        if not seq[0][1] and first not in seen:
            return False
        last = len(words) - len(seq)
        return any(all(words[i + k].startswith(w) if p else words[i + k] == w for k, (w, p) in enumerate(seq))
                   for i in range(last + 1))

    return test
