"""Chat state in the store: answers behind buttons and chat contexts survive a reopen and expire."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bot.conversation.kept import (
    REMOVED,
    ChatContexts,
    KeptAnswers,
    answer_from_payload,
    answer_payload,
    new_key,
)
from bot.query.answer import Answer
from storage.records import Extraction, SourceDocument
from storage.store import Store

ANSWER = Answer(question="what did Merz say", text="What Merz said:\n• Merz: more air defence", found=True,
                intent="statement", header="What Merz said:", language="en", total=9,
                results=[{"type": "statement", "text": "Merz: more air defence", "doc_id": "d1",
                          "sentence": 3, "evidence": "Merz said: more air defence.",
                          "source": {"title": "T", "url": None},
                          "attendees": ["A", "B"]}])


def save(store: Store, text: str) -> str:
    """Save a document without facts; return its id."""
    doc = SourceDocument(text=text, url=f"https://example.org/{len(text)}")
    return store.save_document(doc, Extraction()).doc_id


def stored_answer(store: Store) -> Answer:
    """Return ANSWER with its fact in a document of the store."""
    doc_id = save(store, "Merz said: more air defence.")
    return replace(ANSWER, results=[{**ANSWER.results[0], "doc_id": doc_id}])


class Clock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now


def test_an_answer_is_found_by_key_and_by_message_after_reopening(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    key, answer = new_key(), stored_answer(store)
    KeptAnswers(store.db).put(answer, key=key, chat_id=-100, message_id=7)
    store.close()
    store = Store.open(tmp_path / "bot.db")  # another process, or the same after a restart
    kept = KeptAnswers(store.db)
    assert kept.get(key) == answer
    assert kept.in_message(-100, 7) == answer
    assert (kept.get("other"), kept.in_message(-100, 8), kept.in_message(-101, 7)) == (None, None, None)
    store.close()


def test_answers_expire_and_expired_rows_are_deleted(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    clock = Clock()
    kept, answer = KeptAnswers(store.db, seconds=60, clock=clock), stored_answer(store)
    kept.put(answer, key="old", chat_id=1, message_id=1)
    clock.now += 59
    assert kept.get("old") == answer
    clock.now += 1
    assert kept.get("old") is None
    kept.put(ANSWER, key="new", chat_id=1, message_id=2)
    assert [r["key"] for r in store.db["kept_answers"].rows] == ["new"]
    store.close()


def test_a_payload_from_a_newer_version_keeps_what_this_one_knows() -> None:
    data = json.loads(answer_payload(ANSWER))
    assert answer_from_payload(json.dumps({**data, "added_later": 1})) == ANSWER


def test_contexts_are_per_chat_and_user_and_last_minutes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    clock = Clock()
    contexts = ChatContexts(store.db, seconds=300, clock=clock)
    contexts.remember(chat_id=1, user_id=10, question="who attended from Canada")
    contexts.remember(chat_id=1, user_id=10, question="who attended from France")
    contexts.remember(chat_id=2, user_id=10, question="what did Merz say")
    reopened = ChatContexts(Store.open(tmp_path / "bot.db").db, seconds=300, clock=clock)
    assert reopened.recall(chat_id=1, user_id=10) == "who attended from France"
    assert reopened.recall(chat_id=2, user_id=10) == "what did Merz say"
    assert reopened.recall(chat_id=1, user_id=11) is None
    clock.now += 300
    assert reopened.recall(chat_id=1, user_id=10) is None
    contexts.remember(chat_id=3, user_id=10, question="hi")
    assert store.db["chat_contexts"].count == 1
    store.close()


def test_a_deleted_documents_facts_leave_the_kept_answers(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    gone, stays = save(store, "Merz said: more air defence."), save(store, "Tusk said: more.")
    facts = [{**ANSWER.results[0], "doc_id": doc_id} for doc_id in (gone, stays)]
    kept = KeptAnswers(store.db)
    kept.put(replace(ANSWER, results=facts), key="k")
    assert kept.get("k") == replace(ANSWER, results=facts)
    assert store.delete_document(gone)
    assert kept.get("k") == replace(ANSWER, results=[REMOVED, facts[1]])
    store.close()
