"""Conversation: small talk, follow-ups resolved into whole questions, inline ranking by name."""
from __future__ import annotations

from typing import Any

import pytest

from bot.conversation.followup import follow_up
from bot.conversation.named_first import inline_answer, named_first
from bot.conversation.smalltalk import small_talk, small_talk_reply
from bot.entities import EntityIndex
from bot.query.answer import Answer


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    return EntityIndex.default()


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("thanks!", "thanks", id="thanks"),
    pytest.param("Thank you so much 🙏", "thanks", id="thank-you-so-much"),
    pytest.param("ok, thanks", "thanks", id="ok-thanks"),
    pytest.param("hi", "greeting", id="hi"),
    pytest.param("Good morning bot", "greeting", id="good-morning"),
    pytest.param("ok", "ack", id="ok"),
    pytest.param("👍", "ack", id="thumbs-up"),
    pytest.param("дякую!", "thanks", id="uk-thanks"),
    pytest.param("Привіт", "greeting", id="uk-hi"),
    pytest.param("bye", "bye", id="bye"),
    pytest.param("thanks, what did Merz say?", None, id="thanks-then-a-question"),
    pytest.param("thank", None, id="half-a-word"),
    pytest.param("good deal on gas", None, id="good-as-a-topic"),
    pytest.param("so", None, id="filler-alone"),
    pytest.param("%_%", None, id="punctuation"),
    pytest.param("", None, id="empty"),
])
def test_small_talk(text: str, kind: str | None) -> None:
    assert small_talk(text) == kind


def test_small_talk_replies_in_the_language_asked() -> None:
    assert small_talk_reply("thanks", language="uk").startswith("Будь ласка")
    assert small_talk_reply("thanks", language="en").startswith("You're welcome")
    assert small_talk_reply("ack", language="fr") == small_talk_reply("ack", language="en")


@pytest.mark.parametrize(("previous", "question", "resolved"), [
    pytest.param("who attended from Canada", "and France?", "who attended from France", id="and-country"),
    pytest.param("what did Merz say", "and Macron?", "what did Macron say", id="and-person"),
    pytest.param("what did Merz say about air defence", "and what did he say about sanctions?",
                 "what did Merz say about sanctions?", id="he-about"),
    pytest.param("what did Merz say about air defence", "and about sanctions?",
                 "what did Merz say about sanctions", id="and-about"),
    pytest.param("what did Merz say", "what did he say about sanctions",
                 "what did Merz say about sanctions", id="he-without-and"),
    pytest.param("what did Merz say in Paris", "and in Kyiv?", "what did Merz say in Kyiv", id="and-place"),
    pytest.param("what did Merz say", "and in Kyiv?", "what did Merz say in Kyiv", id="place-added"),
    pytest.param("що сказав Зеленський про ППО?", "а Макрон?", "що сказав Макрон про ППО",
                 id="uk-and-person"),
    pytest.param("who attended from Canada", "what did Merz say?", "what did Merz say?", id="new-question"),
    pytest.param("what did Merz say", "what did they agree", "what did they agree", id="they-alone-is-new"),
    pytest.param("what did Merz say", "and who attended from Italy?", "who attended from Italy?",
                 id="and-whole-question"),
    pytest.param(None, "and France?", "and France?", id="nothing-before"),
    pytest.param("who attended from Canada", "«and France?»", "who attended from France", id="quoted"),
    pytest.param("who attended from Canada", "🇫🇷 and _France_", "who attended from France", id="emoji-first"),
])
def test_follow_up(index: EntityIndex, previous: str | None, question: str, resolved: str) -> None:
    assert follow_up(question, previous, index=index) == resolved


def fact(kind: str, text: str, **whose: Any) -> dict[str, Any]:
    return {"type": kind, "text": text, "doc_id": "d", "sentence": 0, "evidence": text, "source": {}, **whose}


def test_inline_ranks_what_the_query_names_first(index: EntityIndex) -> None:
    listing = fact("sentence", "Present were Emmanuel Macron, Friedrich Merz and Keir Starmer.")
    other = fact("statement", "Macron: we stand with Ukraine.", speaker="Emmanuel Macron")
    present = fact("attendance", "Talks in Oslo: Friedrich Merz", name="Friedrich Merz")
    said = fact("statement", "Merz: Germany will do more.", speaker="Friedrich Merz",
                person_id="friedrich-merz")
    pledged = fact("commitment", "Germany (pledge): two more systems", actor="Germany",
                   person_id="friedrich-merz")
    answer = Answer(question="merz", text="", found=True, intent="search",
                    results=[listing, other, present, said, pledged])
    assert named_first(answer, index=index).results == [said, pledged, present, listing, other]


def test_inline_order_is_kept_when_the_query_names_no_one(index: EntityIndex) -> None:
    results = [fact("sentence", "a"), fact("statement", "b", speaker="Friedrich Merz")]
    answer = Answer(question="air defence", text="", found=True, intent="search", results=results)
    assert named_first(answer, index=index).results == results


def canned(answers: dict[str, list[dict[str, Any]]], asked: list[str]) -> Any:
    """Return an engine that records each question and answers it from ``answers``."""
    def ask(question: str) -> Answer:
        asked.append(question)
        results = answers.get(question, [])
        return Answer(question=question, text="", found=bool(results), intent="search", results=results)
    return ask


@pytest.mark.parametrize(("query", "also_asked"), [
    pytest.param("merz", ["what did merz say"], id="person"),
    pytest.param("the UK", ["what did the UK commit to", "what did the UK say"], id="country"),
    pytest.param("merz sanctions", [], id="name-and-topic"),
    pytest.param("what did merz say", [], id="question"),
    pytest.param("air defence", [], id="no-name"),
])
def test_inline_asks_for_a_bare_names_own_facts(index: EntityIndex, query: str,
                                                also_asked: list[str]) -> None:
    asked: list[str] = []
    inline_answer(query, canned({}, asked), index=index)
    assert asked == [query, *also_asked]


def test_inline_merges_a_names_own_facts_first_without_repeats(index: EntityIndex) -> None:
    listing = fact("sentence", "Present were Emmanuel Macron and Friedrich Merz.")
    said = fact("statement", "Merz: Germany will do more.", speaker="Friedrich Merz")
    later = {**fact("statement", "Merz: and more.", speaker="Friedrich Merz"), "sentence": 4}
    engine = canned({"merz": [listing, said], "what did merz say": [said, later]}, [])
    answer = inline_answer("merz", engine, index=index)
    assert answer.results == [said, later, listing]
