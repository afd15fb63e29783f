"""Whatever the engine keeps across another connection's writes, it answers as a fresh one does."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from bench.generator import generate
from bench.questions import make_questions
from bot.ask import answer_question
from bot.ingest.pipeline import ingest_document
from bot.wiring import open_store

DOCS = 60


def test_answers_after_another_connections_saves_are_a_fresh_engines(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    docs = [synthetic.doc for synthetic in generate(DOCS, seed=5)]
    writer = open_store(path)  # a feed's connection
    for doc in docs:
        ingest_document(writer, doc)
    kept = open_store(path)  # the answering process, its caches kept between questions
    questions = make_questions(DOCS, per_kind=2, seed=5)
    for question in questions[:10]:
        answer_question(question.text, store=kept)  # fill what it keeps
    differ = []
    for i, question in enumerate(questions):
        source = docs[(i * 7 + 3) % DOCS]  # each save gives a report another's facts
        saved = dataclasses.replace(docs[i % DOCS], text=f"{source.text}\nTalks go on ({i}).")
        ingest_document(writer, saved)
        after = answer_question(question.text, store=kept)
        fresh_store = open_store(path)
        fresh = answer_question(question.text, store=fresh_store)
        fresh_store.close()
        if (after.found, after.text) != (fresh.found, fresh.text):
            differ.append(question.text)
    kept.close()
    writer.close()
    assert differ == []
