"""Of the reports that list attendees of the asked country, one that names who came answers
before one that gives only an office no holder is known for ("Leader (Canada)")."""
from __future__ import annotations

from bot.entities import EntityIndex
from bot.query.attend import rolls
from bot.query.facts import Facts
from bot.query.parse import parse_question
from bot.query.rank import Scored
from bot.query.retrieve import DocInfo, Hit


def _scored(doc_id: str, text: str, score: float, date: str) -> Scored:
    doc = DocInfo(id=doc_id, title=text, publisher="Wire", published=date, url=None, language="en",
                  meeting={"date": date, "place": "Oslo"})
    return Scored(hit=Hit(id=1, doc_id=doc_id, idx=1, text=text, rank=0.0), doc=doc, score=score)


def test_a_report_naming_who_came_answers_before_an_office_alone() -> None:
    query = parse_question("who attended from canada", index=EntityIndex.default())
    unnamed = {"doc_id": "a", "sentence": 1, "name": None, "role": "Leader", "country": "Canada"}
    named = {"doc_id": "b", "sentence": 1, "name": "Mélanie Joly", "role": "Foreign Minister",
             "country": "Canada"}
    ranked = [_scored("a", "The leaders of Canada, Norway and Iceland attended.", 10.0, "2025-05-02"),
              _scored("b", "Canadian Foreign Minister Mélanie Joly attended.", 9.5, "2025-04-01")]
    facts = Facts(attendees={"a": [unnamed], "b": [named]})
    found = rolls(query, ranked, facts, lambda title, country, date: None)
    assert [r.item.hit.doc_id for r in found] == ["b", "a"]
    # With a holder the gazetteer gives for the office, the report keeps its rank.
    held = rolls(query, ranked, facts, lambda title, country, date: "Justin Trudeau")
    assert [r.item.hit.doc_id for r in held] == ["a", "b"]
