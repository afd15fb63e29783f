"""Quotes: closed in their paragraph, or carried over several paragraphs."""
from __future__ import annotations

import pytest

from bot.entities import EntityIndex
from bot.extract.context import DATELINE, Context
from bot.extract.sentences import split_sentences
from storage.records import SourceDocument


def quoted(text: str) -> list[str]:
    ctx = Context(doc=SourceDocument(text=text), sentences=tuple(split_sentences(text)),
                  index=EntityIndex.default(), language="en")
    return [text[s:e] for s, e in ctx.quotes]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("He said: “We stay.” Then left.", ["“We stay.”"], id="curly"),
    pytest.param('He said "we stay" and "we fight".', ['"we stay"', '"we fight"'], id="straight-pairs"),
    pytest.param('Quote: "First paragraph opens.\nSecond one closes." Done.',
                 ['"First paragraph opens.\nSecond one closes."'], id="over-two-paragraphs"),
    pytest.param('"Never closed at all.\nNext paragraph has none.', [], id="unclosed"),
])
def test_quotes(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(("line", "body"), [
    pytest.param("OSLO, May 3 (Reuters) - Norway pledged aid.", "Norway pledged aid.", id="with-date"),
    pytest.param("KYIV (AP) - Spain signed a deal.", "Spain signed a deal.", id="agency-only"),
    pytest.param("Spain - a reliable partner - signed.", "Spain - a reliable partner - signed.",
                 id="a-dash-is-no-dateline"),
])
def test_dateline_of_a_wire_report(line: str, body: str) -> None:
    found = DATELINE.match(line)
    assert (line[found.end():].strip() if found else line) == body
