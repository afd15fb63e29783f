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
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bot.query.names import text_words
from bot.query.terms import fts_tokens, starting_with

Words = tuple[str, ...]
SortedWords = tuple[str, ...]  # sorted: the words of the sentences to be tested
Test = Callable[[Words, frozenset[str]], bool]
Token = tuple[str, str]
Node = tuple[str, tuple[Any, ...]]  # ("or" | "and", children) or ("phrase", ((word, is_prefix), ...))

_TOKEN = re.compile(r'\s*(?:(\()|(\))|\b(AND|OR)\b|"([^"]*)"(\*?)|(\+))')


class ExpressionError(ValueError):
    """The expression uses syntax the engine never writes."""


def compile_expression(expr: str, vocabulary: SortedWords | None = None) -> Test:
    """Return a test of a sentence's folded words (and their set) for one FTS5 expression.

    With the ``vocabulary`` of the sentences to be tested, a prefix becomes the set of their
    words that start with it: one set test a sentence instead of a look at each of its words.
    """
    return _build(parse(expr), vocabulary)


@lru_cache(maxsize=1024)
def parse(expr: str) -> Node:
    """Return the tree of an expression."""
    tree, rest = _or(_tokens(expr))
    if rest:
        raise ExpressionError(f"unexpected {rest[0]!r} in {expr!r}")
    return tree


@lru_cache(maxsize=4096)
def first_words(expr: str) -> tuple[tuple[str, bool], ...]:
    """Return the first word of each phrase of ``expr`` with whether it is a prefix: a text
    whose words hold none of them cannot match (any match needs one whole phrase)."""
    found: list[tuple[str, bool]] = []

    def walk(node: Node) -> None:
        kind, parts = node
        if kind == "phrase":
            found.extend(parts[:1])
        else:
            for part in parts:
                walk(part)

    walk(parse(expr))
    return tuple(dict.fromkeys(found))


def may_match(expr: str, vocabulary: SortedWords) -> bool:
    """Tell whether sentences whose words are the sorted ``vocabulary`` may match ``expr``
    (False: none can)."""
    for word, prefix in first_words(expr):
        i = bisect_left(vocabulary, word)
        if i < len(vocabulary) and (vocabulary[i] == word or (prefix and vocabulary[i].startswith(word))):
            return True
    return False


def matches(expr: str, text: str) -> bool:
    """Tell whether the sentence ``text`` matches ``expr`` as the sentence index would."""
    words = text_words(text)
    return compile_expression(expr)(words, frozenset(words))


def _tokens(expr: str) -> list[Token]:
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


def _or(tokens: list[Token]) -> tuple[Node, list[Token]]:
    return _chain(tokens, "OR", _and)


def _and(tokens: list[Token]) -> tuple[Node, list[Token]]:
    return _chain(tokens, "AND", _primary)


def _chain(tokens: list[Token], op: str,
           inner: Callable[[list[Token]], tuple[Node, list[Token]]]) -> tuple[Node, list[Token]]:
    """Read ``inner (op inner)*``."""
    node, tokens = inner(tokens)
    parts = [node]
    while tokens and tokens[0] == ("op", op):
        node, tokens = inner(tokens[1:])
        parts.append(node)
    return (parts[0] if len(parts) == 1 else (op.lower(), tuple(parts))), tokens


def _primary(tokens: list[Token]) -> tuple[Node, list[Token]]:
    if not tokens:
        raise ExpressionError("expression ends too early")
    if tokens[0] == ("paren", "("):
        node, rest = _or(tokens[1:])
        if not rest or rest[0] != ("paren", ")"):
            raise ExpressionError("unbalanced parentheses")
        return node, rest[1:]
    if tokens[0][0] != "term":
        raise ExpressionError(f"unexpected {tokens[0][1]!r}")
    seq: list[tuple[str, bool]] = []
    while tokens and tokens[0][0] == "term":
        # A quoted string is itself a phrase of its tokens; "*" applies to its last token.
        term, tokens = tokens[0][1], tokens[1:]
        toks = fts_tokens(term.rstrip("*"))
        seq += [(t, term.endswith("*") and i == len(toks) - 1) for i, t in enumerate(toks)]
        if not (tokens and tokens[0][0] == "plus"):
            break
        tokens = tokens[1:]
    return ("phrase", tuple(seq)), tokens


def _build(node: Node, vocabulary: SortedWords | None) -> Test:
    kind, parts = node
    if kind == "phrase":
        return _phrase(parts, vocabulary)
    if kind == "or":
        # Alternatives that are single words (or, with the vocabulary, prefixes) become one set:
        # a country's dozen names cost one set test a sentence, not a dozen.
        words_of = [_word_set(part, vocabulary) for part in parts]
        merged = frozenset().union(*(w for w in words_of if w is not None))
        tests = [_build(part, vocabulary) for part, w in zip(parts, words_of, strict=True) if w is None]
        if not tests:
            return lambda words, seen: not merged.isdisjoint(seen)
        return lambda words, seen: not merged.isdisjoint(seen) or any(t(words, seen) for t in tests)
    tests = [_build(part, vocabulary) for part in parts]
    if len(tests) == 2:
        first, second = tests
        return lambda words, seen: first(words, seen) and second(words, seen)
    return lambda words, seen: all(t(words, seen) for t in tests)


def _word_set(node: Node, vocabulary: SortedWords | None) -> frozenset[str] | None:
    """Return the words a one-word phrase matches, when they can be listed; else None."""
    kind, parts = node
    if kind != "phrase" or len(parts) != 1:
        return None
    word, prefix = parts[0]
    if not prefix:
        return frozenset((word,))
    return starting_with(word, vocabulary) if vocabulary is not None else None


def _phrase(seq: tuple[tuple[str, bool], ...], vocabulary: SortedWords | None) -> Test:
    if not seq:
        return lambda words, seen: False
    if len(seq) == 1:
        word, prefix = seq[0]
        if not prefix:
            return lambda words, seen: word in seen
        if vocabulary is not None:
            starting = starting_with(word, vocabulary)
            return lambda words, seen: not starting.isdisjoint(seen)
        return lambda words, seen: any(w.startswith(word) for w in seen)
    first, first_prefix = seq[0]

    def test(words: Words, seen: frozenset[str]) -> bool:
        if not first_prefix and first not in seen:
            return False
        last = len(words) - len(seq)
        return any(all(words[i + k].startswith(w) if p else words[i + k] == w for k, (w, p) in enumerate(seq))
                   for i in range(last + 1))

    return test
