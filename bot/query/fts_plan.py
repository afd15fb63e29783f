"""The engine's FTS5 expressions rewritten to match the same sentences at less cost.

A topic is searched by its phrases and its words OR-ed together ("coalition" + "of" + "the" +
"willing" OR "coalition"). FTS5 evaluates every phrase of an OR, reading the position lists of
each of its words: "of" and "the" are in most sentences, and one such phrase cost 30 ms at 20k
documents in a search that found nothing. A phrase holding a word that the same OR matches on
its own ("coalition", or a prefix of it) matches no sentence that word does not: it is dropped,
and so is a repeated alternative. Nothing else changes, so a search finds the same sentences.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.query.match import ExpressionError, Node, parse

_STRING = re.compile(r'"([^"]*)"')


@lru_cache(maxsize=4096)
def simplified(expr: str) -> str:
    """Return ``expr`` without the alternatives of its ORs that other alternatives cover
    (``expr`` itself when it has none, no phrase, or words that are not all plain folded words)."""
    if " OR " not in expr or " + " not in expr or not all(_plain(s) for s in _STRING.findall(expr)):
        return expr  # words alone are cheap to search; parsing costs a few hundred microseconds
    try:
        tree = parse(expr)
    except ExpressionError:
        return expr
    simpler = _simplify(tree)
    return expr if simpler == tree else _written(simpler)


def _plain(text: str) -> bool:
    """Tell whether a quoted string is one word as both the parser and FTS5 read it: letters
    and digits, already folded, no combining marks."""
    return bool(re.fullmatch(r"[^\W_]+", text)) and text == text.casefold() == text.lower() and \
        not any(unicodedata.category(c).startswith("M") for c in text)


def _simplify(node: Node) -> Node:
    kind, parts = node
    if kind == "phrase":
        return node
    children = [_simplify(part) for part in parts]
    if kind == "and":
        return (kind, tuple(children))
    flat: list[Node] = []
    for child in children:  # (a OR (b OR c)) is (a OR b OR c)
        flat.extend(child[1] if child[0] == "or" else (child,))
    flat = list(dict.fromkeys(flat))
    words = {p[1][0][0] for p in flat if p[0] == "phrase" and len(p[1]) == 1 and not p[1][0][1]}
    stems = {p[1][0][0] for p in flat if p[0] == "phrase" and len(p[1]) == 1 and p[1][0][1]}
    kept = tuple(p for p in flat if not _covered(p, words, stems))
    return kept[0] if len(kept) == 1 else ("or", kept)


def _covered(node: Node, words: set[str], stems: set[str]) -> bool:
    """Tell whether every sentence a phrase matches holds one of ``words`` or a word starting
    with one of ``stems`` (the phrase itself aside)."""
    kind, terms = node
    if kind != "phrase" or not terms:
        return False
    alone = terms[0] if len(terms) == 1 else None
    for word, prefix in terms:
        if not prefix and word in words and (word, prefix) != alone:
            return True
        if any(word.startswith(stem) and (stem, True) != alone for stem in stems):
            return True
    return False


def _written(node: Node) -> str:
    kind, parts = node
    if kind == "phrase":
        return " + ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in parts)
    return "(" + f" {kind.upper()} ".join(_written(part) for part in parts) + ")"
