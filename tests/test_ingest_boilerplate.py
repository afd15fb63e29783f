"""Page furniture is marked at ingest and kept out of every answer."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.boilerplate import is_boilerplate
from bot.ingest.pipeline import ingest_document
from bot.query.engine import QueryEngine
from storage.records import SourceDocument
from storage.store import Store


@pytest.mark.parametrize(("text", "furniture"), [
    pytest.param("By Mari Tamm, Baltic Desk", True, id="byline"),
    pytest.param("Source: Prime Minister's Office, 2 March 2025,", True, id="source-line"),
    pytest.param("Read more: leaders meet again in Oslo", True, id="read-more"),
    pytest.param("# Ministers meet in Oslo", True, id="markdown-header"),
    pytest.param("Summary written for pledgebot in its own words.", True, id="note-about-the-text"),
    pytest.param("Джерело: Офіс Президента", True, id="uk-source-line"),
    pytest.param("4 September 2025", True, id="lone-date"),
    pytest.param("Ministers meet in Oslo", True, id="the-title"),
    pytest.param("By March, Norway had delivered two air defence systems.", False, id="by-as-a-word"),
    pytest.param("Ministers met in Oslo on 4 September 2025 to discuss air defence.", False, id="a-fact"),
    pytest.param("The source of the funds, she said, would be frozen Russian assets.", False,
                 id="source-as-a-word"),
])
def test_furniture_is_told_from_facts(text: str, furniture: bool) -> None:
    assert is_boilerplate(text, title="Ministers meet in Oslo") is furniture


def test_marked_sentences_never_reach_an_answer(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "b.db")
    ingest_document(store, SourceDocument(
        url="https://example.org/oslo", title="Ministers meet in Oslo", publisher="Fjord Wire",
        published="2025-09-04", language="en",
        text=("Ministers meet in Oslo\n\nBy Kari Lunde, Fjord Wire\n\n"
              "Defence ministers met in Oslo on 4 September 2025. "
              "Norway pledged 2 billion kroner for naval drones.\n\n"
              "Source: Fjord Wire, 4 September 2025")))
    marked = [r["text"] for r in store.db.query("select text from sentences where boilerplate = 1")]
    assert marked == ["Ministers meet in Oslo", "By Kari Lunde, Fjord Wire",
                      "Source: Fjord Wire, 4 September 2025"]
    text = QueryEngine(store).answer("what did Norway pledge in Oslo").text
    assert "naval drones" in text
    assert "Kari Lunde" not in text and "Source:" not in text
