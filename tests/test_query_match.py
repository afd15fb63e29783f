"""Python evaluation of the engine's FTS5 expressions agrees with SQLite's FTS5 on the same sentences."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.query.match import ExpressionError, compile_expression, matches, may_match
from bot.query.names import text_words

SENTENCES = [
    "The Kingdom of the Netherlands pledged two air defence systems.",
    "Ministers of the energy group met in Lisbon on Monday.",
    "Dutch officials promised more training; the Netherlands will deliver later.",
    "Прем'єр-міністр Нідерландів пообіцяв ППО для України.",
    "Міністри енергетики зустрілися в Лісабоні.",
    "Le ministre français a signé l'accord à Genève.",
    "Pledges, pledging and a pledge: three words for one idea.",
]


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(text, tokenize='unicode61 remove_diacritics 2')")
    conn.executemany("insert into t(rowid, text) values (?, ?)", list(enumerate(SENTENCES, 1)))
    return conn


def _by_fts(conn: sqlite3.Connection, expr: str) -> set[int]:
    return {row[0] for row in conn.execute("select rowid from t where t match ?", [expr])}


def _by_python(expr: str) -> set[int]:
    by_text = {i for i, text in enumerate(SENTENCES, 1) if matches(expr, text)}
    # With the sentences' vocabulary a prefix is looked up once: the same sentences must match.
    words = [text_words(text) for text in SENTENCES]
    test = compile_expression(expr, tuple(sorted(frozenset().union(*map(frozenset, words)))))
    assert {i for i, w in enumerate(words, 1) if test(w, frozenset(w))} == by_text
    return by_text


@pytest.mark.parametrize("expr", [
    '"netherlands"',
    '"pledg"*',
    '"kingdom" + "of" + "the" + "netherlands"',
    '"the" + "netherlands"',
    '"energy" + "group"',
    '"air" + "defen"*',
    '("netherlands" OR "dutch") AND ("pledg"* OR "promis"*)',
    '"нідерланд"* OR "енергетик"*',
    '"прем" + "єр"',
    '"geneve"',
    '"francais" AND "accord"',
    '"energy" AND "lisbon" OR "dutch"',
    '"lisbon" OR "dutch" AND "energy"',
], ids=lambda e: e[:40])
def test_python_matching_agrees_with_fts5(fts: sqlite3.Connection, expr: str) -> None:
    assert _by_python(expr) == _by_fts(fts, expr)


WORDS = ["netherlands", "pledg", "the", "of", "energy", "group", "dutch", "нідерланд", "міністр", "air",
         "defen", "accord", "lisbon", "kingdom"]
term = st.builds(lambda w, p: f'"{w}"' + ("*" if p else ""), st.sampled_from(WORDS), st.booleans())
phrase = st.lists(term, min_size=1, max_size=3).map(" + ".join)
expression = st.recursive(phrase, lambda inner: st.builds(
    lambda a, op, b: f"({a}) {op} ({b})", inner, st.sampled_from(["AND", "OR"]), inner), max_leaves=5)


@settings(max_examples=200, deadline=None)
@given(expression)
def test_any_expression_the_engine_can_write_matches_like_fts5(fts: sqlite3.Connection, expr: str) -> None:
    assert _by_python(expr) == _by_fts(fts, expr)


@pytest.mark.parametrize("expr", ['"a" AND', '("a"', 'NEAR("a" "b")', '"a" NOT "b"', ")"])
def test_syntax_the_engine_never_writes_is_refused(expr: str) -> None:
    with pytest.raises(ExpressionError):
        compile_expression(expr)


@settings(max_examples=200, deadline=None)
@given(expression, st.sets(st.integers(min_value=0, max_value=len(SENTENCES) - 1), min_size=1))
def test_an_expression_ruled_out_by_first_words_matches_none_of_the_sentences(expr: str,
                                                                             chosen: set[int]) -> None:
    # may_match lets a search skip documents without a word that can begin one of its phrases.
    words = [text_words(SENTENCES[i]) for i in sorted(chosen)]
    vocabulary = tuple(sorted(frozenset().union(*map(frozenset, words))))
    if not may_match(expr, vocabulary):
        test = compile_expression(expr, vocabulary)
        assert not any(test(w, frozenset(w)) for w in words)
