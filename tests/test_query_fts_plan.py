"""FTS5 expressions without the alternatives other alternatives cover: fewer phrases to read,
the same sentences found (checked against FTS5 itself on a real store)."""
from __future__ import annotations

import pytest

from bot.query.fts_plan import simplified
from storage.records import Extraction, Meeting, Sentence, SourceDocument
from storage.store import Store


@pytest.mark.parametrize(("expr", "expected"), [
    pytest.param('"coalition" + "of" + "the" + "will"* OR "coalition"', '"coalition"',
                 id="phrase-with-the-word"),
    pytest.param('"drones" AND ("air" + "defence" OR ("air" + "defense" OR "air"*))', '("drones" AND "air"*)',
                 id="nested-or-under-a-prefix"),
    pytest.param('"willing" OR "will"* OR "wil"* OR "a" + "b"', '("wil"* OR "a" + "b")',
                 id="words-under-a-shorter-prefix"),
    pytest.param('"will"* OR "will" OR "a" + "b"', '("will"* OR "a" + "b")', id="word-under-its-own-prefix"),
    pytest.param('"kyiv" OR "kyiv" + "x" OR "kyiv"', '"kyiv"', id="repeated"),
    pytest.param('"air" + "defence" + "systems" OR "defence"', '"defence"', id="word-in-the-middle"),
    pytest.param('"air" + "defence"* OR "defence"*', '"defence"*', id="phrase-ending-in-the-prefix"),
    pytest.param('"will" + "power" OR "will"*', '"will"*', id="word-under-a-prefix-first"),
    pytest.param('"коаліція" + "охоч"* OR "коаліція"', '"коаліція"', id="cyrillic"),
])
def test_covered_alternatives_are_dropped(expr: str, expected: str) -> None:
    assert simplified(expr) == expected


@pytest.mark.parametrize("expr", [
    pytest.param('"air" + "defence"* OR "defence"', id="a-word-covers-no-prefix"),
    pytest.param('"willing" + "power" OR "willingness"*', id="a-longer-prefix-covers-nothing"),
    pytest.param('"a" + "b" OR "c"', id="unrelated"),
    pytest.param('"x" AND "y"', id="no-or"),
    pytest.param('"willing" OR "will"*', id="words-alone"),
    pytest.param('NEAR("a" "b") OR "a"', id="syntax-the-engine-never-writes"),
    pytest.param('"straße" + "x" OR "straße"', id="a-word-folded-otherwise-by-fts5"),
    pytest.param('"prem\'єр" + "x" OR "x"', id="not-one-word"),
])
def test_other_expressions_are_left_as_written(expr: str) -> None:
    assert simplified(expr) in (expr, f"({expr})")


def test_a_simplified_search_finds_what_the_written_one_finds(store: Store) -> None:
    texts = ["The coalition of the willing met in Paris.", "A coalition formed.", "Air defence for Kyiv.",
             "Willingness to help was shown.", "The air defense systems arrived.", "Nothing here."]
    for i, text in enumerate(texts):
        doc = SourceDocument(text=text, url=f"https://example.org/{i}", title=str(i), publisher="Wire",
                             published="2025-05-01", language="en")
        sentence = Sentence(index=0, start=0, end=len(text), text=text)
        store.save_document(doc, Extraction(sentences=(sentence,), meeting=Meeting()))
    sql = "select rowid from sentences_fts where sentences_fts match ? order by rowid desc"
    for expr in ['"coalition" + "of" + "the" + "will"* OR "coalition"',
                 '"willing" OR "will"* OR "air" + "defence" OR "wil"*',
                 '("air" + "defence" OR ("air" + "defense" OR "air"*)) AND "kyiv"',
                 '"air" + "defence" OR "defence"']:
        assert simplified(expr) != expr
        found = [r[0] for r in store.db.execute(sql, [expr])]
        assert found, expr
        assert [r[0] for r in store.db.execute(sql, [simplified(expr)])] == found, expr
